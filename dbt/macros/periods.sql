{#- Dates and years as forces print them. UK order (day first) is the default. -#}

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
    {#- ISO (sidecars) or a date as a document prints it: 14/03/2022, 1.1.21, 14th March 2022 -#}
    coalesce(
        try_strptime({{ expr }}, '%Y-%m-%d')::date,
        try_strptime(
            {{ re_extract(canonical_dates(normalise_label(expr)), '^(\\d{4}-\\d{2}-\\d{2})$', 1) }}, '%Y-%m-%d'
        )::date
    )
{%- endmacro %}

{% macro canonical_dates(expr) -%}
    {#- rewrite every date a force may print as ISO: "10th April 2013", "17 Apr 2013",
        "May 06, 2025", "1.1.21", "01/04/2017" -> 2013-04-10 ...; a month and year alone
        ("October 2025") -> 2025-10-00. Month names without a year stay as m01..m12. -#}
    {%- set months = [
        ('01', 'january|jan'), ('02', 'february|feb'), ('03', 'march|mar'), ('04', 'april|apr'),
        ('06', 'june|jun'), ('07', 'july|jul'), ('08', 'august|aug'), ('09', 'september|sept|sep'),
        ('10', 'october|oct'), ('11', 'november|nov'), ('12', 'december|dec')
    ] -%}
    {%- set ns = namespace(t=re_replace(expr, '(\\d)\\^?(st|nd|rd|th)\\b', '\\1')) -%}
    {%- for number, names in months -%}
        {%- set ns.t = re_replace(ns.t, '\\b(' ~ names ~ ')\\b\\.?', 'm' ~ number) -%}
    {%- endfor -%}
    {#- "may" is also a verb: only next to a number is it the month -#}
    {%- set ns.t = re_replace(ns.t, '\\bmay\\b( \\d)', 'm05\\1') -%}
    {%- set ns.t = re_replace(ns.t, '(\\d )may\\b', '\\1m05') -%}
    {%- set ns.t = re_replace(ns.t, '(\\d{1,2}) (of )?m(\\d{2}),? ((19|20)\\d{2})', '\\4-\\3-\\1') -%}
    {%- set ns.t = re_replace(ns.t, 'm(\\d{2}) (\\d{1,2}),? ((19|20)\\d{2})', '\\3-\\1-\\2') -%}
    {%- set ns.t = re_replace(ns.t, 'm(\\d{2}),? ((19|20)\\d{2})', '\\2-\\1-00') -%}
    {%- set ns.t = re_replace(ns.t, '(^|[^\\d])(\\d)([./]\\d{1,2}[./]\\d{2,4})', '\\10\\2\\3') -%}
    {%- set ns.t = re_replace(ns.t, '(^|[^\\d])(\\d{2}[./])(\\d)([./]\\d{2,4})', '\\1\\20\\3\\4') -%}
    {%- set ns.t = re_replace(ns.t, '(^|[^\\d])(\\d{2})[./](\\d{2})[./]((19|20)\\d{2})', '\\1\\4-\\3-\\2') -%}
    {%- set ns.t = re_replace(ns.t, '(^|[^\\d])(\\d{2})[./](\\d{2})[./](\\d{2})($|[^\\d])', '\\120\\4-\\3-\\2\\5') -%}
    {%- set ns.t = re_replace(ns.t, '(\\d{4}-\\d{2}-)(\\d)($|[^\\d])', '\\10\\2\\3') -%}
    {{ ns.t }}
{%- endmacro %}

{% macro iso_first_day(expr) -%}
    {#- 2017-04-00 (a month) -> its first day; a full ISO date -> itself; null if not a date -#}
    try_strptime({{ re_replace(expr, '-00$', '-01') }}, '%Y-%m-%d')::date
{%- endmacro %}

{% macro iso_last_day(expr) -%}
    {#- 2017-03-00 (a month) -> its last day; a full ISO date -> itself -#}
    case
        when {{ re_matches(expr, '-00$') }} then last_day({{ iso_first_day(expr) }})
        else {{ iso_first_day(expr) }}
    end
{%- endmacro %}

{% macro month_end(year_expr, month_expr) -%}
    last_day(make_date(cast({{ year_expr }} as integer), cast({{ month_expr }} as integer), 1))
{%- endmacro %}

{% macro financial_year_start(date_expr) -%}
    {#- 1 April of the financial year a date falls in -#}
    make_date(year({{ date_expr }}) - case when month({{ date_expr }}) < 4 then 1 else 0 end, 4, 1)
{%- endmacro %}

{% macro iso_interval_label(start_expr, end_expr) -%}
    strftime({{ start_expr }}, '%Y-%m-%d') || '/' || strftime({{ end_expr }}, '%Y-%m-%d')
{%- endmacro %}
