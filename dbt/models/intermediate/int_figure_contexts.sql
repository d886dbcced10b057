-- What each level of a figure's context says, read one level at a time: the measure and
-- offence category its words name, the period they name, what they say about custody. The
-- precedence between levels (nearest first) is decided in int_figures_classified; this model
-- only reads each level.
with

contexts as (
    select
        *,
        {{ normalise_label('heading') }} as heading_norm,
        {{ normalise_label('preamble') }} as preamble_norm,
        {{ normalise_label('sub_question_text') }} as sub_question_norm,
        {{ normalise_label('question_text') }} as question_norm,
        {{ normalise_label('title') }} as title_norm,
        {{ normalise_label('lead') }} as lead_norm
    from {{ ref('stg_figure_contexts') }}
    where {{ only_changed_documents() }}
),

sentences as (
    select
        document_id,
        'figure ' || figure_no as source_key,
        {{ normalise_label('sentence') }} as sentence_norm
    from {{ ref('stg_inline_figures') }}
    where {{ only_changed_documents() }}
),

patterns as (
    select * from {{ ref('question_topic_patterns') }}
),

label_patterns as (
    select * from {{ ref('measure_label_patterns') }}
),

-- Each distinct text is matched against the topic patterns once, then joined back.
distinct_texts as (
    select heading_norm as text_norm from contexts
    union
    select preamble_norm from contexts
    union
    select sub_question_norm from contexts
    union
    select question_norm from contexts
    union
    select title_norm from contexts
    union
    select lead_norm from contexts
),

-- What each distinct text says of periods, read once and joined back: read per figure, these
-- readings were most of this model's time.
text_periods as (
    select
        text_norm,
        {{ period_phrase('text_norm') }} as period_text,
        {{ snapshot_day_of_year('text_norm') }} as snapshot_day,
        {{ list_year('text_norm') }} as list_year
    from distinct_texts
    where text_norm is not null
),

topics_per_pack as (
    {{ topic_pattern_per_pack('distinct_texts', 'patterns', 'measure', 'text_norm', ['offence_category']) }}
),

topics as (
    {{ best_topic_pattern_per_label('topics_per_pack', 'measure', 'text_norm', ['offence_category']) }}
),

label_texts as (
    select text_norm as label_norm from distinct_texts
    where text_norm is not null
),

-- A heading is worded like a label ("Applications received"): the label patterns read it
-- first, the question patterns after.
label_topics_per_pack as (
    {{ topic_pattern_per_pack('label_texts', 'label_patterns', 'measure') }}
),

label_topics as (
    {{ best_topic_pattern_per_label('label_topics_per_pack', 'measure') }}
),

subject_patterns as (
    select * from {{ ref('topic_subject_patterns') }}
),

-- The pack whose subject words a text names (one pack only: a text naming two is no frame).
subjects as (
    select
        distinct_texts.text_norm,
        case when count(distinct subject_patterns.topic) = 1 then min(subject_patterns.topic) end as topic
    from distinct_texts
    inner join subject_patterns on {{ re_matches_column('distinct_texts.text_norm', 'subject_patterns.pattern') }}
    group by distinct_texts.text_norm
),

-- The topic a figure is framed by: the pack whose subject words its sub-question, question or
-- document title names (in that order), else the pack of the measure its question asks about. Every nearer level
-- (heading, preamble, lead) and every label is then read within that pack, so a word two packs
-- use ("Disclosures made") means what it means in the answer's topic.
frames as (
    select
        contexts.document_id,
        contexts.source_key,
        coalesce(
            sub_question_subjects.topic,
            question_subjects.topic,
            title_subjects.topic,
            sub_question_topics.topic,
            question_topics.topic,
            frame_title_topics.topic
        ) as frame_topic
    from contexts
    left join topics as sub_question_topics on contexts.sub_question_norm = sub_question_topics.text_norm
    left join topics as question_topics on contexts.question_norm = question_topics.text_norm
    left join subjects as sub_question_subjects on contexts.sub_question_norm = sub_question_subjects.text_norm
    left join subjects as question_subjects on contexts.question_norm = question_subjects.text_norm
    left join topics as frame_title_topics on contexts.title_norm = frame_title_topics.text_norm
    left join subjects as title_subjects on contexts.title_norm = title_subjects.text_norm
),

-- Texts some pack's patterns match, even where packs tie and none is chosen.
claimed_texts as (
    select text_norm from topics_per_pack
    union
    select label_norm from label_topics_per_pack
),

area_patterns as (
    select * from {{ ref('area_label_patterns') }}
),

heading_areas as (
    {{ best_pattern_per_label('label_texts', 'area_patterns', 'area_kind') }}
),

