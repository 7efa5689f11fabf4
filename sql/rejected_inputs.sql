-- Rejected inputs: what could not be ingested and why, grouped by reason.
-- Columns: reason (short code), inputs (how many), example_uri, example_detail.
select reason, count(*) as inputs, min(uri) as example_uri, min(detail) as example_detail
from rejects
group by reason
order by inputs desc, reason
