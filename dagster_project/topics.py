"""Topic packs: what a round robin on one subject counts, and the words that name it.

A pack is a folder `<topic>/topic.yml` (DESIGN.md, "Topic packs"): its measures with their
label patterns, question patterns, breakdown dimensions with their value vocabularies, and
offence titles where the topic has them. The packs shipped are under `topics/`; folders named in
FOI_TOPIC_PATH (colon-separated) are read too, each either a pack or a folder of packs.

Every pack is validated before a build starts (`foi topic check` runs the same checks): an
unknown key, a missing or mistyped value, a pattern DuckDB's regular expressions (RE2) cannot
compile, or a measure two packs declare is a `PackError` naming the file and line. The ingest
then loads the packs into the `topics.*` tables, which the dbt reference models read: no topic
word is written in SQL (decision 1000).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import yaml

from dagster_project.paths import PROJECT_ROOT

TOPICS_DIR = PROJECT_ROOT / "topics"
PACK_FILE = "topic.yml"
_NAME = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_TOPIC = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Schema:
    """The keys one mapping of a pack may have (with the type of each), and those it must."""

    what: str
    fields: dict[str, type]
    required: tuple[str, ...]


# Who added a pattern, when and why: optional beside every pattern.
_PROVENANCE = {"note": str, "added_by": str, "added_at": str, "reason": str}
_PATTERN = Schema("a pattern", {"pattern": str, **_PROVENANCE}, ("pattern",))
_QUESTION = Schema(
    "a question pattern",
    {"pattern": str, "measure": str, "offence_category": str, **_PROVENANCE},
    ("pattern", "measure"),
)
_MEASURE = Schema(
    "a measure",
    {
        "measure": str,
        "kind": str,
        "unit": str,
        "description": str,
        "counts_offences": bool,
        "patterns": list,
    },
    ("measure", "kind", "unit", "description"),
)
_VALUE = Schema(
    "a dimension value", {"value": str, "description": str, "patterns": list}, ("value", "patterns")
)
_DIMENSION = Schema(
    "a dimension",
    {"dimension": str, "description": str, "values": list},
    ("dimension", "values"),
)
_OFFENCE = Schema(
    "an offence",
    {
        "offence_key": str,
        "offence_category": str,
        "order_type": str,
        "statute": str,
        "section": str,
        "description": str,
        "source": str,
        "category_default": bool,
        "patterns": list,
    },
    ("offence_key", "offence_category", "patterns"),
)
_PACK = Schema(
    "the pack",
    {
        "topic": str,
        "title": str,
        "description": str,
        "subjects": list,
        "measures": list,
        "questions": list,
        "dimensions": list,
        "offences": list,
    },
    ("topic", "title", "measures"),
)
KINDS = ("flow", "stock")


class PackError(ValueError):
    """A topic pack that does not validate: `<file>:<line>: <what is wrong>`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.line = path, line


@dataclass(frozen=True)
class Pattern:
    pattern: str
    line: int
    note: str = ""
    added_by: str = ""
    added_at: str = ""
    reason: str = ""
    # question patterns: the measure (and offence category) the question asks about
    measure: str = ""
    offence_category: str = ""


@dataclass(frozen=True)
class Measure:
    measure: str
    kind: str
    unit: str
    description: str
    patterns: tuple[Pattern, ...]
    line: int
    # the measure the pack's offence titles count (breach_offences): a figure with a title
    counts_offences: bool = False


@dataclass(frozen=True)
class DimensionValue:
    dimension: str
    value: str
    description: str
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class Offence:
    offence_key: str
    offence_category: str
    order_type: str
    statute: str
    section: str
    description: str
    source: str
    category_default: bool
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class Pack:
    topic: str
    title: str
    path: Path
    measures: tuple[Measure, ...]
    questions: tuple[Pattern, ...] = ()
    # words naming the topic itself ("Clare's Law"): they frame an answer, never pick a measure
    subjects: tuple[Pattern, ...] = ()
    dimension_values: tuple[DimensionValue, ...] = ()
    offences: tuple[Offence, ...] = ()
    digest: str = field(default="", compare=False)


