-- Claims per speaker per source: how often each outlet quotes or paraphrases
-- each speaker.
-- Columns: speaker (canonical name, else as written), source (outlet),
-- claims (all attributed claim mentions), direct (verbatim quotes only),
-- documents (articles in which the speaker is cited).
select
    coalesce(c.speaker, c.speaker_text) as speaker,
    d.source,
    count(*) as claims,
    count(*) filter (where c.attribution_type = 'direct') as direct,
    count(distinct c.doc_id) as documents
from claims c
join documents d using (doc_id)
where c.attribution_type <> 'unattributed'
  and coalesce(c.speaker, c.speaker_text) is not null
group by all
order by claims desc, speaker, d.source
