-- Every candidate figure with what its context says it means: force, measure, offence, area,
-- period, sex, custody and value, each by one written precedence (decision 0901). Its role and
-- whether it goes to review are decided next, in int_figures_classified.
with

candidates as (
    select * from {{ ref('int_figure_candidates') }}
    where {{ only_changed_documents() }}
),

documents as (
    select * from {{ ref('int_documents_resolved') }}
),

sections as (
    select
        *,
        -- the question asks for a breakdown by area: rows nobody else reads are area names
        {{ re_matches(
            normalise_label('question_text'),
            '\\b(each|every|per|by)( of)?( the| your)? (local |policing |neighbourhood |local authority |council )?(area|district|county|counties|borough|lpu|npu|bcu|division|local authority|policing area|policing district|basic command unit|command unit|policing unit|ward)s?\\b|broken down (into|by) .{0,40}(areas?|districts?|count(y|ies)|boroughs?|lpus?|npus?)'
        ) }} as is_area_question
    from {{ ref('int_sections_classified') }}
    where {{ only_changed_documents() }}
),

periods as (
    select * from {{ ref('int_period_labels_parsed') }}
),

contexts as (
    select * from {{ ref('int_figure_contexts') }}
    where {{ only_changed_documents() }}
),

-- A bare month name's month, and the period the context gives (one model each).
month_names as (
    select * from {{ ref('int_month_name_periods') }}
),

context_periods as (
    select * from {{ ref('int_context_periods') }}
),

parsed_values as (
    select * from {{ ref('int_values_parsed') }}
),

measures as (
    select * from {{ ref('measures') }}
),

measure_patterns as (
    select * from {{ ref('measure_label_patterns') }}
),

area_patterns as (
    select * from {{ ref('area_label_patterns') }}
),

titles as (
    select * from {{ ref('int_offence_titles_mapped') }}
),

offences as (
    select * from {{ ref('offences') }}
),

category_defaults as (
    select
        offence_category,
        offence_key
    from offences
    where is_category_default
),

-- The measures that offence titles count (breach_offences), one per pack that has offences.
offence_measures as (
    select
        topic,
        measure
    from measures
    where counts_offences
),

