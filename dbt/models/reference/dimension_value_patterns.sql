-- The breakdowns a pack declares (ethnicity, legislation, outcome, ...): each value's patterns,
-- read only for figures of that pack's measures.
select
    topic,
    priority,
    dimension,
    dimension_value,
    description,
    '(?i)' || pattern as pattern
from {{ source('topics', 'dimension_values') }}
