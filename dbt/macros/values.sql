{#- Reading a printed figure: "4,585", "nil", "<5", "*", "in excess of 1000", "not held". -#}

{% macro value_status_of(expr) -%}
    case
        when {{ re_matches(normalise_label(expr), '^[0-9]{1,3}(,[0-9]{3})+$|^[0-9]+(\\.[0-9]+)?$') }} then 'reported'
        when {{ re_matches(normalise_label(expr), '^(nil|none|zero|no)$') }} then 'nil'
        when {{ re_matches(normalise_label(expr), '^(<|less than|fewer than|under) ?[0-9]+$|^\\*+$') }} then 'suppressed'
        when {{ re_matches(normalise_label(expr), '^(in excess of|over|more than|at least|>|>=) ?[0-9][0-9,]*\\+?$|^[0-9][0-9,]*\\+$') }} then 'at_least'
        when {{ re_matches(normalise_label(expr), 'not (held|recorded|available)|no (data|information|records?) (is |are )?held|^n/?a$') }} then 'not_held'
        when {{ re_matches(normalise_label(expr), 'exempt|refused|withheld|section ?[0-9]+') }} then 'refused'
    end
{%- endmacro %}

{% macro first_number_of(expr) -%}
    cast(replace({{ re_extract(normalise_label(expr), '([0-9][0-9,]*(\\.[0-9]+)?)', 1) }}, ',', '') as double)
{%- endmacro %}

{% macro value_bounds(status_expr, text_expr) -%}
    {#- value, value_low, value_high for a status and its text -#}
    case
        when {{ status_expr }} = 'reported' then {{ first_number_of(text_expr) }}
        when {{ status_expr }} = 'nil' then 0
    end as value,
    case
        when {{ status_expr }} = 'reported' then {{ first_number_of(text_expr) }}
        when {{ status_expr }} = 'nil' then 0
        when {{ status_expr }} = 'suppressed' then 1
        when {{ status_expr }} = 'at_least' and {{ re_matches(normalise_label(text_expr), '^(in excess of|over|more than|>) ') }}
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
