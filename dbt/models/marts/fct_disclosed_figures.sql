-- One row per figure a force disclosed, in the common schema. Stated totals and derived
-- figures are not rows here. Where two documents disclose the same figure, the newest
-- response wins (both are listed in dq_conflicting_figures); a response another one
-- supersedes always loses. Quarantined documents are left out (decision 0600).
with

-- Whether a newer response revises a figure's document is a fact of the corpus, not of the
-- document alone, so it is joined here and not kept with the figure (decision 1400).
figures as (
    select
        classified.*,
        documents.is_superseded
    from {{ ref('int_figures_classified') }} as classified
    inner join {{ ref('int_documents_resolved') }} as documents on classified.document_id = documents.document_id
    where
        classified.figure_role = 'disclosed'
        and classified.review_reason is null
        -- a document that failed a data test is in dq_quarantined_documents, not here
        and classified.document_id not in (select quarantine.document_id from {{ source('raw', 'quarantine') }} as quarantine)
),

-- Period labels a person approved in review (seed period_label_overrides).
approved_periods as (
    select label_text from {{ ref('int_period_labels_parsed') }}
    where parse_rule = 'approved'
),

ranked as (
    select
        *,
        dense_rank() over (
            partition by
                force_id, measure, period_label, sex, offence_key, coalesce(is_attempt, false),
                coalesce(custody, ''), coalesce(area_name, ''), coalesce(dimension_value, '')
            order by is_superseded asc, response_date desc nulls last, document_id asc
        ) as document_rank
    from figures
)

select
    figure_id,
    document_id,
    force_id,
    force_name,
    ons_pfa_code,
    topic,
    measure,
    dimension,
    dimension_value,
    offence_key,
    offence_category,
    offence_source,
    coalesce(is_attempt, false) as is_attempt,
    sex,
    area_name,
    coalesce(is_pseudo_area, false) as is_pseudo_area,
    period_kind,
    period_label,
    period_start,
    period_end,
    value,
    value_status,
    value_low,
    value_high,
    custody,
    locator || ' (' || source_kind || ')' as source_locator,
    source_text,
    value_text as source_value_text,
    question_no,
    coalesce(
        nullif(concat_ws(
            ' > ',
            nullif(context_path, ''),
            row_group,
            case when not is_word_window then nullif(row_label, '') end,
            nullif(col_label, '')
        ), ''),
        '(document)'
    ) as context_path,
    measure_from,
    -- a period read from a label a person approved says so, not the level it was printed at
    case
        when label_period_kind is not null and period_source_label in (select approved_periods.label_text from approved_periods)
            then 'approval'
        else period_from
    end as period_from,
    response_date,
    reference,
    is_synthetic,
    is_ocr
from ranked
where document_rank = 1
