-- Every distinct row, column and inline label, read as a period where it is one.
-- period_kind 'year' is a bare year: the figure's measure decides whether it is a calendar
-- year (flows) or a snapshot in that year (stocks), in int_figures_classified.
with

labels as (
    select row_label as label_text from {{ ref('stg_table_cells') }}
    union
    select col_label from {{ ref('stg_table_cells') }}
    union
    select label_text from {{ ref('stg_inline_figures') }}
),

normalised as (
    select
        label_text,
        {{ normalise_label('label_text') }} as t
    from labels
    where label_text is not null and label_text != ''
),

parts as (
    select
        label_text,
        t,
        {{ uk_date(
            re_extract('t', 'as (at|of) (\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})', 2),
            re_extract('t', 'as (at|of) (\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})', 3),
            re_extract('t', 'as (at|of) (\\d{1,2})[/.](\\d{1,2})[/.](\\d{2,4})', 4)
        ) }} as as_at_date,
        {{ re_extract('t', '(^|[^\\d])(\\d{4}) ?[-/] ?(\\d{4}|\\d{2})([^\\d]|$)', 2) }} as fy_a,
        {{ re_extract('t', '(^|[^\\d])(\\d{4}) ?[-/] ?(\\d{4}|\\d{2})([^\\d]|$)', 3) }} as fy_b,
        {{ re_extract('t', '(^|[^\\d])(\\d{5}) ?[-/] ?(\\d{2})([^\\d]|$)', 2) }} as typo_token,
        {{ re_extract('t', '(^|[^\\d])(\\d{5}) ?[-/] ?(\\d{2})([^\\d]|$)', 3) }} as typo_b,
        {{ re_extract('t', '(^|[^\\d/])(\\d{2}) ?[-/] ?(\\d{2})([^\\d/]|$)', 2) }} as short_a,
        {{ re_extract('t', '(^|[^\\d/])(\\d{2}) ?[-/] ?(\\d{2})([^\\d/]|$)', 3) }} as short_b,
        {{ re_extract('t', '^((19|20)\\d{2})$', 1) }} as bare_year
    from normalised
),

financial as (
    select
        *,
        case
            when
                fy_a is not null
                and {{ year_from_text('fy_b') }} % 100 = (cast(fy_a as integer) + 1) % 100
                then cast(fy_a as integer)
        end as fy_start,
        case
            when typo_token is not null and left(typo_token, 2) in ('19', '20')
                then cast(left(typo_token, 2) as integer) * 100 + cast(typo_b as integer) - 1
        end as typo_candidate,
        case
            when short_a is not null and cast(short_b as integer) = (cast(short_a as integer) + 1) % 100
                then 2000 + cast(short_a as integer)
        end as short_start
    from parts
),

resolved as (
    select
        label_text,
        case
            when as_at_date is not null then 'as_at_date'
            when fy_start is not null then 'financial_year'
            when
                typo_candidate is not null
                and {{ one_digit_dropped('typo_token', 'cast(typo_candidate as varchar)') }}
                then 'financial_year_typo'
            when short_start is not null then 'financial_year_short'
            when bare_year is not null then 'bare_year'
        end as parse_rule,
        as_at_date,
        coalesce(
            fy_start,
            case
                when {{ one_digit_dropped('typo_token', 'cast(typo_candidate as varchar)') }}
                    then typo_candidate
            end,
            short_start
        ) as fy_start_year,
        cast(bare_year as integer) as bare_year
    from financial
)

select
    label_text,
    parse_rule,
    case
        when parse_rule = 'as_at_date' then 'as_at'
        when parse_rule like 'financial_year%' then 'financial_year'
        when parse_rule = 'bare_year' then 'year'
    end as period_kind,
    case
        when parse_rule = 'as_at_date' then strftime(as_at_date, '%Y-%m-%d')
        when parse_rule like 'financial_year%' then {{ financial_year_label('fy_start_year') }}
        when parse_rule = 'bare_year' then cast(bare_year as varchar)
    end as period_label,
    case
        when parse_rule = 'as_at_date' then as_at_date
        when parse_rule like 'financial_year%' then make_date(fy_start_year, 4, 1)
        when parse_rule = 'bare_year' then make_date(bare_year, 1, 1)
    end as period_start,
    case
        when parse_rule = 'as_at_date' then as_at_date
        when parse_rule like 'financial_year%' then make_date(fy_start_year + 1, 3, 31)
        when parse_rule = 'bare_year' then make_date(bare_year, 12, 31)
    end as period_end
from resolved
where parse_rule is not null
