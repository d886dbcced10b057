-- Every topic pack's measures (topics/<topic>/topic.yml): the measure vocabulary of the facts.
select
    topic,
    measure,
    measure_kind,
    unit,
    description,
    -- the measure a figure with one of the pack's offence titles counts (breach_offences)
    counts_offences
from {{ source('topics', 'measures') }}
