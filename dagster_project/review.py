"""`foi review`: the labels no mapping matched, and one-line approvals into the mapping seeds.

The warehouse lists every unclassified figure in `marts.dq_unclassified`. Here each label is
given the kind of thing it names (a measure, an offence, an area, a period, a force, a question's
topic), so it is only ever offered targets of that kind: a place name such as "Cardiff" or a
month is never offered a measure. Suggestions are ranked by rapidfuzz against that kind's
vocabulary, each with why it scored. Approving one appends a single line, with who added it,
when and why, to that kind's seed; the next `foi build` uses it. A period label the rules do
not read is approved with the dates it means (`--as period --from START --to END`).
"""

from __future__ import annotations

import csv
import functools
import getpass
import re
import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from dagster_project import topics
from dagster_project.paths import DBT_DIR
from dagster_project.warehouse import connect_read_only

SEEDS_DIR = DBT_DIR / "seeds"


@dataclass(frozen=True)
class Kind:
    """What a label can be mapped to: the mapping a line is written to (a seed, or a section of
    a topic pack), the vocabulary its target comes from (csv file, key column, columns a label
    is compared with; empty for the packs') and the target column."""

    seed: str
    vocabulary: tuple[str, str, tuple[str, ...]]
    target_column: str
    pack_section: str = ""


