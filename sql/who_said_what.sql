-- Who said what: every top-level attributed claim with its speaker, cue and
-- content, newest documents first.
-- Columns: source (outlet), title (article), speaker (canonical name, else as
-- written), speaker_type, cue (as written), attribution_type (direct |
-- indirect | mixed), content (the reported material), doc_id, claim_id.
select
    d.source,
    d.title,
    coalesce(c.speaker, c.speaker_text) as speaker,
    c.speaker_type,
    c.cue_text as cue,
    c.attribution_type,
    c.content_text as content,
    c.doc_id,
    c.claim_id
from claims c
join documents d using (doc_id)
where c.attribution_type <> 'unattributed'
order by d.published_at desc nulls last, d.source, c.doc_id, c.content_start
