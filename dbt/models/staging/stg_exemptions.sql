with

source as (
    select * from {{ source('raw', 'exemptions') }}
),

renamed as (
    select
        document_id,
        section_no,
        act_section,
        text as citing_text,
        locator
    from source
)

select * from renamed
