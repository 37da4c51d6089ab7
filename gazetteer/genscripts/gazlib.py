"""Shared helpers for the gazetteer generation scripts: name keys, merging, YAML output.

The output style is the canonical one of gazetteer/README.md: block entities, one flow
mapping per name, fields in the documented order.
"""

import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, for `normalizer`
from normalizer.gazetteer.files import Loaded, load_text
from normalizer.gazetteer.fmt import format_entities
from normalizer.text import compact_key, exact_key  # noqa: F401

LANG_ORDER = ["en", "vi", "zh-Hans", "zh-Hant", "ja", "ko"]
KIND_ORDER = ["preferred", "native", "alias", "abbreviation", "historic", "misspelling"]
ENTITY_FIELDS = ["id", "type", "name", "description", "country", "prominence", "external_ids", "roles", "names"]
NAME_FIELDS = ["text", "lang", "kind", "family", "used_by", "ambiguous", "generated", "source"]
STRONG_KINDS = {"preferred", "alias", "native", "historic"}
_DASHES = re.compile(r"[\-‐‑‒–—―]")
_SPACES = re.compile(r"\s+")


def name_key(text):
    """Loose comparison key: the service's compact key (folded, no spaces), else a fallback.

    Deliberately looser than the service's keys, so that a name we keep never collides
    with another one under a stricter key.
    """
    key = compact_key(text)
    if key is not None:
        return key
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = _DASHES.sub(" ", text)
    return _SPACES.sub("", text)


def same_text_key(text):
    """Key for "the same text": NFC and case only (Hồng Kông and Hong Kong differ)."""
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").strip()


def lang_rank(lang):
    return LANG_ORDER.index(lang) if lang in LANG_ORDER else len(LANG_ORDER)


def sort_names(names):
    """Stable order: by language, then kind; insertion order within a (language, kind)."""
    indexed = list(enumerate(names))
    indexed.sort(
        key=lambda p: (
            lang_rank(p[1]["lang"]),
            p[1]["lang"] if lang_rank(p[1]["lang"]) == len(LANG_ORDER) else "",
            KIND_ORDER.index(p[1]["kind"]),
            p[0],
        )
    )
    return [n for _, n in indexed]


def _scalar(value):
    """A YAML scalar that reads back as the same string (plain when safe, else single-quoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # a number stays a number (prominence)
    value = str(value)
    if value.isdigit():
        return "'" + value + "'"
    if value and value.strip() == value and "\n" not in value:
        try:
            if yaml.safe_load("{k: " + value + "}") == {"k": value} and yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return "'" + value.replace("'", "''") + "'"


def _flow(mapping, fields):
    parts = []
    for f in fields:
        if f not in mapping or mapping[f] is None:
            continue
        v = mapping[f]
        if isinstance(v, list):
            parts.append(f"{f}: [" + ", ".join(_scalar(x) for x in v) + "]")
        else:
            parts.append(f"{f}: {_scalar(v)}")
    return "{" + ", ".join(parts) + "}"


def dump_entities(entities):
    out = []
    for e in entities:
        first = True
        for f in ENTITY_FIELDS:
            if f not in e or e[f] in (None, [], {}):
                continue
            lead = "- " if first else "  "
            first = False
            v = e[f]
            if f == "external_ids":
                out.append(f"{lead}{f}:")
                for k in sorted(v):
                    out.append(f"    {k}: {_scalar(v[k])}")
            elif f == "roles":
                out.append(f"{lead}{f}:")
                for r in v:
                    out.append("  - " + _flow(r, ["title", "office", "of", "start", "end", "acting"]))
            elif f == "names":
                out.append(f"{lead}{f}:")
                for n in v:
                    out.append("  - " + _flow(n, NAME_FIELDS))
            else:
                out.append(f"{lead}{f}: {_scalar(v)}")
    text = "\n".join(out) + "\n"
    loaded = Loaded()
    load_text(text, "generated", loaded)
    if loaded.problems:
        raise SystemExit("\n".join(f"{p.file}:{p.line}: {p.message}" for p in loaded.problems))
    return format_entities(loaded.entities)  # the service's canonical form


class NameSet:
    """The names of one entity while it is being built: no key twice in a language,
    no text in two languages (the first language to claim a text keeps it)."""

    def __init__(self, warn):
        self.names = []
        self.warn = warn

    def find(self, text, lang):
        k = name_key(text)
        for n in self.names:
            if n["lang"] == lang and name_key(n["text"]) == k:
                return n
        return None

    def text_taken(self, text, lang):
        k = same_text_key(text)
        return any(n["lang"] != lang and same_text_key(n["text"]) == k for n in self.names)

    def add(self, name, override=False):
        name = {k: v for k, v in name.items() if v is not None}
        name["text"] = unicodedata.normalize("NFC", name["text"].strip())
        if not name["text"]:
            return None
        same = self.find(name["text"], name["lang"])
        if same is not None:
            if override and same_text_key(same["text"]) != same_text_key(name["text"]) \
                    and same.get("source") == "cldr" and same.get("kind") == "preferred":
                # "Căm-pu-chia" once replaced CLDR's "Campuchia", the spelling the press uses
                # (a change of case, as "châu Phi" for running text, is a curator's style)
                self.warn(f"restyles the CLDR preferred name {same['text']!r} as {name['text']!r}")
            if override:
                # a curated entry restyles a generated name; the generated source stays
                # when the text is exactly the same, since that is where the form comes from
                source = same["source"] if same["text"] == name["text"] else name["source"]
                same.update(name)
                same["source"] = source
            return same
        if self.text_taken(name["text"], name["lang"]):
            if override:
                self.warn(
                    f"skipped {name['text']!r} ({name['lang']}): same text already under another language"
                )
            return None
        self.names.append(name)
        return name

    def demote_preferred(self, lang, keep):
        for n in self.names:
            if n is not keep and n["lang"] == lang and n["kind"] == "preferred":
                n["kind"] = "alias"

    def drop(self, text, lang=None):
        """Drop the names written exactly `text` (case aside). Not by the loose key: dropping the
        garbled "Le-ba-non" or the unaccented "Ao" also dropped "Lebanon" and "Áo" that way."""
        k = same_text_key(text)
        before = len(self.names)
        self.names = [
            n for n in self.names
            if not (same_text_key(n["text"]) == k and (lang is None or n["lang"] == lang))
        ]
        return before - len(self.names)
