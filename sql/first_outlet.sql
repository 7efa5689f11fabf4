-- The first outlet to carry each claim: claims linked across documents (same
-- quote, quote variant, paraphrase or wire copy) form groups; for each group, the
-- earliest published document.  Documents without published_at sort last.
-- Groups are built from each claim's direct links (one hop), which is exact for
-- the star- and clique-shaped groups linking produces within a story.
-- Columns: claim_id (a claim with links), story_id, speaker, content,
-- first_source, first_published_at, first_claim_id, n_sources (outlets in the
-- group), this_source, this_published_at.
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
    select p.claim_id, p.other, d.source, d.published_at, c.content_text
    from pairs p
    join claims c on c.claim_id = p.other
    join documents d on d.doc_id = c.doc_id
),
ranked as (
    select *,
        row_number() over (partition by claim_id order by published_at nulls last, source, other) as rank,
        count(distinct source) over (partition by claim_id) as n_sources
    from dated
)
select
    r.claim_id,
    s.story_id,
    sp.name as speaker,
    c.content_text as content,
    r.source as first_source,
    r.published_at as first_published_at,
    r.other as first_claim_id,
    r.n_sources,
    d.source as this_source,
    d.published_at as this_published_at
from ranked r
join claims c on c.claim_id = r.claim_id
join documents d on d.doc_id = c.doc_id
left join stories s on s.doc_id = c.doc_id
left join speakers sp on sp.speaker_id = c.speaker_id
where r.rank = 1
order by s.story_id, r.published_at nulls last, r.claim_id
