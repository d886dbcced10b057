-- One row per force x document x question: who answered what, and under which FOI sections
-- they refused. Every question a document prints or refers to has a row; a document with no
-- question found has one row for the whole reply (question_no 'all'). A question with no
-- answer of its own takes the reply's: a refusal or a "not held" that covers the request.
with

sections as (
    select * from {{ ref('int_sections_classified') }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

exemptions as (
    select
        document_id,
        section_no,
        string_agg(distinct act_section, ', ' order by act_section) filter (where act_section != 'ncnd')
            as foi_sections,
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

read_sections as (
    select
        sections.document_id,
        sections.section_no,
        coalesce(sections.question_no, 'all') as question_no,
        coalesce(sections.question_measure, sections.question_text) as topic,
        exemptions.foi_sections,
        coalesce(exemptions.is_ncnd, false) as is_ncnd,
        coalesce(figures.figure_count, 0) as figure_count,
        coalesce(trim(sections.answer_text), '') = '' as has_no_answer,
        coalesce({{ re_matches(normalise_label('sections.answer_text'), 'not held|does not hold|no (information|data|records?|figures) (is |are )?(held|recorded|captured)|not recorded|recorded information only|not (captured|retained) in a (way|format)') }}, false)
            as says_not_held
    from sections
    left join exemptions
        on sections.document_id = exemptions.document_id and sections.section_no = exemptions.section_no
    left join figures
        on sections.document_id = figures.document_id and sections.section_no = figures.section_no
),

-- What the reply says outside any one question (section 0).
replies as (
    select
        document_id,
        foi_sections,
        is_ncnd,
        figure_count,
        says_not_held
    from read_sections
    where section_no = 0
),

questions as (
    select read_sections.*
    from read_sections
    where
        read_sections.section_no > 0
        -- the reply itself is a row only when the document has no question
        or not exists (
            select 1 from read_sections as asked
            where asked.document_id = read_sections.document_id and asked.section_no > 0
        )
),

judged as (
    select
        documents.force_id,
        questions.document_id,
        questions.section_no,
        questions.question_no,
        questions.topic,
        coalesce(questions.foi_sections, case when questions.has_no_answer then replies.foi_sections end)
            as foi_sections,
        questions.figure_count,
        case
            when questions.is_ncnd then 'ncnd'
            when questions.foi_sections is not null and questions.figure_count > 0 then 'partly_answered'
            when questions.foi_sections is not null then 'refused'
            when questions.figure_count > 0 then 'answered'
            when questions.says_not_held then 'not_held'
            when questions.has_no_answer and replies.is_ncnd then 'ncnd'
            when questions.has_no_answer and replies.foi_sections is not null and replies.figure_count > 0
                then 'partly_answered'
            when questions.has_no_answer and replies.foi_sections is not null then 'refused'
            when questions.has_no_answer and replies.says_not_held then 'not_held'
            else 'answered'
        end as outcome,
        documents.is_synthetic
    from questions
    inner join documents on questions.document_id = documents.document_id
    left join replies on questions.document_id = replies.document_id and questions.section_no != 0
)

select * from judged
