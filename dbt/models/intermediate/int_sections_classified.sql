-- Each question/answer block with the measure its question asks about (first matching pattern
-- of the question_topic_patterns seed) and what its answer says about custody.
with

sections as (
    select
        *,
        {{ normalise_label('question_text') }} as question_norm
    from {{ ref('stg_sections') }}
),

patterns as (
    select * from {{ ref('question_topic_patterns') }}
),

matched as (
    select
        sections.document_id,
        sections.section_no,
        patterns.measure,
        patterns.offence_category
    from sections
    inner join patterns on {{ re_matches_column('sections.question_norm', 'patterns.pattern') }}
    qualify row_number() over (
        partition by sections.document_id, sections.section_no order by patterns.priority
    ) = 1
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
left join matched
    on
        sections.document_id = matched.document_id
        and sections.section_no = matched.section_no
