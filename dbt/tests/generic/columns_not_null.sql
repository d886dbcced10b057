{#- Every listed column of the model is filled in (decision 1600): one data test for what would
    be a `not_null` test per column, so a build runs one query, and Dagster plans and records one
    check, per model rather than per column. A failing row keeps every column of the model (its
    document_id, for the quarantine) and names its empty ones in `null_columns`. -#}
{% test columns_not_null(model, columns) %}

select
    concat_ws(
        ', '
        {%- for column in columns %},
        case when {{ column }} is null then '{{ column }}' end
        {%- endfor %}
    ) as null_columns,
    *
from {{ model }}
where
    {%- for column in columns %}
    {{ "or " if not loop.first }}{{ column }} is null
    {%- endfor %}

{% endtest %}
