-- Every number a document printed, from tables and from running text, in one shape.
with

cells as (
    select
        document_id,
        section_no,
        'table_cell' as source_kind,
        'table ' || table_no || ' row ' || row_no || ' col ' || col_no as source_key,
        table_no,
        row_no,
        col_no,
        row_label,
        col_label,
        row_group,
        cell_text as value_text,
        row_text as source_text,
        locator,
        cast(null as varchar) as split_role,
        is_ocr,
        ocr_confidence
    from {{ ref('stg_table_cells') }}
    where {{ only_changed_documents() }}
),

inline as (
    select
        document_id,
        section_no,
        'inline' as source_kind,
        'figure ' || figure_no as source_key,
        cast(null as integer) as table_no,
        cast(null as integer) as row_no,
        cast(null as integer) as col_no,
        label_text as row_label,
        cast(null as varchar) as col_label,
        cast(null as varchar) as row_group,
        value_text,
        sentence as source_text,
        locator,
        split_role,
        is_ocr,
        ocr_confidence
    from {{ ref('stg_inline_figures') }}
    where {{ only_changed_documents() }}
),

unioned as (
    select * from cells
    union all
    select * from inline
)

select
    md5(document_id || '|' || source_key) as figure_id,
    *,
    -- an inline label is a window of words around the number ("#") or a short label ("Male")
    source_kind = 'inline' and contains(row_label, '#') as is_word_window,
    -- in running text the words before a number qualify it: "in excess of # people"
    case
        when source_kind = 'inline'
            then coalesce(
                {{ re_extract(normalise_label('row_label'), '(in excess of|more than|over|at least|upwards of|fewer than|less than|under) #', 1) }}
                || ' ' || value_text,
                value_text
            )
        else value_text
    end as value_read
from unioned
