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
    {#- a date as a sidecar or a letter gives it: ISO, UK day-first (two-digit years first, so
        "1/3/22" is 2022), or "14th March 2022" -#}
    {{ return(adapter.dispatch('date_from_text', 'foi_warehouse')(expr)) }}
{%- endmacro %}

{% macro default__date_from_text(expr) -%}
    try_strptime(
        {{ re_replace('trim(' ~ expr ~ ')', '(\\d)(st|nd|rd|th)\\b', '\\1') }},
        ['%Y-%m-%d', '%d/%m/%y', '%d.%m.%y', '%d/%m/%Y', '%d.%m.%Y', '%d %B %Y', '%d %b %Y']
    )::date
{%- endmacro %}

{#- Dates a force may print, rewritten to ISO in three stages (one CTE each, so no
    expression nests too deep): "10th April 2013", "17 Apr 2013", "May 06, 2025", "1.1.21",
    "01/04/2017" -> 2013-04-10 ...; a month and year alone ("October 2025") -> 2025-10-00.
    Month names without a year stay as tokens m01..m12. -#}

{% macro dates_months_tokenised(expr) -%}
    {#- stage 1: ordinals dropped ("14^th" -> 14), month names -> m01..m12 -#}
    {%- set months = [
        ('01', 'january|jan'), ('02', 'february|feb'), ('03', 'march|mar'), ('04', 'april|apr'),
        ('06', 'june|jun'), ('07', 'july|jul'), ('08', 'august|aug'), ('09', 'september|sept|sep'),
        ('10', 'october|oct'), ('11', 'november|nov'), ('12', 'december|dec')
    ] -%}
    {%- set ns = namespace(t=re_replace(expr, '(\\d)\\^?(st|nd|rd|th)\\b', '\\1')) -%}
    {%- for number, names in months -%}
        {%- set ns.t = re_replace(ns.t, '\\b(' ~ names ~ ')\\b\\.?', 'm' ~ number) -%}
    {%- endfor -%}
    {{ ns.t }}
{%- endmacro %}

{% macro dates_words_to_iso(expr) -%}
    {#- stage 2: "10 m04 2013", "m05 06, 2025", "m10 2025" -> ISO; "may" is also a verb, so it
        is the month only next to a number -#}
    {%- set t = re_replace(expr, '\\bmay\\b( \\d)', 'm05\\1') -%}
    {%- set t = re_replace(t, '(\\d )may\\b', '\\1m05') -%}
    {%- set t = re_replace(t, '(\\d{1,2}) (of )?m(\\d{2}),? ((19|20)\\d{2})', '\\4-\\3-\\1') -%}
    {%- set t = re_replace(t, 'm(\\d{2}) (\\d{1,2}),? ((19|20)\\d{2})', '\\3-\\1-\\2') -%}
    {{ re_replace(t, 'm(\\d{2}),? ((19|20)\\d{2})', '\\2-\\1-00') }}
{%- endmacro %}

{% macro dates_numbers_to_iso(expr) -%}
    {#- stage 3: "1.1.21", "01/04/2017" -> ISO (UK order, two-digit years are 20yy); single-digit
        days padded -#}
    {%- set t = re_replace(expr, '(^|[^\\d])(\\d)([./]\\d{1,2}[./]\\d{2,4})', '\\10\\2\\3') -%}
    {%- set t = re_replace(t, '(^|[^\\d])(\\d{2}[./])(\\d)([./]\\d{2,4})', '\\1\\20\\3\\4') -%}
    {%- set t = re_replace(t, '(^|[^\\d])(\\d{2})[./](\\d{2})[./]((19|20)\\d{2})', '\\1\\4-\\3-\\2') -%}
    {%- set t = re_replace(t, '(^|[^\\d])(\\d{2})[./](\\d{2})[./](\\d{2})($|[^\\d])', '\\120\\4-\\3-\\2\\5') -%}
    {{ re_replace(t, '(\\d{4}-\\d{2}-)(\\d)($|[^\\d])', '\\10\\2\\3') }}
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

{% macro iso_interval_label(start_expr, end_expr) -%}
    strftime({{ start_expr }}, '%Y-%m-%d') || '/' || strftime({{ end_expr }}, '%Y-%m-%d')
{%- endmacro %}

{% macro period_phrase(expr) -%}
    {#- the words of a sentence, heading or question that name the period of the figures under
        it, rewritten as a label int_period_labels_parsed reads ("on 31 March 2025 there were"
        -> "as at 31 march 2025"); null when it names none -#}
    {%- set month = '(january|february|march|april|may|june|july|august|september|october|november|december)' -%}
    {%- set day_month_year = '\\d{1,2}(st|nd|rd|th)? ' ~ month ~ ',? (19|20)\\d{2}' -%}
    case
        -- "the period 1 april 2023 to 31 march 2024", "from 1 april 2023 until 31 march 2024"
        when {{ re_matches(expr, '\\b' ~ day_month_year ~ ' ?(-|to|until|and) ?' ~ day_month_year) }}
            then {{ re_extract(expr, '(' ~ day_month_year ~ ' ?(-|to|until|and) ?' ~ day_month_year ~ ')', 1) }}
        when {{ re_matches(expr, '\\b(as (at|of|on)|on|at|figures for|position (at|on)|end of) (the )?\\d{1,2}(st|nd|rd|th)? ' ~ month ~ ',? (19|20)\\d{2}') }}
            then 'as at ' || {{ re_extract(expr, '(\\d{1,2}(st|nd|rd|th)? ' ~ month ~ ',? (19|20)\\d{2})', 1) }}
        when {{ re_matches(expr, '\\b(as (at|of|on)|on) (the )?\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}') }}
            then 'as at ' || {{ re_extract(expr, '(\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})', 1) }}
        when {{ re_matches(expr, '\\b(figures|data|position|numbers?|counts?|totals?) (for|in|as at|at|of) (the month of )?' ~ month ~ ' (19|20)\\d{2}') }}
            then 'figures for ' || {{ re_extract(expr, '(' ~ month ~ ' (19|20)\\d{2})', 1) }}
        when {{ re_matches(expr, '\\b(financial year|fy) ?(19|20)\\d{2} ?[/-] ?\\d{2,4}') }}
            then {{ re_extract(expr, '((19|20)\\d{2} ?[/-] ?\\d{2,4})', 1) }}
        -- "in the 2023/24 financial year", "during 2022-23", "for 2023/2024": when it names one
        when {{ re_matches(expr, '\\b(in|during|for) (the )?(19|20)\\d{2} ?[/-] ?(\\d{2}|(19|20)\\d{2})\\b') }}
            and not {{ re_matches(expr, '(19|20)\\d{2} ?[/-] ?\\d{2}.*(19|20)\\d{2} ?[/-] ?\\d{2}') }}
            then {{ re_extract(expr, '\\b(in|during|for) (the )?((19|20)\\d{2} ?[/-] ?(\\d{2}|(19|20)\\d{2}))\\b', 3) }}
        -- "for the period april 2019 - march 2020", "between april 2019 and march 2020"
        when {{ re_matches(expr, '\\b' ~ month ~ ' (19|20)\\d{2} ?(-|to|until|and) ?' ~ month ~ ' (19|20)\\d{2}\\b') }}
            then {{ re_extract(expr, '(' ~ month ~ ' (19|20)\\d{2} ?(-|to|until|and) ?' ~ month ~ ' (19|20)\\d{2})', 1) }}
        when {{ re_matches(expr, '\\bcalendar year (19|20)\\d{2}\\b') }}
            then {{ re_extract(expr, 'calendar year ((19|20)\\d{2})', 1) }}
        when {{ re_matches(expr, '\\b(19|20)\\d{2},? calendar year\\b') }}
            then {{ re_extract(expr, '\\b((19|20)\\d{2}),? calendar year', 1) }}
        when {{ re_matches(expr, '\\b(in|during|for) (the year )?(19|20)\\d{2}($|[^/0-9-])') }}
            then {{ re_extract(expr, '\\b(in|during|for) (the year )?((19|20)\\d{2})($|[^/0-9-])', 3) }}
        when {{ re_matches(expr, '\\b(currently|at present|right now|as of today|at this time|today)\\b') }}
            and not {{ re_matches(expr, 'currently (in|held in|serving) (custody|prison)') }}
            then 'currently'
    end
{%- endmacro %}

{% macro snapshot_day_of_year(expr) -%}
    {#- "on 31 December of each year" -> '12-31': the day a list of bare years counts on -#}
    {%- set months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] -%}
    case
    {%- for name in months %}
        when {{ re_matches(expr, '\\b(on|as at|at) (the )?\\d{1,2}(st|nd|rd|th)? ' ~ name ~ ',? ((of|in) )?(each|every|the)( of the)? years?\\b|\\b(on|as at|at) (the )?\\d{1,2}(st|nd|rd|th)? ' ~ name ~ '$') }}
            then '{{ "%02d" % loop.index }}-' || lpad({{ re_extract(expr, '(\\d{1,2})(st|nd|rd|th)? ' ~ name, 1) }}, 2, '0')
    {%- endfor %}
    end
{%- endmacro %}

{% macro list_year(expr) -%}
    {#- the year a phrase says its list of months is in: "for 2024", "in 2024", "2024 so far",
        "october to december 2024"; null for "since 2007" -#}
    {%- set month = '(january|february|march|april|may|june|july|august|september|october|november|december)' -%}
    coalesce(
        {{ re_extract(expr, '\\b(for|in|during|of) (the (calendar )?year )?((19|20)\\d{2})($|[^/0-9-])', 4) }},
        {{ re_extract(expr, '\\b' ~ month ~ ',? ((19|20)\\d{2})\\b', 2) }},
        {{ re_extract(expr, '\\b((19|20)\\d{2}) so far\\b', 1) }}
    )
{%- endmacro %}
