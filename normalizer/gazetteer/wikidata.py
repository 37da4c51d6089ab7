"""Import a Wikidata JSON dump as a generated gazetteer layer (gazetteer/README.md, "Layers").

The dump (https://dumps.wikimedia.org/wikidatawiki/entities/latest-all.json.gz, .bz2, or
uncompressed, or "-" for standard input) is a JSON array with one entity a line:

    [
    {"type":"item","id":"Q1",...},
    {"type":"item","id":"Q2",...}
    ]

It is read once, a line at a time, in constant memory: lines that cannot name a kept class are
dropped before they are parsed; kept entities go, with their id, into sorted runs of at most
RUN_LINES lines in a temporary directory, which are merged into `entities.jsonl` at the end (lines
sorted by id, as the layer format asks). Country items' ISO codes (P297) are collected on the way (a
few hundred), so that `country` (P17, P27) is filled at the merge whatever the order of the dump.

An entity is kept when one of its P31 (instance of) values is a chosen class (DEFAULT_CLASSES,
matched on the direct P31 value, not on subclasses) and it has at least `min_sitelinks` sitelinks; a
human (Q5) with a position held (P39) needs only `min_sitelinks_office`.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import heapq
import io
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from normalizer.gazetteer.files import Loaded, load_text, yaml_files

SOURCE = "wikidata"
RUN_LINES = 50_000
DEFAULT_MIN_SITELINKS = 20
DEFAULT_MIN_SITELINKS_OFFICE = 5
DEFAULT_LANGS = ("vi", "en", "zh", "ja", "ko")

# P31 value -> entity type. A documented default; `--classes QID=type ...` replaces it.
DEFAULT_CLASSES: dict[str, str] = {
    "Q5": "person",  # human
    "Q6256": "country", "Q3624078": "country",  # country, sovereign state
    "Q3024240": "country", "Q7275": "country",  # historical country, state
    "Q515": "place", "Q1549591": "place", "Q1637706": "place", "Q200250": "place",  # city, big city ...
    "Q5119": "place", "Q486972": "place", "Q3957": "place", "Q15284": "place",  # capital, settlement ...
    "Q10864048": "place", "Q34876": "place", "Q107390": "place",  # first-level division, province, state
    "Q1221156": "place", "Q5852411": "place",  # state of Germany, province of China
    "Q23442": "place", "Q33837": "place", "Q8502": "place",  # island, archipelago, mountain
    "Q4022": "place", "Q23397": "place", "Q165": "place",  # river, lake, sea
    "Q43229": "organization", "Q484652": "organization",  # organization, international organization
    "Q7278": "organization", "Q327333": "organization",  # political party, government agency
    "Q192350": "organization", "Q4830453": "organization",  # ministry, business
    "Q783794": "organization", "Q891723": "organization",  # company, public company
    "Q11032": "organization", "Q1331793": "organization",  # newspaper, media company
    "Q1002697": "organization", "Q3918": "organization",  # periodical, university
    "Q476028": "organization", "Q163740": "organization",  # football club, nonprofit
    "Q1656682": "event", "Q1190554": "event", "Q198": "event",  # event, occurrence, war
    "Q178561": "event", "Q40231": "event", "Q8065": "event",  # battle, election, natural disaster
    "Q7944": "event", "Q2223653": "event", "Q3839081": "event",  # earthquake, terrorist attack, disaster
    "Q625994": "event", "Q16510064": "event", "Q18608583": "event",  # conference, sporting event
    "Q131569": "event", "Q124734": "event",  # treaty, rebellion
}
TYPE_ORDER = ("person", "country", "place", "organization", "event")

# Wikidata language codes -> the gazetteer's BCP 47 tags; "zh" alone is taken as zh-Hans only when
# no zh-hans / zh-cn label says otherwise and it differs from the traditional one.
LANG_TAGS = {
    "vi": ("vi",), "en": ("en",), "ja": ("ja",), "ko": ("ko",),
    "zh": ("zh-hans", "zh-cn", "zh-sg", "zh-my", "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh"),
}
ZH_TAGS = {"zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-my": "zh-Hans",
           "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant"}
NAME_LANG_ORDER = ("en", "vi", "zh-Hans", "zh-Hant", "ja", "ko")

NOTICE = """Data from Wikidata (https://www.wikidata.org/), made available under the Creative Commons
CC0 1.0 Universal Public Domain Dedication (https://creativecommons.org/publicdomain/zero/1.0/).
No attribution is required; this notice says where the layer comes from.
"""


@dataclass
class Options:
    min_sitelinks: int = DEFAULT_MIN_SITELINKS
    min_sitelinks_office: int = DEFAULT_MIN_SITELINKS_OFFICE
    classes: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CLASSES))
    langs: tuple[str, ...] = DEFAULT_LANGS
    progress: bool | None = None  # None: a bar when stderr is a terminal


@dataclass
class Summary:
    lines: int = 0
    entities: int = 0
    bad_lines: int = 0
    kept: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    written: int = 0
    seconds: float = 0.0
    bad_examples: list[str] = field(default_factory=list)

    def report(self) -> str:
        kept = ", ".join(f"{k} {v}" for k, v in sorted(self.kept.items())) or "none"
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) or "none"
        return (f"read {self.lines} lines, {self.entities} entities, {self.bad_lines} bad lines; "
                f"kept by type: {kept}; skipped: {skipped}; written {self.written} entities "
                f"in {self.seconds:.1f} s")


# ------------------------------------------------------------------------------------- reading

class _Counting(io.RawIOBase):
    """A raw stream that counts the bytes read through it (the compressed bytes, for the bar)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


@contextlib.contextmanager
def open_dump(path: str) -> Iterator[tuple[IO[bytes], _Counting, int]]:
    """(decompressed byte lines, the counter of raw bytes read, the raw size or 0)."""
    raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    size = 0 if path == "-" else Path(path).stat().st_size
    counting = _Counting(raw)
    buffered = io.BufferedReader(counting, buffer_size=1 << 20)
    stream: Any
    if path.endswith(".gz"):
        stream = gzip.GzipFile(fileobj=buffered)
    elif path.endswith(".bz2"):
        stream = bz2.BZ2File(buffered)
    else:
        stream = buffered
    try:
        yield stream, counting, size
    finally:
        stream.close()
        if raw is not sys.stdin.buffer:
            raw.close()


def class_filter(classes: Iterable[str]) -> re.Pattern[bytes]:
    """A cheap test before parsing: a kept entity's line names one of the classes as an item id."""
    ids = sorted(classes, key=lambda q: (-len(q), q))
    return re.compile(rb'"id":\s*"(?:' + b"|".join(re.escape(q.encode()) for q in ids) + rb')"')


def dump_entities(lines: Iterable[bytes], summary: Summary, prefilter: re.Pattern[bytes] | None,
                  ) -> Iterator[dict[str, Any]]:
    """Entities of the dump's lines; '[' and ']' lines and the trailing commas are the array's."""
    for line in lines:
        summary.lines += 1
        line = line.strip()
        if line.endswith(b","):
            line = line[:-1]
        if line in (b"[", b"]", b""):
            continue
        # a whole entity line that names no chosen class (nor an ISO code) is not worth parsing
        if prefilter is not None and line[:1] == b"{" and line[-1:] == b"}" \
                and b'"P297"' not in line and not prefilter.search(line):
            summary.entities += 1
            summary.skipped["not of a chosen class"] += 1
            continue
        try:
            entity = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            summary.bad_lines += 1
            if len(summary.bad_examples) < 5:
                summary.bad_examples.append(f"line {summary.lines}: {exc}")
            continue
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            summary.bad_lines += 1
            if len(summary.bad_examples) < 5:
                summary.bad_examples.append(f"line {summary.lines}: not an entity object")
            continue
        summary.entities += 1
        yield entity


# ---------------------------------------------------------------------------------- one entity

def statement_ids(entity: dict[str, Any], prop: str) -> list[str]:
    """Item ids of a property's statements, preferred rank first, deprecated ones left out."""
    claims = (entity.get("claims") or {}).get(prop) or []
    ranked: list[tuple[int, str]] = []
    for claim in claims:
        if not isinstance(claim, dict) or claim.get("rank") == "deprecated":
            continue
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            ranked.append((0 if claim.get("rank") == "preferred" else 1, value["id"]))
        elif isinstance(value, str):
            ranked.append((0 if claim.get("rank") == "preferred" else 1, value))
    return [v for _, v in sorted(ranked, key=lambda r: r[0])]


def sitelink_count(entity: dict[str, Any]) -> int:
    sitelinks = entity.get("sitelinks")
    return len(sitelinks) if isinstance(sitelinks, dict) else 0


def prominence(sitelinks: int) -> float:
    return round(min(1.0, math.log10(sitelinks + 1) / 2.3), 4)


def entity_type(entity: dict[str, Any], classes: dict[str, str]) -> str | None:
    types = {classes[q] for q in statement_ids(entity, "P31") if q in classes}
    return next((t for t in TYPE_ORDER if t in types), None)


def _texts(mapping: Any, code: str) -> list[str]:
    value = (mapping or {}).get(code) if isinstance(mapping, dict) else None
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v["value"].strip() for v in value if isinstance(v, dict) and isinstance(v.get("value"), str)
            and v["value"].strip()]


def entity_names(entity: dict[str, Any], langs: Iterable[str]) -> list[dict[str, Any]]:
    """Labels as preferred names, aliases as aliases, in the chosen languages; a text only once
    in a language and in one language only (the first in NAME_LANG_ORDER keeps it)."""
    found: list[tuple[str, str, str]] = []  # (tag, kind, text)
    labels, aliases = entity.get("labels"), entity.get("aliases")
    for lang in langs:
        if lang != "zh":
            found += [(lang, "preferred", t) for t in _texts(labels, lang)]
            found += [(lang, "alias", t) for t in _texts(aliases, lang)]
            continue
        for code in LANG_TAGS["zh"][:-1]:
            found += [(ZH_TAGS[code], "preferred", t) for t in _texts(labels, code)]
            found += [(ZH_TAGS[code], "alias", t) for t in _texts(aliases, code)]
        if not any(tag == "zh-Hans" for tag, _, _ in found):
            found += [("zh-Hans", "preferred", t) for t in _texts(labels, "zh")]
            found += [("zh-Hans", "alias", t) for t in _texts(aliases, "zh")]
    order = {tag: i for i, tag in enumerate(NAME_LANG_ORDER)}
    found.sort(key=lambda f: (order.get(f[0], len(order)), f[1] != "preferred"))
    names: list[dict[str, Any]] = []
    owner: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for tag, kind, text in found:
        key = text.casefold()
        if owner.get(key, tag) != tag or (tag, key) in seen:
            continue
        if kind == "preferred" and any(n["lang"] == tag and n["kind"] == "preferred" for n in names):
            kind = "alias"  # zh-cn after zh-hans: one preferred name a language
        owner[key] = tag
        seen.add((tag, key))
        names.append({"text": text, "lang": tag, "kind": kind, "source": SOURCE})
    return names


def layer_entity(entity: dict[str, Any], etype: str, sitelinks: int, langs: Iterable[str],
                 ) -> dict[str, Any] | None:
    """The layer's line for a kept entity, `country` still a Wikidata id (resolved at the merge)."""
    qid = entity["id"]
    names = entity_names(entity, langs)
    english = next((n["text"] for n in names if n["lang"] == "en" and n["kind"] == "preferred"), None)
    if english is None:
        return None
    out: dict[str, Any] = {"id": f"wd-{qid.lower()}", "type": etype, "name": english, "names": names,
                           "prominence": prominence(sitelinks), "external_ids": {"wikidata": qid}}
    description = _texts(entity.get("descriptions"), "en")
    if description:
        out["description"] = description[0]
    iso = statement_ids(entity, "P297")
    if etype == "country" and iso:
        out["external_ids"]["iso3166"] = iso[0]
    geonames = statement_ids(entity, "P1566")
    if geonames:
        out["external_ids"]["geonames"] = geonames[0]
    country = statement_ids(entity, "P27" if etype == "person" else "P17")
    if country:
        out["country"] = country[0]
    return out


def keep(entity: dict[str, Any], options: Options, summary: Summary) -> dict[str, Any] | None:
    if entity.get("type") != "item" or not re.fullmatch(r"Q\d+", entity["id"]):
        summary.skipped["not an item (property, lexeme, redirect)"] += 1
        return None
    etype = entity_type(entity, options.classes)
    if etype is None:
        summary.skipped["not of a chosen class"] += 1
        return None
    sitelinks = sitelink_count(entity)
    office = etype == "person" and bool(statement_ids(entity, "P39"))
    if sitelinks < (min(options.min_sitelinks, options.min_sitelinks_office) if office
                    else options.min_sitelinks):
        summary.skipped["below the sitelink threshold"] += 1
        return None
    line = layer_entity(entity, etype, sitelinks, options.langs)
    if line is None:
        summary.skipped["no English label"] += 1
        return None
    summary.kept[etype] += 1
    return line


# -------------------------------------------------------------------------------------- writing

class SortedRuns:
    """(id, line) pairs kept in sorted runs on disk; `merged()` yields them in id order."""

    def __init__(self, directory: Path, run_lines: int = RUN_LINES) -> None:
        self.directory, self.run_lines = directory, run_lines
        self.buffer: list[tuple[str, str]] = []
        self.runs: list[Path] = []

    def add(self, ident: str, line: str) -> None:
        self.buffer.append((ident, line))
        if len(self.buffer) >= self.run_lines:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        path = self.directory / f"run-{len(self.runs):05d}.tsv"
        with path.open("w", encoding="utf-8") as f:
            f.writelines(f"{ident}\t{line}\n" for ident, line in self.buffer)
        self.runs.append(path)
        self.buffer = []

    def merged(self) -> Iterator[tuple[str, str]]:
        self.flush()
        with contextlib.ExitStack() as stack:
            files = [stack.enter_context(path.open(encoding="utf-8")) for path in self.runs]
            rows = (((ident, line.rstrip("\n")) for ident, _, line in (r.partition("\t") for r in f))
                    for f in files)
            yield from heapq.merge(*rows)


def curated_countries(gazetteer_dir: Path) -> dict[str, str]:
    """ISO 3166 alpha-2 -> the curated country's id (only the files that carry iso3166 are read)."""
    loaded = Loaded()
    for path in yaml_files(gazetteer_dir):
        text = path.read_text(encoding="utf-8")
        if "iso3166" in text:
            load_text(text, str(path), loaded)
    return {ids["iso3166"]: e.id for e in loaded.entities
            if e.type == "country" and "iso3166" in (ids := dict(e.external_ids))}


def source_text(dump: str, options: Options, summary: Summary) -> str:
    classes = " ".join(f"{q}={t}" for q, t in sorted(options.classes.items(), key=lambda c: int(c[0][1:])))
    return f"""Wikidata JSON dump: {Path(dump).name if dump != "-" else "standard input"}
address: https://dumps.wikimedia.org/wikidatawiki/entities/
licence: CC0 1.0 (see NOTICE)
rebuilt with: normalizer gazetteer import wikidata {dump} -o DIR --min-sitelinks {options.min_sitelinks} \
--min-sitelinks-office {options.min_sitelinks_office} --langs {",".join(options.langs)}
classes (P31 value=type): {classes}
prominence: min(1, log10(sitelinks + 1) / 2.3)
ids: wd-q<number>; external_ids.wikidata the Q id; country from P27 (people) or P17, mapped through the
country item's P297 to the curated country with that iso3166
summary: {summary.report()}
"""


def _progress_bar(size: int, enabled: bool | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=size or None, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                desc="wikidata", disable=None if enabled is None else not enabled, mininterval=1.0)


def import_dump(dump: str, out_dir: Path, gazetteer_dir: Path, options: Options | None = None) -> Summary:
    """Stream `dump` into the layer `out_dir` (entities.jsonl, SOURCE, NOTICE); the summary says
    what was read, kept, skipped and written. Bad lines are counted, never fatal."""
    options = options or Options()
    summary = Summary()
    started = time.monotonic()
    countries = curated_countries(gazetteer_dir)
    iso_of: dict[str, str] = {}  # Wikidata item -> P297, for the country mapping at the merge
    prefilter = class_filter(options.classes)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wikidata-", dir=out_dir) as tmp:
        runs = SortedRuns(Path(tmp))
        with open_dump(dump) as (stream, counting, size):
            bar = _progress_bar(size, options.progress)
            for entity in dump_entities(stream, summary, prefilter):
                iso = statement_ids(entity, "P297")
                if iso and isinstance(iso[0], str):
                    iso_of[entity["id"]] = iso[0]
                line = keep(entity, options, summary)
                if line is not None:
                    runs.add(line["id"], json.dumps(line, ensure_ascii=False, sort_keys=True))
                if summary.lines % 1000 == 0:
                    bar.update(counting.count - bar.n)
            bar.update(counting.count - bar.n)
            bar.close()
        target = out_dir / "entities.jsonl"
        with target.open("w", encoding="utf-8", newline="\n") as f:
            previous = None
            for ident, text in runs.merged():
                if ident == previous:
                    summary.skipped["the same id twice"] += 1
                    continue
                previous = ident
                f.write(_with_country(text, iso_of, countries) + "\n")
                summary.written += 1
    summary.seconds = time.monotonic() - started
    (out_dir / "SOURCE").write_text(source_text(dump, options, summary), encoding="utf-8")
    (out_dir / "NOTICE").write_text(NOTICE, encoding="utf-8")
    return summary


def _with_country(text: str, iso_of: dict[str, str], countries: dict[str, str]) -> str:
    entity = json.loads(text)
    qid = entity.pop("country", None)
    if qid is not None:
        country = countries.get(iso_of.get(qid, ""))
        if country:
            entity["country"] = country
    return json.dumps(entity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def parse_classes(items: Iterable[str]) -> dict[str, str]:
    """['Q5=person', 'Q515=place'] -> {'Q5': 'person', 'Q515': 'place'}; ValueError when malformed."""
    classes = {}
    for item in items:
        for part in item.split(","):
            qid, _, etype = part.strip().partition("=")
            if not re.fullmatch(r"Q\d+", qid) or etype not in TYPE_ORDER:
                raise ValueError(f"--classes: {part!r} is not QID=type (type one of {', '.join(TYPE_ORDER)})")
            classes[qid] = etype
    return classes


def parse_langs(text: str) -> tuple[str, ...]:
    langs = tuple(x.strip() for x in text.split(",") if x.strip())
    unknown = [x for x in langs if x not in LANG_TAGS]
    if unknown or not langs:
        raise ValueError(f"--langs: unknown language(s) {', '.join(unknown) or '(none)'}; "
                         f"choose from {', '.join(LANG_TAGS)}")
    return langs


__all__ = ["DEFAULT_CLASSES", "Options", "Summary", "import_dump", "parse_classes", "parse_langs"]
