{#- Dates and years as forces print them. UK order (day first) is the default. -#}

{% macro uk_date(day_expr, month_expr, year_expr) -%}
    {#- a date from text parts; two-digit years are 20yy; null when the parts make no date -#}
    try_strptime(
        lpad({{ day_expr }}, 2, '0') || '/' || lpad({{ month_expr }}, 2, '0') || '/'
        || case when length({{ year_expr }}) = 2 then '20' || {{ year_expr }} else {{ year_expr }} end,
        '%d/%m/%Y'
    )::date
{%- endmacro %}

{% macro year_from_text(expr) -%}
    {#- a two- or four-digit year as an integer (two digits are 20yy) -#}
    case when length({{ expr }}) = 2 then 2000 + cast({{ expr }} as integer) else cast({{ expr }} as integer) end
{%- endmacro %}

{% macro financial_year_label(start_year_expr) -%}
    {#- 2017 -> '2017-18' -#}
    cast({{ start_year_expr }} as varchar) || '-' || lpad(cast(({{ start_year_expr }} + 1) % 100 as varchar), 2, '0')
{%- endmacro %}

{% macro one_digit_dropped(token_expr, candidate_expr, token_length=5) -%}
    {#- true when deleting one character of token gives candidate: the 20218 -> 2018 typo -#}
    (
    {%- for i in range(token_length) %}
        {% if not loop.first %}or {% endif %}(substr({{ token_expr }}, 1, {{ i }}) || substr({{ token_expr }}, {{ i + 2 }})) = {{ candidate_expr }}
    {%- endfor %}
    )
{%- endmacro %}

{% macro date_from_text(expr) -%}
    {#- ISO (sidecars) or UK day-first dates (documents): 2022-03-14, 14/03/2022, 1.1.21 -#}
    coalesce(
        try_strptime({{ expr }}, '%Y-%m-%d')::date,
        {{ uk_date(
            re_extract(expr, '^\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})\\s*$', 1),
            re_extract(expr, '^\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})\\s*$', 2),
            re_extract(expr, '^\\s*(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2,4})\\s*$', 3)
        ) }}
    )
{%- endmacro %}
