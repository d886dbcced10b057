{#- Cleaning and recognising labels: shared by every model that reads a row or column label. -#}

{% macro normalise_label(expr) -%}
    {#- lower case, typographic dashes to "-" and apostrophes to "'" (a cp1252 export's
        "Sarah’s Law"), one space between words -#}
    trim({{ re_replace(re_replace(re_replace('lower(' ~ expr ~ ')', '[‐‑‒–—−]', '-'), '[‘’ʼ′`]', "''"), '\\s+', ' ') }})
{%- endmacro %}

{% macro alias_key(expr) -%}
    {{ re_replace('lower(' ~ expr ~ ')', '[^a-z0-9]', '') }}
{%- endmacro %}

{% macro is_total_label(expr) -%}
    {#- "Total", "Grand total", "<area> total" ("North Wales total") and the last level of a
        header path ("2019-2020 / Total") -#}
    coalesce({{ re_matches(normalise_label(expr), '^(grand |overall )?totals?\\b|^[a-z][a-z -]{1,40} totals?$|/ (grand |overall )?totals?$') }}, false)
{%- endmacro %}

{% macro sex_of(expr) -%}
    case
        when {{ re_matches(normalise_label(expr), '\\b(female|females|women|woman|girls?)\\b') }} then 'female'
        when {{ re_matches(normalise_label(expr), '\\b(male|males|men|man|boys?)\\b') }} then 'male'
    end
{%- endmacro %}

{% macro custody_of(expr) -%}
    {#- what an answer says about people in custody: included, excluded or only -#}
    case
        when {{ re_matches(normalise_label(expr), '(includ\\w* (those |offenders |people )?(currently )?in (custody|prison))|(including (those )?in custody)') }} then 'included'
        when {{ re_matches(normalise_label(expr), '(exclud\\w* (those |offenders |people )?(currently )?in (custody|prison))|(not includ\\w* (those )?in custody)|((living|live|lives|residing|resident|managed) in the community)|(community[- ]based)|(in the community only)|^(\\S+ ){0,3}in the community( \\(.*\\))?$') }} then 'excluded'
        when {{ re_matches(normalise_label(expr), '^(\\S+ ){0,3}(in custody|incarcerated|in prison)( \\(.*\\))?$|# (of whom |of them |of these )?(are|were|is|was) (currently )?(in custody|incarcerated|in prison|serving a (prison|custodial) sentence) ?[.;]?$|^(of (these|them|whom),? )#,? (are|were|is|was) (currently )?(in custody|incarcerated|in prison)') }} then 'only'
    end
{%- endmacro %}

{% macro text_similarity(left_expr, right_expr) -%}
    {#- 0..1, how alike two labels are (for ranking review suggestions) -#}
    {{ return(adapter.dispatch('text_similarity', 'foi_warehouse')(left_expr, right_expr)) }}
{%- endmacro %}

{% macro default__text_similarity(left_expr, right_expr) -%}
    jaro_winkler_similarity({{ left_expr }}, {{ right_expr }})
{%- endmacro %}

{% macro reference_key(expr) -%}
    {#- an FOI reference with case, separators and an "FOI" prefix ignored: 4362_13 = FOI 4362-13 -#}
    {{ re_replace(re_replace('lower(' ~ expr ~ ')', '[^a-z0-9]', ''), '^foi', '') }}
{%- endmacro %}

{% macro header_last_part(expr) -%}
    {#- the lowest header of a joined multi-row column label: "Calendar year / 2021" -> "2021" -#}
    {{ re_extract(expr, ' / ([^/]+)$', 1) }}
{%- endmacro %}

{% macro header_first_part(expr) -%}
    {#- the top header of a joined multi-row column label: "2022 / Male" -> "2022" -#}
    {{ re_extract(expr, '^([^/]+) / ', 1) }}
{%- endmacro %}

{% macro best_pattern_per_label(labels, patterns, value_column) -%}
    {#- each label (column label_norm of the labels relation) with the value of its best matching
        pattern (lowest priority, then lowest value): one row per label that any pattern matches -#}
    select
        {{ labels }}.label_norm,
        {{ patterns }}.{{ value_column }}
    from {{ labels }}
    inner join {{ patterns }}
        on {{ re_matches_column(labels ~ '.label_norm', patterns ~ '.pattern') }}
    qualify row_number() over (
        partition by {{ labels }}.label_norm
        order by {{ patterns }}.priority asc, {{ patterns }}.{{ value_column }} asc
    ) = 1
{%- endmacro %}

{% macro topic_pattern_per_pack(labels, patterns, value_column, label_column='label_norm', also=[]) -%}
    {#- each label with, for every topic pack that has a matching pattern, the value of the pack's
        first (lowest priority) matching pattern, how many of the pack's patterns match it and
        the length of the match: one row per label and pack (decision 1000) -#}
    select
        {{ labels }}.{{ label_column }},
        {{ patterns }}.topic,
        {{ patterns }}.{{ value_column }},
        {%- for column in also %}
        {{ patterns }}.{{ column }},
        {%- endfor %}
        count(*) over (partition by {{ labels }}.{{ label_column }}, {{ patterns }}.topic) as pattern_count,
        length(regexp_extract({{ labels }}.{{ label_column }}, {{ patterns }}.pattern)) as match_length
    from {{ labels }}
    inner join {{ patterns }}
        on {{ re_matches_column(labels ~ '.' ~ label_column, patterns ~ '.pattern') }}
    qualify row_number() over (
        partition by {{ labels }}.{{ label_column }}, {{ patterns }}.topic
        order by {{ patterns }}.priority asc, {{ patterns }}.{{ value_column }} asc
    ) = 1
{%- endmacro %}

{% macro best_topic_pattern_per_label(per_pack, value_column, label_column='label_norm', also=[]) -%}
    {#- the one reading of each label across packs, from the rows of topic_pattern_per_pack: the
        pack more of whose patterns match the text wins (a question naming Clare's Law, the
        Right to Ask and disclosures is Clare's Law's, though "disclosures were made" alone
        would be Sarah's Law's), then the longer match; a tie gives null (the figure's context
        decides, else it goes to review) -#}
    {%- set tie = 'count(*) over (partition by ' ~ label_column ~ ', pattern_count, match_length) = 1' %}
    select
        {{ label_column }},
        case when {{ tie }} then {{ value_column }} end as {{ value_column }},
        {%- for column in also %}
        case when {{ tie }} then {{ column }} end as {{ column }},
        {%- endfor %}
        case when {{ tie }} then topic end as topic
    from {{ per_pack }}
    qualify row_number() over (
        partition by {{ label_column }} order by pattern_count desc, match_length desc, topic asc
    ) = 1
{%- endmacro %}

{% macro framed(alias, column) -%}
    {#- one context level's reading in int_figure_contexts: the framing pack's (alias_in_frame)
        when the figure has a frame topic, else the best of any pack (alias) -#}
    case when frames.frame_topic is null then {{ alias }}.{{ column }} else {{ alias }}_in_frame.{{ column }} end
{%- endmacro %}
