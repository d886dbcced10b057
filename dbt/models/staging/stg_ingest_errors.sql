with

source as (
    select * from {{ source('raw', 'ingest_errors') }}
),

renamed as (
    select
        path as source_path,
        reason,
        error_kind,
        seen_at,
        document_id,
        coalesce(severity, 'error') as severity
    from source
)

select * from renamed
