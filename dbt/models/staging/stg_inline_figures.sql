with

source as (
    select * from {{ source('raw', 'inline_figures') }}
),

renamed as (
    select
        document_id,
        figure_no,
        trim(label_text) as label_text,
        trim(value_text) as value_text,
        sentence,
        section_no,
        locator,
        split_role,
        coalesce(is_ocr, false) as is_ocr,
        ocr_confidence
    from source
)

select * from renamed