KINDS: dict[str, Kind] = {
    "offence": Kind("offence_title_patterns", ("", "", ()), "offence_key", "offences"),
    "measure": Kind("measure_label_patterns", ("", "", ()), "measure", "measures"),
    "topic": Kind("question_topic_patterns", ("", "", ()), "measure", "questions"),
    "force": Kind(
        "force_aliases_extra", ("forces.csv", "force_id", ("force_id", "force_name")), "force_id"
    ),
    "area": Kind("area_label_patterns", ("", "area_kind", ()), "area_kind"),
}
# The area seed's targets are its two kinds of area, not rows of another seed.
AREA_KINDS = {
    "area": "a place inside the force: policing area, district, local authority",
    "pseudo_area": "not a place: people in custody, wanted or deported, listed as if an area",
}
# A period label is approved with the dates it means, into a seed of its own.
PERIOD_TARGET = "period"
PERIOD_SEED = "period_label_overrides"
PERIOD_FIELDS = ("label", "period_kind", "period_start", "period_end")
# Labels a period approval can be made for: a table label, or the label a period was missing on.
PERIOD_LABEL_KINDS = ("row_label", "column_label", "period")
_CHECK_THE_DOCUMENT = (
    "check the document says which period this figure covers (e.g. 2019-20, calendar year "
    "2021, as at 31 March 2022)"
)
# Why a label of a kind has no approval here: a person reads the document instead.
NO_SEED = {
    "period": "no period to approve: the label names no dates of its own (a month without its "
    f"year, a period to the response date, or none at all); {_CHECK_THE_DOCUMENT}",
    "document": "not a mapping: a person reads the document (the figure is ambiguous or two "
    "values share a cell)",
}
_MONTH = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?"
)
_PERIOD = re.compile(
    rf"^((\b({_MONTH})\b|\b(19|20)\d\d\b|\bq[1-4]\b|\bfy[e]?\b|[-/–\s.,()]|\b\d{{1,2}}(st|nd|rd|th)?\b"
    r"|\b(to|year|financial|calendar|quarter|ending|ended|end|as|at|of|on|from|between|and|until"
    r"|till|up|since|date|ytd|fytd)\b)+)$"
)
# Words that make a period end on the response date: one approval cannot serve every document.
_RELATIVE_PERIOD = re.compile(
    r"\b(ytd|fytd|to date|so far|currently|current|at present|this (year|month|quarter|financial)"
    r"|last (year|month|quarter|financial)|previous|latest)\b"
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NEEDS_DATES = (
    "a period approval needs the dates it means: --from YYYY-MM-DD --to YYYY-MM-DD (the same "
    "day twice for a snapshot)"
)
ONLY_PERIODS_HAVE_DATES = "--from and --to give the dates of --as period, and only of it"
_CONNECTIVES = {"&", "and", "of", "the", "upon", "on", "in", "-"}
_REGEX_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


class ReviewError(ValueError):
    """An approval that cannot be written (unknown label, target or seed), in one sentence."""


@dataclass(frozen=True)
class ApprovedPeriod:
    """The period a person says a label means: its first and last day, and the kind of period
    the design names for those dates."""

    start: date
    end: date

    @property
    def kind(self) -> str:
        if self.start == self.end:
            return "as_at"
        if (self.start.month, self.start.day) == (4, 1) and self.end == date(
            self.start.year + 1, 3, 31
        ):
            return "financial_year"
        if (self.start.month, self.start.day) == (1, 1) and self.end == date(
            self.start.year, 12, 31
        ):
            return "calendar_year"
        return "date_range"

    @property
    def label(self) -> str:
        """The canonical label the facts will carry (`2023-24`, `2023`, an ISO date or range)."""
        if self.kind == "financial_year":
            return f"{self.start.year}-{(self.start.year + 1) % 100:02d}"
        if self.kind == "calendar_year":
            return str(self.start.year)
        if self.kind == "as_at":
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def describe(self) -> str:
        return f"{self.label} ({self.kind}, {self.start.isoformat()} to {self.end.isoformat()})"


def _date_option(option: str, text: str | None) -> date:
    if not text:
        raise ReviewError(NEEDS_DATES)
    try:
        if not _ISO_DATE.match(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReviewError(f"{option} {text} is not a real date written YYYY-MM-DD") from None


def parse_period(starts: str | None, ends: str | None) -> ApprovedPeriod:
    """The period given by --from and --to, checked: real dates, the end not before the start.
    Raises ReviewError (one sentence) when they are not."""
    period = ApprovedPeriod(_date_option("--from", starts), _date_option("--to", ends))
    if period.end < period.start:
        raise ReviewError(
            f"--to {period.end.isoformat()} is before --from {period.start.isoformat()}: a "
            "period ends on or after the day it starts"
        )
    return period


def period_refusal(label: str) -> str | None:
    """Why a period cannot be approved for this label (None when it can): an approval holds
    wherever the label is printed, so it must name its own dates."""
    words = normalise_label(label)
    if not re.search(r"\d", words):
        return (
            f"{label!r} names no year or date, so the same words mean another period in another "
            f"document; {_CHECK_THE_DOCUMENT}"
        )
    if _RELATIVE_PERIOD.search(words):
        return (
            f"{label!r} runs to the response date, which is each document's own: give "
            "response_date in the document's sidecar (<name>.meta.yml) and build again"
        )
    return None


@dataclass(frozen=True)
class Suggestion:
    target: str
    score: float
    why: str


@dataclass(frozen=True)
class ReviewItem:
    """One label waiting for a person: its kind, how many figures it holds back, where one is."""

    kind: str
    label_kind: str
    label_text: str
    reason: str
    figure_count: int
    force_ids: str
    path: str
    locator: str
    context: str
    suggestions: tuple[Suggestion, ...]
    # the chain the label was read under: "Q1 > The figures for September 2025 are > Wrexham"
    under: str = ""
    # the topic pack the label was read in ("" when nothing says)
    topic: str = ""

    @property
    def is_approvable_period(self) -> bool:
        return (
            self.kind == "period"
            and self.label_kind in PERIOD_LABEL_KINDS
            and period_refusal(self.label_text) is None
        )

    @property
    def seed(self) -> str | None:
        if self.is_approvable_period:
            return PERIOD_SEED
        return KINDS[self.kind].seed if self.kind in KINDS else None

    def approve_command(self) -> str | None:
        if self.is_approvable_period:
            return (
                f"foi review --approve {shlex.quote(self.label_text)} --as {PERIOD_TARGET} "
                "--from YYYY-MM-DD --to YYYY-MM-DD --why 'WHY'"
            )
        if self.kind not in KINDS:
            return None
        target = self.suggestions[0].target if self.suggestions else "TARGET"
        return (
            f"foi review --approve {shlex.quote(self.label_text)} --as {shlex.quote(target)} "
            "--why 'WHY'"
        )


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


def vocabulary(kind: str, packs: list[topics.Pack] | None = None) -> dict[str, str]:
    """Every target of a kind, with the words a label is compared with."""
    if kind == "area":
        return {key: _words(f"{key} {text}") for key, text in AREA_KINDS.items()}
    if KINDS[kind].pack_section:
        packs = _current_packs() if packs is None else packs
        if kind == "offence":
            return {
                o.offence_key: _words(f"{o.offence_key} {o.description}")
                for pack in packs
                for o in pack.offences
            }
        return {
            m.measure: _words(f"{m.measure} {m.description}")
            for pack in packs
            for m in pack.measures
        }
    file_name, key, described_by = KINDS[kind].vocabulary
    with (SEEDS_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return {
            row[key]: _words(" ".join(row[column] for column in described_by))
            for row in csv.DictReader(handle)
        }


def _current_packs() -> list[topics.Pack]:
    files = topics.pack_files()
    return _packs_as_of(tuple((path, path.stat().st_mtime_ns) for path in files))


@functools.lru_cache(maxsize=4)
def _packs_as_of(files: tuple[tuple[Path, int], ...]) -> list[topics.Pack]:
    """The packs, read once per state of their files (a review reads them for every label)."""
    return topics.load_packs()


def reads_as_period(label: str) -> bool:
    """A label made only of months, years, quarters and the words between them."""
    return bool(_PERIOD.match(normalise_label(label)))


def reads_as_place(label: str) -> bool:
    """A label of capitalised words without digits, none of them a measure's word
    ("Cardiff", "Bridgend & Vale"), as sub-force areas are printed."""
    words = label.split()
    if not words or any(ch.isdigit() for ch in label):
        return False
    named = [w for w in words if w.lower() not in _CONNECTIVES]
    measure_words = set(" ".join(vocabulary("measure").values()).split())
    return all(w[:1].isupper() for w in named) and not (set(_words(label).split()) & measure_words)


def review_kind(label_kind: str, label_text: str) -> str:
    """The kind of thing a label names, from the mart's label_kind and the label's shape."""
    if label_kind in ("row_label", "column_label"):
        if reads_as_period(label_text):
            return "period"
        return "area" if reads_as_place(label_text) else "measure"
    return {
        "force": "force",
        "offence_title": "offence",
        "question": "topic",
        "period": "period",
    }.get(label_kind, "document")


def suggest(label: str, kind: str, limit: int = 3, topic: str = "") -> tuple[Suggestion, ...]:
    """The closest targets of a label's own kind, best first (score 0-100), each explained; a
    measure or question read in a topic is offered that topic pack's measures only."""
    if kind not in KINDS or not label:
        return ()
    if kind == "area":
        # Not a fuzzy match: the label was read as a place by its shape (reads_as_place).
        return (
            Suggestion(
                "area",
                100.0,
                "reads as a place name: capitalised words, none of them a measure's word",
            ),
        )
    packs = _current_packs()
    if topic and kind in ("measure", "topic") and any(p.topic == topic for p in packs):
        packs = [p for p in packs if p.topic == topic]
    choices = vocabulary(kind, packs) if KINDS[kind].pack_section else vocabulary(kind)
    words = _words(label)
    ranked = process.extract(words, choices, scorer=fuzz.token_set_ratio, limit=limit)
    return tuple(
        Suggestion(key, round(score, 1), _explain(words, text)) for text, score, key in ranked
    )


def _explain(label_words: str, target_words: str) -> str:
    shared = sorted(set(label_words.split()) & set(target_words.split()))
    if shared:
        return f"shares {', '.join(repr(w) for w in shared)} with {target_words!r}"
    return f"no word in common; spelling closest to {target_words!r}"


def pending(warehouse: Path) -> list[ReviewItem]:
    """Every distinct unclassified label, most figures first, with its kind, one place it was
    printed (file, locator, the words there) and suggestions of its kind."""
    con = connect_read_only(warehouse)
    try:
        rows = con.execute(
            """
            select u.label_kind, coalesce(u.label_text, u.row_label, ''), u.reason, count(*),
                   string_agg(distinct u.force_id, ', '), min(d.path), min(u.source_locator),
                   arg_min(u.source_text, u.source_locator),
                   arg_min(u.context_path, u.source_locator), coalesce(u.topic, '')
            from marts.dq_unclassified as u
            left join raw.documents as d using (document_id)
            group by u.label_kind, 2, u.reason, coalesce(u.topic, '')
            order by coalesce(u.topic, '') = '', coalesce(u.topic, ''), count(*) desc, 2
            """
        ).fetchall()
    finally:
        con.close()
    items = []
    for label_kind, text, reason, count, forces, path, locator, context, under, topic in rows:
        kind = review_kind(label_kind, text)
        items.append(
            ReviewItem(
                kind,
                label_kind,
                text,
                reason,
                count,
                forces or "",
                path or "",
                locator or "",
                " ".join((context or "").split()),
                suggest(text, kind, topic=topic),
                "" if under in (None, "(document)") else under,
                topic,
            )
        )
    return items


def format_items(items: list[ReviewItem]) -> str:
    """The review list as text, one block per label, each with the command that approves it."""
    if not items:
        return "Nothing to review: every figure matched a mapping."
    blocks = [f"{len(items)} labels wait for a person, by topic (most figures first):"]
    topic = None
    for item in items:
        if item.topic != topic:
            topic = item.topic
            count = sum(1 for other in items if other.topic == topic)
            blocks.append(f"== {topic or 'no topic read'}: {count} labels")
        lines = [
            f"[{item.kind}] {item.label_text or '(no label)'}",
            f"    {item.figure_count} figure(s), {item.force_ids}: {item.reason}",
            f"    at {item.path}, {item.locator}",
        ]
        if item.context:
            lines.append(f"    context: {item.context[:160]}")
        if item.under:
            lines.append(f"    under: {item.under[:160]}")
        if item.is_approvable_period:
            lines += [
                f"    written to: dbt/seeds/{PERIOD_SEED}.csv (this label, wherever printed)",
                "    dates: --from its first day, --to its last (the same day for a snapshot)",
            ]
            lines.append(f"    approve: {item.approve_command()}")
        elif item.seed:
            where = (
                "the topic pack declaring the target"
                if KINDS[item.kind].pack_section
                else f"dbt/seeds/{item.seed}.csv"
            )
            lines.append(f"    written to: {where}; suggestions ({item.kind}s only):")
            lines += [f"      {s.target} ({s.score:.0f}): {s.why}" for s in item.suggestions]
            lines.append(f"    approve: {item.approve_command()}")
        elif item.kind == "period" and item.label_kind in PERIOD_LABEL_KINDS:
            lines.append(f"    no approval: {period_refusal(item.label_text)}")
        else:
            lines.append(f"    {NO_SEED[item.kind]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _kind_for(warehouse: Path, label: str, target: str) -> str:
    """The kind an approval of `label` -> `target` is for: the label's own kind, or, for a
    table label, the other kind whose vocabulary holds the target."""
    items = [item for item in pending(warehouse) if item.label_text == label]
    if not items:
        raise ReviewError(f"no figure waiting for review has a label {label!r}")
    kinds = sorted({item.kind for item in items if item.kind in KINDS})
    # a table label read as a place may still name a measure, and the other way round
    if set(kinds) & {"measure", "area"}:
        kinds += [k for k in ("measure", "area") if k not in kinds]
    if not kinds and any(item.is_approvable_period for item in items):
        raise ReviewError(
            f"{label!r} is a period label: approve it with --as period --from YYYY-MM-DD "
            "--to YYYY-MM-DD"
        )
    if not kinds:
        refusal = period_refusal(label) if items[0].kind == "period" else None
        raise ReviewError(f"{label!r} cannot be approved: {refusal or NO_SEED[items[0].kind]}")
    for kind in kinds:
        if target in vocabulary(kind):
            return kind
    file_name = (
        "any topic pack"
        if KINDS[kinds[0]].pack_section
        else KINDS[kinds[0]].vocabulary[0] or f"{KINDS[kinds[0]].seed}.csv"
    )
    choices = ", ".join(sorted(vocabulary(kinds[0])))
    raise ReviewError(f"{target!r} is not in {file_name}; one of: {choices}")


def _next_priority(rows: list[dict[str, str]]) -> str:
    return str(max((int(row["priority"]) for row in rows), default=0) + 1)


def _mapping_line(kind: str, label: str, target: str, rows: list[dict[str, str]]) -> dict:
    if kind == "force":
        return {"alias": label, "force_id": target}
    return {
        "priority": _next_priority(rows),
        "pattern": label_pattern(label),
        "note": f"approved in review: {label}",
        KINDS[kind].target_column: target,
    }


def _approve_period(
    warehouse: Path, label: str, period: ApprovedPeriod, provenance: dict, seeds_dir: Path
) -> Path:
    """Append `label` -> `period` to the period seed, once per label."""
    items = [item for item in pending(warehouse) if item.label_text == label]
    if not items:
        raise ReviewError(f"no figure waiting for review has a label {label!r}")
    if not any(item.label_kind in PERIOD_LABEL_KINDS for item in items):
        raise ReviewError(
            f"{label!r} is {items[0].label_kind.replace('_', ' ')} waiting for review, not a "
            "label a period is read from"
        )
    refusal = period_refusal(label)
    if refusal:
        raise ReviewError(f"{label!r} cannot be approved as a period: {refusal}")
    path = seeds_dir / f"{PERIOD_SEED}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            if normalise_label(row["label"]) == normalise_label(label):
                raise ReviewError(
                    f"{label!r} is already approved in {path} (line {line_no}); run `foi "
                    "build` to apply it, or edit that line"
                )
    line = {
        "label": " ".join(label.split()),
        "period_kind": period.kind,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
    }
    _append_row(path, {**line, **provenance})
    return path


def approve(
    warehouse: Path,
    label: str,
    target: str,
    why: str,
    who: str | None = None,
    today: date | None = None,
    seeds_dir: Path = SEEDS_DIR,
    topic_folders: list[Path] | None = None,
    period: ApprovedPeriod | None = None,
) -> Path:
    """Write one mapping for `label` -> `target`, with who/when/why: into the topic pack that
    declares the target (measures, question topics, offences), the seed of the label's kind
    (forces, areas), or, for target `period`, the period seed with the dates `period` gives.
    Returns the file written. Raises ReviewError when it cannot."""
    if not why.strip():
        raise ReviewError("say why the mapping is right (--why)")
    if (target == PERIOD_TARGET) != (period is not None):
        raise ReviewError(ONLY_PERIODS_HAVE_DATES if period else NEEDS_DATES)
    provenance = {
        "added_by": who or getpass.getuser(),
        "added_at": (today or date.today()).isoformat(),
        "reason": " ".join(why.split()),
    }
    if period is not None:
        return _approve_period(warehouse, label, period, provenance, seeds_dir)
    kind = _kind_for(warehouse, label, target)
    section = KINDS[kind].pack_section
    if section:
        packs = topics.load_packs(topic_folders)
        pack = topics.pack_declaring(packs, section, target)
        if pack is None:
            raise ReviewError(f"no topic pack declares {target!r}")
        entry = {"pattern": label_pattern(label), "note": f"approved in review: {label}"}
        try:
            return topics.append_pattern(pack, section, target, {**entry, **provenance})
        except topics.PackError as error:
            raise ReviewError(f"the approval would break the pack: {error}") from None
    path = seeds_dir / f"{KINDS[kind].seed}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    _append_row(path, {**_mapping_line(kind, label, target, rows), **provenance})
    return path


def _append_row(path: Path, line: dict[str, str]) -> None:
    """Append one line to a seed, in its own column order (columns it lacks left empty)."""
    with path.open(encoding="utf-8", newline="") as handle:
        fields = list(csv.DictReader(handle).fieldnames or [])
    ends_with_newline = path.read_bytes().endswith(b"\n")
    with path.open("a", encoding="utf-8", newline="") as handle:
        if not ends_with_newline:
            handle.write("\n")
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow(
            {field: line.get(field, "") for field in fields}
        )


def run(
    warehouse: Path,
    label: str | None,
    target: str | None,
    why: str,
    who: str | None,
    starts: str | None = None,
    ends: str | None = None,
) -> int:
    """`foi review`: list what waits, or approve one label (a period with the dates `starts`
    and `ends` give). Raises ReviewError (one line)."""
    if label is None:
        print(format_items(pending(warehouse)))
        return 0
    if not target:
        raise ReviewError("name the mapping target with --as (see the suggestions)")
    if target != PERIOD_TARGET and (starts is not None or ends is not None):
        raise ReviewError(ONLY_PERIODS_HAVE_DATES)
    period = parse_period(starts, ends) if target == PERIOD_TARGET else None
    path = approve(warehouse, label, target, why, who, period=period)
    meaning = f"period {period.describe()}" if period else target
    print(f"foi review: {label!r} -> {meaning} appended to {path}; run `foi build` to apply it")
    return 0