def search_path(topic_path: str | None = None) -> list[Path]:
    """The folders packs are read from: topics/ first, then FOI_TOPIC_PATH's, in its order."""
    extra = os.environ.get("FOI_TOPIC_PATH", "") if topic_path is None else topic_path
    return [TOPICS_DIR, *(Path(part).expanduser() for part in extra.split(os.pathsep) if part)]


def pack_files(folders: list[Path] | None = None) -> list[Path]:
    """Every topic.yml: a folder that is a pack, or each pack folder inside a folder."""
    found: list[Path] = []
    for folder in search_path() if folders is None else folders:
        if (folder / PACK_FILE).is_file():
            found.append(folder / PACK_FILE)
        elif folder.is_dir():
            found.extend(sorted(folder.glob(f"*/{PACK_FILE}")))
        else:
            raise PackError(folder, 0, "FOI_TOPIC_PATH names a folder that does not exist")
    return list(dict.fromkeys(path.resolve() for path in found))


def load_packs(folders: list[Path] | None = None) -> list[Pack]:
    """Read and validate every pack; a measure or topic declared twice is an error too."""
    packs = [load_pack(path) for path in pack_files(folders)]
    topics: dict[str, Pack] = {}
    measures: dict[str, Pack] = {}
    for pack in packs:
        if pack.topic in topics:
            raise PackError(
                pack.path, 1, f"topic {pack.topic!r} is also the pack {topics[pack.topic].path}"
            )
        topics[pack.topic] = pack
        for measure in pack.measures:
            if measure.measure in measures:
                other = measures[measure.measure]
                raise PackError(
                    pack.path,
                    measure.line,
                    f"measure {measure.measure!r} is already declared by the pack "
                    f"{other.topic!r} ({other.path}): measure names are unique across packs",
                )
            measures[measure.measure] = pack
    return packs


