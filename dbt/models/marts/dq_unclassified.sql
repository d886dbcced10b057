-- Every disclosed figure that matched no mapping, with why, where, which seed a person would
-- add a line to, and the closest existing mapping targets, ranked. `foi review` reads this.
with

unclassified as (
    select * from {{ ref('int_figures_classified') }}
    where figure_role = 'disclosed' and review_reason is not null
),

kinded as (
    select
        unclassified.*,
        reasons.label_kind,
        reasons.seed_to_edit
    from unclassified
    inner join {{ ref('review_reasons') }} as reasons on unclassified.review_reason = reasons.review_reason
),

labelled as (
    select
        *,
        case label_kind
            when 'force' then force_hint
            when 'offence_title' then row_label
            when 'row_label' then row_label
            when 'column_label' then col_label
            when 'question' then question_text
            when 'period' then coalesce(nullif(col_label, ''), row_label)
            when 'ambiguous' then row_label
            else value_text
        end as label_text
    from kinded
),

targets as (
    select
        'offence_title_patterns' as seed_name,
        offence_key as target,
        lower(description) as target_text
    from {{ ref('offences') }}
    union all
    select
        'measure_label_patterns' as seed_name,
        measure as target,
        lower(replace(measure, '_', ' ') || ' ' || description) as target_text
    from {{ ref('measures') }}
    union all
    select
        'question_topic_patterns' as seed_name,
        measure as target,
        lower(replace(measure, '_', ' ') || ' ' || description) as target_text
    from {{ ref('measures') }}
    union all
    select
        'force_aliases_extra' as seed_name,
        force_id as target,
        lower(force_name) as target_text
    from {{ ref('forces') }}
),

suggestions as (
    select
        labelled.figure_id,
        string_agg(
            targets.target, ', '
            order by {{ text_similarity(normalise_label('labelled.label_text'), 'targets.target_text') }} desc, targets.target
        ) as suggestions
    from labelled
    inner join targets on labelled.seed_to_edit = targets.seed_name
    group by labelled.figure_id
)

select
    labelled.figure_id,
    labelled.document_id,
    labelled.force_id,
    labelled.section_no,
    labelled.question_no,
    labelled.label_kind,
    labelled.label_text,
    labelled.row_label,
    labelled.col_label,
    labelled.value_text,
    labelled.measure as measure_guess,
    -- the pack the figure was read in: its measure's, else the one its question or title names
    coalesce(labelled.topic, labelled.frame_topic) as topic,
    labelled.review_reason as reason_code,
    labelled.classification_issue as reason,
    labelled.seed_to_edit,
    suggestions.suggestions,
    labelled.locator || ' (' || labelled.source_kind || ')' as source_locator,
    labelled.source_text,
    coalesce(
        nullif(concat_ws(' > ', nullif(labelled.context_path, ''), labelled.row_group, nullif(labelled.row_label, ''), nullif(labelled.col_label, '')), ''),
        '(document)'
    ) as context_path,
    labelled.is_synthetic
from labelled
left join suggestions on labelled.figure_id = suggestions.figure_id
