-- Every distinct row and column label, read as a recorded-crime title where one is: the
-- harmonised offence (first matching pattern by priority), its category, and whether the
-- title is an attempt. Labels that name no offence yield no row.
with

labels as (
    select {{ normalise_label('row_label') }} as label_norm from {{ ref('stg_table_cells') }}
    union
    select {{ normalise_label('col_label') }} from {{ ref('stg_table_cells') }}
    union
    -- a list line's label ("Breach of interim Sexual Risk Order - 2") and a part of a split
    -- sentence ("...: # breaches of an SHPO"); not any window of words around a number
    select {{ normalise_label('label_text') }} from {{ ref('stg_inline_figures') }}
    where not contains(label_text, '#') or split_role = 'part'
),

patterns as (
    select * from {{ ref('offence_title_patterns') }}
),

matched as (
    select
        labels.label_norm,
        patterns.offence_key,
        patterns.priority
    from labels
    inner join patterns on {{ re_matches_column('labels.label_norm', 'patterns.pattern') }}
    where labels.label_norm is not null and labels.label_norm != ''
    qualify row_number() over (partition by labels.label_norm order by patterns.priority) = 1
)

select
    matched.label_norm,
    matched.offence_key,
    offences.offence_category,
    matched.priority as pattern_priority,
    coalesce({{ re_matches('matched.label_norm', '\\battempt') }}, false) as is_attempt,
    -- a title, not just a word: it says breach, fail, comply, attempt or offence
    -- ("offence" alone is no sign: "the Sexual Offences Act 2003" names every measure's statute)
    coalesce({{ re_matches('matched.label_norm', 'breach|fail|comply|compliance|attempt|false information|\\boffences? of\\b') }}, false)
        as reads_as_title
from matched
left join {{ ref('offences') }} as offences on matched.offence_key = offences.offence_key
