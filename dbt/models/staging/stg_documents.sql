with

source as (
    select * from {{ source('raw', 'documents') }}
    -- a copy (the same bytes at another path) is the document it copies: one row per document
    where copy_of is null
),

renamed as (
    select
        document_id,
        path as source_path,
        force_hint,
        format,
        bytes,
        nullif(trim(reference), '') as reference,
        reference_source,
        title,
        url,
        request_date as request_date_text,
        response_date as response_date_text,
        response_date_source,
        coalesce(synthetic, false) as is_synthetic,
        parser,
        parser_version,
        parsed_at,
        nullif(trim(supersedes), '') as supersedes,
        disclosure_key,
        revision_text,
        container_path,
        member_name,
        coalesce(ocr, false) as is_ocr
    from source
)

select * from renamed
