-- Linked claims: every claim_links row with both claims spelled out, the base
-- of the relation views (quote_variants, conflicting_quantities, wire_copy).
-- Columns: relation, story_id (of claim a), speaker_a, speaker_b (canonical
-- name, else as written), source_a, source_b, published_a, published_b,
-- content_a, content_b, detail (word-level difference or disagreeing figures),
-- score (0-1), claim_id_a, claim_id_b.
select
    l.relation,
    s.story_id,
    coalesce(spa.name, ca.speaker_text) as speaker_a,
    coalesce(spb.name, cb.speaker_text) as speaker_b,
    da.source as source_a,
    db.source as source_b,
    da.published_at as published_a,
    db.published_at as published_b,
    ca.content_text as content_a,
    cb.content_text as content_b,
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
left join speakers spa on spa.speaker_id = ca.speaker_id
left join speakers spb on spb.speaker_id = cb.speaker_id
