"""The comparison marts' arithmetic, checked against values worked out by hand, on a real build
of the seed disclosure beside three synthetic answers (tests/comparison/conftest.py).

Populations are the ONS mid-year estimates in dbt/seeds/pfa_population.csv: West Midlands
mid-2017 2,897,303; Derbyshire mid-2017 1,049,000, mid-2018 1,053,316; Wiltshire mid-2018
720,060; Staffordshire mid-2019 1,135,935, mid-2022 1,146,200; none for mid-2020 or mid-2021.
"""

from __future__ import annotations

import pytest

NOTIFICATION = "offence_category = 'notification_requirements'"


def breaches(query, force_id: str) -> dict[str, tuple]:
    rows = query(
        "select financial_year, breaches, breaches_low, breaches_high, is_partial_year, "
        "per_100k, rank_per_100k, forces_ranked, change_on_previous_year, is_synthetic "
        f"from marts.fct_breaches_by_force_year where force_id = '{force_id}' and {NOTIFICATION} "
        "order by financial_year"
    )
    return {row[0]: row[1:] for row in rows}


def test_rate_per_100k_uses_the_all_ages_mid_year_inside_the_financial_year(comparison_query):
    derbyshire = breaches(comparison_query, "derbyshire")
    # 2017-18: 40 offences / 1,049,000 people (mid-2017) x 100,000
    assert derbyshire["2017-18"][4] == pytest.approx(40 * 100_000 / 1_049_000)
    # 2018-19: 50 / 1,053,316 (mid-2018) x 100,000 = 4.7469...
    assert derbyshire["2018-19"][4] == pytest.approx(50 * 100_000 / 1_053_316)
    west_midlands = breaches(comparison_query, "west-midlands")
    assert west_midlands["2017-18"][4] == pytest.approx(433 * 100_000 / 2_897_303)


def test_population_gap_leaves_the_rate_null_and_says_why(comparison_query):
    rows = comparison_query(
        "select per_100k, population, population_note from marts.fct_breaches_by_force_year "
        f"where force_id = 'west-midlands' and financial_year = '2020-21' and {NOTIFICATION}"
    )
    assert rows == [
        (
            None,
            None,
            "gap: no ONS mid-year estimate for this PFA and year in shared/reference "
            "(left empty, not interpolated)",
        )
    ]


def test_suppressed_part_gives_bounds_not_a_total(comparison_query):
    staffordshire = breaches(comparison_query, "staffordshire")
    # 2018-19: "<5" + 100 -> between 101 and 104; no single total, so no rate or rank
    assert staffordshire["2018-19"][:7] == (None, 101, 104, False, None, None, None)
    rows = comparison_query(
        "select per_100k_low, per_100k_high from marts.fct_breaches_by_force_year "
        f"where force_id = 'staffordshire' and financial_year = '2018-19' and {NOTIFICATION}"
    )
    # bounds of the rate on mid-2018 1,131,052
    assert rows[0] == pytest.approx((101e5 / 1_131_052, 104e5 / 1_131_052))


def test_partial_financial_year_is_never_rated_ranked_or_compared(comparison_query):
    # The seed was answered on 14 March 2022, before 2021-22 ended; Wiltshire on 1 Feb 2020.
    west_midlands = breaches(comparison_query, "west-midlands")
    assert west_midlands["2021-22"][:8] == (286, 286, 286, True, None, None, None, None)
    wiltshire = breaches(comparison_query, "wiltshire")
    assert wiltshire["2019-20"][:8] == (12, 12, 12, True, None, None, None, None)
    # the whole year before it is still rated
    assert wiltshire["2018-19"][4] == pytest.approx(30 * 100_000 / 720_060)


def test_rank_among_forces_with_a_rate_that_year_real_apart_from_synthetic(comparison_query):
    rows = comparison_query(
        "select force_id, rank_per_100k, forces_ranked, is_synthetic "
        "from marts.fct_breaches_by_force_year "
        f"where financial_year = '2018-19' and {NOTIFICATION} order by force_id"
    )
    # synthetic: Derbyshire 4.747 > Wiltshire 4.166 (Staffordshire unranked: suppressed part);
    # real: West Midlands alone, 338 / 2,916,458 x 100,000 = 11.59
    assert rows == [
        ("derbyshire", 1, 2, True),
        ("staffordshire", None, None, True),
        ("west-midlands", 1, 1, False),
        ("wiltshire", 2, 2, True),
    ]


