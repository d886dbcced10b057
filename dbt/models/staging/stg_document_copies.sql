-- The other paths of a document saved more than once (the same bytes at two paths): the ingest
-- parses it once and lists each copy with the path it copies.
with

source as (
    select * from {{ source('raw', 'documents') }}
    where copy_of is not null
),

renamed as (
    select
        document_id,
        path as source_path,
        copy_of as copy_of_path
    from source
)

select * from renamed
