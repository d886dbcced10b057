-- The label patterns of every pack's measures, case-insensitive; priority is the pattern's
-- place in its pack (the first listed wins within a pack, decision 1000).
select
    topic,
    priority,
    '(?i)' || pattern as pattern,
    measure,
    note,
    added_by,
    added_at,
    reason
from {{ source('topics', 'measure_patterns') }}
