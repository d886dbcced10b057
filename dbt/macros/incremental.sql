{#- Incremental by document (decision 1400). The models a document's own rows decide are
    incremental: a build that is not a full refresh rebuilds only the rows of the documents in
    raw.document_changes (new, re-parsed or removed since the last dbt build of this file,
    written by dagster_project/document_changes.py), and keeps every other document's rows as
    they are. A full refresh (changed models, seeds or packs, `--full-refresh`, the weekly
    rebuild) builds them whole. -#}

{% macro changed_documents() -%}
    (select document_changes.document_id from {{ source('raw', 'document_changes') }} as document_changes)
{%- endmacro %}

{#- A model's filter on a document-keyed input: every row when the model is built whole, the
    changed documents' rows when it is built incrementally. -#}
{% macro only_changed_documents(column='document_id') -%}
    {#- rendered whatever the mode, so dbt records the dependency when it parses the model -#}
    {%- set changes = changed_documents() -%}
    {%- if is_incremental() -%}
        {{ column }} in {{ changes }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- The pre-hook of each incremental model: the changed documents' old rows go first. -#}
{% macro delete_changed_documents() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where document_id in {{ changed_documents() }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- dbt's data tests read a model through this macro (its `where` config). An incremental
    model is read for the changed documents only when the build is incremental (raw.dbt_build,
    written with raw.document_changes): the other rows passed when they were built. A full
    rebuild tests every row. The SQL is the same in both modes, so dbt's partial parse holds
    when a build switches between them. -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set clauses = [where] if where else [] -%}
    {#- the graph is known once dbt executes, not while it parses; the tables by name: a
        source() here would make every test depend on them -#}
    {%- if execute and is_document_keyed(relation) -%}
        {%- do clauses.append(
            '((select not dbt_build.incremental from raw.dbt_build as dbt_build)'
            ~ ' or document_id in (select document_changes.document_id from raw.document_changes as document_changes))'
        ) -%}
    {%- endif -%}
    {%- if clauses -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ clauses | join(' and ') ~ ') dbt_subquery') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{% macro is_document_keyed(relation) -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model'
            and node.config.materialized == 'incremental'
            and (node.alias or node.name) == relation.identifier
            and node.schema == relation.schema -%}
            {%- do return(true) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do return(false) -%}
{%- endmacro %}
