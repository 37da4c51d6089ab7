"""Transliteration tier: a Hán-Việt query against entities' Chinese, Korean and pinyin names.

Three routes, from strong to weak evidence:

- native characters: the query's syllables are, one by one, Hán-Việt readings of the characters
  of an entity's Chinese name ("Quách Gia Côn" reads 郭嘉昆). Matches with confidence.
- Hangul: the query's Sino-Korean reading equals an entity's Korean name (윤석열). A reading, not
  characters, so a little weaker.
- pinyin homophone: a pinyin rendering of the query equals an entity's English name. Never
  decisive on its own when the entity has Chinese names that do not read like the query (the
  characters are the evidence: Vương Đình Huệ is not 王庭惠 just because both give "Wang").

The lookup tables are built from the index once, on first use, and kept with it
(gazetteer.derived); a patched index gets a patched copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING, Any

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.gazetteer.index import Patch
from normalizer.match.candidates import RawHit, Variant
from normalizer.match.pinyin_reach import pinyin_reachable
from normalizer.model import Name, Suggestion
from normalizer.text import compact_key, fold
from normalizer.translit import to_hangul, to_pinyin
from normalizer.translit.english import english_form
from normalizer.translit.hangul import MAX_SYLLABLES as MAX_HANGUL_SYLLABLES
from normalizer.translit.hangul import column as hangul_column
from normalizer.translit.hanzi import char_readings, is_han
from normalizer.translit.lattice import reading_keys as syllable_readings
from normalizer.translit.origin import name_goes_on
from normalizer.translit.syllables import folded_key, has_diacritics, split_syllables, toned_key

if TYPE_CHECKING:
    from normalizer.match.matcher import Matcher

METHOD = "translit"
# Similarities passed to scoring (base score = 0.88 x similarity; matched from 0.80).
NATIVE_SIMILARITY = 1.0  # every syllable is a usual reading of the entity's characters: 0.88
NATIVE_NO_DIACRITICS = 0.93  # letters agree, tones unknown: 0.82 (3+ syllables)
SHORT_NO_DIACRITICS = 0.89  # two syllables without tones say little: 0.78, a candidate only
HANGUL_SIMILARITY = (0.95, 0.87, 0.82)  # by rank of the Hangul reading: 0.84, 0.77, 0.72
PINYIN_ALONE = 0.93  # best pinyin of the query = English name of a Chinese entity without characters
PINYIN_WEAK = 0.85  # a lower-ranked pinyin, or input without diacritics: 0.75
PINYIN_CONFLICT = 0.7  # the entity's characters do not read like the query: 0.62
PINYIN_CONFIDENT = 0.5  # the pinyin's own score needed to count as the best reading
MAX_READINGS_PER_CHAR = 3
MAX_KEYS_PER_NAME = 32
PINYIN_LANGS = frozenset({"en", "zh-Latn-pinyin", "zh-Latn"})
HAN_SEPARATORS = frozenset(" ·・•‧")
NON_CHINESE_COUNTRIES = frozenset({"vietnam"})


@dataclass
class TranslitLookup:
    """Reading keys of the gazetteer's Chinese names, and its Korean names in Hangul."""

    native: dict[str, list[tuple[int, float]]] = field(default_factory=dict)  # toned key -> (name, quality)
    native_folded: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    hangul: dict[str, list[int]] = field(default_factory=dict)
    with_characters: set[str] = field(default_factory=set)  # entities that have a Chinese name
    _hangul_prefixes: frozenset[str] | None = None  # of the hangul keys, made on first use

    @property
    def hangul_prefixes(self) -> frozenset[str]:
        """Every prefix of every Hangul key (a few hundred names: a few thousand strings)."""
        if self._hangul_prefixes is None:
            self._hangul_prefixes = frozenset(key[:end] for key in self.hangul for end in range(len(key) + 1))
        return self._hangul_prefixes


def lookup_for(index: GazetteerIndex) -> TranslitLookup:
    return derived(index, TRANSLIT_LOOKUP)


def _chinese_chars(text: str, lang: str) -> list[str] | None:
    if not lang.startswith("zh") or "Latn" in lang:
        return None
    chars = [c for c in text if c not in HAN_SEPARATORS]
    return chars if chars and all(is_han(c) for c in chars) else None


