-- Official register counts (MAPPA / ViSOR at 31 March, per MAPPA area) beside the forces' own
-- FOI figure for the nearest snapshot within half a year (so nearer that 31 March than any
-- other), with the gap and the known reasons the two are counted differently. London is one MAPPA area for two forces: its FOI figure is the
-- sum of both, and only when both forces gave one.
with

official as (
    select
        *,
        case
            when measure in ('rso_total_custody_and_community', 'rso_subject_to_notification_total')
                then 'included'
            else 'excluded'
        end as official_custody
    from {{ ref('mappa_rso_by_area') }}
    where
        measure in (
            'rso_category1_in_community',
            'rso_in_community',
            'rso_total_custody_and_community',
            'rso_subject_to_notification_total'
        )
),

area_forces as (
    select
        mappa_area_id,
        force_id,
        count(*) over (partition by mappa_area_id) as forces_in_area
    from {{ ref('mappa_area_forces') }}
),

-- A snapshot known only by its year is placed mid-year, and says so.
foi as (
    select
        *,
        coalesce(as_at, make_date(year, 7, 1)) as foi_date,
        as_at is null as foi_date_is_year_only
    from {{ ref('fct_register_by_force_year') }}
    where measure = 'registered_sex_offenders' and sex = 'all'
),

nearest as (
    select
        official.mappa_area_id,
        official.measure as official_measure,
        official.year_end_date,
        area_forces.forces_in_area,
        foi.force_id,
        foi.force_name,
        foi.value,
        foi.as_at_label,
        foi.foi_date,
        foi.foi_date_is_year_only,
        foi.custody,
        foi.is_synthetic,
        foi.document_id,
        foi.foi_date - official.year_end_date as days_after_official
    from official
    inner join area_forces on official.mappa_area_id = area_forces.mappa_area_id
    inner join foi
        on
            area_forces.force_id = foi.force_id
            and abs(foi.foi_date - official.year_end_date) <= 183
    qualify row_number() over (
        partition by official.mappa_area_id, official.measure, official.year_end_date, foi.force_id
        order by abs(foi.foi_date - official.year_end_date), foi.foi_date desc
    ) = 1
),

per_area as (
    select
        mappa_area_id,
        official_measure,
        year_end_date,
        any_value(forces_in_area) as forces_in_area,
        count(*) as forces_with_foi,
        string_agg(force_id, ' + ' order by force_id) as force_ids,
        string_agg(force_name, ' + ' order by force_id) as force_names,
        case when count(*) = any_value(forces_in_area) then sum(value) end as foi_value,
        string_agg(as_at_label, ' + ' order by force_id) as foi_as_at,
        max(abs(days_after_official)) as max_days_apart,
        min(days_after_official) as days_after_official,
        bool_or(foi_date_is_year_only) as foi_date_is_year_only,
        case when count(distinct coalesce(custody, 'unstated')) = 1 then any_value(custody) end as foi_custody,
        bool_or(is_synthetic) as is_synthetic,
        string_agg(distinct document_id, ',' order by document_id) as document_ids
    from nearest
    group by mappa_area_id, official_measure, year_end_date
),

compared as (
    select
        per_area.*,
        official.area as mappa_area,
        official.value as official_value,
        official.is_lower_bound as official_is_lower_bound,
        official.official_custody,
        official.source_url as official_source_url,
        official.note as official_note,
        per_area.foi_value - official.value as gap,
        (per_area.foi_value - official.value) * 1.0 / per_area.foi_value as gap_share_of_foi
    from per_area
    inner join official
        on
            per_area.mappa_area_id = official.mappa_area_id
            and per_area.official_measure = official.measure
            and per_area.year_end_date = official.year_end_date
)

select
    mappa_area_id,
    mappa_area,
    force_ids,
    force_names,
    year_end_date as official_date,
    official_measure,
    official_value,
    official_custody,
    official_is_lower_bound,
    official_source_url,
    foi_as_at,
    foi_value,
    foi_custody,
    days_after_official,
    foi_date_is_year_only,
    gap,
    gap_share_of_foi,
    concat_ws(
        '; ',
        case
            when foi_custody = 'included' and official_custody = 'excluded'
                then
                    'FOI figure includes people in custody; the official count is of those living '
                    || 'in the community'
        end,
        case
            when foi_custody is null
                then 'FOI answer does not say whether people in custody are included'
        end,
        case
            when foi_date_is_year_only
                then 'FOI gives only the year of its snapshot, not the date'
            when max_days_apart > 31
                then 'FOI snapshot is ' || cast(max_days_apart as varchar) || ' days from 31 March'
        end,
        case
            when forces_with_foi < forces_in_area
                then
                    'MAPPA area covers ' || cast(forces_in_area as varchar)
                    || ' forces; FOI figures from only ' || cast(forces_with_foi as varchar)
        end,
        case
            when official_note ilike '%round%' then 'official figure as quoted may be rounded'
        end,
        case
            when mappa_area_id = 'northern-ireland'
                then 'Northern Ireland uses PPANI, not MAPPA'
        end
    ) as definitional_notes,
    is_synthetic,
    document_ids
from compared
