-- Invariant (decision 0600): bounds hold the value, as each status defines them. Reported and
-- nil: value and both bounds equal (0 for nil); suppressed: no value, 1 <= low <= high;
-- at_least: no value, a low bound, no high bound; not_held and refused: nothing.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

select
    document_id,
    figure_id,
    value_status,
    value,
    value_low,
    value_high
from {{ ref('fct_disclosed_figures') }}
where not coalesce(
    case value_status
        when 'reported' then value = value_low and value = value_high
        when 'nil' then value = 0 and value_low = 0 and value_high = 0
        when 'suppressed' then value is null and value_low >= 1 and value_low <= value_high
        when 'at_least' then value is null and value_low is not null and value_high is null
        when 'not_held' then value is null and value_low is null and value_high is null
        when 'refused' then value is null and value_low is null and value_high is null
    end,
    false
)
