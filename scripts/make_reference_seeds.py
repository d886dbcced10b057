"""Regenerate the force and population seeds from the shared reference files.

    python scripts/make_reference_seeds.py ../shared/reference

The reference CSVs carry a source for every row; the seeds keep it.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "dbt" / "seeds"
EXTRA_IDS = {"Police Service of Scotland": "scotland", "Ministry of Defence Police":
             "ministry-of-defence", "Civil Nuclear Constabulary": "civil-nuclear"}


def alias_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def main(reference: Path) -> None:
    forces = list(csv.DictReader((reference / "police_forces.csv").open(encoding="utf-8")))
    force_rows, alias_rows = [], {}
    for row in forces:
        force_id = row["data_police_uk_id"] or EXTRA_IDS[row["force_name"]]
        code = row["ons_pfa_code"] if re.match(r"^(E23|W15)\d{6}$", row["ons_pfa_code"]) else ""
        force_rows.append({
            "force_id": force_id, "force_name": row["force_name"], "short_name": row["short_name"],
            "ons_pfa_code": code, "ons_pfa_name": row["ons_pfa_name"],
            "nspl_pfa_code": row["ons_pfa_code"] if not code else "",
            "nation": row["nation"], "region": row["region"], "force_type": row["force_type"],
            "mappa_area": row["mappa_area"], "source": row["source"],
        })
        names = [force_id, row["force_name"], row["short_name"], row["ons_pfa_name"] if code else "",
                 *[a.strip() for a in row["aliases"].split(";")]]
        for name in names:
            if name and alias_key(name) and alias_key(name) not in alias_rows:
                alias_rows[alias_key(name)] = {"alias": name, "force_id": force_id}
    force_rows.append({
        "force_id": "jersey", "force_name": "States of Jersey Police", "short_name": "Jersey",
        "ons_pfa_code": "", "ons_pfa_name": "", "nspl_pfa_code": "", "nation": "Jersey",
        "region": "Crown Dependencies", "force_type": "crown dependency", "mappa_area": "",
        "source": "not in shared/reference/police_forces.csv; added so Jersey disclosures "
                  "(HAZARDS.md) resolve; no ONS code exists",
    })
    for name in ("jersey", "States of Jersey Police", "SOJP"):
        alias_rows[alias_key(name)] = {"alias": name, "force_id": "jersey"}
    write(SEEDS / "forces.csv", force_rows)
    write(SEEDS / "force_aliases.csv", sorted(alias_rows.values(), key=lambda r: r["alias"]))

    population = list(csv.DictReader((reference / "pfa_population.csv").open(encoding="utf-8")))
    write(SEEDS / "pfa_population.csv", [{
        "ons_pfa_code": r["ons_pfa_code"], "reference_year": r["reference_period"][-4:],
        "reference_date": r["reference_date"], "population": r["population"],
        "age_basis": r["age_basis"], "precision": r["precision"], "source": r["source"],
    } for r in population])


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
