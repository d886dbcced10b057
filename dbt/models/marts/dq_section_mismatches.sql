-- Figures printed under a question about one kind of breach whose offence titles say another
-- (the seed disclosure prints its SHPO table under the SRO question and vice versa). The
-- facts follow the titles; this lists where the question disagrees.
with

figures as (
    select * from {{ ref('int_figures_classified') }}
    where
        measure = 'breach_offences'
        and offence_category is not null
        and question_offence_category is not null
        and offence_category != question_offence_category
)

select
    force_id,
    document_id,
    section_no,
    question_no,
    question_offence_category,
    offence_category as title_offence_category,
    count(*) as figure_count,
    string_agg(distinct row_label, ' | ' order by row_label) as offence_titles,
    bool_or(is_synthetic) as is_synthetic
from figures
group by all
