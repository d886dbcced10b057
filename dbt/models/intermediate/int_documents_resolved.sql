-- Each document with its force (folder or sidecar name matched against every alias) and dates.
with

documents as (
    select * from {{ ref('stg_documents') }}
),

aliases as (
    select
        force_id,
        {{ alias_key('alias') }} as alias_key
    from {{ ref('force_aliases') }}
),

forces as (
    select * from {{ ref('forces') }}
),

resolved as (
    select
        documents.*,
        forces.force_id,
        forces.force_name,
        forces.ons_pfa_code,
        {{ date_from_text('documents.response_date_text') }} as response_date,
        {{ date_from_text('documents.request_date_text') }} as request_date
    from documents
    left join aliases on {{ alias_key('documents.force_hint') }} = aliases.alias_key
    left join forces on aliases.force_id = forces.force_id
)

select * from resolved
