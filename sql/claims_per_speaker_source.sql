-- Claims per speaker per source: how often each outlet quotes or paraphrases
-- each speaker.  A speaker is a speaker_id (one person under every spelling,
-- namesakes apart), as in speaker_source_coverage; a claim whose speaker has no
-- speaker_id counts under its name as written.
-- Columns: speaker_id (null for a speaker known only as written), speaker
-- (canonical name, else as written: for display), source (outlet), claims (all
-- attributed claim mentions), direct (verbatim quotes only), documents
-- (articles in which the speaker is cited).
select
    c.speaker_id,
    coalesce(any_value(sp.name), min(coalesce(c.speaker, c.speaker_text))) as speaker,
    d.source,
    count(*) as claims,
    count(*) filter (where c.attribution_type = 'direct') as direct,
    count(distinct c.doc_id) as documents
from claims c
join documents d using (doc_id)
left join speakers sp using (speaker_id)
where c.attribution_type <> 'unattributed'
  and coalesce(c.speaker, c.speaker_text) is not null
group by coalesce(c.speaker_id, 'as written: ' || coalesce(c.speaker, c.speaker_text)), c.speaker_id, d.source
order by claims desc, speaker, d.source