def test_change_on_previous_year_only_between_consecutive_whole_years(comparison_query):
    assert breaches(comparison_query, "derbyshire")["2018-19"][7] == 10  # 50 - 40
    west_midlands = breaches(comparison_query, "west-midlands")
    assert west_midlands["2018-19"][7] == 338 - 433
    assert west_midlands["2017-18"][7] is None  # no 2016-17
    # 2022-23 follows 2019-20: not consecutive, no change
    assert breaches(comparison_query, "staffordshire")["2022-23"][:8] == (
        105,
        105,
        105,
        False,
        pytest.approx(105 * 100_000 / 1_146_200),
        1,
        1,
        None,
    )


def test_breaches_per_100_registered_offenders_use_a_snapshot_inside_the_year(comparison_query):
    rows = comparison_query(
        "select financial_year, register_size, register_as_at, per_100_rsos "
        "from marts.fct_breaches_by_force_year "
        f"where force_id = 'west-midlands' and {NOTIFICATION} order by financial_year"
    )
    assert rows[0] == ("2017-18", 4171, "2017", pytest.approx(433 * 100 / 4171))
    # 2021-22 would use the 22/02/22 snapshot (4,585 + 57), but the year is partial
    assert rows[4] == ("2021-22", 4642, "2022-02-22", None)


def test_sex_split_summed_to_all_only_when_both_present(comparison_query):
    rows = comparison_query(
        "select sex, value, is_derived, custody, per_100k, population_note "
        "from marts.fct_register_by_force_year where force_id = 'staffordshire' "
        "and measure = 'registered_sex_offenders' order by sex"
    )
    note = (
        "gap: no ONS mid-year estimate for this PFA and year in shared/reference "
        "(left empty, not interpolated)"
    )
    assert rows == [
        ("all", 1350, True, None, None, note),
        ("female", 50, False, None, None, note),
        ("male", 1300, False, None, None, note),
    ]


def test_register_rate_and_change_for_the_seed(comparison_query):
    rows = comparison_query(
        "select year, value, per_100k, change_on_previous_year, rank_per_100k "
        "from marts.fct_register_by_force_year where force_id = 'west-midlands' "
        "and measure = 'registered_sex_offenders' and sex = 'all' order by year"
    )
    assert rows[0] == (2017, 4171, pytest.approx(4171e5 / 2_897_303), None, 1)
    assert rows[5] == (2022, 4642, pytest.approx(4642e5 / 2_953_800), 22, 1)


def test_official_mappa_comparison_gap_and_reasons(comparison_query):
    rows = comparison_query(
        "select mappa_area_id, cast(official_date as varchar), official_value, foi_as_at, "
        "foi_value, gap, gap_share_of_foi, definitional_notes, is_synthetic "
        "from marts.cmp_register_vs_mappa order by 1, 2"
    )
    custody = (
        "FOI figure includes people in custody; the official count is of those living in the "
        "community; FOI gives only the year of its snapshot, not the date"
    )
    assert rows == [
        # synthetic FOI 1,300 + 50 at 31/03/21 beside MAPPA 1,318 (Express & Star, Nov 2021)
        (
            "staffordshire",
            "2021-03-31",
            1318,
            "2021-03-31",
            1350,
            32,
            pytest.approx(32 / 1350),
            "FOI answer does not say whether people in custody are included",
            True,
        ),
        # NOTES.md: 4,540 vs 3,435 = +1,105 (24.3%); 4,620 vs 3,655 = +965 (20.9%)
        (
            "west-midlands",
            "2019-03-31",
            3435,
            "2019",
            4540,
            1105,
            pytest.approx(0.2434, abs=1e-4),
            custody,
            False,
        ),
        (
            "west-midlands",
            "2021-03-31",
            3655,
            "2021",
            4620,
            965,
            pytest.approx(0.2089, abs=1e-4),
            custody,
            False,
        ),
    ]
