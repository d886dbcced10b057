-- The period the context gives, nearest level first: the heading above the figure, the line
-- introducing its list, its own sentence, the answer's snapshot phrase, then its question.
with

periods as (
    select * from {{ ref('int_period_labels_parsed') }}
),

contexts as (
    select * from {{ ref('int_figure_contexts') }}
)

select
    contexts.figure_id,
    contexts.snapshot_day,
    case
        when heading_period.period_kind is not null then 'heading'
        when preamble_period.period_kind is not null then 'preamble'
        when sentence_period.period_kind is not null then 'sentence'
        when question_period.period_kind is not null then 'question'
    end as context_period_from,
    coalesce(heading_period.period_kind, preamble_period.period_kind, sentence_period.period_kind, question_period.period_kind)
        as period_kind,
    coalesce(heading_period.period_label, preamble_period.period_label, sentence_period.period_label, question_period.period_label)
        as period_label,
    coalesce(heading_period.period_start, preamble_period.period_start, sentence_period.period_start, question_period.period_start)
        as period_start,
    coalesce(heading_period.period_end, preamble_period.period_end, sentence_period.period_end, question_period.period_end)
        as period_end
from contexts
left join periods as heading_period on contexts.heading_period_text = heading_period.label_text
left join periods as preamble_period on contexts.preamble_period_text = preamble_period.label_text
left join periods as sentence_period on contexts.sentence_period_text = sentence_period.label_text
left join periods as question_period on contexts.question_period_text = question_period.label_text
