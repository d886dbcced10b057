with

source as (
    select * from {{ source('raw', 'figure_contexts') }}
),

renamed as (
    select
        document_id,
        source_kind,
        source_key,
        title,
        question_no,
        question_text,
        sub_question_no,
        sub_question_text,
        heading,
        heading_path,
        preamble,
        context_path,
        lead
    from source
)

select * from renamed