def load_pack(path: Path) -> Pack:
    """One topic.yml, validated."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PackError(path, line, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if node is None:
        raise PackError(path, 1, "the file is empty: a pack declares topic, title and measures")
    reader = _Reader(path)
    pack = reader.mapping(node, _PACK)
    topic = pack["topic"].value
    if topic != path.parent.name:
        raise PackError(
            path,
            pack["topic"].line,
            f"topic {topic!r} must be the folder's name, {path.parent.name!r}",
        )
    if not _TOPIC.match(topic):
        raise PackError(path, pack["topic"].line, f"topic {topic!r} is not kebab-case")
    measures = tuple(reader.measure(item) for item in reader.items(pack, "measures"))
    if not measures:
        raise PackError(path, pack["measures"].line, "a pack declares at least one measure")
    names = {measure.measure for measure in measures}
    reader.unique([m.measure for m in measures], [m.line for m in measures], "measure")
    questions = tuple(reader.question(item, names) for item in reader.items(pack, "questions"))
    subjects = tuple(reader.pattern(item) for item in reader.items(pack, "subjects"))
    values = tuple(
        value for item in reader.items(pack, "dimensions") for value in reader.dimension(item)
    )
    offences = tuple(reader.offence(item) for item in reader.items(pack, "offences"))
    counting = [m for m in measures if m.counts_offences]
    if len(counting) > 1 or (offences and not counting):
        raise PackError(
            path,
            (counting[1] if len(counting) > 1 else measures[0]).line,
            "a pack with offences names exactly one measure `counts_offences: true` "
            "(the measure a figure with an offence title counts)",
        )
    return Pack(
        topic=topic,
        title=pack["title"].value,
        path=path,
        measures=measures,
        questions=questions,
        subjects=subjects,
        dimension_values=values,
        offences=offences,
        digest=hashlib.sha256(text.encode()).hexdigest(),
    )


@dataclass(frozen=True)
class _Value:
    value: object
    line: int
    node: yaml.Node


class _Reader:
    """Reads the composed YAML of one pack, so every error can name its line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> PackError:
        return PackError(self.path, node.start_mark.line + 1, message)

    def mapping(self, node: yaml.Node, schema: Schema) -> dict[str, _Value]:
        what = schema.what
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        values: dict[str, _Value] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in schema.fields:
                known = ", ".join(schema.fields)
                raise self.fail(key_node, f"unknown key {key!r} in {what} (known: {known})")
            if key in values:
                raise self.fail(key_node, f"key {key!r} is given twice in {what}")
            values[key] = _Value(
                self.scalar(value_node, schema.fields[key], key),
                key_node.start_mark.line + 1,
                value_node,
            )
        for key in schema.required:
            if key not in values:
                raise self.fail(node, f"{what} lacks the key {key!r}")
        return values

    def scalar(self, node: yaml.Node, expected: type, key: str) -> object:
        if expected is list:
            if isinstance(node, yaml.ScalarNode) and node.value in ("", "[]", "null", "~"):
                return []
            if not isinstance(node, yaml.SequenceNode):
                raise self.fail(node, f"{key} must be a list")
            return node.value
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{key} must be a single value, not a list or mapping")
        value = yaml.safe_load(yaml.serialize(node))
        if expected is bool:
            if not isinstance(value, bool):
                raise self.fail(node, f"{key} must be true or false")
            return value
        if isinstance(value, date):
            return value.isoformat()
        if value is None or isinstance(value, bool | list | dict):
            raise self.fail(node, f"{key} must be text")
        return str(value)

    def items(self, pack: dict[str, _Value], key: str) -> list[yaml.Node]:
        return list(pack[key].value) if key in pack else []

    def unique(self, names: list[str], lines: list[int], what: str) -> None:
        seen: set[str] = set()
        for name, line in zip(names, lines, strict=True):
            if name in seen:
                raise PackError(self.path, line, f"{what} {name!r} is declared twice")
            seen.add(name)

    def name(self, value: _Value, what: str) -> str:
        if not _NAME.match(str(value.value)):
            raise self.fail(
                value.node, f"{what} {value.value!r} is not snake_case (e.g. stop_searches)"
            )
        return str(value.value)

    def pattern(self, node: yaml.Node, schema: Schema = _PATTERN) -> Pattern:
        if isinstance(node, yaml.ScalarNode):
            fields = {
                "pattern": _Value(self.scalar(node, str, "pattern"), node.start_mark.line + 1, node)
            }
        else:
            fields = self.mapping(node, schema)
        check_pattern(self, fields["pattern"])
        return Pattern(
            line=fields["pattern"].line,
            **{key: value.value for key, value in fields.items()},
        )

    def measure(self, node: yaml.Node) -> Measure:
        fields = self.mapping(node, _MEASURE)
        if fields["kind"].value not in KINDS:
            raise self.fail(
                fields["kind"].node, f"kind must be flow or stock, not {fields['kind'].value!r}"
            )
        patterns = tuple(self.pattern(item) for item in fields.get("patterns", _EMPTY).value)
        return Measure(
            measure=self.name(fields["measure"], "measure"),
            kind=str(fields["kind"].value),
            unit=str(fields["unit"].value),
            description=str(fields["description"].value),
            patterns=patterns,
            line=node.start_mark.line + 1,
            counts_offences=bool(fields["counts_offences"].value)
            if "counts_offences" in fields
            else False,
        )

    def question(self, node: yaml.Node, measures: set[str]) -> Pattern:
        pattern = self.pattern(node, _QUESTION)
        if pattern.measure not in measures:
            raise PackError(
                self.path,
                pattern.line,
                f"the question pattern counts {pattern.measure!r}, which this pack does not "
                "declare",
            )
        return pattern

    def dimension(self, node: yaml.Node) -> list[DimensionValue]:
        fields = self.mapping(node, _DIMENSION)
        dimension = self.name(fields["dimension"], "dimension")
        if dimension in ("sex", "area", "custody"):
            raise self.fail(
                fields["dimension"].node,
                f"{dimension} is a column of every figure, not a dimension",
            )
        values = []
        for item in fields["values"].value:
            value = self.mapping(item, _VALUE)
            values.append(
                DimensionValue(
                    dimension=dimension,
                    value=self.name(value["value"], "dimension value"),
                    description=str(value["description"].value) if "description" in value else "",
                    patterns=tuple(self.pattern(p) for p in value["patterns"].value),
                )
            )
        self.unique(
            [v.value for v in values],
            [v.patterns[0].line if v.patterns else 0 for v in values],
            "value",
        )
        return values

    def offence(self, node: yaml.Node) -> Offence:
        fields = self.mapping(node, _OFFENCE)
        text = {key: str(fields[key].value) if key in fields else "" for key in _OFFENCE.fields}
        return Offence(
            offence_key=self.name(fields["offence_key"], "offence_key"),
            offence_category=self.name(fields["offence_category"], "offence_category"),
            order_type=text["order_type"],
            statute=text["statute"],
            section=text["section"],
            description=text["description"],
            source=text["source"],
            category_default=bool(fields["category_default"].value)
            if "category_default" in fields
            else False,
            patterns=tuple(self.pattern(p) for p in fields["patterns"].value),
        )


