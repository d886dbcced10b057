-- Every topic's measures compared across forces: force x measure x period x breakdown value,
-- with rates per 100,000 people (the mid-year estimate of the year a period starts in, or the
-- latest before it), ranks and change on the previous period of the same kind.
-- Force-wide figures only (no area, no count of people in custody only). One document per
-- force, measure and period (the newest answer), so two answers that break the same count
-- down differently are never added together. 'all' is summed from male and female only when
-- both are given and no 'all' figure was; the figures of one key (offence titles of one
-- measure) are summed, a suppressed part making the whole a range (sums.sql). A period the
-- answer was written before the end of is flagged partial and never rated, ranked or compared.
with

figures as (
    select * from {{ ref('fct_disclosed_figures') }}
    where
        area_name is null
        and coalesce(custody, '') != 'only'
        and period_kind is not null
),

sexes_given as (
    select
        force_id,
        measure,
        period_label,
        coalesce(dimension_value, '') as dimension_key,
        bool_or(sex = 'all') as has_all,
        count(distinct sex) filter (where sex in ('male', 'female')) = 2 as has_both_sexes
    from figures
    group by all
),

chosen as (
    select figures.*
    from figures
    inner join sexes_given
        on
            figures.force_id = sexes_given.force_id
            and figures.measure = sexes_given.measure
            and figures.period_label = sexes_given.period_label
            and coalesce(figures.dimension_value, '') = sexes_given.dimension_key
    where
        figures.sex = 'all'
        or (not sexes_given.has_all and sexes_given.has_both_sexes and figures.sex in ('male', 'female'))
    qualify dense_rank() over (
        partition by figures.force_id, figures.measure, figures.period_label, figures.dimension
        order by figures.response_date desc nulls last, figures.document_id asc
    ) = 1
),

summed as (
    select
        topic,
        measure,
        force_id,
        force_name,
        ons_pfa_code,
        period_kind,
        period_label,
        min(period_start) as period_start,
        max(period_end) as period_end,
        dimension,
        dimension_value,
        {{ summed_value('value', 'value_status') }} as value,
        {{ summed_status('value_status') }} as value_status,
        {{ summed_bound('value_low') }} as value_low,
        {{ summed_bound('value_high') }} as value_high,
        bool_or(value_status = 'suppressed') as has_suppressed_part,
        -- answered before the period ended: the count cannot be the whole period
        coalesce(bool_or(period_kind != 'as_at' and response_date <= period_end), false) as is_partial_period,
        count(*) as figure_count,
        bool_or(is_synthetic) as is_synthetic,
        string_agg(distinct document_id, ',' order by document_id) as document_ids
    from chosen
    group by topic, measure, force_id, force_name, ons_pfa_code, period_kind, period_label, dimension, dimension_value
),

measures as (
    select * from {{ ref('measures') }}
),

-- The mid-year estimate of the year the period starts in; all ages only.
population as (
    select * from {{ ref('pfa_population') }}
    where age_basis = 'all ages'
),

rated as (
    select
        summed.*,
        measures.measure_kind,
        measures.unit,
        population.population,
        population.reference_date as population_date,
        not summed.is_partial_period and summed.value is not null as is_comparable
    from summed
    inner join measures on summed.measure = measures.measure
    -- the estimate of the year the period starts in, else the latest before it (population_date
    -- says which): the seed's estimates end before the newest answers
    left join population
        on
            summed.ons_pfa_code = population.ons_pfa_code
            and population.reference_year <= year(summed.period_start)
    qualify row_number() over (
        partition by summed.force_id, summed.measure, summed.period_label, summed.dimension, summed.dimension_value
        order by population.reference_year desc nulls last
    ) = 1
),

with_rates as (
    select
        *,
        case when is_comparable then value * 100000.0 / population end as per_100k,
        lag(period_start) over series as previous_period_start,
        lag(period_end) over series as previous_period_end,
        lag(value) over series as previous_value,
        lag(is_comparable) over series as previous_is_comparable
    from rated
    window series as (
        partition by
            topic,
            measure,
            force_id,
            period_kind,
            dimension,
            dimension_value,
            -- a monthly range follows a monthly range, a year a year
            date_diff('day', period_start, period_end) > 31
        order by period_start
    )
)

select
    topic,
    measure,
    measure_kind,
    unit,
    force_id,
    force_name,
    period_kind,
    period_label,
    period_start,
    period_end,
    dimension,
    dimension_value,
    value,
    value_status,
    value_low,
    value_high,
    has_suppressed_part,
    is_partial_period,
    population,
    population_date,
    per_100k,
    case
        when per_100k is not null
            then rank() over (
                partition by topic, measure, period_kind, period_label, dimension, dimension_value, is_synthetic, per_100k is null
                order by per_100k desc
            )
    end as rank_per_100k,
    case
        when per_100k is not null
            then count(*) over (
                partition by topic, measure, period_kind, period_label, dimension, dimension_value, is_synthetic, per_100k is null
            )
    end as forces_ranked,
    -- only the period just before (the previous year, month or day of the same length)
    case
        when
            is_comparable and previous_is_comparable
            and (
                previous_period_end + interval 1 day = period_start
                or (period_kind = 'as_at' and date_diff('year', previous_period_end, period_end) = 1)
            )
            then value - previous_value
    end as change_on_previous_period,
    figure_count,
    is_synthetic,
    document_ids
from with_rates
