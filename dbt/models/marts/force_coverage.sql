-- One row per force x document x question: who answered what, and under which FOI sections
-- they refused.
with

sections as (
    select * from {{ ref('int_sections_classified') }}
    where question_no is not null
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

exemptions as (
    select
        document_id,
        section_no,
        string_agg(distinct act_section, ', ' order by act_section) as foi_sections,
        bool_or(act_section = 'ncnd') as is_ncnd
    from {{ ref('stg_exemptions') }}
    group by document_id, section_no
),

-- Only disclosed figures count as an answer: cost arithmetic in a refusal is not one.
figures as (
    select
        document_id,
        section_no,
        count(*) as figure_count
    from {{ ref('int_figures_classified') }}
    where figure_role = 'disclosed'
    group by document_id, section_no
),

judged as (
    select
        documents.force_id,
        sections.document_id,
        sections.section_no,
        sections.question_no,
        coalesce(sections.question_measure, left(sections.question_text, 80)) as topic,
        exemptions.foi_sections,
        coalesce(figures.figure_count, 0) as figure_count,
        case
            when exemptions.is_ncnd then 'ncnd'
            when exemptions.foi_sections is not null and coalesce(figures.figure_count, 0) > 0
                then 'partly_answered'
            when exemptions.foi_sections is not null then 'refused'
            when coalesce(figures.figure_count, 0) > 0 then 'answered'
            when {{ re_matches(normalise_label('sections.answer_text'), 'not held|does not hold|no (information|data|records?|figures) (is |are )?(held|recorded|captured)|not recorded|recorded information only') }}
                then 'not_held'
            else 'answered'
        end as outcome,
        documents.is_synthetic
    from sections
    inner join documents on sections.document_id = documents.document_id
    left join exemptions
        on sections.document_id = exemptions.document_id and sections.section_no = exemptions.section_no
    left join figures
        on sections.document_id = figures.document_id and sections.section_no = figures.section_no
)

select * from judged
