-- Every distinct printed value, read: its status (reported, nil, suppressed, at_least,
-- not_held, refused), the number and its bounds, or why it cannot be one figure.
with

printed as (
    select distinct value_read as value_text
    from {{ ref('int_figure_candidates') }}
    where value_read is not null
),

read as (
    select
        value_text,
        {{ value_status_of('value_text') }} as value_status,
        {{ value_shape_of('value_text') }} as value_shape_issue
    from printed
)

select
    value_text,
    value_status,
    value_shape_issue,
    {{ value_bounds('value_status', 'value_text') }}
from read
