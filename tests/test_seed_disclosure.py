"""The seed disclosure end to end: raw/ -> Dagster -> DuckDB -> dbt -> marts, exact figures.

West Midlands Police FOI 233A/22 (raw/west-midlands/west-midlands_233A-22.txt).
"""

from __future__ import annotations

FINANCIAL_YEARS = ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]


def series(seed_query, category):
    rows = seed_query(
        "select financial_year, breaches, breaches_low, breaches_high "
        "from marts.fct_breaches_by_force_year "
        f"where force_id = 'west-midlands' and offence_category = '{category}' "
        "order by financial_year"
    )
    assert [r[0] for r in rows] == FINANCIAL_YEARS
    assert all(r[1] == r[2] == r[3] for r in rows), "no part was suppressed: bounds equal value"
    return [int(r[1]) for r in rows]


def test_breaches_of_notification_requirements_by_financial_year(seed_query):
    assert series(seed_query, "notification_requirements") == [433, 338, 396, 268, 286]


def test_shpo_breaches_classified_by_offence_title(seed_query):
    # Printed under the SRO question (3a), but the titles are SHPO/SOPO/FTO and SA 2020 s.354.
    assert series(seed_query, "shpo") == [20, 30, 52, 50, 85]


def test_sro_breaches_classified_by_offence_title(seed_query):
    # Printed under the SHPO question (2a), but the titles are SRO / RSHO s.122C(4).
    assert series(seed_query, "sro") == [32, 30, 33, 49, 30]


def test_swapped_sections_are_reported(seed_query):
    rows = seed_query(
        "select question_no, question_offence_category, title_offence_category, figure_count "
        "from marts.dq_section_mismatches order by question_no"
    )
    assert rows == [("2a", "shpo", "sro", 12), ("3a", "sro", "shpo", 18)]


def test_wrong_stated_row_totals_are_reported_and_no_others(seed_query):
    rows = seed_query(
        "select label, stated_total, computed_total, difference, source_locator "
        "from marts.dq_total_mismatches order by stated_total"
    )
    assert rows == [
        (
            "row total: Breach a sexual risk order / risk of harm order etc. or fail to comply "
            "with requirement under Sec 122 c (4)",
            112,
            170,
            -58,
            "line 41 to 42, table 4, row 2, col 7",
        ),
        (
            "row total: Breach SHPO / interim SHPO / SOPO / interim SOPO / Foreign travel order "
            "or fail to comply with a requirement under Sec 103D (4)",
            151,
            193,
            -42,
            "line 65 to 66, table 6, row 3, col 7",
        ),
    ]


def test_every_breach_cell_is_a_figure_with_its_source(seed_query):
    rows = seed_query(
        "select offence_key, is_attempt, period_label, value, source_locator "
        "from marts.fct_disclosed_figures where measure = 'breach_offences' "
        "order by source_locator"
    )
    assert len(rows) == 45  # 4 + 2 + 3 offence rows, five financial years each
    by_key = {(r[0], r[1], r[2]): r[3] for r in rows}
    assert by_key[("notification_order_failure_to_comply", False, "2017-18")] == 412
    assert by_key[("notification_changes_failure", False, "2018-19")] == 9
    assert by_key[("notification_periodic_failure", False, "2018-19")] == 5
    assert by_key[("notification_foreign_travel_failure", False, "2017-18")] == 8
    assert by_key[("sro_breach", True, "2021-22")] == 4
    assert by_key[("sro_breach", False, "2020-21")] == 49
    assert by_key[("shpo_breach", True, "2021-22")] == 3
    assert by_key[("shpo_on_conviction_breach_sa2020", False, "2021-22")] == 41
    assert by_key[("shpo_breach", False, "2019-20")] == 52
    located = {r[4] for r in rows if r[0] == "shpo_breach" and not r[1] and r[2] == "2019-20"}
    assert located == {"line 65 to 66, table 6, row 3, col 4 (table_cell)"}


def test_stated_totals_are_not_facts(seed_query):
    rows = seed_query(
        "select count(*) from marts.fct_disclosed_figures "
        "where source_text like 'Total%' or source_locator like '%col 7 (table_cell)'"
    )
    assert rows == [(0,)]


