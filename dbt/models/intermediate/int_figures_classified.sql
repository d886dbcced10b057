-- Every candidate figure with what it means (int_figure_meanings) and its role: a disclosed
-- figure, a stated total or not a figure at all (cost arithmetic, a citation);
-- classification_issue says why a disclosed figure cannot go into the facts, so it goes to
-- review instead. Nothing is guessed: a label nobody understood sends its figure to review.
with

labelled_periods as (
    select * from {{ ref('int_figure_meanings') }}
    where {{ only_changed_documents() }}
),

-- The measures that offence titles count (breach_offences), one per pack that has offences.
offence_measures as (
    select
        topic,
        measure
    from {{ ref('measures') }}
    where counts_offences
),

roled as (
    select
        *,
        case
            when is_stated_total then 'stated_total'
            -- cost arithmetic in a refusal ("1077 records x 5 mins = 89 hours") and citations
            -- ("section 12 (1)") are numbers in the text, not figures a force disclosed
            when
                is_word_window
                and {{ re_matches(normalise_label('source_text'), '\\b(hours?|minutes?|mins?|£ ?[0-9]|appropriate limit|cost limit|per hour)\\b') }}
                then 'not_a_figure'
            -- the time allowed for a review ("within 40 working days") is no figure of the answer
            when
                is_word_window
                and {{ re_matches(normalise_label('row_label'), '(within|of|in) # (working |calendar )?days\\b') }}
                then 'not_a_figure'
            -- a legend for withheld numbers ("* 1 to 4: withheld", "<5 means a number from 1 to 4")
            when
                source_kind = 'inline'
                and {{ re_matches(normalise_label('source_text'), '^\\*|\\b(means|denotes|represents|indicates|stands for|withheld|suppressed|redacted)\\b') }}
                and {{ re_matches(normalise_label('source_text'), '\\b(1|one) (to|and|-) (4|four)\\b') }}
                then 'not_a_figure'
            -- a note on how small numbers are shown ("counts of one to four are shown as <5")
            when
                source_kind = 'inline'
                and {{ re_matches(normalise_label('source_text'), '\\b(are|is) (shown|given|displayed|represented|replaced|written) as (<|fewer|less|\\*)|we (give|show) (it|them|these) as|between (one|1) and (four|4)\\b|(one|1) (to|and) (four|4) (are|is)|counts? (of|from) (one|1) to (four|4)') }}
                and not {{ re_matches(normalise_label('row_label'), '^[0-9/ -]+$') }}
                then 'not_a_figure'
            when
                is_word_window
                and {{ re_matches(normalise_label('row_label'), '\\b(section|sections|sec|s|article|act|regulation|paragraph|para|question|q|ref|reference|page|foi|request)\\.? #') }}
                then 'not_a_figure'
            -- a note in a table's cell ("Interpreter used - cost met by the force"): words, no number
            when
                source_kind = 'table_cell'
                and value_status is null
                and not {{ re_matches('value_text', '[0-9]') }}
                and {{ re_matches(normalise_label('value_text'), '^[^ ]+( [^ ]+){3,}$') }}
                then 'not_a_figure'
            else 'disclosed'
        end as figure_role
    from labelled_periods
),

-- The same measure, period, sex, offence, area and label twice in one answer: nothing tells
-- the two apart (a lost sub-question heading, a duplicated row), so neither is guessed. Figures
-- are counted per key and the counts joined back, null matching null as in a window partition
-- (windows over every figure were slower).
{%- set same_key = [
    'document_id', 'section_no', 'measure', 'period_label', 'sex', 'offence_key', 'is_attempt',
    'area_name', 'custody', 'dimension_value', 'row_label_norm', 'figure_role'
] %}
{%- set same_row_label = ['document_id', 'table_no', 'row_group', 'row_label_norm', 'figure_role'] %}
key_counts as (
    select
        {{ same_key | join(',\n        ') }},
        count(*) as same_key_count
    from roled
    group by all
),

row_label_counts as (
    select
        {{ same_row_label | join(',\n        ') }},
        count(distinct row_no) as same_row_label_rows
    from roled
    group by all
),

counted as (
    select
        roled.*,
        key_counts.same_key_count,
        row_label_counts.same_row_label_rows
    from roled
    inner join key_counts on {{ null_safe_equal('roled', 'key_counts', same_key) }}
    inner join row_label_counts on {{ null_safe_equal('roled', 'row_label_counts', same_row_label) }}
),

reasoned as (
    select
        *,
        case
            when figure_role != 'disclosed' then null
            when force_id is null then 'force_unknown'
            -- Tesseract was unsure of a number it read from a scan: a person checks it
            when is_ocr and ocr_confidence < 80 then 'ocr_low_confidence'
            when value_shape_issue = 'two values in one cell' then 'value_two_in_one_cell'
            when value_shape_issue is not null or value_status is null then 'value_unread'
            -- "41 orders, including 6 interim orders": some of the figure before it, not more
            when split_role = 'subset' then 'part_of_a_total'
            when measure in (select offence_measures.measure from offence_measures) and offence_key is null then 'offence_unmatched'
            when not is_row_label_understood then 'row_label_unmatched'
            when not is_col_label_understood then 'column_label_unmatched'
            when measure is null then 'measure_unknown'
            when measure_from = 'heading' and is_context_measure_conflict then 'context_disagrees'
            when raw_period_kind in ('to_date', 'current') and response_date is null then 'period_needs_response_date'
            when raw_period_kind = 'current' and measure_kind = 'flow' then 'period_current_on_flow'
            when raw_period_kind = 'as_at' and measure_kind = 'flow' then 'period_snapshot_on_flow'
            when period_kind is null then 'period_missing'
            when source_kind = 'table_cell' and same_row_label_rows > 1 then 'ambiguous_row_label'
            when same_key_count > 1 then 'ambiguous_duplicate'
        end as review_reason
    from counted
)

select
    reasoned.*,
    reasons.description as classification_issue
from reasoned
left join {{ ref('review_reasons') }} as reasons on reasoned.review_reason = reasons.review_reason
