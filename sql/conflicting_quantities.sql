-- Conflicting quantities: pairs of claims in one story that give figures for the
-- same thing that do not agree ("one and a half hours" vs "close to two hours"),
-- or opposite polarity.  `detail` names the unit and both figures
-- ("minute: 90 vs close to 120").
-- Columns: story_id, speaker_a, speaker_b, source_a, source_b, claim_a, claim_b,
-- detail, score (how alike the two claims are otherwise, 0-1), claim_id_a, claim_id_b.
select
    s.story_id,
    coalesce(spa.name, ca.speaker_text) as speaker_a,
    coalesce(spb.name, cb.speaker_text) as speaker_b,
    da.source as source_a,
    db.source as source_b,
    ca.content_text as claim_a,
    cb.content_text as claim_b,
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
where l.relation = 'conflict'
order by s.story_id, l.score desc
