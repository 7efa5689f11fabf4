-- Who said what across sources: for every story and speaker, each claim with the
-- outlet that carried it, so one speaker's words can be read side by side by outlet.
-- Columns: story_id, speaker_id, speaker (canonical name), source (outlet),
-- published_at, attribution_type, content (the reported material), n_sources (how
-- many outlets in the story carry at least one claim by this speaker), claim_id.
select
    s.story_id,
    c.speaker_id,
    sp.name as speaker,
    d.source,
    d.published_at,
    c.attribution_type,
    c.content_text as content,
    count(distinct d.source) over (partition by s.story_id, c.speaker_id) as n_sources,
    c.claim_id
from claims c
join documents d using (doc_id)
join stories s using (doc_id)
join speakers sp using (speaker_id)
where c.attribution_type <> 'unattributed'
order by s.story_id, n_sources desc, sp.name, d.published_at nulls last, d.source, c.content_start
