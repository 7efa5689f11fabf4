-- Wire copy: sentences carried near-verbatim by different outlets (an agency's
-- copy republished), with what changed.  `detail` is the word-level difference
-- of the two sentences, or "identical sentence".
-- Columns: story_id, source_a, source_b, published_a, published_b, speaker,
-- content_a, detail, score (0-1 similarity of the sentences), claim_id_a, claim_id_b.
select
    s.story_id,
    da.source as source_a,
    db.source as source_b,
    da.published_at as published_a,
    db.published_at as published_b,
    coalesce(sp.name, ca.speaker_text) as speaker,
    ca.content_text as content_a,
    l.detail,
    l.score,
    l.claim_id_a,
    l.claim_id_b
from claim_links l
join claims ca on ca.claim_id = l.claim_id_a
join claims cb on cb.claim_id = l.claim_id_b
join documents da on da.doc_id = ca.doc_id
join documents db on db.doc_id = cb.doc_id
left join stories s on s.doc_id = ca.doc_id
left join speakers sp on sp.speaker_id = ca.speaker_id
where l.relation = 'wire_copy'
order by s.story_id, da.source, db.source, l.claim_id_a