def reading_keys(chars: list[str]) -> list[tuple[str, float]]:
    """Toned Hán-Việt keys a Chinese name can be read as, with a quality (1.0: usual readings)."""
    columns = []
    for char in chars:
        readings = char_readings(char)[:MAX_READINGS_PER_CHAR]
        if not readings:
            return []
        top = readings[0][2]
        columns.append([(key, min(1.0, 0.9 + 0.1 * p / top)) for key, _, p in readings])
    out = []
    for combo in product(*columns):
        quality = 1.0
        for _, q in combo:
            quality *= q
        out.append((" ".join(key for key, _ in combo), quality))
        if len(out) >= MAX_KEYS_PER_NAME:
            break
    return out


def _reading_entries(name: Name) -> Iterator[tuple[str, str, float]]:
    """(table, key, quality) of each entry a name makes in a TranslitLookup."""
    chars = _chinese_chars(name.text, name.lang)
    if chars:
        for key, quality in reading_keys(chars):
            yield "native", key, quality
            yield "native_folded", fold(" ".join(k[:-1] for k in key.split())) or "", quality
    elif name.lang.startswith("ko"):
        yield "hangul", name.text.replace(" ", ""), 1.0


def build_lookup(index: GazetteerIndex) -> TranslitLookup:
    lookup = TranslitLookup()
    for name_id, name in index.live_names():
        _add_entries(lookup, name_id, name, index.name_owner[name_id])
    return lookup


def _add_entries(lookup: TranslitLookup, name_id: int, name: Name, owner: str, copying: bool = False) -> None:
    """A name's entries; `copying` for a patched lookup, whose lists the old one shares."""
    for table, key, quality in _reading_entries(name):
        entries: dict[str, list[Any]] = getattr(lookup, table)
        entry = name_id if table == "hangul" else (name_id, quality)
        if table == "native":
            lookup.with_characters.add(owner)
        if copying:
            entries[key] = [*entries.get(key, ()), entry]
        else:
            entries.setdefault(key, []).append(entry)


def patch_lookup(old: TranslitLookup, patch: Patch) -> TranslitLookup:
    """The lookup of a patched index: the old one's tables copied, the dead names' entries taken
    out and the new names' put in (their lists copied, not changed: the old lookup stays valid)."""
    index = patch.index
    lookup = TranslitLookup(dict(old.native), dict(old.native_folded), dict(old.hangul),
                            old.with_characters - patch.touched)
    dead = set(patch.dead_names)
    for name_id in patch.dead_names:
        for table, key, _ in _reading_entries(index.name_of[name_id]):
            entries = getattr(lookup, table)
            kept = [e for e in entries.get(key, ()) if (e if table == "hangul" else e[0]) not in dead]
            if kept:
                entries[key] = kept
            else:
                entries.pop(key, None)
    for name_id in range(patch.first_new_name, index.name_count):
        _add_entries(lookup, name_id, index.name_of[name_id], index.name_owner[name_id], copying=True)
    return lookup


TRANSLIT_LOOKUP: Kind[TranslitLookup] = Kind("translit-lookup", build_lookup, patch_lookup)


def translit_tier(matcher: Matcher, variant: Variant) -> list[RawHit]:
    """Hits of a Hán-Việt query on Chinese characters, Hangul and pinyin names (method "translit")."""
    if variant.role == "full":
        return []
    syllables = split_syllables(variant.text)
    if not 2 <= len(syllables) <= 6 or not all(s.isalpha() for s in syllables):
        return []
    if not all(syllable_readings(s, False) for s in syllables):
        return []  # a syllable no Chinese character reads as ("Kishdia"): no route can match
    lookup = lookup_for(matcher.index)
    native = native_hits(matcher, lookup, variant, syllables)
    return native + hangul_hits(matcher, lookup, variant) + pinyin_hits(matcher, lookup, variant, native)


def native_hits(matcher: Matcher, lookup: TranslitLookup, variant: Variant,
                syllables: list[str]) -> list[RawHit]:
    if any(has_diacritics(s) for s in syllables):
        found = lookup.native.get(" ".join(toned_key(s) for s in syllables), [])
        base = NATIVE_SIMILARITY
    else:
        found = lookup.native_folded.get(" ".join(folded_key(s) for s in syllables), [])
        base = NATIVE_NO_DIACRITICS if len(syllables) > 2 else SHORT_NO_DIACRITICS
    out = []
    for name_id, quality in found:
        hit = matcher.index.hit(name_id)
        detail = f"Hán-Việt reading of {hit.name.text}"
        out.append(RawHit(hit, variant, METHOD, base * quality, detail))
    return out


