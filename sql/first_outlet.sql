-- The first outlet to carry each claim: claims linked across documents (same
-- quote, quote variant, paraphrase or wire copy) form groups; for each group, the
-- outlet whose document was published earliest.  When several outlets share the
-- earliest time, or no document of the group is dated, no outlet is named first:
-- first_source and first_claim_id are null, first_tie says why, and
-- first_sources lists the outlets that share the earliest time.
-- Groups are built from each claim's direct links (one hop), which is exact for
-- the star- and clique-shaped groups linking produces within a story.
-- Columns: claim_id (a claim with links), story_id, speaker, content,
-- first_source (null on a tie or when undated), first_published_at,
-- first_claim_id, first_tie (true when outlets tie for first),
-- first_sources (outlets at the earliest time, sorted), n_sources (outlets in
-- the group), this_source, this_published_at.
with pairs as (
    select claim_id_a as claim_id, claim_id_b as other from claim_links where relation <> 'conflict'
    union all
    select claim_id_b, claim_id_a from claim_links where relation <> 'conflict'
    union all
    select distinct claim_id_a, claim_id_a from claim_links where relation <> 'conflict'
    union all
    select distinct claim_id_b, claim_id_b from claim_links where relation <> 'conflict'
),
dated as (
    select p.claim_id, p.other, d.source, d.published_at
    from pairs p
    join claims c on c.claim_id = p.other
    join documents d on d.doc_id = c.doc_id
),
groups as (
    select
        claim_id,
        min(published_at) as first_published_at,
        count(distinct source) as n_sources
    from dated
    group by claim_id
),
earliest as (
    -- the claims published at the group's earliest time (none when nothing is dated)
    select d.claim_id, d.other, d.source
    from dated d join groups g using (claim_id)
    where d.published_at = g.first_published_at
),
firsts as (
    select
        claim_id,
        list(distinct source order by source) as first_sources,
        min(other) as first_claim_id
    from earliest
    group by claim_id
)
select
    g.claim_id,
    s.story_id,
    sp.name as speaker,
    c.content_text as content,
    case when len(f.first_sources) = 1 then f.first_sources[1] end as first_source,
    g.first_published_at,
    case when len(f.first_sources) = 1 then f.first_claim_id end as first_claim_id,
    coalesce(len(f.first_sources) > 1, false) as first_tie,
    coalesce(f.first_sources, []) as first_sources,
    g.n_sources,
    d.source as this_source,
    d.published_at as this_published_at
from groups g
left join firsts f using (claim_id)
join claims c on c.claim_id = g.claim_id
join documents d on d.doc_id = c.doc_id
left join stories s on s.doc_id = c.doc_id
left join speakers sp on sp.speaker_id = c.speaker_id
order by s.story_id, g.first_published_at nulls last, g.claim_id
