-- Every stated total that differs from the sum of its parts. A row total is checked against
-- the row's other cells, a column total against the column's, a grand total against every
-- non-total cell: so one wrong row total is reported once, not again in the grand total.
with

cells as (
    select * from {{ ref('int_figures_classified') }}
    where source_kind = 'table_cell'
),

-- Labels repeat across cells: each distinct label is read once, then joined back.
labels as (
    select
        label,
        {{ is_total_label('label') }} as is_total
    from (
        select row_label as label from cells
        union
        select col_label from cells
    ) as distinct_labels
),

flagged as (
    select
        cells.*,
        coalesce(row_labels.is_total, false) as is_total_row,
        coalesce(col_labels.is_total, false) as is_total_col
    from cells
    left join labels as row_labels on cells.row_label = row_labels.label
    left join labels as col_labels on cells.col_label = col_labels.label
),

parts as (
    select * from flagged
    where not is_total_row and not is_total_col and value_low is not null
),

totals as (
    select * from flagged
    where (is_total_row or is_total_col) and value_status = 'reported'
),

checked as (
    select
        totals.force_id,
        totals.document_id,
        totals.locator as source_locator,
        case
            when totals.is_total_row and totals.is_total_col then 'grand total'
            when totals.is_total_col then 'row total: ' || totals.row_label
            else 'column total: ' || totals.col_label
        end as label,
        totals.value as stated_total,
        sum(parts.value_low) as computed_low,
        sum(parts.value_high) as computed_high,
        count(parts.figure_id) as part_count,
        totals.is_synthetic
    from totals
    inner join parts
        on
            totals.document_id = parts.document_id
            and totals.table_no = parts.table_no
            and (totals.is_total_row or totals.row_no = parts.row_no)
            and (totals.is_total_col or totals.col_no = parts.col_no)
    group by all
)

select
    force_id,
    document_id,
    source_locator,
    label,
    stated_total,
    case when computed_low = computed_high then computed_low end as computed_total,
    computed_low,
    computed_high,
    stated_total - computed_low as difference,
    part_count,
    is_synthetic
from checked
where stated_total not between computed_low and computed_high
