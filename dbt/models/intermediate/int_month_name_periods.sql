-- A bare month name ("Jan - 9 - Feb - 6") is that month of the year its context names.
with

candidates as (
    select * from {{ ref('int_figure_candidates') }}
),

contexts as (
    select * from {{ ref('int_figure_contexts') }}
)

select
    normalised.figure_id,
    'month' as period_kind,
    strftime(normalised.month_start, '%Y-%m') as period_label,
    normalised.month_start as period_start,
    last_day(normalised.month_start) as period_end
from (
    select
        candidates.figure_id,
        make_date(
            cast(contexts.context_year as integer),
            {%- set months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] %}
            case left(lower(trim(candidates.row_label)), 3)
                {%- for month in months %}
                    when '{{ month }}' then {{ loop.index }}
                {%- endfor %}
            end,
            1
        ) as month_start
    from candidates
    inner join contexts on candidates.figure_id = contexts.figure_id
    where
        contexts.context_year is not null
        and {{ re_matches('lower(trim(candidates.row_label))', '^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?$') }}
) as normalised
