-- Conflicting quantities: pairs of claims in one story that give figures for the
-- same thing that do not agree ("one and a half hours" vs "close to two hours"),
-- or opposite polarity.  `detail` names the unit and both figures
-- ("minute: 90 vs close to 120").
-- Columns: story_id, speaker_a, speaker_b, source_a, source_b, claim_a, claim_b,
-- detail, score (how alike the two claims are otherwise, 0-1), claim_id_a, claim_id_b.
select story_id, speaker_a, speaker_b, source_a, source_b, content_a as claim_a, content_b as claim_b,
       detail, score, claim_id_a, claim_id_b
from linked_claims
where relation = 'conflict'
order by story_id, score desc
