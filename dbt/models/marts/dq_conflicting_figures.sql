-- The same force, measure, period, sex and offence disclosed with different values in
-- different documents. The newest response wins in fct_disclosed_figures; all are listed here.
with

figures as (
    select * from {{ ref('int_figures_classified') }}
    where classification_issue is null and not is_stated_total
),

keyed as (
    select
        *,
        count(distinct document_id) over (
            partition by force_id, measure, period_label, sex, offence_key, coalesce(is_attempt, false), coalesce(custody, '')
        ) as document_count,
        count(distinct value) over (
            partition by force_id, measure, period_label, sex, offence_key, coalesce(is_attempt, false), coalesce(custody, '')
        ) as value_count
    from figures
)

select
    force_id,
    measure,
    period_label,
    sex,
    offence_key,
    is_attempt,
    custody,
    document_id,
    reference,
    response_date,
    value,
    value_text,
    locator as source_locator,
    is_synthetic
from keyed
where document_count > 1 and value_count > 1
