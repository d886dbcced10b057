-- Breach offences per force, financial year and offence category, with rates, change and rank.
-- Only whole financial years feed it; a year the answer was written before the end of is kept
-- but flagged partial and never rated, ranked or compared (decision 0301).
with

breaches as (
    select * from {{ ref('fct_disclosed_figures') }}
    where
        measure = 'breach_offences'
        and period_kind = 'financial_year'
        and area_name is null
        -- a breakdown (ethnicity, legislation, ...) is a part, not the whole
        and dimension is null
        and offence_category is not null
),

-- 'all' figures where the force gave them; otherwise male + female, only when both are given.
sexes_given as (
    select
        force_id,
        period_label,
        offence_category,
        bool_or(sex = 'all') as has_all,
        count(distinct sex) filter (where sex in ('male', 'female')) = 2 as has_both_sexes
    from breaches
    group by force_id, period_label, offence_category
),

chosen as (
    select breaches.*
    from breaches
    inner join sexes_given
        on
            breaches.force_id = sexes_given.force_id
            and breaches.period_label = sexes_given.period_label
            and breaches.offence_category = sexes_given.offence_category
    where
        breaches.sex = 'all'
        or (not sexes_given.has_all and sexes_given.has_both_sexes and breaches.sex in ('male', 'female'))
    -- one document per force, year and category (the newest answer): two answers that break
    -- the same count down differently would otherwise be added together
    qualify dense_rank() over (
        partition by breaches.force_id, breaches.period_label, breaches.offence_category
        order by breaches.response_date desc nulls last, breaches.document_id asc
    ) = 1
),

summed as (
    select
        force_id,
        force_name,
        ons_pfa_code,
        period_label as financial_year,
        min(period_start) as period_start,
        max(period_end) as period_end,
        offence_category,
        -- a whole with a suppressed, at-least, not-held or refused part has no value (sums.sql)
        {{ summed_value('value', 'value_status') }} as breaches,
        {{ summed_status('value_status') }} as breaches_status,
        {{ summed_bound('value_low') }} as breaches_low,
        {{ summed_bound('value_high') }} as breaches_high,
        bool_or(value_status = 'suppressed') as has_suppressed_part,
        min(response_date) as earliest_response_date,
        -- answered on or before the last day of the year: the count cannot be the whole year
        coalesce(bool_or(response_date <= period_end), false) as is_partial_year,
        count(*) as figure_count,
        bool_or(is_synthetic) as is_synthetic,
        string_agg(distinct document_id, ',' order by document_id) as document_ids,
        string_agg(source_locator, '; ' order by source_locator) as source_locators
    from chosen
    group by force_id, force_name, ons_pfa_code, period_label, offence_category
),

register as (
    select * from {{ ref('fct_register_by_force_year') }}
    where measure = 'registered_sex_offenders' and sex = 'all'
),

-- The register size for a financial year: the latest snapshot dated inside it, else a snapshot
-- known only by the calendar year the financial year starts in (decision 0301).
register_for_year as (
    select
        summed.force_id,
        summed.financial_year,
        summed.offence_category,
        register.value as register_size,
        register.as_at_label as register_as_at,
        register.custody as register_custody
    from summed
    inner join register
        on
            summed.force_id = register.force_id
            and (
                register.as_at between summed.period_start and summed.period_end
                or (register.as_at is null and register.year = year(summed.period_start))
            )
    qualify row_number() over (
        partition by summed.force_id, summed.financial_year, summed.offence_category
        order by register.as_at is null, register.as_at desc
    ) = 1
),

-- Mid-year estimate inside the financial year (mid-2017 for 2017-18); all ages only.
population as (
    select * from {{ ref('pfa_population') }}
    where age_basis = 'all ages'
),

rated as (
    select
        summed.*,
        population.population,
        population.reference_date as population_date,
        population.age_basis as population_basis,
        case
            when summed.ons_pfa_code is null then 'no ONS police force area code: no population rate'
            when population.population is null then coalesce(population.note, 'no population estimate')
        end as population_note,
        register_for_year.register_size,
        register_for_year.register_as_at,
        register_for_year.register_custody,
        not summed.is_partial_year and summed.breaches is not null as is_comparable
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
),

with_rates as (
    select
        *,
        case when is_comparable then breaches * 100000.0 / population end as per_100k,
        case when not is_partial_year then breaches_low * 100000.0 / population end as per_100k_low,
        case when not is_partial_year then breaches_high * 100000.0 / population end as per_100k_high,
        case when is_comparable then breaches * 100.0 / register_size end as per_100_rsos,
        lag(financial_year) over series as previous_year,
        lag(breaches) over series as previous_breaches,
        lag(is_comparable) over series as previous_is_comparable
    from rated
    window series as (partition by force_id, offence_category order by period_start)
)

select
    force_id,
    force_name,
    financial_year,
    offence_category,
    breaches,
    breaches_status,
    breaches_low,
    breaches_high,
    has_suppressed_part,
    is_partial_year,
    earliest_response_date,
    population,
    population_date,
    population_basis,
    population_note,
    per_100k,
    per_100k_low,
    per_100k_high,
    register_size,
    register_as_at,
    register_custody,
    per_100_rsos,
    case
        when
            is_comparable and previous_is_comparable
            and previous_year = {{ financial_year_label('year(period_start) - 1') }}
            then breaches - previous_breaches
    end as change_on_previous_year,
    case
        when per_100k is not null
            then rank() over (
                partition by financial_year, offence_category, is_synthetic, per_100k is null
                order by per_100k desc
            )
    end as rank_per_100k,
    case
        when per_100k is not null
            then count(*) over (
                partition by financial_year, offence_category, is_synthetic, per_100k is null
            )
    end as forces_ranked,
    figure_count,
    is_synthetic,
    document_ids,
    source_locators
from with_rates
