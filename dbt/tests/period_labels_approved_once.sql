-- One approved period per label as int_period_labels_parsed matches it (case, dashes and
-- spaces aside): two lines for one label would give its figures two periods.
{{ config(meta={'dagster': {'ref': {'name': 'period_label_overrides'}}}) }}

select
    {{ normalise_label('label') }} as label_norm,
    count(*) as approvals,
    string_agg(label, ' | ' order by label) as labels
from {{ ref('period_label_overrides') }}
group by {{ normalise_label('label') }}
having count(*) > 1
