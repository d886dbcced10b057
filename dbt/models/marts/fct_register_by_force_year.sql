-- Stock measures (register, SHPO and SRO subjects, ...) per force, year and sex: the latest
-- snapshot in each year, rated on the all-ages population of that mid-year. 'all' is summed
-- from male and female only when both are given at the same snapshot and no 'all' figure was;
-- a sum with a suppressed part is suppressed (no value, the sums of the bounds), see sums.sql.
-- Counts of people in custody only are a part of the stock, not the stock: they stay in
-- fct_disclosed_figures and are left out here.
with

stock_measures as (
    select measure from {{ ref('measures') }}
    where measure_kind = 'stock'
),

stocks as (
    select * from {{ ref('fct_disclosed_figures') }}
    where
        period_kind = 'as_at'
        and area_name is null
        -- a breakdown (ethnicity, legislation, ...) is a part, not the whole
        and dimension is null
        and coalesce(custody, '') != 'only'
        and measure in (select stock_measures.measure from stock_measures)
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
        value_status,
        value_low,
        value_high,
        custody,
        false as is_derived,
        is_synthetic,
        document_id,
        source_locator
    from stocks
    -- one figure per snapshot and sex: the total with custody before one without it
    qualify row_number() over (
        partition by force_id, measure, period_label, sex
        order by case custody when 'included' then 0 when 'excluded' then 2 else 1 end, document_id
    ) = 1
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
        {{ summed_value('value', 'value_status') }} as value,
        {{ summed_status('value_status') }} as value_status,
        {{ summed_bound('value_low') }} as value_low,
        {{ summed_bound('value_high') }} as value_high,
        min(custody) as custody,
        true as is_derived,
        bool_or(is_synthetic) as is_synthetic,
        min(document_id) as document_id,
        string_agg(source_locator, '; ' order by sex) as source_locator
    from snapshots
    where sex in ('male', 'female')
    group by force_id, force_name, ons_pfa_code, measure, year, as_at, as_at_label
    -- both sexes, counted the same way (custody), else the sum would mix two definitions
    having count(distinct sex) = 2 and count(distinct coalesce(custody, '')) = 1
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
        population.reference_date as population_date,
        population.age_basis as population_basis,
        case
            when latest.ons_pfa_code is null then 'no ONS police force area code: no population rate'
            when population.population is null then coalesce(population.note, 'no population estimate')
        end as population_note,
        latest.value * 100000.0 / population.population as per_100k,
        latest.value_low * 100000.0 / population.population as per_100k_low,
        latest.value_high * 100000.0 / population.population as per_100k_high,
        lag(latest.year) over series as previous_year,
        lag(latest.value) over series as previous_value
    from latest
    left join population
        on latest.ons_pfa_code = population.ons_pfa_code and latest.year = population.reference_year
    window series as (partition by latest.force_id, latest.measure, latest.sex order by latest.year)
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
    value_status,
    value_low,
    value_high,
    custody,
    is_derived,
    population,
    population_date,
    population_basis,
    population_note,
    per_100k,
    per_100k_low,
    per_100k_high,
    case when previous_year = year - 1 then value - previous_value end as change_on_previous_year,
    case
        when per_100k is not null
            then rank() over (
                partition by measure, year, sex, is_synthetic, per_100k is null order by per_100k desc
            )
    end as rank_per_100k,
    case
        when per_100k is not null
            then count(*) over (partition by measure, year, sex, is_synthetic, per_100k is null)
    end as forces_ranked,
    is_synthetic,
    document_id,
    source_locator
from rated
