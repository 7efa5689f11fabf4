-- Quote variants with their differences: the same quote as two outlets printed
-- it, with words changed, dropped or added.  `difference` lists b's changes
-- against a word by word ("-favour +favor; -stopping +ending").
-- Columns: story_id, speaker, source_a, source_b, quote_a, quote_b (the claims'
-- content), difference, score (0-1 similarity of the quotes), claim_id_a, claim_id_b.
select
    s.story_id,
    sp.name as speaker,
    da.source as source_a,
    db.source as source_b,
    ca.content_text as quote_a,
    cb.content_text as quote_b,
    l.detail as difference,
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
where l.relation = 'quote_variant'
order by s.story_id, sp.name, l.score
