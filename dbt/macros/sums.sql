{#- A whole derived from its parts (male + female, the offences of one category) carries the
    status of its least known part: a refused or not-held part leaves the whole unknown (no
    value, no bounds), an at-least part leaves it unbounded above, a suppressed part makes it a
    range (no value, the sums of the bounds); only reported and nil parts give a value
    (decision 0600). Aggregates: use them in a grouped select. -#}
{% macro summed_status(status) -%}
    case
        when bool_or({{ status }} = 'refused') then 'refused'
        when bool_or({{ status }} = 'not_held') then 'not_held'
        when bool_or({{ status }} = 'at_least') then 'at_least'
        when bool_or({{ status }} = 'suppressed') then 'suppressed'
        when bool_and({{ status }} = 'nil') then 'nil'
        else 'reported'
    end
{%- endmacro %}

{% macro summed_value(value, status) -%}
    case when bool_and({{ status }} in ('reported', 'nil')) then sum({{ value }}) end
{%- endmacro %}

{#- a bound is known only when every part has one -#}
{% macro summed_bound(bound) -%}
    case when count(*) = count({{ bound }}) then sum({{ bound }}) end
{%- endmacro %}
