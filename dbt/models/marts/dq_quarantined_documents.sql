-- Documents whose rows failed a data test, one row per document and test: their figures are in
-- no fact or comparison mart; everything else published (decision 0600).
with

quarantine as (
    select * from {{ source('raw', 'quarantine') }}
),

documents as (
    select * from {{ ref('stg_documents') }}
)

select
    quarantine.document_id,
    documents.source_path as path,
    documents.force_hint,
    quarantine.check_name,
    quarantine.failing_rows,
    quarantine.example,
    quarantine.quarantined_at,
    coalesce(documents.is_synthetic, false) as is_synthetic
from quarantine
left join documents on quarantine.document_id = documents.document_id
