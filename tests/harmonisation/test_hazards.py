"""One test per hazard class: synthetic documents built for real (ingest, dbt, publish) once,
then every figure checked where it lands — in the facts with its meaning, or in review."""

from __future__ import annotations

from tests.conftest import Query


def facts(query: Query, force: str, columns: str, where: str = "true") -> list[tuple]:
    return query(
        f"select {columns} from marts.fct_disclosed_figures "
        f"where force_id = '{force}' and {where} order by all"
    )


def review(query: Query, force: str, columns: str = "label_kind, label_text, value_text, reason"):
    return query(
        f"select {columns} from marts.dq_unclassified where force_id = '{force}' order by all"
    )


def test_financial_year_spellings_and_typos(hazards: Query) -> None:
    rows = facts(hazards, "essex", "period_label, period_kind, period_start::varchar, value")
    assert rows == [
        ("2016-17", "financial_year", "2016-04-01", 1),
        ("2017-18", "financial_year", "2017-04-01", 2),
        ("2018-19", "financial_year", "2018-04-01", 3),
        ("2019-20", "financial_year", "2019-04-01", 4),
        ("2020-21", "financial_year", "2020-04-01", 5),
        ("2021-22", "financial_year", "2021-04-01", 6),
        ("2023-24", "financial_year", "2023-04-01", 7),
    ]


def test_calendar_partial_and_to_date_periods(hazards: Query) -> None:
    rows = facts(hazards, "cheshire", "period_kind, period_label, period_end::varchar, value")
    assert rows == [
        ("calendar_year", "2018", "2018-12-31", 40),
        ("calendar_year", "2019", "2019-12-31", 41),
        ("calendar_year", "2021", "2021-12-31", 30),
        # a mixed calendar start and financial-year end stays a range, never a year
        ("date_range", "2015-01-01/2025-03-14", "2025-03-14", 500),
        ("date_range", "2020-01-01/2020-01-31", "2020-01-31", 3),
        ("date_range", "2020-01-01/2023-03-31", "2023-03-31", 100),
        ("date_range", "2024-01-01/2024-07-31", "2024-07-31", 22),
        ("date_range", "2025-01-01/2025-03-14", "2025-03-14", 9),
    ]


def test_snapshot_dates_months_and_currently(hazards: Query) -> None:
    rows = facts(hazards, "northumbria", "period_label, period_start::varchar, value, custody")
    assert rows == [
        ("2013-04-10", "2013-04-10", 1202, None),
        ("2014-04-17", "2014-04-17", 1250, None),
        ("2018-09-14", "2018-09-14", 1280, None),
        # a financial year on a stock is the 31 March that closes it
        ("2020-03-31", "2020-03-31", 1270, None),
        ("2021-01-01", "2021-01-01", 1300, None),
        ("2025-05-06", "2025-05-06", 1390, None),
        ("2025-10", "2025-10-01", 1400, None),
        # "currently" is the response date; "in the community" excludes custody
        ("2025-11-20", "2025-11-20", 2109, "excluded"),
    ]
    kinds = hazards(
        "select distinct period_kind, measure from marts.fct_disclosed_figures "
        "where force_id = 'northumbria'"
    )
    assert kinds == [("as_at", "registered_sex_offenders")]


def test_number_words_suppression_bounds_and_statuses(hazards: Query) -> None:
    rows = facts(
        hazards,
        "dyfed-powys",
        "offence_key, is_attempt, period_label, source_value_text, value_status, value, "
        "value_low, value_high",
    )
    assert rows == [
        ("notification_changes_failure", False, "2021-22", "All 5", "reported", 5, 5, 5),
        ("notification_changes_failure", False, "2022-23", "12It should", "reported", 12, 12, 12),
        ("notification_failure_to_comply", False, "2021-22", "*", "suppressed", None, 1, 4),
        (
            "notification_failure_to_comply",
            False,
            "2022-23",
            "in excess of 1000",
            "at_least",
            None,
            1001,
            None,
        ),
        ("shpo_breach", False, "2021-22", "None", "nil", 0, 0, 0),
        ("shpo_breach", False, "2021-22", "over 500", "at_least", None, 501, None),
        ("shpo_breach", False, "2022-23", "0", "reported", 0, 0, 0),
        ("shpo_breach", False, "2022-23", "Not held", "not_held", None, None, None),
        ("sro_breach", False, "2021-22", "fewer than five", "suppressed", None, 1, 4),
        ("sro_breach", False, "2022-23", "<5", "suppressed", None, 1, 4),
        ("sro_breach", True, "2021-22", "Exempt under section 40(2)", "refused", None, None, None),
    ]


def test_two_values_in_one_cell_go_to_review(hazards: Query) -> None:
    assert review(hazards, "dyfed-powys") == [
        ("value", "92 (Qlikview) 33 (Niche)", "92 (Qlikview) 33 (Niche)", "two values in one cell"),
    ]


