"""Regenerate the force and population seeds from the shared reference files.

    python scripts/make_reference_seeds.py ../shared/reference

The reference CSVs carry a source for every row; the seeds keep it.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from dagster_project.ingest.textutil import alias_key

SEEDS = Path(__file__).resolve().parent.parent / "dbt" / "seeds"
EXTRA_IDS = {
    "Police Service of Scotland": "scotland",
    "Ministry of Defence Police": "ministry-of-defence",
    "Civil Nuclear Constabulary": "civil-nuclear",
}


def main(reference: Path) -> None:
    forces = list(csv.DictReader((reference / "police_forces.csv").open(encoding="utf-8")))
    force_rows, alias_rows = [], {}
    for row in forces:
        force_id = row["data_police_uk_id"] or EXTRA_IDS[row["force_name"]]
        code = row["ons_pfa_code"] if re.match(r"^(E23|W15)\d{6}$", row["ons_pfa_code"]) else ""
        force_rows.append(
            {
                "force_id": force_id,
                "force_name": row["force_name"],
                "short_name": row["short_name"],
                "ons_pfa_code": code,
                "ons_pfa_name": row["ons_pfa_name"],
                "nspl_pfa_code": row["ons_pfa_code"] if not code else "",
                "nation": row["nation"],
                "region": row["region"],
                "force_type": row["force_type"],
                "mappa_area": row["mappa_area"],
                "source": row["source"],
            }
        )
        names = [
            force_id,
            row["force_name"],
            row["short_name"],
            row["ons_pfa_name"] if code else "",
            *[a.strip() for a in row["aliases"].split(";")],
        ]
        for name in names:
            if name and alias_key(name) and alias_key(name) not in alias_rows:
                alias_rows[alias_key(name)] = {"alias": name, "force_id": force_id}
    force_rows.append(
        {
            "force_id": "jersey",
            "force_name": "States of Jersey Police",
            "short_name": "Jersey",
            "ons_pfa_code": "",
            "ons_pfa_name": "",
            "nspl_pfa_code": "",
            "nation": "Jersey",
            "region": "Crown Dependencies",
            "force_type": "crown dependency",
            "mappa_area": "",
            "source": "not in shared/reference/police_forces.csv; added so Jersey disclosures "
            "(HAZARDS.md) resolve; no ONS code exists",
        }
    )
    for name in ("jersey", "States of Jersey Police", "SOJP"):
        alias_rows[alias_key(name)] = {"alias": name, "force_id": "jersey"}
    write(SEEDS / "forces.csv", force_rows)
    write(SEEDS / "force_aliases.csv", sorted(alias_rows.values(), key=lambda r: r["alias"]))

    write(SEEDS / "pfa_population.csv", population_rows(reference, force_rows))
    write(SEEDS / "mappa_rso_by_area.csv", mappa_rows(reference))
    write(SEEDS / "mappa_area_forces.csv", mappa_area_force_rows(force_rows))


def population_rows(reference: Path, force_rows: list[dict]) -> list[dict]:
    """Every PFA x mid-year in the span, all ages; a year the reference lacks is a row with an
    empty population and a note saying so, so a missing rate is explained, never filled."""
    known = {
        (r["ons_pfa_code"], r["reference_period"][-4:]): r
        for r in csv.DictReader((reference / "pfa_population.csv").open(encoding="utf-8"))
    }
    codes = sorted({r["ons_pfa_code"] for r in force_rows if r["ons_pfa_code"]})
    rows = []
    for code in codes:
        for year in POPULATION_YEARS:
            r = known.get((code, year))
            rows.append(
                {
                    "ons_pfa_code": code,
                    "reference_year": year,
                    "reference_date": f"{year}-06-30",
                    "population": r["population"] if r else "",
                    "age_basis": "all ages",
                    "precision": r["precision"] if r else "missing",
                    "estimate_basis": r["estimate_basis"] if r else "",
                    "source": r["source"] if r else "",
                    "note": (r["notes"] if r else POPULATION_GAPS.get(code, POPULATION_GAPS[""])),
                }
            )
    return rows


def mappa_rows(reference: Path) -> list[dict]:
    """The MAPPA / ViSOR figures with their source URLs, keyed by a MAPPA area id that
    seeds/mappa_area_forces.csv maps to forces (London covers two)."""
    rows = csv.DictReader((reference / "mappa_rso_by_area.csv").open(encoding="utf-8"))
    return [
        {
            "mappa_area_id": MAPPA_AREA_IDS.get(r["area"], slug(r["area"])),
            "area": r["area"],
            "year_end_date": r["year_end_date"],
            "measure": r["measure"],
            "value": r["value"].lstrip(">"),
            "is_lower_bound": str(r["value"].startswith(">")).lower(),
            "source_url": r["source_url"],
            "note": r["note"],
        }
        for r in rows
    ]


def mappa_area_force_rows(force_rows: list[dict]) -> list[dict]:
    """One line per force in a MAPPA area: 42 areas in England and Wales map 1:1 to forces
    except London (Metropolitan + City of London); Scotland and Northern Ireland are national."""
    rows = [
        {"mappa_area_id": slug(r["mappa_area"]), "force_id": r["force_id"]}
        for r in force_rows
        if r["force_type"] == "territorial"
        and r["ons_pfa_code"]
        and r["force_id"] != "city-of-london"
    ]
    rows += [
        {"mappa_area_id": "london", "force_id": "city-of-london"},
        {"mappa_area_id": "scotland", "force_id": "scotland"},
        {"mappa_area_id": "northern-ireland", "force_id": "northern-ireland"},
    ]
    return sorted(rows, key=lambda r: (r["mappa_area_id"], r["force_id"]))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


POPULATION_YEARS = [str(year) for year in range(2016, 2023)]
POPULATION_GAPS = {
    "": "gap: no ONS mid-year estimate for this PFA and year in shared/reference (left empty, "
    "not interpolated)",
    "E23000034": "gap: the mid-2022 source gives London as one row (33 boroughs, inside the "
    "Metropolitan row); no separate City of London figure",
}
MAPPA_AREA_IDS = {
    "England and Wales": "england-and-wales",
    "Wales (4 areas)": "wales",
    "London (Metropolitan + City of London)": "london",
    "Teesside (Cleveland)": "teesside",
    "Scotland (Police Scotland)": "scotland",
    "Northern Ireland (PSNI)": "northern-ireland",
}


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
