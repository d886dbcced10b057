{#- Reading a printed figure: "4,585", "None", "fewer than five", "<5", "*", "in excess of 1000",
    "not held", "12It should" (a number fused to the next words). -#}

{% macro number_word_pattern() -%}
    (zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)
{%- endmacro %}

{% macro number_word_value(expr) -%}
    {#- "five" -> 5 (zero to twenty, the small numbers forces write in words) -#}
    case {{ expr }}
    {%- for word in ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
        'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
        'twenty'] %}
        when '{{ word }}' then {{ loop.index0 }}
    {%- endfor %}
    end
{%- endmacro %}

{% macro value_shape_of(expr) -%}
    {#- why a printed value cannot be read as one figure, or null when it can -#}
    case
        when {{ re_matches(normalise_label(expr), '^[0-9][0-9,]* ?\\([^)]*\\),? ?(and )?[0-9][0-9,]* ?\\([^)]*\\)$') }}
            then 'two values in one cell'
        when {{ re_matches(normalise_label(expr), '^[0-9][0-9,]* ?(-|to) ?[0-9][0-9,]*$') }}
            then 'a range, not a figure'
    end
{%- endmacro %}

{% macro clean_value(expr) -%}
    {#- a printed value without the list punctuation after it ("44," in "2020 - 44, 2021 - 35") -#}
    {{ re_replace(normalise_label(expr), '[,.;:]+$', '') }}
{%- endmacro %}

{% macro value_status_of(expr) -%}
    case
        when {{ value_shape_of(expr) }} is not null then null
        when {{ re_matches(clean_value(expr), '^[0-9]{1,3}(,[0-9]{3})+$|^[0-9]+(\\.[0-9]+)?$') }} then 'reported'
        {#- zero in words is nil (DESIGN: value 0, bounds 0), before the number words -#}
        when {{ re_matches(clean_value(expr), '^(nil|none|zero|no|nothing)\\.?$|^nil return$') }} then 'nil'
        when {{ re_matches(clean_value(expr), '^(all )?' ~ number_word_pattern() ~ '$|^all [0-9]+$') }} then 'reported'
        {#- a number fused to the words after it: "12It should", "26Making" -#}
        when {{ re_matches(expr, '^[0-9][0-9,]*[A-Z][a-z]') }} then 'reported'
        when {{ re_matches(clean_value(expr), '^(<|less than|fewer than|under) ?([0-9]+|' ~ number_word_pattern() ~ ')$|^\\*+$') }}
            then 'suppressed'
        when {{ re_matches(clean_value(expr), '^(in excess of|upwards of|over|more than|at least|>|>=) ?[0-9][0-9,]*\\+?$|^[0-9][0-9,]*\\+$') }}
            then 'at_least'
        when {{ re_matches(clean_value(expr), 'neither confirm nor deny|\\bncnd\\b|exempt|refused|withheld|redacted|section ?[0-9]+|^s ?[0-9]{2}') }}
            then 'refused'
        when {{ re_matches(clean_value(expr), 'not (held|recorded|available|captured|known)|no (data|information|records?|figures) (is |are )?(held|recorded|captured|available)|^n/?a$|^unknown$') }}
            then 'not_held'
    end
{%- endmacro %}

{% macro first_number_of(expr) -%}
    coalesce(
        cast(replace({{ re_extract(clean_value(expr), '([0-9][0-9,]*(\\.[0-9]+)?)', 1) }}, ',', '') as double),
        {{ number_word_value(re_extract(clean_value(expr), '\\b' ~ number_word_pattern() ~ '\\b', 1)) }}
    )
{%- endmacro %}

{% macro value_bounds(status_expr, text_expr) -%}
    {#- value, value_low, value_high for a status and its text: a suppressed "<5" is 1 to 4
        (never zero), "*" alone is 1 to 4, "in excess of 1000" is at least 1001 -#}
    case
        when {{ status_expr }} = 'reported' then {{ first_number_of(text_expr) }}
        when {{ status_expr }} = 'nil' then 0
    end as value,
    case
        when {{ status_expr }} = 'reported' then {{ first_number_of(text_expr) }}
        when {{ status_expr }} = 'nil' then 0
        when {{ status_expr }} = 'suppressed' then 1
        when {{ status_expr }} = 'at_least' and {{ re_matches(normalise_label(text_expr), '^(in excess of|upwards of|over|more than|>) ') }}
            then {{ first_number_of(text_expr) }} + 1
        when {{ status_expr }} = 'at_least' then {{ first_number_of(text_expr) }}
    end as value_low,
    case
        when {{ status_expr }} = 'reported' then {{ first_number_of(text_expr) }}
        when {{ status_expr }} = 'nil' then 0
        when {{ status_expr }} = 'suppressed' and {{ first_number_of(text_expr) }} is not null
            then {{ first_number_of(text_expr) }} - 1
        when {{ status_expr }} = 'suppressed' then 4
    end as value_high
{%- endmacro %}