def test_cost_arithmetic_is_not_a_figure(hazards: Query) -> None:
    roles = hazards(
        "select figure_role, value_text from intermediate.int_figures_classified "
        "where force_id = 'dyfed-powys' and source_kind = 'inline' order by value_text"
    )
    assert roles == [("not_a_figure", "1077"), ("not_a_figure", "5"), ("not_a_figure", "89")]
    coverage = hazards(
        "select question_no, outcome, foi_sections from marts.force_coverage "
        "where force_id = 'dyfed-powys' order by question_no"
    )
    # the refusal's arithmetic does not make its question "partly answered"
    assert coverage == [("1", "answered", None), ("2", "refused", "12")]


def test_offence_titles_classified_by_title_and_mismatch_reported(hazards: Query) -> None:
    rows = facts(hazards, "south-wales", "offence_key, offence_category, is_attempt, value")
    assert rows == [
        ("notification_foreign_travel_failure", "notification_requirements", False, 14),
        ("shpo_breach", "shpo", False, 11),
        ("shpo_on_conviction_breach_sa2020", "shpo", False, 12),
        ("sro_breach", "sro", True, 13),
    ]
    mismatches = hazards(
        "select question_offence_category, title_offence_category, figure_count "
        "from marts.dq_section_mismatches where force_id = 'south-wales' order by all"
    )
    assert mismatches == [("sro", "notification_requirements", 1), ("sro", "shpo", 2)]


def test_unknown_offence_title_goes_to_review_with_a_seed_to_edit(hazards: Query) -> None:
    assert review(hazards, "south-wales", "label_text, value_text, reason, seed_to_edit") == [
        (
            "Breach of stalking protection order",
            "15",
            "offence title matched no pattern",
            "offence_title_patterns",
        ),
        ("Breech of S.H.P.O.", "16", "offence title matched no pattern", "offence_title_patterns"),
    ]


def test_measures_from_labels_people_orders_and_custody(hazards: Query) -> None:
    rows = facts(hazards, "cleveland", "measure, period_kind, period_label, value, custody")
    assert rows == [
        ("offender_manager_staff", "as_at", "2023-04-01", 25, None),
        ("registered_sex_offenders", "as_at", "2023-04-01", 120, "only"),
        ("rso_missing", "as_at", "2023-04-01", 3, None),
        ("rso_wanted", "as_at", "2023-04-01", 2, None),
        ("sarahs_law_applications", "financial_year", "2022-23", 308, None),
        ("sarahs_law_disclosures", "financial_year", "2022-23", 45, None),
        ("shpo_granted", "calendar_year", "2022", 15, None),
        ("shpo_orders", "as_at", "2023-04-01", 430, None),
        ("shpo_subjects", "as_at", "2023-04-01", 400, None),
    ]


def test_areas_pseudo_areas_and_areas_named_by_the_question(hazards: Query) -> None:
    rows = facts(hazards, "northern-ireland", "area_name, is_pseudo_area, value, custody")
    assert rows == [
        ("Belfast City Policing District", False, 800, None),
        ("Custody", True, 40, "only"),
        ("Derry City and Strabane Policing District", False, 150, None),
        # no area word, but the question asks "in each policing district"
        ("Fermanagh", False, 12, None),
        ("Wanted/Deported", True, 5, None),
    ]
    assert review(hazards, "northern-ireland") == []
    # area figures never stand for the whole force
    assert facts(hazards, "northern-ireland", "count(*)", "area_name is null") == [(0,)]


def test_revised_response_wins_and_conflict_is_listed(hazards: Query) -> None:
    assert facts(hazards, "gwent", "period_label, value, reference") == [
        ("2022-03-31", 710, "555/22 revised"),
    ]
    conflicts = hazards(
        "select value, is_superseded from marts.dq_conflicting_figures "
        "where force_id = 'gwent' order by value"
    )
    assert conflicts == [(700, True), (710, False)]


def test_stated_total_that_does_not_add_up(hazards: Query) -> None:
    mismatches = hazards(
        "select label, stated_total, computed_total, difference from marts.dq_total_mismatches "
        "where force_id = 'kent'"
    )
    # 2021-22 states 5 over "<5" and 2 (3 to 6): consistent, so not listed
    assert mismatches == [("column total: 2020-21", 20, 13, 7)]


def test_lost_sub_question_headings_are_not_guessed(hazards: Query) -> None:
    assert facts(hazards, "durham", "value") == []
    assert [row[1:3] for row in review(hazards, "durham")] == [
        ("2020", "12,"),
        ("2020", "44,"),
        ("2021", "35"),
        ("2021", "9"),
    ]


def test_every_disclosed_figure_is_in_the_facts_or_in_review(hazards: Query) -> None:
    elsewhere = hazards(
        "select force_id, value_text from intermediate.int_figures_classified "
        "where figure_role = 'disclosed' "
        "and figure_id not in (select figure_id from marts.fct_disclosed_figures) "
        "and figure_id not in (select figure_id from marts.dq_unclassified)"
    )
    # only the figure a revised response replaced, which dq_conflicting_figures lists
    assert elsewhere == [("gwent", "700")]
    in_both = hazards(
        "select count(*) from marts.fct_disclosed_figures "
        "where figure_id in (select figure_id from marts.dq_unclassified)"
    )
    assert in_both == [(0,)]