_EMPTY = _Value([], 0, None)
_RE2 = duckdb.connect()


def check_pattern(reader: _Reader, value: _Value) -> None:
    """A pattern compiles in DuckDB's RE2 (no look-around, no back-references) and does not
    match the empty label (it would claim every label)."""
    pattern = str(value.value)
    try:
        matches_empty = _RE2.execute("select regexp_matches('', ?)", [pattern]).fetchone()[0]
    except duckdb.Error as error:
        first = str(error).splitlines()[0].split("Error: ", 1)[-1]
        raise reader.fail(
            value.node, f"the pattern {pattern!r} does not compile: {first}"
        ) from None
    if matches_empty:
        raise reader.fail(
            value.node,
            f"the pattern {pattern!r} matches an empty label: it would claim every label",
        )


# The reference tables the dbt models in dbt/models/reference read (schema topics).
TABLES = {
    "packs": "topic varchar, title varchar, path varchar, digest varchar",
    "measures": (
        "topic varchar, measure varchar, measure_kind varchar, unit varchar, "
        "description varchar, counts_offences boolean"
    ),
    "measure_patterns": (
        "topic varchar, priority integer, pattern varchar, measure varchar, note varchar, "
        "added_by varchar, added_at varchar, reason varchar"
    ),
    "question_patterns": (
        "topic varchar, priority integer, pattern varchar, measure varchar, "
        "offence_category varchar, note varchar, added_by varchar, added_at varchar, reason varchar"
    ),
    "subject_patterns": "topic varchar, priority integer, pattern varchar",
    "dimension_values": (
        "topic varchar, priority integer, dimension varchar, dimension_value varchar, "
        "description varchar, pattern varchar"
    ),
    "offences": (
        "topic varchar, offence_key varchar, offence_category varchar, order_type varchar, "
        "statute varchar, section varchar, description varchar, source varchar, "
        "is_category_default boolean"
    ),
    "offence_patterns": (
        "topic varchar, priority integer, pattern varchar, offence_key varchar, note varchar, "
        "added_by varchar, added_at varchar, reason varchar"
    ),
}


def _provenance(pattern: Pattern) -> list[str]:
    return [pattern.note, pattern.added_by, pattern.added_at, pattern.reason]


