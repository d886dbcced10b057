-- Custody (included, excluded, only) describes people counted at a moment; a count of events
-- over a period has none. Rows returned are figures that break this.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

select
    figures.figure_id,
    figures.measure,
    figures.custody
from {{ ref('fct_disclosed_figures') }} as figures
inner join {{ ref('measures') }} as measures on figures.measure = measures.measure
where measures.measure_kind = 'flow' and figures.custody is not null
