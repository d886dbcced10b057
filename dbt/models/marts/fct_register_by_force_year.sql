-- Stock measures (register, SHPO and SRO subjects, ...) per force, year and sex: the latest
-- snapshot in each year. 'all' is summed from male and female only when both are present at
-- the same snapshot and no 'all' figure was given.
with

stocks as (
    select * from {{ ref('fct_disclosed_figures') }}
    where period_kind = 'as_at' and area_name is null
),

snapshots as (
    select
        force_id,
        force_name,
        ons_pfa_code,
        measure,
        year(period_end) as year,
        case when {{ re_matches('period_label', '^\\d{4}-\\d{2}-\\d{2}$') }} then period_end end as as_at,
        period_label as as_at_label,
        sex,
        value,
        value_low,
        value_high,
        custody,
        false as is_derived,
        is_synthetic,
        document_id
    from stocks
),

derived_all as (
    select
        force_id,
        force_name,
        ons_pfa_code,
        measure,
        year,
        as_at,
        as_at_label,
        'all' as sex,
        sum(value) as value,
        sum(value_low) as value_low,
        sum(value_high) as value_high,
        any_value(custody) as custody,
        true as is_derived,
        bool_or(is_synthetic) as is_synthetic,
        min(document_id) as document_id
    from snapshots
    where sex in ('male', 'female')
    group by all
    having count(distinct sex) = 2
),

combined as (
    select * from snapshots
    union all
    select derived_all.* from derived_all
    where not exists (
        select 1 from snapshots
        where
            snapshots.sex = 'all'
            and snapshots.force_id = derived_all.force_id
            and snapshots.measure = derived_all.measure
            and snapshots.as_at_label = derived_all.as_at_label
    )
),

latest as (
    select * from combined
    qualify row_number() over (
        partition by force_id, measure, year, sex order by as_at desc nulls last
    ) = 1
),

population as (
    select * from {{ ref('pfa_population') }}
    where age_basis = 'all ages'
),

rated as (
    select
        latest.*,
        population.population,
        latest.value * 100000.0 / population.population as per_100k
    from latest
    left join population
        on latest.ons_pfa_code = population.ons_pfa_code and latest.year = population.reference_year
)

select
    force_id,
    force_name,
    measure,
    year,
    sex,
    as_at,
    as_at_label,
    value,
    value_low,
    value_high,
    custody,
    is_derived,
    population,
    per_100k,
    case
        when lag(year) over (partition by force_id, measure, sex order by year) = year - 1
            then value - lag(value) over (partition by force_id, measure, sex order by year)
    end as change_on_previous_year,
    case
        when per_100k is not null
            then rank() over (partition by measure, year, sex, per_100k is null order by per_100k desc)
    end as rank_per_100k,
    is_synthetic,
    document_id
from rated
