-- Hedged claims by speaker: how sure each speaker sounds, and which hedges
-- ("could", "reportedly", "without elaborating", ...) come with their claims.
-- Columns: speaker (canonical name, else as written; "(author)" for the
-- reporter's own claims), claims, hedged (claims with at least one hedge),
-- share_hedged (0-1), possible / probable / unknown (claims by certainty),
-- negative (claims with negative polarity), hedges (the distinct hedge cues seen).
select
    coalesce(c.speaker, c.speaker_text, '(author)') as speaker,
    count(*) as claims,
    count(*) filter (where len(c.hedges) > 0) as hedged,
    round(count(*) filter (where len(c.hedges) > 0) / count(*), 3) as share_hedged,
    count(*) filter (where c.certainty = 'possible') as possible,
    count(*) filter (where c.certainty = 'probable') as probable,
    count(*) filter (where c.certainty = 'unknown') as unknown,
    count(*) filter (where c.polarity = 'negative') as negative,
    list_sort(list_distinct(flatten(list(c.hedges)))) as hedges
from claims c
group by all
order by hedged desc, claims desc, speaker
