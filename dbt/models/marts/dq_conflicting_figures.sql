-- The same force, measure, period, sex and offence disclosed with different values in
-- different documents. The newest response wins in fct_disclosed_figures; all are listed here.
with

figures as (
    select
        classified.*,
        documents.is_superseded
    from {{ ref('int_figures_classified') }} as classified
    inner join {{ ref('int_documents_resolved') }} as documents on classified.document_id = documents.document_id
    where classified.figure_role = 'disclosed' and classified.review_reason is null
),

keyed as (
    select
        *,
        count(distinct document_id) over (
            partition by
                force_id, measure, period_label, sex, offence_key, coalesce(is_attempt, false),
                coalesce(custody, ''), coalesce(area_name, '')
        ) as document_count,
        count(
            distinct value_status || ':' || coalesce(cast(value_low as varchar), '') || '-'
            || coalesce(cast(value_high as varchar), '')
        ) over (
            partition by
                force_id, measure, period_label, sex, offence_key, coalesce(is_attempt, false),
                coalesce(custody, ''), coalesce(area_name, '')
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
    area_name,
    document_id,
    is_superseded,
    reference,
    response_date,
    value,
    value_text,
    locator as source_locator,
    is_synthetic
from keyed
where document_count > 1 and value_count > 1
