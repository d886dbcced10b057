-- Every candidate figure with what it means: force, measure, offence, period, sex, value.
-- classification_issue says why a figure cannot go into the facts (it goes to review instead).
with

candidates as (
    select * from {{ ref('int_figure_candidates') }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

sections as (
    select * from {{ ref('int_sections_classified') }}
),

periods as (
    select * from {{ ref('int_period_labels_parsed') }}
),

measures as (
    select * from {{ ref('measures') }}
),

offence_patterns as (
    select * from {{ ref('offence_title_patterns') }}
),

offences as (
    select * from {{ ref('offences') }}
),

labelled as (
    select
        candidates.*,
        {{ is_total_label('candidates.row_label') }}
        or {{ is_total_label('candidates.col_label') }} as is_stated_total,
        coalesce({{ sex_of('candidates.col_label') }}, {{ sex_of('candidates.row_label') }}, 'all') as sex,
        coalesce(col_period.period_kind, row_period.period_kind) as label_period_kind,
        coalesce(col_period.period_label, row_period.period_label) as label_period_label,
        coalesce(col_period.period_start, row_period.period_start) as label_period_start,
        coalesce(col_period.period_end, row_period.period_end) as label_period_end,
        {{ normalise_label('candidates.row_label') }} as row_label_norm,
        {{ value_status_of('candidates.value_text') }} as value_status
    from candidates
    left join periods as col_period on candidates.col_label = col_period.label_text
    left join periods as row_period on candidates.row_label = row_period.label_text
),

offence_matched as (
    select
        labelled.figure_id,
        offence_patterns.offence_key
    from labelled
    inner join offence_patterns
        on {{ re_matches_column('labelled.row_label_norm', 'offence_patterns.pattern') }}
    qualify row_number() over (partition by labelled.figure_id order by offence_patterns.priority) = 1
),

classified as (
    select
        labelled.*,
        documents.force_id,
        documents.force_name,
        documents.ons_pfa_code,
        documents.reference,
        documents.response_date,
        documents.is_synthetic,
        sections.question_no,
        sections.question_measure,
        sections.question_offence_category,
        case
            when
                offence_matched.offence_key is not null
                and (
                    sections.question_measure = 'breach_offences'
                    or {{ re_matches('labelled.row_label_norm', 'breach|fail|comply|attempt|offence') }}
                )
                then offence_matched.offence_key
        end as offence_key,
        {{ re_matches('labelled.row_label_norm', '\\battempt') }} as is_attempt,
        sections.custody as section_custody
    from labelled
    inner join documents on labelled.document_id = documents.document_id
    left join sections
        on
            labelled.document_id = sections.document_id
            and labelled.section_no = sections.section_no
    left join offence_matched on labelled.figure_id = offence_matched.figure_id
),

with_measure as (
    select
        classified.*,
        case
            when classified.offence_key is not null then 'breach_offences'
            else classified.question_measure
        end as measure
    from classified
),

resolved as (
    select
        with_measure.*,
        offences.offence_category,
        measures.measure_kind,
        case
            when with_measure.label_period_kind = 'year' and measures.measure_kind = 'stock' then 'as_at'
            when with_measure.label_period_kind = 'year' then 'calendar_year'
            else with_measure.label_period_kind
        end as period_kind,
        with_measure.label_period_label as period_label,
        with_measure.label_period_start as period_start,
        with_measure.label_period_end as period_end,
        case when measures.measure_kind = 'stock' then with_measure.section_custody end as custody,
        {{ value_bounds('with_measure.value_status', 'with_measure.value_text') }}
    from with_measure
    left join offences on with_measure.offence_key = offences.offence_key
    left join measures on with_measure.measure = measures.measure
)

select
    *,
    case
        when force_id is null then 'force not recognised'
        when measure is null then 'no measure: the question and labels matched no pattern'
        when measure = 'breach_offences' and offence_key is null
            then 'offence title matched no pattern'
        when period_kind is null then 'no period: no label reads as a period'
        when value_status is null then 'value not understood'
    end as classification_issue
from resolved
