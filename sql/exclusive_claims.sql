-- Exclusive claims per outlet within a story: claims that no claim of another
-- outlet in the same story repeats, quotes or paraphrases (no claim_links row of
-- any relation to a claim of another source).  What only this outlet reported.
-- Columns: story_id, source, speaker (canonical name, else as written),
-- content, n_story_sources (outlets in the story), doc_id, claim_id.
with story_sources as (
    select s.story_id, count(distinct d.source) as n_story_sources
    from stories s join documents d using (doc_id)
    group by s.story_id
),
linked as (
    select l.claim_id_a as claim_id from claim_links l
    union
    select l.claim_id_b from claim_links l
)
select
    s.story_id,
    d.source,
    coalesce(sp.name, c.speaker, c.speaker_text) as speaker,
    c.content_text as content,
    ss.n_story_sources,
    c.doc_id,
    c.claim_id
from claims c
join documents d using (doc_id)
join stories s using (doc_id)
join story_sources ss using (story_id)
left join speakers sp using (speaker_id)
where c.attribution_type <> 'unattributed'
  and ss.n_story_sources > 1
  and c.claim_id not in (select claim_id from linked)
order by s.story_id, d.source, c.doc_id, c.content_start
