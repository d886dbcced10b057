{#- Engine-specific regular expressions, dispatched so models can move to another engine by
    adding one implementation here. Patterns are RE2/POSIX-compatible. -#}

{% macro re_matches(expr, pattern) -%}
    {{ return(adapter.dispatch('re_matches', 'foi_warehouse')(expr, pattern)) }}
{%- endmacro %}

{% macro default__re_matches(expr, pattern) -%}
    regexp_matches({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{% macro re_extract(expr, pattern, group=1) -%}
    {{ return(adapter.dispatch('re_extract', 'foi_warehouse')(expr, pattern, group)) }}
{%- endmacro %}

{% macro default__re_extract(expr, pattern, group=1) -%}
    nullif(regexp_extract({{ expr }}, '{{ pattern }}', {{ group }}), '')
{%- endmacro %}

{% macro re_replace(expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('re_replace', 'foi_warehouse')(expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__re_replace(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}

{% macro re_matches_column(expr, pattern_expr) -%}
    {#- like re_matches, for a pattern held in a column (the mapping seeds) -#}
    {{ return(adapter.dispatch('re_matches_column', 'foi_warehouse')(expr, pattern_expr)) }}
{%- endmacro %}

{% macro default__re_matches_column(expr, pattern_expr) -%}
    regexp_matches({{ expr }}, {{ pattern_expr }})
{%- endmacro %}
