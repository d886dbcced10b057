-- Each question/answer block with the measure its question asks about (first matching pattern
-- of the question_topic_patterns seed) and what its answer says about custody.
with

sections as (
    select
        *,
        {{ normalise_label('question_text') }} as question_norm
    from {{ ref('stg_sections') }}
    where {{ only_changed_documents() }}
),

patterns as (
    select * from {{ ref('question_topic_patterns') }}
),

-- Questions repeat across documents, and a pattern held in a column is compiled for every row
-- it meets: each distinct question is matched against the seed once, then joined back.
distinct_questions as (
    select distinct question_norm
    from sections
),

matched_per_pack as (
    {{ topic_pattern_per_pack('distinct_questions', 'patterns', 'measure', 'question_norm', ['offence_category']) }}
),

matched as (
    {{ best_topic_pattern_per_label('matched_per_pack', 'measure', 'question_norm', ['offence_category']) }}
)

select
    sections.document_id,
    sections.section_no,
    sections.question_no,
    sections.question_text,
    sections.answer_text,
    sections.locator,
    matched.measure as question_measure,
    matched.offence_category as question_offence_category,
    {{ custody_of('sections.answer_text') }} as custody,
    -- the answer's own snapshot phrase ("as at 1.1.21", "the figures for October 2025"): the
    -- period of its figures when their labels give none
    {{ re_extract(normalise_label('sections.answer_text'), '((as (at|of|on)|(figures|data) for) [^;|]{3,32})', 1) }} as answer_as_at_text
from sections
left join matched on sections.question_norm = matched.question_norm
