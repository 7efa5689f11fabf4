-- The most check-worthy claims: every claim ranked by its check-worthiness
-- within its document and within its source, for fact-checkers' triage.
-- Columns: source (outlet), doc_id, title, claim_id, attribution_type
-- (unattributed = the reporter's own claim), speaker ("(author)" for the
-- reporter's own claims), content, checkworthy
-- (calibrated 0-1), certainty, hedges, rank_in_document, rank_in_source
-- (1 = most check-worthy).  Filter e.g. `where rank_in_document <= 3`.
select
    d.source,
    c.doc_id,
    d.title,
    c.claim_id,
    c.attribution_type,
    coalesce(c.speaker, c.speaker_text, '(author)') as speaker,
    c.content_text as content,
    c.checkworthy,
    c.certainty,
    c.hedges,
    row_number() over (partition by c.doc_id order by c.checkworthy desc, c.content_start) as rank_in_document,
    row_number() over (partition by d.source order by c.checkworthy desc, c.doc_id, c.content_start) as rank_in_source
from claims c
join documents d using (doc_id)
where c.checkworthy is not null and c.parent_claim_id is null
order by d.source, rank_in_source