def test_register_counts_2017_to_2021_include_custody(seed_query):
    rows = seed_query(
        "select period_label, period_kind, period_start, period_end, value, sex, custody "
        "from marts.fct_disclosed_figures where measure = 'registered_sex_offenders' "
        "and source_locator like 'line 12%' order by period_label"
    )
    assert [(r[0], int(r[4]), r[5], r[6]) for r in rows] == [
        ("2017", 4171, "all", "included"),
        ("2018", 4295, "all", "included"),
        ("2019", 4540, "all", "included"),
        ("2020", 4581, "all", "included"),
        ("2021", 4620, "all", "included"),
    ]
    # A bare year on a stock measure is a snapshot in that year, bounded by the year.
    assert {r[1] for r in rows} == {"as_at"}
    assert str(rows[0][2]) == "2017-01-01" and str(rows[0][3]) == "2017-12-31"


def test_stock_figures_by_sex_as_at_22_february_2022(seed_query):
    rows = seed_query(
        "select measure, sex, value, period_kind, period_label, cast(period_start as varchar), "
        "value_status from marts.fct_disclosed_figures where period_label = '2022-02-22' "
        "order by measure, sex"
    )
    assert rows == [
        ("registered_sex_offenders", "female", 57, "as_at", "2022-02-22", "2022-02-22", "reported"),
        ("registered_sex_offenders", "male", 4585, "as_at", "2022-02-22", "2022-02-22", "reported"),
        ("shpo_subjects", "female", 16, "as_at", "2022-02-22", "2022-02-22", "reported"),
        ("shpo_subjects", "male", 2036, "as_at", "2022-02-22", "2022-02-22", "reported"),
        ("sro_subjects", "female", 2, "as_at", "2022-02-22", "2022-02-22", "reported"),
        ("sro_subjects", "male", 17, "as_at", "2022-02-22", "2022-02-22", "reported"),
    ]


def test_seed_has_56_figures_and_nothing_left_for_review(seed_query):
    assert seed_query("select count(*) from marts.fct_disclosed_figures") == [(56,)]
    assert seed_query("select count(*) from marts.dq_unclassified") == [(0,)]
    assert seed_query("select count(*) from raw.ingest_errors") == [(0,)]


def test_figures_carry_force_document_and_reference(seed_query):
    rows = seed_query(
        "select distinct force_id, force_name, ons_pfa_code, reference, "
        "cast(response_date as varchar), is_synthetic from marts.fct_disclosed_figures"
    )
    assert rows == [
        ("west-midlands", "West Midlands Police", "E23000014", "233A/22", "2022-03-14", False)
    ]


def test_figure_ids_are_stable_content_addresses(seed_query):
    rows = seed_query("select count(distinct figure_id), count(*) from marts.fct_disclosed_figures")
    assert rows == [(56, 56)]


def test_coverage_shows_partial_answers_and_the_section_12_refusal(seed_query):
    rows = seed_query(
        "select question_no, outcome, foi_sections from marts.force_coverage "
        "where force_id = 'west-midlands' order by section_no"
    )
    assert rows == [
        ("1", "partly_answered", "12"),
        ("1a", "answered", None),
        ("2", "partly_answered", "12"),
        ("2a", "answered", None),
        ("3", "partly_answered", "12"),
        ("3a", "answered", None),
        ("4", "refused", "12"),
        ("5", "answered", None),
        ("6", "not_held", None),
    ]


def test_breach_rates_use_the_mid_year_population(seed_query):
    rows = seed_query(
        "select financial_year, population, round(per_100k, 3), register_size, "
        "round(per_100_rsos, 3) from marts.fct_breaches_by_force_year "
        "where offence_category = 'notification_requirements' order by financial_year"
    )
    # ONS mid-2017 West Midlands 2,897,303 (shared/reference/pfa_population.csv); 433 / 2,897,303.
    assert rows[0] == (
        "2017-18",
        2897303,
        round(433 * 1e5 / 2897303, 3),
        4171,
        round(433 * 100 / 4171, 3),
    )
    # No mid-2020 or mid-2021 population in the reference data: left null, not filled.
    assert rows[3][1] is None and rows[3][2] is None
