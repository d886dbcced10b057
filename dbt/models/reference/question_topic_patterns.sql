-- The question patterns of every pack: a question's words -> the measure it asks about (and,
-- for offences, the category asked), used when a figure's own labels name no measure.
select
    topic,
    priority,
    '(?i)' || pattern as pattern,
    measure,
    offence_category,
    note,
    added_by,
    added_at,
    reason
from {{ source('topics', 'question_patterns') }}
