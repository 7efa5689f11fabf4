-- Speaker x source coverage: how many claims each outlet attributes to each
-- speaker, over all stories; one row per (speaker, source) with claims.  Pivot
-- on `source` for a matrix (e.g. `pivot speaker_source_coverage on source
-- using sum(n_claims)` in DuckDB).
-- Columns: speaker_id, speaker (canonical name), speaker_type, source, n_claims,
-- n_direct (claims quoting the speaker directly), n_stories (stories where this
-- outlet quotes the speaker).
select
    sp.speaker_id,
    sp.name as speaker,
    sp.speaker_type,
    d.source,
    count(*) as n_claims,
    count(*) filter (where c.attribution_type in ('direct', 'mixed')) as n_direct,
    count(distinct s.story_id) as n_stories
from claims c
join speakers sp using (speaker_id)
join documents d using (doc_id)
left join stories s using (doc_id)
group by all
order by sp.name, d.source
