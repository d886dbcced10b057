-- A stock is a snapshot (as_at) unless its document gave a span; a flow is never a snapshot.
-- Rows returned are flows with a snapshot period.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

select
    figures.figure_id,
    figures.measure,
    figures.period_kind
from {{ ref('fct_disclosed_figures') }} as figures
inner join {{ ref('measures') }} as measures on figures.measure = measures.measure
where measures.measure_kind = 'flow' and figures.period_kind = 'as_at'
