-- The words naming each topic ("Clare's Law", "stop and search"), case-insensitive: a question
-- or title they match frames its answer in that pack, and picks no measure (decision 1000).
select
    topic,
    priority,
    '(?i)' || pattern as pattern
from {{ source('topics', 'subject_patterns') }}
