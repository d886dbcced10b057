-- Breach offences per force, financial year and offence category, with rates and ranks.
with

breaches as (
    select * from {{ ref('fct_disclosed_figures') }}
    where measure = 'breach_offences' and period_kind = 'financial_year'
),

register as (
    select * from {{ ref('fct_register_by_force_year') }}
    where measure = 'registered_sex_offenders' and sex = 'all'
),

population as (
    select * from {{ ref('pfa_population') }}
    where age_basis = 'all ages'
),

summed as (
    select
        force_id,
        force_name,
        ons_pfa_code,
        period_label as financial_year,
        min(period_start) as period_start,
        offence_category,
        case when bool_and(value_status in ('reported', 'nil')) then sum(value) end as breaches,
        sum(value_low) as breaches_low,
        sum(value_high) as breaches_high,
        count(*) as figure_count,
        bool_or(is_synthetic) as is_synthetic,
        string_agg(distinct document_id, ',' order by document_id) as document_ids
    from breaches
    group by force_id, force_name, ons_pfa_code, period_label, offence_category
),

-- The register size for a financial year: a snapshot dated inside it, else one known only by
-- the year the financial year starts in.
register_for_year as (
    select
        summed.force_id,
        summed.financial_year,
        summed.offence_category,
        register.value as register_size
    from summed
    inner join register
        on
            summed.force_id = register.force_id
            and (
                (register.as_at between summed.period_start and summed.period_start + interval 1 year - interval 1 day)
                or (register.as_at is null and register.year = year(summed.period_start))
            )
    qualify row_number() over (
        partition by summed.force_id, summed.financial_year, summed.offence_category
        order by register.as_at is null, register.as_at desc
    ) = 1
),

rated as (
    select
        summed.*,
        population.population,
        population.reference_date as population_date,
        summed.breaches * 100000.0 / population.population as per_100k,
        summed.breaches * 100.0 / register_for_year.register_size as per_100_rsos,
        register_for_year.register_size
    from summed
    left join population
        on
            summed.ons_pfa_code = population.ons_pfa_code
            and year(summed.period_start) = population.reference_year
    left join register_for_year
        on
            summed.force_id = register_for_year.force_id
            and summed.financial_year = register_for_year.financial_year
            and summed.offence_category = register_for_year.offence_category
)

select
    force_id,
    force_name,
    financial_year,
    offence_category,
    breaches,
    breaches_low,
    breaches_high,
    population,
    population_date,
    per_100k,
    register_size,
    per_100_rsos,
    case
        when
            lag(year(period_start)) over (partition by force_id, offence_category order by period_start)
            = year(period_start) - 1
            then breaches - lag(breaches) over (partition by force_id, offence_category order by period_start)
    end as change_on_previous_year,
    case
        when per_100k is not null
            then rank() over (
                partition by financial_year, offence_category, per_100k is null order by per_100k desc
            )
    end as rank_per_100k,
    figure_count,
    is_synthetic,
    document_ids
from rated
