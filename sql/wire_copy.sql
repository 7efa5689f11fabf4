-- Wire copy: sentences carried near-verbatim by different outlets (an agency's
-- copy republished), with what changed.  `detail` is the word-level difference
-- of the two sentences, or "identical sentence".
-- Columns: story_id, source_a, source_b, published_a, published_b, speaker,
-- content_a, detail, score (0-1 similarity of the sentences), claim_id_a, claim_id_b.
select story_id, source_a, source_b, published_a, published_b, speaker_a as speaker, content_a,
       detail, score, claim_id_a, claim_id_b
from linked_claims
where relation = 'wire_copy'
order by story_id, source_a, source_b, claim_id_a
