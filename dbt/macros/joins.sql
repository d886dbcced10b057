{#- Join conditions. -#}

{% macro null_safe_equal(left, right, columns) -%}
    {#- every column of left equals right's, null matching null (as rows of one window partition) -#}
    {%- for column in columns %}
        {% if not loop.first %}and {% endif %}{{ left }}.{{ column }} is not distinct from {{ right }}.{{ column }}
    {%- endfor %}
{%- endmacro %}