def rows(packs: list[Pack]) -> dict[str, list[tuple]]:
    """The packs as rows of the topics.* tables; a pattern's priority is its place in its pack."""
    out: dict[str, list[tuple]] = {table: [] for table in TABLES}
    for pack in packs:
        out["packs"].append((pack.topic, pack.title, str(pack.path), pack.digest))
        label_patterns = [(m, p) for m in pack.measures for p in m.patterns]
        for m in pack.measures:
            out["measures"].append(
                (pack.topic, m.measure, m.kind, m.unit, m.description, m.counts_offences)
            )
        for priority, (m, p) in enumerate(label_patterns, 1):
            out["measure_patterns"].append(
                (pack.topic, priority, p.pattern, m.measure, *_provenance(p))
            )
        for priority, q in enumerate(pack.questions, 1):
            out["question_patterns"].append(
                (
                    pack.topic,
                    priority,
                    q.pattern,
                    q.measure,
                    q.offence_category or None,
                    *_provenance(q),
                )
            )
        for priority, p in enumerate(pack.subjects, 1):
            out["subject_patterns"].append((pack.topic, priority, p.pattern))
        values = [(v, p) for v in pack.dimension_values for p in v.patterns]
        for priority, (v, p) in enumerate(values, 1):
            out["dimension_values"].append(
                (pack.topic, priority, v.dimension, v.value, v.description, p.pattern)
            )
        for o in pack.offences:
            out["offences"].append(
                (
                    pack.topic,
                    o.offence_key,
                    o.offence_category,
                    o.order_type,
                    o.statute,
                    o.section,
                    o.description,
                    o.source,
                    o.category_default,
                )
            )
        offence_patterns = [(o, p) for o in pack.offences for p in o.patterns]
        for priority, (o, p) in enumerate(offence_patterns, 1):
            out["offence_patterns"].append(
                (pack.topic, priority, p.pattern, o.offence_key, *_provenance(p))
            )
    return out


def write_tables(con: duckdb.DuckDBPyConnection, packs: list[Pack]) -> dict[str, int]:
    """Replace the topics.* tables of a build file with these packs; returns row counts."""
    con.execute("create schema if not exists topics")
    counts = {}
    for table, values in rows(packs).items():
        con.execute(f"create or replace table topics.{table} ({TABLES[table]})")
        if values:
            marks = ", ".join("?" * len(values[0]))
            con.executemany(f"insert into topics.{table} values ({marks})", values)
        counts[table] = len(values)
    return counts


SKELETON = """\
# A topic pack (DESIGN.md, "Topic packs"). Patterns are case-insensitive regular expressions
# in RE2 (no look-around, no back-references), matched against labels lower-cased with their
# spaces collapsed. Within this pack the first pattern that matches wins; between packs the
# longer match wins, and a tie is left to the figure's question (decision 1000).
topic: {topic}
title: {title}
subjects: ['{words}']         # words naming the topic: they tell which pack an answer is in
measures:
  - measure: {measure}
    kind: flow                 # flow: counted over a period; stock: a snapshot on a date
    unit: incidents
    description: What one of these figures counts
    patterns: ['{words}']
questions:                     # the question asks about the measure when its labels do not say
  - pattern: 'how many .{{0,40}}{words}'
    measure: {measure}
# breakdowns other than sex, area and custody, each value with its patterns, e.g.
#   - dimension: ethnicity
#     values: [{{value: asian, patterns: ['\\basian\\b']}}]
dimensions: []
offences: []
"""