-- Labels repeat across thousands of figures: each distinct label is cleaned and read once,
-- and matched against the pattern seeds once, then joined back (reading and matching labels
-- per figure dominated the build's time).
distinct_labels as (
    select row_label as label from candidates
    union
    select col_label from candidates
    union
    select row_group from candidates
),

label_readings as (
    select
        label,
        {{ normalise_label('label') }} as label_norm,
        {{ is_total_label('label') }} as is_total,
        {{ sex_of('label') }} as sex,
        {{ custody_of('label') }} as custody
    from distinct_labels
    where label is not null
),

distinct_label_norms as (
    select distinct label_norm from label_readings
),

-- The period a sentence's own clause names ("and in 2023 there were #"), read once per
-- distinct sentence: read in the join below, per figure, it was half this model's time.
clause_periods as (
    select
        label,
        {{ period_phrase('label_norm') }} as clause_period_text
    from label_readings
    where label in (
        select row_label from candidates
        where is_word_window
    )
),

normalised as (
    select
        candidates.*,
        row_readings.label_norm as row_label_norm,
        col_readings.label_norm as col_label_norm,
        group_readings.label_norm as row_group_norm
    from candidates
    left join label_readings as row_readings on candidates.row_label = row_readings.label
    left join label_readings as col_readings on candidates.col_label = col_readings.label
    left join label_readings as group_readings on candidates.row_group = group_readings.label
),

-- An offence title is a row label, or a column label where offences are the columns. A label
-- has at most one title (and one area kind, below): the row label's wins, else the other's.
offence_matched as (
    select
        normalised.figure_id,
        case when row_titles.label_norm is not null then row_titles.offence_key else col_titles.offence_key end
            as offence_key,
        case when row_titles.label_norm is not null then row_titles.reads_as_title else col_titles.reads_as_title end
            as reads_as_title,
        case when row_titles.label_norm is not null then 1 else 2 end as label_rank
    from normalised
    left join titles as row_titles on normalised.row_label_norm = row_titles.label_norm
    left join titles as col_titles on normalised.col_label_norm = col_titles.label_norm
    where row_titles.label_norm is not null or col_titles.label_norm is not null
),

-- The measure each label names (decision 1000): read within the pack that frames the figure
-- (int_figure_contexts.frame_topic) when it has one, so "Applications" under a Clare's Law
-- question is a Clare's Law measure and a word another pack uses is never taken across topics;
-- without a frame, the pack more of whose patterns match, then the longer match, a tie naming
-- none (review).
label_measures_per_pack as (
    {{ topic_pattern_per_pack('distinct_label_norms', 'measure_patterns', 'measure') }}
),

label_measures as (
    {{ best_topic_pattern_per_label('label_measures_per_pack', 'measure') }}
),

measure_matched as (
    select
        normalised.figure_id,
        case when contexts.frame_topic is null then row_measures.measure else row_in_pack.measure end as row_measure,
        case when contexts.frame_topic is null then col_measures.measure else col_in_pack.measure end as col_measure,
        case when contexts.frame_topic is null then group_measures.measure else group_in_pack.measure end as group_measure
    from normalised
    left join contexts on normalised.figure_id = contexts.figure_id
    left join label_measures as row_measures on normalised.row_label_norm = row_measures.label_norm
    left join label_measures as col_measures on normalised.col_label_norm = col_measures.label_norm
    left join label_measures as group_measures on normalised.row_group_norm = group_measures.label_norm
    left join label_measures_per_pack as row_in_pack
        on normalised.row_label_norm = row_in_pack.label_norm and contexts.frame_topic = row_in_pack.topic
    left join label_measures_per_pack as col_in_pack
        on normalised.col_label_norm = col_in_pack.label_norm and contexts.frame_topic = col_in_pack.topic
    left join label_measures_per_pack as group_in_pack
        on normalised.row_group_norm = group_in_pack.label_norm and contexts.frame_topic = group_in_pack.topic
),

-- The breakdown value each label names in each pack (ethnicity "Asian or Asian British" ->
-- asian): a figure reads only its own measure's pack, so one pack's values never claim another's.
dimension_patterns as (
    select * from {{ ref('dimension_value_patterns') }}
),

label_dimensions as (
    {{ topic_pattern_per_pack('distinct_label_norms', 'dimension_patterns', 'dimension_value', also=['dimension']) }}
),

-- The area kind each label names.
label_areas as (
    {{ best_pattern_per_label('distinct_label_norms', 'area_patterns', 'area_kind') }}
),

area_matched as (
    select
        normalised.figure_id,
        case when row_areas.label_norm is not null then row_areas.area_kind else group_areas.area_kind end
            as area_kind,
        case when row_areas.label_norm is not null then 1 else 2 end as label_rank
    from normalised
    left join label_areas as row_areas on normalised.row_label_norm = row_areas.label_norm
    left join label_areas as group_areas on normalised.row_group_norm = group_areas.label_norm
    where not normalised.is_word_window and (row_areas.label_norm is not null or group_areas.label_norm is not null)
),

-- A pseudo-area is only an area in a table that lists real areas too.
tables_with_areas as (
    select distinct
        normalised.document_id,
        normalised.table_no
    from normalised
    inner join area_matched on normalised.figure_id = area_matched.figure_id
    where area_matched.area_kind = 'area' and normalised.table_no is not null
),

{# the question's measure: read within the figure's frame when it has one #}
{% set framed_question -%}
    case when contexts.frame_topic is null then sections.question_measure else contexts.question_measure end
{%- endset %}

labelled as (
    select
        normalised.*,
        coalesce(row_readings.is_total, false) or coalesce(col_readings.is_total, false)
        -- a total printed in one sentence with its complete split ("..., of whom")
        or coalesce(normalised.split_role = 'whole', false) as is_stated_total,
        col_readings.sex as col_sex,
        row_readings.sex as row_sex,
        coalesce(
            row_readings.custody,
            case when {{ re_matches('normalised.row_label_norm', '\\bin the community\\b') }} then 'excluded' end,
            -- a "Custody" row (often a pseudo-area) counts only people in custody
            case when {{ re_matches('normalised.row_label_norm', '^(in )?(custody|prison)$') }} then 'only' end
        ) as row_custody,
        col_readings.custody as col_custody,
        coalesce(col_full_period.period_kind, col_part_period.period_kind, col_top_period.period_kind) as col_period_kind,
        row_period.period_kind as row_period_kind,
        coalesce(col_full_period.label_text, col_part_period.label_text, col_top_period.label_text, row_period.label_text, clause_period.label_text, group_period.label_text) as period_source_label,
        coalesce(col_full_period.period_kind, col_part_period.period_kind, col_top_period.period_kind, row_period.period_kind, clause_period.period_kind, group_period.period_kind, month_names.period_kind)
            as label_period_kind,
        case
            when coalesce(col_full_period.period_kind, col_part_period.period_kind, col_top_period.period_kind) is not null then 'column'
            when coalesce(row_period.period_kind, clause_period.period_kind) is not null and normalised.is_word_window then 'sentence'
            when coalesce(row_period.period_kind, group_period.period_kind, month_names.period_kind) is not null then 'label'
        end as label_period_from,
        coalesce(col_full_period.period_label, col_part_period.period_label, col_top_period.period_label, row_period.period_label, clause_period.period_label, group_period.period_label, month_names.period_label)
            as label_period_label,
        coalesce(col_full_period.period_start, col_part_period.period_start, col_top_period.period_start, row_period.period_start, clause_period.period_start, group_period.period_start, month_names.period_start)
            as label_period_start,
        coalesce(col_full_period.period_end, col_part_period.period_end, col_top_period.period_end, row_period.period_end, clause_period.period_end, group_period.period_end, month_names.period_end)
            as label_period_end,
        {%- set near = "context_periods.context_period_from in ('heading', 'preamble', 'sentence')" %}
        {%- set answer = "context_period.period_kind is not null" %}
        {%- for part in ['kind', 'label', 'start', 'end'] %}
            case
                when {{ near }} then context_periods.period_{{ part }}
                when {{ answer }} then context_period.period_{{ part }}
                else context_periods.period_{{ part }}
            end as context_period_{{ part }},
        {%- endfor %}
        case
            when {{ near }} then context_periods.context_period_from
            when {{ answer }} then 'sentence'
            when context_periods.context_period_from = 'question' and normalised.section_no > 0
                then case when sections.question_no similar to '[0-9]+[a-z]' then 'sub_question' else 'question' end
        end as context_period_from,
        -- the day a column of bare years counts on ("Missing on 31 December"), else the context's
        coalesce({{ snapshot_day_of_year(normalise_label('normalised.col_label')) }}, context_periods.snapshot_day)
            as snapshot_day,
        contexts.heading,
        contexts.preamble,
        contexts.context_path,
        contexts.heading_measure,
        contexts.preamble_measure,
        contexts.title_measure,
        coalesce(contexts.heading_offence_category, contexts.preamble_offence_category) as context_offence_category,
        coalesce(contexts.heading_custody, contexts.preamble_custody) as context_custody,
        coalesce(contexts.is_plain_heading, false) as is_plain_heading,
        contexts.frame_topic,
        contexts.heading_area_kind,
        month_names.figure_id is not null as is_month_name,
        offence_matched.offence_key as title_offence_key,
        offence_matched.reads_as_title as title_reads_as_title,
        offence_matched.label_rank as offence_label_rank,
        measure_matched.row_measure,
        measure_matched.col_measure,
        measure_matched.group_measure,
        case
            when area_matched.area_kind = 'area' then true
            when area_matched.area_kind = 'pseudo_area' and tables_with_areas.table_no is not null then true
            else false
        end as has_area,
        area_matched.area_kind,
        area_matched.label_rank as area_label_rank,
        parsed_values.value_status,
        parsed_values.value_shape_issue,
        parsed_values.value,
        parsed_values.value_low,
        parsed_values.value_high,
        case
            when {{ re_matches('normalised.row_label_norm', '^(i?shpos?|sexual harm prevention orders?)$') }} then 'shpo'
            when {{ re_matches('normalised.row_label_norm', '^(i?sros?|sexual risk orders?)$') }} then 'sro'
        end as order_family,
        coalesce(sections.is_area_question, false) as is_area_question,
        sections.question_no,
        sections.question_text,
        sections.question_measure,
        sections.question_offence_category,
        sections.custody as section_custody,
        -- a note on the whole answer ("NB This includes those currently in custody")
        coalesce({{ re_matches(normalise_label('sections.answer_text'), '\\b(nb|n\\.b\\.|note|please note|these (figures|numbers)|this|the (figures|numbers|above)|figures)\\b.{0,60}(includ|exclud)\\w*( those| offenders| people)?( currently)? in (custody|prison)') }}, false)
            as is_custody_note,
        -- the measure the context names when the figure's own labels name none, nearest first
        coalesce(contexts.lead_measure, contexts.heading_measure, contexts.preamble_measure, {{ framed_question }}, contexts.title_measure)
            as context_measure,
        case
            when contexts.lead_measure is not null then 'sentence'
            when contexts.heading_measure is not null then 'heading'
            when contexts.preamble_measure is not null then 'preamble'
            when {{ framed_question }} is not null and sections.question_no similar to '[0-9]+[a-z]' then 'sub_question'
            when {{ framed_question }} is not null then 'question'
            when contexts.title_measure is not null then 'title'
        end as context_measure_from,
        contexts.heading_measure is not null
        and contexts.preamble_measure is not null
        and contexts.heading_measure != contexts.preamble_measure as is_context_measure_conflict
    from normalised
    left join label_readings as row_readings on normalised.row_label = row_readings.label
    left join label_readings as col_readings on normalised.col_label = col_readings.label
    left join periods as col_full_period on normalised.col_label = col_full_period.label_text
    left join periods as col_part_period on {{ header_last_part('normalised.col_label') }} = col_part_period.label_text
    left join periods as col_top_period on {{ header_first_part('normalised.col_label') }} = col_top_period.label_text
    left join periods as row_period on normalised.row_label = row_period.label_text
    -- the period the figure's own clause names ("and in 2023 there were #"), before its sentence's
    left join clause_periods
        on
            normalised.is_word_window
            and normalised.row_label = clause_periods.label
    left join periods as clause_period on clause_periods.clause_period_text = clause_period.label_text
    left join periods as group_period on normalised.row_group = group_period.label_text
    left join sections
        on
            normalised.document_id = sections.document_id
            and normalised.section_no = sections.section_no
    left join periods as context_period
        on
            sections.answer_as_at_text = context_period.label_text
            and context_period.period_kind in ('as_at', 'month')
    left join contexts on normalised.figure_id = contexts.figure_id
    left join month_names on normalised.figure_id = month_names.figure_id
    left join context_periods on normalised.figure_id = context_periods.figure_id
    left join parsed_values on normalised.value_read = parsed_values.value_text
    left join offence_matched on normalised.figure_id = offence_matched.figure_id
    left join measure_matched on normalised.figure_id = measure_matched.figure_id
    left join area_matched on normalised.figure_id = area_matched.figure_id
    left join tables_with_areas
        on
            normalised.document_id = tables_with_areas.document_id
            and normalised.table_no = tables_with_areas.table_no
),

measured as (
    select
        labelled.*,
        documents.force_hint,
        documents.force_id,
        documents.force_name,
        documents.ons_pfa_code,
        documents.reference,
        documents.response_date,
        documents.is_synthetic,
        -- an offence title decides breach figures, whatever question it was printed under
        case
            when
                labelled.title_offence_key is not null
                and not (labelled.has_area and labelled.area_label_rank = 1)
                and (
                    labelled.title_reads_as_title
                    -- the context asks for breaches, and the label names no other measure
                    or (
                        labelled.context_measure in (select offence_measures.measure from offence_measures)
                        and coalesce(labelled.row_measure, labelled.context_measure) = labelled.context_measure
                    )
                )
                then labelled.title_offence_key
            -- no title at all (a year series under "breaches of SHPOs"): the question's kind
            when
                labelled.title_offence_key is null
                and labelled.context_measure in (select offence_measures.measure from offence_measures)
                and (
                    labelled.row_label_norm is null
                    or labelled.row_period_kind is not null
                    or labelled.is_word_window
                    or labelled.has_area
                )
                then category_defaults.offence_key
        end as offence_key,
        coalesce({{ re_matches('labelled.row_label_norm', '\\battempt') }}, false)
        or coalesce({{ re_matches('labelled.col_label_norm', '\\battempt') }}, false) as is_attempt,
        case
            when labelled.has_area and labelled.area_label_rank = 1 then labelled.row_label
            when labelled.has_area then labelled.row_group
            -- a heading that reads as nothing else, over an answer broken down by area
            when
                labelled.is_plain_heading
                and (labelled.is_area_question or labelled.heading_area_kind = 'area')
                then labelled.heading
            when labelled.is_word_window
                then {{ re_extract(
                    'labelled.row_label',
                    '(?i)(([A-Z][a-z]+ ){1,3}(policing area|local policing unit|lpu|npu|district|division|borough))\\s*#',
                    1
                ) }}
        end as area_name,
        labelled.area_kind = 'pseudo_area' and labelled.has_area as is_pseudo_area
    from labelled
    inner join documents on labelled.document_id = documents.document_id
    left join category_defaults
        on coalesce(labelled.context_offence_category, labelled.question_offence_category) = category_defaults.offence_category
),

with_measure as (
    select
        measured.*,
        case
            when measured.offence_key is not null then offence_measures.measure
            -- a bare order name ("SROs") under a context that says what is counted of it
            when
                measured.order_family is not null
                and measured.context_measure in ('shpo_granted', 'sro_granted', 'shpo_subjects', 'sro_subjects')
                then measured.order_family || substr(measured.context_measure, strpos(measured.context_measure, '_'))
            when measured.row_measure is not null and not (measured.has_area and measured.area_label_rank = 1)
                then measured.row_measure
            when measured.col_measure is not null then measured.col_measure
            when measured.group_measure is not null and not (measured.has_area and measured.area_label_rank = 2)
                then measured.group_measure
            when
                measured.order_family is not null
                and measured.context_measure in (
                    'shpo_subjects', 'sro_subjects', 'shpo_orders', 'sro_orders', 'shpo_granted', 'sro_granted'
                )
                then measured.order_family || substr(measured.context_measure, strpos(measured.context_measure, '_'))
            else measured.context_measure
        end as measure,
        case
            when measured.offence_key is not null and measured.offence_key = measured.title_offence_key
                then case when measured.offence_label_rank = 2 then 'column' else 'label' end
            when measured.offence_key is not null then measured.context_measure_from
            when
                measured.order_family is not null
                and measured.context_measure in ('shpo_granted', 'sro_granted', 'shpo_subjects', 'sro_subjects')
                then measured.context_measure_from
            when measured.row_measure is not null and not (measured.has_area and measured.area_label_rank = 1)
                then case when measured.is_word_window then 'sentence' else 'label' end
            when measured.col_measure is not null then 'column'
            when measured.group_measure is not null and not (measured.has_area and measured.area_label_rank = 2)
                then 'heading'
            when
                measured.order_family is not null
                and measured.context_measure in (
                    'shpo_subjects', 'sro_subjects', 'shpo_orders', 'sro_orders', 'shpo_granted', 'sro_granted'
                )
                then 'label'
            else measured.context_measure_from
        end as measure_from,
        case
            when measured.offence_key is null then null
            when measured.offence_key = measured.title_offence_key then 'title'
            else 'question'
        end as offence_source,
        coalesce(measured.row_sex, measured.col_sex, 'all') as sex
    from measured
    left join offences as measured_offences on measured.offence_key = measured_offences.offence_key
    left join offence_measures on measured_offences.topic = offence_measures.topic
),

with_kind as (
    select
        with_measure.*,
        offences.offence_category,
        measures.measure_kind,
        measures.topic,
        -- the breakdown the row label names, else the column's, else the row group's
        case
            when row_dimensions.dimension_value is not null then row_dimensions.dimension
            when col_dimensions.dimension_value is not null then col_dimensions.dimension
            else group_dimensions.dimension
        end as dimension,
        coalesce(row_dimensions.dimension_value, col_dimensions.dimension_value, group_dimensions.dimension_value)
            as dimension_value,
        -- a label is understood when something in the pipeline read it
        with_measure.row_label_norm is null
        or with_measure.row_label_norm = ''
        or with_measure.is_word_window
        or with_measure.row_period_kind is not null
        or with_measure.is_month_name
        or with_measure.row_sex is not null
        or with_measure.row_custody is not null
        or with_measure.offence_key is not null
        or with_measure.row_measure is not null
        or row_dimensions.dimension_value is not null
        or (with_measure.order_family is not null and with_measure.measure like with_measure.order_family || '_%')
        or (with_measure.has_area and with_measure.area_label_rank = 1)
        or coalesce(row_readings.is_total, false)
        or {{ re_matches('with_measure.row_label_norm', '^(year|period|date|month|number|count|total number|figures?|all|persons|people)$') }}
            as is_row_label_understood,
        with_measure.col_label_norm is null
        or with_measure.col_label_norm = ''
        or with_measure.col_period_kind is not null
        or with_measure.col_sex is not null
        or with_measure.col_custody is not null
        or with_measure.col_measure is not null
        or col_dimensions.dimension_value is not null
        or (with_measure.offence_key is not null and with_measure.offence_label_rank = 2)
        or coalesce(col_readings.is_total, false)
        or {{ re_matches('with_measure.col_label_norm', '^(number|count|figures?|value|no\\.?|amount|all|total number)$') }}
        or {{ re_matches('with_measure.col_label_norm', '^(number of |total )?(breaches|offences|recorded offences|crimes|people|persons|offenders|subjects|orders)( recorded)?$') }}
        or {{ re_matches('with_measure.col_label_norm', '^(attempt(ed|s)?|attempted breach(es)?|breach(es)?|completed|full|interim)$') }}
            as is_col_label_understood
    from with_measure
    left join label_readings as row_readings on with_measure.row_label = row_readings.label
    left join label_readings as col_readings on with_measure.col_label = col_readings.label
    left join offences on with_measure.offence_key = offences.offence_key
    left join measures on with_measure.measure = measures.measure
    left join label_dimensions as row_dimensions
        on with_measure.row_label_norm = row_dimensions.label_norm and measures.topic = row_dimensions.topic
    left join label_dimensions as col_dimensions
        on with_measure.col_label_norm = col_dimensions.label_norm and measures.topic = col_dimensions.topic
    left join label_dimensions as group_dimensions
        on with_measure.row_group_norm = group_dimensions.label_norm and measures.topic = group_dimensions.topic
),

with_area as (
    select
        * exclude (area_name, is_pseudo_area, is_row_label_understood),
        coalesce(area_name, case when is_area_by_question then row_label end) as area_name,
        coalesce(is_pseudo_area, false) as is_pseudo_area,
        is_row_label_understood or is_area_by_question as is_row_label_understood
    from (
        select
            *,
            is_area_question
            and not is_row_label_understood
            and source_kind = 'table_cell'
            and not is_stated_total as is_area_by_question
        from with_kind
    ) as judged
),

-- The period, by the design's stock/flow rule: a bare year or month on a stock is a snapshot in
-- it; a financial year on a stock is the 31 March that closes it; "currently" and "to date" end
-- on the response date. A stock whose labels give no period takes its answer's snapshot date.
{%- set context_period_applies -%}
    (with_area.measure_kind = 'stock' or with_area.context_period_kind not in ('as_at', 'current'))
{%- endset %}
periodised as (
    select
        with_area.*,
        case
            when with_area.label_period_kind is not null then with_area.label_period_from
            when {{ context_period_applies }} then with_area.context_period_from
        end as period_from_level,
        case
            when with_area.label_period_kind is not null then with_area.label_period_kind
            when {{ context_period_applies }} then with_area.context_period_kind
        end as raw_period_kind,
        case
            when with_area.label_period_kind is not null then with_area.label_period_label
            when {{ context_period_applies }} then with_area.context_period_label
        end as raw_period_label,
        case
            when with_area.label_period_kind is not null then with_area.label_period_start
            when {{ context_period_applies }} then with_area.context_period_start
        end as raw_period_start,
        case
            when with_area.label_period_kind is not null then with_area.label_period_end
            when {{ context_period_applies }} then with_area.context_period_end
        end as raw_period_end
    from with_area
),

{#- a bare year on a stock, in a list "on 31 December of each year": that day of the year -#}
{%- set dated_snapshot -%}
    (periodised.raw_period_kind = 'year' and periodised.measure_kind = 'stock' and periodised.snapshot_day is not null)
{%- endset %}
{%- set snapshot_date -%}
    cast(year(periodised.raw_period_start) || '-' || periodised.snapshot_day as date)
{%- endset %}

resolved as (
    select
        periodised.*,
        case
            when periodised.raw_period_kind in ('year', 'month') and periodised.measure_kind = 'stock' then 'as_at'
            when periodised.raw_period_kind = 'year' then 'calendar_year'
            when periodised.raw_period_kind = 'month' then 'date_range'
            when periodised.raw_period_kind = 'financial_year' and periodised.measure_kind = 'stock' then 'as_at'
            when periodised.raw_period_kind = 'to_date' and periodised.response_date is not null then 'date_range'
            when periodised.raw_period_kind = 'current' and periodised.measure_kind = 'stock' and periodised.response_date is not null then 'as_at'
            when periodised.raw_period_kind in ('to_date', 'current') then null
            when periodised.raw_period_kind = 'as_at' and periodised.measure_kind = 'flow' then null
            else periodised.raw_period_kind
        end as period_kind,
        case
            when {{ dated_snapshot }} then {{ snapshot_date }}
            when periodised.raw_period_kind = 'financial_year' and periodised.measure_kind = 'stock' then periodised.raw_period_end
            when periodised.raw_period_kind = 'to_date' then coalesce(periodised.raw_period_start, make_date(year(periodised.response_date), 1, 1))
            when periodised.raw_period_kind = 'current' then periodised.response_date
            else periodised.raw_period_start
        end as period_start,
        case
            when {{ dated_snapshot }} then {{ snapshot_date }}
            when periodised.raw_period_kind in ('to_date', 'current') then periodised.response_date
            else periodised.raw_period_end
        end as period_end
    from periodised
),

labelled_periods as (
    select
        resolved.*,
        case
            when resolved.period_kind is null then null
            when resolved.raw_period_kind = 'month' and resolved.period_kind = 'date_range'
                then {{ iso_interval_label('period_start', 'period_end') }}
            when resolved.raw_period_kind in ('financial_year', 'year') and resolved.period_kind = 'as_at' and resolved.period_start = resolved.period_end
                then strftime(resolved.period_end, '%Y-%m-%d')
            when resolved.raw_period_kind in ('to_date', 'current') and resolved.period_kind = 'as_at' then strftime(resolved.period_end, '%Y-%m-%d')
            when resolved.raw_period_kind = 'to_date' then {{ iso_interval_label('period_start', 'period_end') }}
            else resolved.raw_period_label
        end as period_label,
        case
            when resolved.measure_kind = 'stock'
                then coalesce(
                    resolved.row_custody,
                    resolved.col_custody,
                    resolved.context_custody,
                    -- running text says it in the figure's own sentence; a table in its answer
                    -- a part of a split sentence says it in its own clause, read above
                    case when resolved.source_kind = 'inline' and resolved.split_role is null then {{ custody_of('resolved.source_text') }} end,
                    case when resolved.source_kind = 'table_cell' or resolved.is_custody_note then resolved.section_custody end
                )
        end as custody,
        case
            when resolved.period_kind is null then null
            when resolved.raw_period_kind = 'current' then 'response_date'
            when resolved.raw_period_kind = 'year' and resolved.period_kind = 'as_at' and resolved.snapshot_day is not null
                then coalesce(resolved.period_from_level, 'label')
            else resolved.period_from_level
        end as period_from
    from resolved
)

select * from labelled_periods
