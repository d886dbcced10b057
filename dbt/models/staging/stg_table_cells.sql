with

source as (
    select * from {{ source('raw', 'table_cells') }}
),

renamed as (
    select
        document_id,
        table_no,
        row_no,
        col_no,
        trim(row_label) as row_label,
        trim(col_label) as col_label,
        nullif(trim(row_group), '') as row_group,
        trim(cell_text) as cell_text,
        section_no,
        locator,
        row_text,
        coalesce(is_ocr, false) as is_ocr,
        ocr_confidence
    from source
)

select * from renamed
