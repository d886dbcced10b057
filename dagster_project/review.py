"""`foi review`: the labels no mapping matched, and one-line approvals into the mapping seeds.

The warehouse lists every unclassified figure in `marts.dq_unclassified` with the seed a person
would edit. Here they are grouped by label, each with suggestions ranked by rapidfuzz against
that seed's vocabulary (offences, measures, forces). Approving one appends a single line to
the seed CSV, with who added it, when and why; the next `foi build` uses it.
"""

from __future__ import annotations

import csv
import getpass
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from dagster_project.paths import DBT_DIR
from dagster_project.warehouse import connect_read_only

SEEDS_DIR = DBT_DIR / "seeds"

# For each seed a reviewer can extend: the vocabulary its target column draws from, as
# (csv file, key column, descriptive columns used for matching).
VOCABULARIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "offence_title_patterns": ("offences.csv", "offence_key", ("offence_key", "description")),
    "measure_label_patterns": ("measures.csv", "measure", ("measure", "description")),
    "question_topic_patterns": ("measures.csv", "measure", ("measure", "description")),
    "force_aliases_extra": ("forces.csv", "force_id", ("force_id", "force_name")),
}
_REGEX_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


class ReviewError(ValueError):
    """An approval that cannot be written (unknown label, target or seed), in one sentence."""


@dataclass(frozen=True)
class ReviewItem:
    """One label waiting for a person: how many figures it holds back and where one is."""

    label_kind: str
    label_text: str
    reason: str
    seed_to_edit: str | None
    figure_count: int
    force_ids: str
    example_locator: str
    suggestions: tuple[tuple[str, float], ...]


def normalise_label(text: str) -> str:
    """The label as the dbt models match it: lower case, plain dashes, single spaces."""
    text = re.sub(r"[‐‑‒–—−]", "-", text.lower())
    return " ".join(text.split())


def label_pattern(label: str) -> str:
    """An anchored regular expression matching exactly this label (after normalising)."""
    return "^" + _REGEX_SPECIAL.sub(r"\\\1", normalise_label(label)) + "$"


def _words(text: str) -> str:
    """Letters and digits only, so "S.H.P.O." and "shpo" compare as the same word."""
    return " ".join(re.sub(r"[^a-z0-9 ]", "", text.lower().replace("_", " ")).split())


def _vocabulary(seed: str) -> dict[str, str]:
    file_name, key, described_by = VOCABULARIES[seed]
    with (SEEDS_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return {
            row[key]: _words(" ".join(row[column] for column in described_by))
            for row in csv.DictReader(handle)
        }


def suggest(label: str, seed: str | None, limit: int = 3) -> tuple[tuple[str, float], ...]:
    """The closest targets for a label in its seed's vocabulary, best first (score 0-100)."""
    if not seed or seed not in VOCABULARIES:
        return ()
    choices = _vocabulary(seed)
    ranked = process.extract(_words(label), choices, scorer=fuzz.token_set_ratio, limit=limit)
    return tuple((key, round(score, 1)) for _text, score, key in ranked)


def pending(warehouse: Path) -> list[ReviewItem]:
    """Every distinct unclassified label, most figures first, with ranked suggestions."""
    con = connect_read_only(warehouse)
    try:
        rows = con.execute(
            """
            select label_kind, coalesce(label_text, '(none)'), reason, seed_to_edit,
                   count(*), string_agg(distinct force_id, ', '), min(source_locator)
            from marts.dq_unclassified
            group by all
            order by count(*) desc, 2
            """
        ).fetchall()
    finally:
        con.close()
    return [
        ReviewItem(kind, text, reason, seed, count, forces or "", where, suggest(text, seed))
        for kind, text, reason, seed, count, forces, where in rows
    ]


def format_items(items: list[ReviewItem]) -> str:
    """The review list as text, one block per label."""
    if not items:
        return "Nothing to review: every figure matched a mapping."
    blocks = []
    for item in items:
        hint = ", ".join(f"{key} ({score:.0f})" for key, score in item.suggestions) or "-"
        seed = item.seed_to_edit or "(none: a person reads the document)"
        blocks.append(
            f"[{item.label_kind}] {item.label_text}\n"
            f"    {item.figure_count} figure(s), {item.force_ids}: {item.reason}\n"
            f"    first at {item.example_locator}\n"
            f"    seed: {seed}; suggestions: {hint}"
        )
    return "\n".join(blocks)


def _seed_for_label(warehouse: Path, label: str) -> str:
    con = connect_read_only(warehouse)
    try:
        seeds = con.execute(
            "select distinct seed_to_edit from marts.dq_unclassified where label_text = ?",
            [label],
        ).fetchall()
    finally:
        con.close()
    found = sorted({seed for (seed,) in seeds if seed})
    if not found:
        raise ReviewError(f"no figure waiting for review has a mappable label {label!r}")
    if len(found) > 1:
        raise ReviewError(f"the label {label!r} waits in several seeds: {', '.join(found)}")
    return found[0]


def _next_priority(rows: list[dict[str, str]]) -> str:
    return str(max((int(row["priority"]) for row in rows), default=0) + 1)


def _mapping_line(seed: str, label: str, target: str, rows: list[dict[str, str]]) -> dict:
    if seed == "force_aliases_extra":
        return {"alias": label, "force_id": target}
    line = {
        "priority": _next_priority(rows),
        "pattern": label_pattern(label),
        "note": f"approved in review: {label}",
    }
    if seed == "offence_title_patterns":
        line["offence_key"] = target
    else:
        line["measure"] = target
    return line


def approve(
    warehouse: Path,
    label: str,
    target: str,
    why: str,
    who: str | None = None,
    today: date | None = None,
    seeds_dir: Path = SEEDS_DIR,
) -> Path:
    """Append one mapping line for `label` -> `target` to the seed its review row names,
    with who/when/why. Returns the seed file. Raises ReviewError when it cannot."""
    if not why.strip():
        raise ReviewError("say why the mapping is right (--why)")
    seed = _seed_for_label(warehouse, label)
    vocabulary = _vocabulary(seed)
    if target not in vocabulary:
        raise ReviewError(
            f"{target!r} is not in {VOCABULARIES[seed][0]}; one of: {', '.join(sorted(vocabulary))}"
        )
    path = seeds_dir / f"{seed}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    line = _mapping_line(seed, label, target, rows)
    line.update(
        added_by=who or getpass.getuser(),
        added_at=(today or date.today()).isoformat(),
        reason=" ".join(why.split()),
    )
    ends_with_newline = path.read_bytes().endswith(b"\n")
    with path.open("a", encoding="utf-8", newline="") as handle:
        if not ends_with_newline:
            handle.write("\n")
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow(
            {field: line.get(field, "") for field in fields}
        )
    return path


def run(warehouse: Path, label: str | None, target: str | None, why: str, who: str | None) -> int:
    """`foi review`: list what waits, or approve one label (exit 0), or explain why not (1)."""
    from dagster_project.warehouse import WarehouseMissing

    try:
        if label is None:
            print(format_items(pending(warehouse)))
            return 0
        if not target:
            raise ReviewError("name the mapping target with --as (see the suggestions)")
        path = approve(warehouse, label, target, why, who)
    except (ReviewError, WarehouseMissing) as error:
        print(f"foi review: {error}", file=sys.stderr)
        return 1
    print(f"foi review: {label!r} -> {target} appended to {path}; run `foi build` to apply it")
    return 0
