-- Invariant (decision 0600): no fact is read from question text, from cost arithmetic in a
-- refusal ("1077 records x 5 mins = 89 hours") or from the document's own reference number.
{{ config(meta={'dagster': {'ref': {'name': 'fct_disclosed_figures'}}}) }}

with

facts as (
    select
        *,
        case
            when value = floor(value) then cast(cast(value as bigint) as varchar)
            else cast(value as varchar)
        end as digits
    from {{ ref('fct_disclosed_figures') }}
    where source_text is not null
),

documents as (
    select * from {{ ref('stg_documents') }}
),

sections as (
    select * from {{ ref('stg_sections') }}
),

from_question as (
    select
        facts.document_id,
        facts.figure_id,
        'question text' as read_from,
        facts.source_text
    from facts
    inner join sections
        on
            facts.document_id = sections.document_id
            and contains(sections.question_text, facts.source_text)
    -- printed in the question and nowhere in any answer of the document
    where not exists (
        select 1 from sections as answers
        where answers.document_id = facts.document_id and contains(answers.answer_text, facts.source_text)
    )
),

from_cost as (
    select
        document_id,
        figure_id,
        'cost arithmetic' as read_from,
        source_text
    from facts
    where {{ re_matches('lower(source_text)', '[0-9] ?(x|\\*) ?[0-9]+ ?(mins?|minutes?|hours?)\\b|= ?[0-9][0-9,.]* ?(hours?|mins?|minutes?)\\b') }}
),

from_reference as (
    select
        facts.document_id,
        facts.figure_id,
        'reference number' as read_from,
        facts.source_text
    from facts
    inner join documents on facts.document_id = documents.document_id
    where
        documents.reference is not null
        and contains(facts.source_text, documents.reference)
        and contains(documents.reference, facts.digits)
        -- the value's digits are printed nowhere else in the text
        and not contains(replace(facts.source_text, documents.reference, ''), facts.digits)
)

select * from from_question
union all
select * from from_cost
union all
select * from from_reference
