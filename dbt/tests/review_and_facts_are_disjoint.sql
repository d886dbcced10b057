-- A figure is in the facts or in review, never both. Rows returned are in both.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

select facts.figure_id
from {{ ref('fct_disclosed_figures') }} as facts
inner join {{ ref('dq_unclassified') }} as review on facts.figure_id = review.figure_id
