with

source as (
    select * from {{ source('raw', 'sections') }}
),

renamed as (
    select
        document_id,
        section_no,
        question_no,
        question_text,
        answer_text,
        locator
    from source
)

select * from renamed