read_levels as (
    select
        contexts.document_id,
        contexts.source_kind,
        contexts.source_key,
        contexts.title,
        contexts.question_no as context_question_no,
        contexts.sub_question_no,
        contexts.heading,
        contexts.heading_path,
        contexts.preamble,
        contexts.context_path,
        frames.frame_topic,
        coalesce({{ framed('heading_labels', 'measure') }}, {{ framed('heading_topics', 'measure') }}) as heading_measure,
        {{ framed('heading_topics', 'offence_category') }} as heading_offence_category,
        -- a line introducing a list is a sentence: the question patterns read it first
        coalesce({{ framed('preamble_topics', 'measure') }}, {{ framed('preamble_labels', 'measure') }}) as preamble_measure,
        {{ framed('preamble_topics', 'offence_category') }} as preamble_offence_category,
        {{ framed('title_topics', 'measure') }} as title_measure,
        -- the question's measure read within the frame (int_sections_classified reads it alone)
        coalesce({{ framed('sub_question_topics', 'measure') }}, {{ framed('question_topics', 'measure') }}) as question_measure,
        -- the paragraph's opening sentence, when the figure stands in a later one
        {{ framed('lead_topics', 'measure') }} as lead_measure,
        heading_periods.period_text as heading_period_text,
        preamble_periods.period_text as preamble_period_text,
        {{ period_phrase('sentences.sentence_norm') }} as sentence_period_text,
        coalesce(sub_question_periods.period_text, question_periods.period_text) as question_period_text,
        coalesce(
            heading_periods.snapshot_day,
            preamble_periods.snapshot_day,
            sub_question_periods.snapshot_day,
            question_periods.snapshot_day
        ) as snapshot_day,
        -- the year a list of bare month names is in ("Month by month for 2024 so far", "July to
        -- September 2025"); never a year the list only starts from ("since 2007")
        coalesce(
            heading_periods.list_year,
            preamble_periods.list_year,
            sub_question_periods.list_year,
            question_periods.list_year,
            title_periods.list_year
        ) as context_year,
        heading_areas.area_kind as heading_area_kind,
        {{ custody_of('contexts.heading') }} as heading_custody,
        {{ custody_of('contexts.preamble') }} as preamble_custody,
        -- a heading nothing else reads (no measure, period, sex or custody) may be an area name
        contexts.heading is not null
        and {{ framed('heading_topics', 'measure') }} is null
        and {{ framed('heading_labels', 'measure') }} is null
        and claimed_headings.text_norm is null
        and heading_periods.period_text is null
        and {{ sex_of('contexts.heading') }} is null
        and {{ custody_of('contexts.heading') }} is null
        and not {{ is_total_label('contexts.heading') }}
        and not {{ re_matches('contexts.heading_norm', '\\d|^(notes?|background|response|answer|information|figures|table|offences?|year|period)\\b') }}
            as is_plain_heading
    from contexts
    left join sentences
        on contexts.document_id = sentences.document_id and contexts.source_key = sentences.source_key
    left join frames on contexts.document_id = frames.document_id and contexts.source_key = frames.source_key
    left join topics as heading_topics on contexts.heading_norm = heading_topics.text_norm
    left join topics_per_pack as heading_topics_in_frame
        on contexts.heading_norm = heading_topics_in_frame.text_norm and frames.frame_topic = heading_topics_in_frame.topic
    left join topics as preamble_topics on contexts.preamble_norm = preamble_topics.text_norm
    left join topics_per_pack as preamble_topics_in_frame
        on contexts.preamble_norm = preamble_topics_in_frame.text_norm and frames.frame_topic = preamble_topics_in_frame.topic
    left join topics as title_topics on contexts.title_norm = title_topics.text_norm
    left join topics_per_pack as title_topics_in_frame
        on contexts.title_norm = title_topics_in_frame.text_norm and frames.frame_topic = title_topics_in_frame.topic
    left join topics as lead_topics on contexts.lead_norm = lead_topics.text_norm
    left join topics_per_pack as lead_topics_in_frame
        on contexts.lead_norm = lead_topics_in_frame.text_norm and frames.frame_topic = lead_topics_in_frame.topic
    left join topics as question_topics on contexts.question_norm = question_topics.text_norm
    left join topics_per_pack as question_topics_in_frame
        on contexts.question_norm = question_topics_in_frame.text_norm and frames.frame_topic = question_topics_in_frame.topic
    left join topics as sub_question_topics on contexts.sub_question_norm = sub_question_topics.text_norm
    left join topics_per_pack as sub_question_topics_in_frame
        on contexts.sub_question_norm = sub_question_topics_in_frame.text_norm and frames.frame_topic = sub_question_topics_in_frame.topic
    left join label_topics as heading_labels on contexts.heading_norm = heading_labels.label_norm
    left join label_topics_per_pack as heading_labels_in_frame
        on contexts.heading_norm = heading_labels_in_frame.label_norm and frames.frame_topic = heading_labels_in_frame.topic
    left join label_topics as preamble_labels on contexts.preamble_norm = preamble_labels.label_norm
    left join label_topics_per_pack as preamble_labels_in_frame
        on contexts.preamble_norm = preamble_labels_in_frame.label_norm and frames.frame_topic = preamble_labels_in_frame.topic
    left join claimed_texts as claimed_headings on contexts.heading_norm = claimed_headings.text_norm
    left join heading_areas on contexts.heading_norm = heading_areas.label_norm
    left join text_periods as heading_periods on contexts.heading_norm = heading_periods.text_norm
    left join text_periods as preamble_periods on contexts.preamble_norm = preamble_periods.text_norm
    left join text_periods as sub_question_periods on contexts.sub_question_norm = sub_question_periods.text_norm
    left join text_periods as question_periods on contexts.question_norm = question_periods.text_norm
    left join text_periods as title_periods on contexts.title_norm = title_periods.text_norm
)

select
    md5(document_id || '|' || source_key) as figure_id,
    *
from read_levels
