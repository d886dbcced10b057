-- Each document with its force and dates. The force comes from the folder or sidecar name
-- matched against every alias; failing that, from the one force the document's text names.
-- A document another one supersedes (a revised response) is flagged: the newer one wins. Every
-- document names its disclosure, so crawls, copies and revisions of one answer fold together.
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
-- Both sides are lower-cased once, not once per section and alias pair.
long_aliases as (
    select
        force_id,
        lower(alias) as alias_lower
    from aliases
    where length(alias) >= 10
),

section_texts as (
    select
        document_id,
        lower(coalesce(question_text, '') || ' ' || coalesce(answer_text, '')) as text_lower
    from {{ ref('stg_sections') }}
),

text_mentions as (
    select
        section_texts.document_id,
        long_aliases.force_id
    from section_texts
    inner join long_aliases on contains(section_texts.text_lower, long_aliases.alias_lower)
),

by_text as (
    select
        document_id,
        min(force_id) as force_id
    from text_mentions
    group by document_id
    having count(distinct force_id) = 1
),

-- Reference keys are computed once per document, not once per pair of documents.
document_keys as (
    select
        document_id,
        source_path,
        disclosure_key,
        revision_text,
        {{ date_from_text('response_date_text') }} as response_on,
        {{ reference_key('reference') }} as reference_key
    from documents
),

revisions as (
    select
        document_id,
        supersedes,
        {{ reference_key('supersedes') }} as supersedes_key
    from documents
    where supersedes is not null
),

-- Which response revises which: a revision naming the original's reference or path, or a
-- revised response with no reference of its own answering the same disclosure later.
revision_pairs as (
    select
        older.document_id as older_id,
        newer.document_id as newer_id
    from document_keys as older
    inner join revisions as newer
        on
            older.document_id != newer.document_id
            and (
                older.reference_key = newer.supersedes_key
                or older.source_path = newer.supersedes
                or older.source_path like '%' || newer.supersedes
            )
    union
    select
        older.document_id as older_id,
        newer.document_id as newer_id
    from document_keys as older
    inner join document_keys as newer
        on
            older.document_id != newer.document_id
            and older.disclosure_key = newer.disclosure_key
            and older.revision_text is null
            and newer.revision_text is not null
            and older.response_on < newer.response_on
),

superseded as (
    select distinct older_id as document_id
    from revision_pairs
),

-- The disclosure a document answers: its force and reference (every crawl and format of it
-- alike), a revision the disclosure of the response it revises, and a document with no
-- reference a disclosure of its own.
disclosures as (
    select
        document_keys.document_id,
        coalesce(
            min(coalesce(revised.disclosure_key, revised.document_id)),
            document_keys.disclosure_key,
            document_keys.document_id
        ) as disclosure_id
    from document_keys
    left join revision_pairs on document_keys.document_id = revision_pairs.newer_id
    left join document_keys as revised on revision_pairs.older_id = revised.document_id
    group by document_keys.document_id, document_keys.disclosure_key
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
        disclosures.disclosure_id,
        superseded.document_id is not null as is_superseded,
        {{ date_from_text('documents.response_date_text') }} as response_date,
        {{ date_from_text('documents.request_date_text') }} as request_date
    from documents
    left join by_hint on documents.document_id = by_hint.document_id
    left join by_text on documents.document_id = by_text.document_id
    left join forces on coalesce(by_hint.force_id, by_text.force_id) = forces.force_id
    left join superseded on documents.document_id = superseded.document_id
    left join disclosures on documents.document_id = disclosures.document_id
)

select * from resolved
