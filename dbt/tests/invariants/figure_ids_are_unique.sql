-- Invariant (decision 0600): no two facts share a figure_id. Rows returned are every fact
-- whose figure_id another fact has too, with its document_id.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

with

facts as (
    select * from {{ ref('fct_disclosed_figures') }}
)

select
    document_id,
    figure_id,
    source_locator
from facts
where figure_id in (
    select shared.figure_id from facts as shared
    group by shared.figure_id
    having count(*) > 1
)