def skeleton(name: str) -> str:
    """The topic.yml `foi topic new NAME` writes."""
    if not _TOPIC.match(name):
        raise PackError(
            Path(name), 0, f"a topic is named in kebab-case (knife-crime), not {name!r}"
        )
    words = name.replace("-", " ")
    return SKELETON.format(
        topic=name, title=words.capitalize(), measure=name.replace("-", "_"), words=words
    )


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def append_pattern(pack: Pack, section: str, target: str, entry: dict[str, str]) -> Path:
    """Write one approved pattern into a pack's file, keeping its comments and layout:
    `section` "measures" or "offences" appends to the patterns of the measure or offence named
    `target`; "questions" appends a question pattern counting `target`. The pack is read again
    after writing, and restored if it no longer validates."""
    text = pack.path.read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    fields = {key.value: value for key, value in root.value}
    if section == "questions":
        entry = {"pattern": entry["pattern"], "measure": target, **_without(entry, "pattern")}
        parent, sequence = root, fields.get("questions")
        key_name = "questions"
    else:
        key = {"measures": "measure", "offences": "offence_key"}[section]
        items = fields[section].value if section in fields else []
        matches = [
            item for item in items if {k.value: v for k, v in item.value}.get(key).value == target
        ]
        if not matches:
            raise PackError(pack.path, 1, f"the pack declares no {key} {target!r}")
        parent = matches[0]
        sequence = {k.value: v for k, v in parent.value}.get("patterns")
        key_name = "patterns"
    updated = _with_item(text, parent, sequence, key_name, entry)
    pack.path.write_text(updated, encoding="utf-8")
    try:
        load_pack(pack.path)
    except PackError:
        pack.path.write_text(text, encoding="utf-8")
        raise
    return pack.path


def _without(entry: dict[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in entry.items() if k != key}


def _with_item(
    text: str, parent: yaml.Node, sequence: yaml.Node | None, key_name: str, entry: dict
) -> str:
    """The text with one mapping appended to a block or flow sequence (or a new key)."""
    lines = text.splitlines(keepends=True)
    pairs = [f"{key}: {_quoted(str(value))}" for key, value in entry.items() if value]
    if sequence is not None and isinstance(sequence, yaml.SequenceNode) and sequence.value:
        if sequence.flow_style:
            offset = _offset(lines, sequence.end_mark)
            flow = "{" + ", ".join(pairs) + "}"
            return text[: offset - 1] + ", " + flow + text[offset - 1 :]
        last = sequence.value[-1]
        dash_column = sequence.value[0].start_mark.column - 2
        end_line = last.end_mark.line if last.end_mark.column > 0 else last.end_mark.line - 1
        # blank lines and comments after the last item belong to what follows
        while end_line > 0 and _is_blank_or_comment(lines[end_line]):
            end_line -= 1
        indent = " " * dash_column
        block = f"{indent}- {pairs[0]}\n" + "".join(f"{indent}  {pair}\n" for pair in pairs[1:])
        return "".join(lines[: end_line + 1]) + block + "".join(lines[end_line + 1 :])
    # an empty list, or none: the key is written afresh under its parent
    column = parent.value[0][0].start_mark.column if parent.value else 0
    indent = " " * column
    block = f"{indent}{key_name}:\n{indent}  - {pairs[0]}\n" + "".join(
        f"{indent}    {pair}\n" for pair in pairs[1:]
    )
    if sequence is not None:
        key_node = next(k for k, v in parent.value if v is sequence)
        start = key_node.start_mark.line
        return "".join(lines[:start]) + block + "".join(lines[start + 1 :])
    end_line = parent.end_mark.line if parent.end_mark.column > 0 else parent.end_mark.line - 1
    return "".join(lines[: end_line + 1]) + block + "".join(lines[end_line + 1 :])


def _is_blank_or_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _offset(lines: list[str], mark: yaml.Mark) -> int:
    return sum(len(line) for line in lines[: mark.line]) + mark.column


def pack_declaring(packs: list[Pack], section: str, target: str) -> Pack | None:
    """The pack that declares a measure (sections measures, questions) or an offence."""
    for pack in packs:
        names = (
            [o.offence_key for o in pack.offences]
            if section == "offences"
            else [m.measure for m in pack.measures]
        )
        if target in names:
            return pack
    return None
