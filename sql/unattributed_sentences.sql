-- Sentences with no attribution: body sentences that no claim's cue or
-- content touches, i.e. what the reporter states in their own voice.
-- Columns: source (outlet), doc_id, sentence_idx, text (the sentence),
-- checkworthy (0-1 check-worthiness score, null until a model scores it).
select d.source, s.doc_id, s.sentence_idx, s.text, s.checkworthy
from sentences s
join documents d using (doc_id)
where s.kind = 'body'
  and not exists (
      select 1 from claims c
      where c.doc_id = s.doc_id
        and c.attribution_type <> 'unattributed'
        and ((c.cue_start < s."end" and c.cue_end > s.start)
             or (c.content_start < s."end" and c.content_end > s.start))
  )
order by d.source, s.doc_id, s.sentence_idx
