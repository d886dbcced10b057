-- Every figure that matched no mapping, with why, where, and the closest mapping lines, so a
-- person can add one line to a seed.
with

unclassified as (
    select * from {{ ref('int_figures_classified') }}
    where classification_issue is not null and not is_stated_total
),

offence_suggestions as (
    select
        unclassified.figure_id,
        string_agg(
            offences.offence_key, ', '
            order by jaro_winkler_similarity(unclassified.row_label_norm, lower(offences.description)) desc
        ) as suggestions
    from unclassified
    cross join {{ ref('offences') }} as offences
    where unclassified.classification_issue = 'offence title matched no pattern'
    group by unclassified.figure_id
)

select
    unclassified.figure_id,
    unclassified.document_id,
    unclassified.force_id,
    case
        when unclassified.classification_issue like 'force%' then 'force'
        when unclassified.classification_issue like 'offence%' then 'offence_title'
        when unclassified.classification_issue like 'no measure%' then 'question'
        when unclassified.classification_issue like 'no period%' then 'period'
        else 'value'
    end as label_kind,
    case
        when unclassified.classification_issue like 'no measure%' then unclassified.question_no
        when unclassified.classification_issue like 'value%' then unclassified.value_text
        else unclassified.row_label
    end as label_text,
    unclassified.row_label,
    unclassified.col_label,
    unclassified.value_text,
    unclassified.classification_issue as reason,
    offence_suggestions.suggestions,
    unclassified.locator || ' (' || unclassified.source_kind || ')' as source_locator,
    unclassified.source_text,
    unclassified.is_synthetic
from unclassified
left join offence_suggestions on unclassified.figure_id = offence_suggestions.figure_id
