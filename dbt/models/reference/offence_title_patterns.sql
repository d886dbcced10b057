-- The patterns reading a recorded-crime title as one harmonised offence, in each pack's order
-- (a title naming several offences is read by the most specific, listed first).
select
    topic,
    priority,
    '(?i)' || pattern as pattern,
    offence_key,
    note,
    added_by,
    added_at,
    reason
from {{ source('topics', 'offence_patterns') }}