def hangul_hits(matcher: Matcher, lookup: TranslitLookup, variant: Variant) -> list[RawHit]:
    if not lookup.hangul or not hangul_reachable(lookup, variant.text):
        return []
    out = []
    readings = to_hangul(variant.text, limit=len(HANGUL_SIMILARITY))
    plain = not any(has_diacritics(s) for s in split_syllables(variant.text))
    for rank, reading in enumerate(readings):
        for name_id in lookup.hangul.get(reading.text, ()):
            similarity = HANGUL_SIMILARITY[rank] * (0.95 if plain else 1.0)
            detail = f"Sino-Korean reading {reading.text}"
            out.append(RawHit(matcher.index.hit(name_id), variant, METHOD, similarity, detail))
    return out


HANGUL_ROLES = ("surname", "given", "place")


def hangul_reachable(lookup: TranslitLookup, text: str) -> bool:
    """Whether some Hangul reading of `text` may be a key of lookup.hangul: False only when no
    reading to_hangul can make is one, so that the tier need not rank them (most queries: the
    ranking costs ~0.3 ms, this a few dict look-ups once the syllables' forms are cached).

    A reading is one option of each syllable's column, joined; here each syllable stands for the
    union of its columns in every role and position, a superset of what to_hangul uses."""
    syllables = split_syllables(text)
    if not syllables or len(syllables) > MAX_HANGUL_SYLLABLES:
        return False  # to_hangul reads nothing
    exact = any(has_diacritics(s) for s in syllables)
    prefixes = lookup.hangul_prefixes
    reached = {""}
    for syllable in syllables:
        forms = hangul_forms(syllable, exact)
        reached = {head + form for head in reached for form in forms if head + form in prefixes}
        if not reached:
            return False
    return any(reading in lookup.hangul for reading in reached)


@lru_cache(maxsize=1 << 14)
def hangul_forms(syllable: str, exact: bool) -> frozenset[str]:
    """Every Hangul option of this syllable's columns, in any role, word-initial or not."""
    return frozenset(option.text for role in HANGUL_ROLES for initial in (True, False)
                     for option in hangul_column(syllable, role, exact, initial))


def pinyin_hits(matcher: Matcher, lookup: TranslitLookup, variant: Variant,
                native: list[RawHit]) -> list[RawHit]:
    index = matcher.index
    syllables = split_syllables(variant.text)
    exact = any(has_diacritics(s) for s in syllables)
    if not pinyin_reachable(index, syllables, exact):
        return []  # no rendering can name anything: skip ranking them
    matched_natively = {h.hit.entity.id for h in native}
    out = []
    for rank, rendering in enumerate(to_pinyin(variant.text)):
        keys = {fold(rendering.text), compact_key(rendering.text)}
        hits = [h for table in ("folded", "compact") for key in keys if key for h in index.lookup(table, key)]
        for hit in hits:
            entity = hit.entity
            if (hit.name.lang not in PINYIN_LANGS or entity.id in matched_natively
                    or entity.country in NON_CHINESE_COUNTRIES or entity.id in NON_CHINESE_COUNTRIES):
                continue
            if entity.id in lookup.with_characters:
                similarity = PINYIN_CONFLICT
            elif rank == 0 and exact and rendering.score >= PINYIN_CONFIDENT:
                similarity = PINYIN_ALONE
            else:
                similarity = PINYIN_WEAK
            detail = f"pinyin {rendering.text!r} of the Hán-Việt reading"
            out.append(RawHit(hit, variant, METHOD, similarity, detail))
    return out


def translit_suggest(name: str, context: str | None = None) -> Suggestion | None:
    """For an unmatched person's name: its English form by the name's likely origin
    (normalizer.translit.english): unaccented Vietnamese, pinyin, Korean or Japanese order.
    A context the matcher peeled off that is the name's first part ("Ueda" of "Ueda Kenji",
    "Đào" of "Đào Phương Huyền": places too) is put back."""
    if context and name_goes_on(context, name):
        name = f"{context} {name}"
    form = english_form(name)
    if form is None:
        return None
    return Suggestion(form.text, form.method, form.alternatives, form.origin, form.confidence)
