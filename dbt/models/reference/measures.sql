-- Every topic pack's measures (topics/<topic>/topic.yml): the measure vocabulary of the facts,
-- with the title of the pack each belongs to.
select
    measures.topic,
    packs.title as topic_title,
    measures.measure,
    measures.measure_kind,
    measures.unit,
    measures.description,
    -- the measure a figure with one of the pack's offence titles counts (breach_offences)
    measures.counts_offences
from {{ source('topics', 'measures') }} as measures
left join {{ source('topics', 'packs') }} as packs on measures.topic = packs.topic
