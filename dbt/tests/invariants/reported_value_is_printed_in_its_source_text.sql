-- Invariant (decision 0600): a reported value is printed in the text it was read from, as
-- digits (with or without thousands separators) or as a number word. Rows returned carry
-- their document_id, so a failure quarantines that document.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

with

reported as (
    select
        document_id,
        figure_id,
        value,
        source_text,
        lower(source_text) as printed,
        lower(replace(source_text, ',', '')) as printed_plain,
        -- "1 202": a space between thousands
        lower(replace(replace(source_text, ',', ''), ' ', '')) as printed_compact,
        case
            when value = floor(value) then cast(cast(value as bigint) as varchar)
            else cast(value as varchar)
        end as digits,
        case cast(value as bigint)
        {%- for word in ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
            'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
            'twenty'] %}
            when {{ loop.index0 }} then '{{ word }}'
        {%- endfor %}
        end as word
    from {{ ref('fct_disclosed_figures') }}
    where value_status = 'reported'
)

select
    document_id,
    figure_id,
    value,
    source_text
from reported
where
    source_text is null
    or not (
        {{ re_matches_column('printed_plain', "'(^|[^0-9])' || digits || '([^0-9]|$)'") }}
        or {{ re_matches_column('printed_compact', "'(^|[^0-9])' || digits || '([^0-9]|$)'") }}
        or (word is not null and {{ re_matches_column('printed', "'\\b' || word || '\\b'") }})
    )
