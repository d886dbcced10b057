-- The harmonised offences of the packs that have offence titles, and their category.
-- is_category_default marks the offence used when a figure has no title and its question
-- names only the kind of offence.
select
    topic,
    offence_key,
    offence_category,
    order_type,
    statute,
    section,
    description,
    source,
    is_category_default
from {{ source('topics', 'offences') }}
