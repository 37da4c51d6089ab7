"""Shared helpers for the scripts that write generated layers (gazetteer/layers/<source>/).

A layer is `entities.jsonl` (one entity a line, JSON with sorted keys, UTF-8 as written, lines
sorted by id), `SOURCE` and `NOTICE`; see "Layers: generated from open data" in
gazetteer/README.md. This module knows the format and nothing of any one source:

    names = NameList(source="wof")
    names.add("Osaka", "en", "preferred")
    names.add("大阪市", "ja", "native")
    entity = make_entity("wof-85675159", "place", "Osaka", names.names, country="japan",
                         prominence=population_prominence(2_750_000))
    write_layer(LAYER_DIR, [entity, ...], source_text, notice_text)
"""

from __future__ import annotations

import itertools
import json
import math
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the repository
sys.path.insert(0, str(ROOT))  # for `normalizer`, when run as a script
from normalizer.text import exact_key  # noqa: E402

LAYERS = ROOT / "gazetteer" / "layers"
COUNTRIES = ROOT / "gazetteer" / "entities" / "geography" / "countries.yaml"

# Prominence of a place whose population is unknown, by kind (gazetteer/README.md).
KIND_PROMINENCE = {
    "country": 0.9,
    "region": 0.6,
    "province": 0.6,
    "county": 0.45,
    "district": 0.45,
    "city": 0.4,
    "town": 0.3,
    "village": 0.2,
    "ward": 0.2,
    "commune": 0.2,
}
LANG_ORDER = ("en", "vi", "zh-Hans", "zh-Hant", "ja", "ko")
KIND_ORDER = ("preferred", "native", "alias", "abbreviation", "historic", "misspelling")
ENTITY_FIELDS = ("id", "type", "name", "description", "country", "prominence", "external_ids", "roles",
                 "names")


def population_prominence(population: float | None) -> float | None:
    """`min(1, log10(population + 1) / 8)`, three decimals; None when the population is unknown (or 0)."""
    if not population or population <= 0:
        return None
    return round(min(1.0, math.log10(population + 1) / 8), 3)


def prominence(population: float | None, kind: str) -> float:
    """By population where known, else by kind (KIND_PROMINENCE)."""
    by_population = population_prominence(population)
    return by_population if by_population is not None else KIND_PROMINENCE[kind]


# Codes in common use that ISO 3166-1 does not assign, so countries.yaml gives them no iso3166.
USER_ASSIGNED = {"XK": "kosovo"}


def country_ids(path: Path = COUNTRIES) -> dict[str, str]:
    """ISO 3166-1 alpha-2 (and XK) -> id of the curated country entity (countries.yaml)."""
    entities = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = {
        str(e["external_ids"]["iso3166"]): e["id"]
        for e in entities
        if e.get("type") == "country" and "iso3166" in (e.get("external_ids") or {})
    }
    known = {e["id"] for e in entities}
    ids.update({code: ident for code, ident in USER_ASSIGNED.items() if ident in known and code not in ids})
    return ids


def _same_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").strip()


class NameList:
    """The names of one entity while it is built: NFC, stripped, no empty or letterless text, no
    match key twice in one language, no text under two languages (the first language keeps it),
    no text without a letter ("Phường 1" has a name, "1" is none).
    Returns whether the name was added."""

    def __init__(self, source: str):
        self.source = source
        self.names: list[dict] = []
        self._keys: set[tuple[str, str]] = set()
        self._texts: dict[str, str] = {}

    def add(self, text: str | None, lang: str, kind: str, generated: bool = False) -> bool:
        if not text:
            return False
        text = " ".join(unicodedata.normalize("NFC", text).split())
        key = exact_key(text) if text else None
        if not key or (key, lang) in self._keys or not any(c.isalpha() for c in text):
            return False
        same = _same_text(text)
        if self._texts.get(same, lang) != lang:
            return False
        self._keys.add((key, lang))
        self._texts[same] = lang
        name = {"text": text, "lang": lang, "kind": kind, "source": self.source}
        if generated:
            name["generated"] = True
        self.names.append(name)
        return True

    def has(self, lang: str) -> bool:
        return any(n["lang"] == lang for n in self.names)


def sort_names(names: list[dict]) -> list[dict]:
    """By language (LANG_ORDER, then others by tag), then kind; insertion order otherwise."""

    def rank(pair: tuple[int, dict]) -> tuple:
        i, n = pair
        lang = n["lang"]
        lang_rank = LANG_ORDER.index(lang) if lang in LANG_ORDER else len(LANG_ORDER)
        return lang_rank, lang if lang_rank == len(LANG_ORDER) else "", KIND_ORDER.index(n["kind"]), i

    return [n for _, n in sorted(enumerate(names), key=rank)]


def make_entity(ident: str, etype: str, name: str, names: list[dict], *, description: str | None = None,
                country: str | None = None, prominence: float | None = None,
                external_ids: dict | None = None) -> dict:
    """An entity mapping in the gazetteer's format; empty fields are left out."""
    entity = {
        "id": ident, "type": etype, "name": name, "description": description, "country": country,
        "prominence": prominence, "external_ids": {k: str(v) for k, v in (external_ids or {}).items() if v},
        "names": sort_names(names),
    }
    return {k: v for k, v in entity.items() if v not in (None, "", {}, [])}


def entity_line(entity: dict) -> str:
    return json.dumps(entity, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_layer(layer_dir: Path, entities: list[dict], source_text: str, notice_text: str) -> dict:
    """Write entities.jsonl (sorted by id; ids must be unique), SOURCE and NOTICE; returns counts."""
    layer_dir.mkdir(parents=True, exist_ok=True)
    ordered = sorted(entities, key=lambda e: e["id"])
    for a, b in itertools.pairwise(ordered):
        if a["id"] == b["id"]:
            raise SystemExit(f"duplicate id {a['id']}")
    with (layer_dir / "entities.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for entity in ordered:
            out.write(entity_line(entity) + "\n")
    (layer_dir / "SOURCE").write_text(source_text.rstrip("\n") + "\n", encoding="utf-8")
    (layer_dir / "NOTICE").write_text(notice_text.rstrip("\n") + "\n", encoding="utf-8")
    return {
        "entities": len(ordered),
        "names": sum(len(e["names"]) for e in ordered),
        "bytes": (layer_dir / "entities.jsonl").stat().st_size,
    }


def read_layer(layer_dir: Path) -> list[dict]:
    """The entities of a written layer (for scripts that look at another layer)."""
    path = layer_dir / "entities.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]
