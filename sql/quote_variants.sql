-- Quote variants with their differences: the same quote as two outlets printed
-- it, with words changed, dropped or added.  `difference` lists b's changes
-- against a word by word ("-favour +favor; -stopping +ending").
-- Columns: story_id, speaker, source_a, source_b, quote_a, quote_b (the claims'
-- content), difference, score (0-1 similarity of the quotes), claim_id_a, claim_id_b.
select story_id, speaker_a as speaker, source_a, source_b, content_a as quote_a, content_b as quote_b,
       detail as difference, score, claim_id_a, claim_id_b
from linked_claims
where relation = 'quote_variant'
order by story_id, speaker, score
