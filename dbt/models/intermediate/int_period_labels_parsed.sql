-- Every distinct label that can carry a period (row, column and group labels, the words around
-- an inline figure, an answer's "as at ..." phrase), read as a period where it is one.
-- Kinds that need the figure's measure or the response date are resolved downstream, in
-- int_figures_classified: 'year' and 'month' (a snapshot for stocks, a span for flows),
-- 'to_date' and 'current' (end on the response date). A label a person approved in review
-- (seed period_label_overrides) means the period approved, before any rule is tried.
with

labels as (
    select row_label as label_text from {{ ref('stg_table_cells') }}
    union
    select col_label from {{ ref('stg_table_cells') }}
    union
    -- the last part of a multi-row header ("Calendar year / 2021")
    select {{ header_last_part('col_label') }} from {{ ref('stg_table_cells') }}
    union
    -- the first part of one ("2022 / Male")
    select {{ header_first_part('col_label') }} from {{ ref('stg_table_cells') }}
    union
    select row_group from {{ ref('stg_table_cells') }}
    union
    select label_text from {{ ref('stg_inline_figures') }}
    union
    -- the period phrase of a figure's own clause (its window of words)
    select {{ period_phrase(normalise_label('label_text')) }} from {{ ref('stg_inline_figures') }}
    where contains(label_text, '#')
    union
    select answer_as_at_text from {{ ref('int_sections_classified') }}
    union
    select heading_period_text from {{ ref('int_figure_contexts') }}
    union
    select preamble_period_text from {{ ref('int_figure_contexts') }}
    union
    select sentence_period_text from {{ ref('int_figure_contexts') }}
    union
    select question_period_text from {{ ref('int_figure_contexts') }}
),

tokenised as (
    select
        label_text,
        {{ dates_months_tokenised(normalise_label('label_text')) }} as t
    from labels
    where label_text is not null and label_text != ''
),

worded as (
    select
        label_text,
        {{ dates_words_to_iso('t') }} as t
    from tokenised
),

canonical as (
    select
        label_text,
        {{ dates_numbers_to_iso('t') }} as c
    from worded
),

parts as (
    select
        label_text,
        c,
        {{ re_extract('c', '(as (at|of|on)|\\bon|\\bat)( the)? (\\d{4}-\\d{2}-(0[1-9]|[12]\\d|3[01]))', 4) }} as as_at_text,
        {{ re_extract('c', '^\\(?(\\d{4}-\\d{2}-(0[1-9]|[12]\\d|3[01]))\\)?$', 1) }} as lone_date_text,
        {{ re_extract('c', '((figures|data|position|total) (for|in|as at|at)|as (at|of|on)( the end of)?) (\\d{4}-\\d{2}-00)', 6) }} as month_text,
        {{ re_extract('c', '(\\d{4}-\\d{2}-\\d{2})\\D{0,12}?(-|to|until|till|through|and)\\D{0,25}?(\\d{4}-\\d{2}-\\d{2})', 1) }} as range_a,
        {{ re_extract('c', '(\\d{4}-\\d{2}-\\d{2})\\D{0,12}?(-|to|until|till|through|and)\\D{0,25}?(\\d{4}-\\d{2}-\\d{2})', 3) }} as range_b,
        {{ re_extract('c', '^((19|20)\\d{2}) \\(?(to|up to|until|till) (the )?end (of )?m(\\d{2})', 1) }} as part_year,
        {{ re_extract('c', '^((19|20)\\d{2}) \\(?(to|up to|until|till) (the )?end (of )?m(\\d{2})', 6) }} as part_month,
        {{ re_extract('c', '^((19|20)\\d{2}) \\(?(to|up to|until|till) (\\d{1,2}) m(\\d{2})\\b', 1) }} as part_day_year,
        {{ re_extract('c', '^((19|20)\\d{2}) \\(?(to|up to|until|till) (\\d{1,2}) m(\\d{2})\\b', 4) }} as part_day,
        {{ re_extract('c', '^((19|20)\\d{2}) \\(?(to|up to|until|till) (\\d{1,2}) m(\\d{2})\\b', 5) }} as part_day_month,
        {{ re_extract('c', '^((19|20)\\d{2}) (to|up to|until|till) (the )?(\\d{4}-\\d{2}-\\d{2})', 1) }} as part_date_year,
        {{ re_extract('c', '^((19|20)\\d{2}) (to|up to|until|till) (the )?(\\d{4}-\\d{2}-\\d{2})', 5) }} as part_date,
        {{ re_extract('c', '(since|from)? ?((19|20)\\d{2}),? ((up )?to date|ytd)\\b', 2) }} as since_year,
        -- a year to date written after the year: "2023/24 (to 29 february 2024)"
        {{ re_extract('c', '\\b(to|up to|until|till|ending) (the )?(\\d{4}-\\d{2}-\\d{2})\\)?$', 3) }} as to_date_text,
        {{ re_matches('c', '(this|the current|current|calendar) (calendar )?year to date|^ytd$') }} as is_year_to_date,
        {{ re_matches('c', '(this|the current|current) financial year to date|^fytd$') }} as is_fy_to_date,
        -- "2023/24 ytd": a year to date written after the year, ending on the response date
        {{ re_matches('c', '\\b(ytd|fytd|(up )?to date)\\b') }} as says_to_date,
        {{ re_extract('c', '\\bfy ?(\\d{2}) ?[-/] ?(\\d{2})\\b', 1) }} as fy_short_a,
        {{ re_extract('c', '\\bfy ?(\\d{2}) ?[-/] ?(\\d{2})\\b', 2) }} as fy_short_b,
        {{ re_extract('c', '(^|[^\\d-])((19|20)\\d{2}) ?[-/] ?(\\d{4}|\\d{2})($|[^\\d-])', 2) }} as fy_a,
        {{ re_extract('c', '(^|[^\\d-])((19|20)\\d{2}) ?[-/] ?(\\d{4}|\\d{2})($|[^\\d-])', 4) }} as fy_b,
        {{ re_extract('c', '(^|[^\\d])(\\d{5}) ?[-/] ?(\\d{2})([^\\d]|$)', 2) }} as typo_token,
        {{ re_extract('c', '(^|[^\\d])(\\d{5}) ?[-/] ?(\\d{2})([^\\d]|$)', 3) }} as typo_b,
        {{ re_extract('c', '(^|[^\\d/-])(\\d{2}) ?[-/] ?(\\d{2})($|[^\\d/-])', 2) }} as short_a,
        {{ re_extract('c', '(^|[^\\d/-])(\\d{2}) ?[-/] ?(\\d{2})($|[^\\d/-])', 3) }} as short_b,
        coalesce(
            {{ re_extract('c', 'calendar year ((19|20)\\d{2})', 1) }},
            {{ re_extract('c', '((19|20)\\d{2}),? \\(?calendar year', 1) }},
            {{ re_extract('c', '\\bcy ?((19|20)\\d{2})\\b', 1) }}
        ) as calendar_year,
        {{ re_extract('c', '^\\(?(year )?((19|20)\\d{2})\\)?:?$', 2) }} as bare_year,
        {{ re_extract('c', '#.*\\b(in|during) ((19|20)\\d{2})\\b', 2) }} as event_year,
        {{ re_matches('c', '\\b(currently|at present|right now|as of today|at this time)\\b') }}
        and not {{ re_matches('c', 'currently (in|held in) (custody|prison)') }} as is_current
    from canonical
),

dated as (
    select
        *,
        {{ iso_first_day('coalesce(as_at_text, lone_date_text)') }} as as_at_date,
        {{ iso_first_day('range_a') }} as range_start,
        {{ iso_last_day('range_b') }} as range_end,
        {{ iso_first_day('month_text') }} as month_start,
        {{ iso_first_day('to_date_text') }} as to_date_end,
        case
            when part_year is not null then {{ month_end('part_year', 'part_month') }}
            when part_day_year is not null
                then try_cast(make_date(cast(part_day_year as integer), cast(part_day_month as integer), cast(part_day as integer)) as date)
            when part_date_year is not null then {{ iso_first_day('part_date') }}
        end as partial_end,
        cast(coalesce(part_year, part_day_year, part_date_year) as integer) as partial_year,
        case
            when fy_short_a is not null and cast(fy_short_b as integer) = (cast(fy_short_a as integer) + 1) % 100
                then 2000 + cast(fy_short_a as integer)
        end as fy_prefixed_start,
        case
            when fy_a is not null and {{ year_from_text('fy_b') }} % 100 = (cast(fy_a as integer) + 1) % 100
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

ruled as (
    select
        *,
        case
            when as_at_date is not null and lone_date_text is null then 'as_at_date'
            when range_start is not null and range_end is not null and range_end > range_start then 'date_range'
            when as_at_date is not null then 'lone_date'
            when partial_end is not null and partial_end > make_date(partial_year, 1, 1) then 'partial_year'
            when since_year is not null then 'since_year_to_date'
            when is_fy_to_date then 'financial_year_to_date'
            when is_year_to_date then 'year_to_date'
            when month_text is not null or {{ re_matches('c', '^\\d{4}-\\d{2}-00$') }} then 'month'
            when
                coalesce(fy_prefixed_start, fy_start, short_start) is not null
                and to_date_end > make_date(coalesce(fy_prefixed_start, fy_start, short_start), 4, 1)
                and to_date_end < make_date(coalesce(fy_prefixed_start, fy_start, short_start) + 1, 3, 31)
                then 'financial_year_partial'
            when coalesce(fy_prefixed_start, fy_start, short_start) is not null and says_to_date
                then 'financial_year_to_date'
            when fy_prefixed_start is not null then 'financial_year_prefixed'
            when fy_start is not null then 'financial_year'
            when
                typo_candidate is not null
                and {{ one_digit_dropped('typo_token', 'cast(typo_candidate as varchar)') }}
                then 'financial_year_typo'
            when short_start is not null then 'financial_year_short'
            when calendar_year is not null then 'calendar_year'
            when bare_year is not null then 'bare_year'
            when event_year is not null then 'event_year'
            when is_current then 'currently'
        end as parse_rule
    from dated
),

spans as (
    select
        label_text,
        c as canonical_text,
        parse_rule,
        case
            when parse_rule in ('as_at_date', 'lone_date') then as_at_date
            when parse_rule = 'date_range' then range_start
            when parse_rule = 'partial_year' then make_date(partial_year, 1, 1)
            when parse_rule = 'since_year_to_date' then make_date(cast(since_year as integer), 1, 1)
            when parse_rule = 'financial_year_to_date'
                then make_date(coalesce(fy_prefixed_start, fy_start, short_start), 4, 1)
            when parse_rule = 'month' then {{ iso_first_day('coalesce(month_text, c)') }}
            when parse_rule = 'financial_year_partial'
                then make_date(coalesce(fy_prefixed_start, fy_start, short_start), 4, 1)
            when parse_rule = 'financial_year_prefixed' then make_date(fy_prefixed_start, 4, 1)
            when parse_rule = 'financial_year' then make_date(fy_start, 4, 1)
            when parse_rule = 'financial_year_typo' then make_date(typo_candidate, 4, 1)
            when parse_rule = 'financial_year_short' then make_date(short_start, 4, 1)
            when parse_rule = 'calendar_year' then make_date(cast(calendar_year as integer), 1, 1)
            when parse_rule = 'bare_year' then make_date(cast(bare_year as integer), 1, 1)
            when parse_rule = 'event_year' then make_date(cast(event_year as integer), 1, 1)
        end as period_start,
        case
            when parse_rule in ('as_at_date', 'lone_date') then as_at_date
            when parse_rule = 'date_range' then range_end
            when parse_rule = 'partial_year' then partial_end
            when parse_rule = 'month' then last_day({{ iso_first_day('coalesce(month_text, c)') }})
            when parse_rule = 'financial_year_partial' then to_date_end
            when parse_rule = 'financial_year_prefixed' then make_date(fy_prefixed_start + 1, 3, 31)
            when parse_rule = 'financial_year' then make_date(fy_start + 1, 3, 31)
            when parse_rule = 'financial_year_typo' then make_date(typo_candidate + 1, 3, 31)
            when parse_rule = 'financial_year_short' then make_date(short_start + 1, 3, 31)
            when parse_rule = 'calendar_year' then make_date(cast(calendar_year as integer), 12, 31)
            when parse_rule = 'bare_year' then make_date(cast(bare_year as integer), 12, 31)
            when parse_rule = 'event_year' then make_date(cast(event_year as integer), 12, 31)
        end as period_end
    from ruled
    where parse_rule is not null
),

-- A range that is exactly a financial or calendar year is labelled as one.
ruled_kinds as (
    select
        *,
        case
            when parse_rule in ('as_at_date', 'lone_date') then 'as_at'
            when
                parse_rule = 'date_range'
                and month(period_start) = 4 and day(period_start) = 1
                and period_end = make_date(year(period_start) + 1, 3, 31)
                then 'financial_year'
            when
                parse_rule = 'date_range'
                and month(period_start) = 1 and day(period_start) = 1
                and period_end = make_date(year(period_start), 12, 31)
                then 'calendar_year'
            when parse_rule in ('date_range', 'partial_year', 'financial_year_partial') then 'date_range'
            when parse_rule in ('since_year_to_date', 'financial_year_to_date', 'year_to_date') then 'to_date'
            when parse_rule = 'month' then 'month'
            when parse_rule like 'financial_year%' then 'financial_year'
            when parse_rule in ('calendar_year', 'event_year') then 'calendar_year'
            when parse_rule = 'bare_year' then 'year'
            when parse_rule = 'currently' then 'current'
        end as period_kind
    from spans
),

approvals as (
    select
        {{ normalise_label('label') }} as label_norm,
        period_kind,
        period_start,
        period_end
    from {{ ref('period_label_overrides') }}
),

approved as (
    select
        tokenised.label_text,
        approvals.label_norm as canonical_text,
        'approved' as parse_rule,
        approvals.period_kind,
        approvals.period_start,
        approvals.period_end
    from tokenised
    inner join approvals on {{ normalise_label('tokenised.label_text') }} = approvals.label_norm
),

kinded as (
    select
        label_text,
        canonical_text,
        parse_rule,
        period_kind,
        period_start,
        period_end
    from approved
    union all
    select
        label_text,
        canonical_text,
        parse_rule,
        period_kind,
        period_start,
        period_end
    from ruled_kinds
    where label_text not in (select approved.label_text from approved)
)

select
    label_text,
    canonical_text,
    parse_rule,
    period_kind,
    case
        when period_kind = 'as_at' then strftime(period_start, '%Y-%m-%d')
        when period_kind = 'financial_year' then {{ financial_year_label('year(period_start)') }}
        when period_kind in ('calendar_year', 'year') then cast(year(period_start) as varchar)
        when period_kind = 'month' then strftime(period_start, '%Y-%m')
        when period_kind = 'date_range' then {{ iso_interval_label('period_start', 'period_end') }}
    end as period_label,
    period_start,
    period_end
from kinded
