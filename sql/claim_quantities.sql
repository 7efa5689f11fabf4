-- Quantities per claim: every number a claim states, normalised, next to who
-- stated it, so figures can be compared across claims and outlets.
-- Columns: source (outlet), doc_id, claim_id, speaker (canonical name, else as
-- written; null for the reporter's own claims), quantity (as written), value
-- (normalised: durations in minutes, money in its currency unit), unit, kind
-- (duration | money | count | percent | date | ...), approximation (almost,
-- about, more than, ...), lower / upper (bounds of a range), content.
select
    d.source,
    q.doc_id,
    q.claim_id,
    coalesce(c.speaker, c.speaker_text) as speaker,
    q.text as quantity,
    q.value,
    q.unit,
    q.kind,
    q.approximation,
    q.lower,
    q.upper,
    c.content_text as content
from quantities q
join claims c using (claim_id)
join documents d on d.doc_id = q.doc_id
order by d.source, q.doc_id, q.start
