-- One row per force x disclosure x question: who answered what, and under which FOI sections
-- they refused. Every question a document prints or refers to has a row; a document with no
-- question found has one row for the whole reply (question_no 'all'). A question with no
-- answer of its own takes the reply's: a refusal or a "not held" that covers the request.
-- A disclosure that reached us more than once (two crawls of a page, a file saved twice, an
-- original and its revision) is one row per question listing every document: the revision's
-- outcome wins over the original's, and crawls that disagree are 'conflicting'.
with

sections as (
    select * from {{ ref('int_sections_classified') }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

-- Every path a document was found at: the same bytes saved twice are parsed once.
document_paths as (
    select
        document_id,
        source_path
    from documents
    union
    select
        document_id,
        source_path
    from {{ ref('stg_document_copies') }}
),

citations as (
    select distinct
        document_id,
        section_no,
        act_section
    from {{ ref('stg_exemptions') }}
),

cited_sections as (
    select
        document_id,
        section_no,
        bool_or(act_section = 'ncnd') as is_ncnd,
        bool_or(act_section != 'ncnd') as is_exempt
    from citations
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
        coalesce(cited_sections.is_exempt, false) as is_exempt,
        coalesce(cited_sections.is_ncnd, false) as is_ncnd,
        coalesce(figures.figure_count, 0) as figure_count,
        coalesce(trim(sections.answer_text), '') = '' as has_no_answer,
        coalesce({{ re_matches(normalise_label('sections.answer_text'), 'not held|does not hold|no (information|data|records?|figures) (is |are )?(held|recorded|captured)|not recorded|recorded information only|not (captured|retained) in a (way|format)') }}, false)
            as says_not_held
    from sections
    left join cited_sections
        on sections.document_id = cited_sections.document_id and sections.section_no = cited_sections.section_no
    left join figures
        on sections.document_id = figures.document_id and sections.section_no = figures.section_no
),

-- What the reply says outside any one question (section 0).
replies as (
    select * from read_sections
    where section_no = 0
),

-- The reply itself is a question only when the document has no question.
question_sections as (
    select read_sections.*
    from read_sections
    where
        read_sections.section_no > 0
        or not exists (
            select 1 from read_sections as asked
            where asked.document_id = read_sections.document_id and asked.section_no > 0
        )
),

-- Sections printed under one question number are one question; its topic is its first one's.
questions as (
    select
        document_id,
        question_no,
        min(section_no) as section_no,
        min(topic) filter (where is_first) as topic,
        bool_or(is_exempt) as is_exempt,
        bool_or(is_ncnd) as is_ncnd,
        sum(figure_count) as figure_count,
        bool_and(has_no_answer) as has_no_answer,
        bool_or(says_not_held) as says_not_held
    from (
        select
            *,
            row_number() over (partition by document_id, question_no order by section_no) = 1 as is_first
        from question_sections
    ) as numbered
    group by document_id, question_no
),

judged as (
    select
        questions.document_id,
        questions.section_no,
        questions.question_no,
        questions.topic,
        questions.figure_count,
        -- the sections cited for a question with no answer of its own are the reply's
        not questions.is_exempt and questions.has_no_answer and coalesce(replies.is_exempt, false)
            as cites_reply,
        case
            when questions.is_ncnd then 'ncnd'
            when questions.is_exempt and questions.figure_count > 0 then 'partly_answered'
            when questions.is_exempt then 'refused'
            when questions.figure_count > 0 then 'answered'
            when questions.says_not_held then 'not_held'
            when questions.has_no_answer and replies.is_ncnd then 'ncnd'
            when questions.has_no_answer and replies.is_exempt and replies.figure_count > 0
                then 'partly_answered'
            when questions.has_no_answer and replies.is_exempt then 'refused'
            when questions.has_no_answer and replies.says_not_held then 'not_held'
            else 'answered'
        end as outcome
    from questions
    left join replies on questions.document_id = replies.document_id and questions.section_no != 0
),

-- Each document's answer to a question, within its disclosure: a current response decides,
-- a superseded one only where no current one prints the question. The winner (the newest
-- deciding response, the fullest answer, then the first path) gives the row its document.
answers as (
    select
        judged.*,
        documents.force_id,
        documents.disclosure_id,
        documents.reference,
        documents.source_path,
        documents.response_date,
        documents.is_synthetic,
        dense_rank() over (
            partition by documents.disclosure_id, judged.question_no order by documents.is_superseded
        ) = 1 as is_deciding,
        row_number() over (
            partition by documents.disclosure_id, judged.question_no
            order by
                documents.is_superseded asc, documents.response_date desc nulls last,
                judged.figure_count desc, documents.source_path asc
        ) = 1 as is_winner
    from judged
    inner join documents on judged.document_id = documents.document_id
),

decided as (
    select
        disclosure_id,
        question_no,
        case
            when count(distinct outcome) filter (where is_deciding) = 1
                then min(outcome) filter (where is_deciding)
            else 'conflicting'
        end as outcome
    from answers
    group by disclosure_id, question_no
),

-- The FOI sections the deciding responses cite for the question (the reply's, for a question
-- with no answer of its own).
sections_cited as (
    select
        answers.disclosure_id,
        answers.question_no,
        string_agg(distinct citations.act_section, ', ' order by citations.act_section) as foi_sections
    from answers
    inner join read_sections
        on
            answers.document_id = read_sections.document_id
            and case
                when answers.cites_reply then read_sections.section_no = 0
                else
                    answers.question_no = read_sections.question_no
                    and (read_sections.section_no > 0 or answers.section_no = 0)
            end
    inner join citations
        on read_sections.document_id = citations.document_id and read_sections.section_no = citations.section_no
    where answers.is_deciding and citations.act_section != 'ncnd'
    group by answers.disclosure_id, answers.question_no
),

-- Every file the question was read from, oldest response first, each with its own outcome.
listed as (
    select
        answers.disclosure_id,
        answers.question_no,
        string_agg(document_paths.source_path, '; ' order by answers.response_date nulls last, document_paths.source_path)
            as documents,
        string_agg(
            document_paths.source_path || ': ' || answers.outcome, '; '
            order by answers.response_date nulls last, document_paths.source_path
        ) as document_outcomes
    from answers
    inner join document_paths on answers.document_id = document_paths.document_id
    group by answers.disclosure_id, answers.question_no
)

select
    answers.force_id,
    answers.disclosure_id,
    answers.reference,
    answers.document_id,
    answers.section_no,
    answers.question_no,
    answers.topic,
    decided.outcome,
    sections_cited.foi_sections,
    answers.figure_count,
    listed.documents,
    listed.document_outcomes,
    answers.is_synthetic
from answers
inner join decided on answers.disclosure_id = decided.disclosure_id and answers.question_no = decided.question_no
inner join listed on answers.disclosure_id = listed.disclosure_id and answers.question_no = listed.question_no
left join sections_cited
    on answers.disclosure_id = sections_cited.disclosure_id and answers.question_no = sections_cited.question_no
where answers.is_winner
