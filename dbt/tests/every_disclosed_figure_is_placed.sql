-- Every disclosed figure is in the facts, in review, in a quarantined document, or outranked by
-- another document's figure for the same thing (listed in dq_conflicting_figures or equal to
-- the winner). Rows returned were dropped silently.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

with

placed as (
    select figure_id from {{ ref('fct_disclosed_figures') }}
    union all
    select figure_id from {{ ref('dq_unclassified') }}
    union all
    select classified.figure_id from {{ ref('int_figures_classified') }} as classified
    where classified.document_id in (select quarantined.document_id from {{ ref('dq_quarantined_documents') }} as quarantined)
),

disclosed as (
    select * from {{ ref('int_figures_classified') }}
    where figure_role = 'disclosed'
)

select
    disclosed.document_id,
    disclosed.figure_id
from disclosed
where
    disclosed.figure_id not in (select placed.figure_id from placed)
    and not exists (
        select 1
        from {{ ref('fct_disclosed_figures') }} as facts
        where
            facts.force_id = disclosed.force_id
            and facts.measure = disclosed.measure
            and facts.period_label = disclosed.period_label
            and facts.sex = disclosed.sex
            and facts.document_id != disclosed.document_id
    )
