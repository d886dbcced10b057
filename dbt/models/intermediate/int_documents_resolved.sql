-- Each document with its force and dates. The force comes from the folder or sidecar name
-- matched against every alias; failing that, from the one force the document's text names.
-- A document another one supersedes (a revised response) is flagged: the newer one wins.
with

documents as (
    select * from {{ ref('stg_documents') }}
),

aliases as (
    select
        force_id,
        alias
    from {{ ref('force_aliases') }}
    union
    select
        force_id,
        alias
    from {{ ref('force_aliases_extra') }}
    union
    select
        force_id,
        force_name
    from {{ ref('forces') }}
),

alias_keys as (
    select distinct
        force_id,
        {{ alias_key('alias') }} as alias_key
    from aliases
),

forces as (
    select * from {{ ref('forces') }}
),

by_hint as (
    select
        documents.document_id,
        min(alias_keys.force_id) as force_id
    from documents
    inner join alias_keys on {{ alias_key('documents.force_hint') }} = alias_keys.alias_key
    group by documents.document_id
),

-- Long aliases only ("West Midlands Police", not "Met"), so a word in a sentence is not a force.
text_mentions as (
    select
        sections.document_id,
        aliases.force_id
    from {{ ref('stg_sections') }} as sections
    inner join aliases
        on
            length(aliases.alias) >= 10
            and contains(
                lower(coalesce(sections.question_text, '') || ' ' || coalesce(sections.answer_text, '')),
                lower(aliases.alias)
            )
),

by_text as (
    select
        document_id,
        min(force_id) as force_id
    from text_mentions
    group by document_id
    having count(distinct force_id) = 1
),

superseded as (
    select distinct older.document_id
    from documents as older
    inner join documents as newer
        on
            older.document_id != newer.document_id
            and newer.supersedes is not null
            and (
                {{ reference_key('older.reference') }} = {{ reference_key('newer.supersedes') }}
                or older.source_path = newer.supersedes
                or older.source_path like '%' || newer.supersedes
            )
),

resolved as (
    select
        documents.*,
        forces.force_id,
        forces.force_name,
        forces.ons_pfa_code,
        case
            when by_hint.force_id is not null then 'folder or sidecar'
            when by_text.force_id is not null then 'document text'
        end as force_source,
        superseded.document_id is not null as is_superseded,
        {{ date_from_text('documents.response_date_text') }} as response_date,
        {{ date_from_text('documents.request_date_text') }} as request_date
    from documents
    left join by_hint on documents.document_id = by_hint.document_id
    left join by_text on documents.document_id = by_text.document_id
    left join forces on coalesce(by_hint.force_id, by_text.force_id) = forces.force_id
    left join superseded on documents.document_id = superseded.document_id
)

select * from resolved
