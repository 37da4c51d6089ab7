"""Phonetic tier: a Vietnamese phonetic transcription against the gazetteer's Latin names.

"Sin-dô A-bê" is Shinzo Abe, "Adít Đôvan" Ajit Doval, "Chan Chun Xinh" Chan Chun Sing: both
sides are brought to how they sound (normalizer.translit.sound) and compared, so that an entity
resolves from its transcription without the transcription as an alias. Only queries that look
transcribed reach the tier (hyphenated or non-Vietnamese syllables, or Vietnamese spellings such
as "Xinh" in a name that is not a Vietnamese person's), so Vietnamese names and plain words never
do; and only names that running text may name (curated entities, well-known layer entities).

The lookup (block key -> names and their sounds) is built from the index on first use and kept
with it (gazetteer.derived); a patched index gets a patched copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.gazetteer.index import Patch
from normalizer.gazetteer.layers import in_running_text
from normalizer.match.candidates import RawHit, Variant
from normalizer.model import Entity, Name
from normalizer.translit.origin import classify
from normalizer.translit.sound import block_key, latin_sound, similarities, vietnamese_sound

if TYPE_CHECKING:
    from normalizer.match.matcher import Matcher

METHOD = "phonetic"
FLOOR = 0.72  # below this the sounds are too far apart to list the name as a candidate
# Measured on 70 transcriptions against the full gazetteer: the right name sounds 0.71-1.0
# alike, the best wrong one at most 0.79. The tier's similarity 1 - (1 - close) x SPREAD makes a
# name that sounds 0.8 alike or more matched (0.9 x 0.889 = 0.80, scoring.METHOD_BASE), one below
# a candidate, and keeps the order of closeness.
SPREAD = 5 / 9
MAX_WORDS = 4
MIN_SOUND = 4  # letters of sound a name needs: shorter ones sound like too much
SURE_VIETNAMESE = 0.75  # a Vietnamese person's name this surely is not a transcription
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")
# Spellings only Vietnamese uses for sounds Latin names write otherwise ("Xinh" for Sing).
_VIETNAMESE_SPELLING = re.compile(r"^(x|nh|ph|kh|ngh|gi)|nh$|ch$", re.IGNORECASE)
Entry = tuple[int, tuple[str, ...]]  # name number, the name's word sounds


@dataclass
class PhoneticLookup:
    buckets: dict[str, list[Entry]] = field(default_factory=dict)


def lookup_for(index: GazetteerIndex) -> PhoneticLookup:
    return derived(index, PHONETIC_LOOKUP)


def name_sounds(entity: Entity, name: Name) -> tuple[str, ...] | None:
    """The sounds of a Latin name running text may name the entity by, or None."""
    if name.lang == "vi" or not _LATIN.match(name.text) or not in_running_text(entity, name):
        return None
    words = name.text.split()  # "Chan-o-cha" is one word, as a transcription writes it
    if not 1 <= len(words) <= MAX_WORDS:
        return None
    sounds = tuple(latin_sound(w) for w in words)
    return sounds if all(sounds) and len("".join(sounds)) >= MIN_SOUND else None


def _add(lookup: PhoneticLookup, name_id: int, entity: Entity, name: Name, copying: bool = False) -> None:
    sounds = name_sounds(entity, name)
    if sounds is None:
        return
    key = block_key(list(sounds))
    if copying:
        lookup.buckets[key] = [*lookup.buckets.get(key, ()), (name_id, sounds)]
    else:
        lookup.buckets.setdefault(key, []).append((name_id, sounds))


def build_lookup(index: GazetteerIndex) -> PhoneticLookup:
    lookup = PhoneticLookup()
    for name_id, name in index.live_names():
        _add(lookup, name_id, index.entities[index.name_owner[name_id]], name)
    return lookup


def patch_lookup(old: PhoneticLookup, patch: Patch) -> PhoneticLookup:
    """The lookup of a patched index: dead names out, new names in (lists copied, not changed)."""
    index = patch.index
    lookup = PhoneticLookup(dict(old.buckets))
    dead = set(patch.dead_names)
    for key in {_filed_under(index.name_of[n]) for n in dead}:
        kept = [e for e in lookup.buckets.get(key, ()) if e[0] not in dead]
        if kept:
            lookup.buckets[key] = kept
        else:
            lookup.buckets.pop(key, None)
    for name_id in range(patch.first_new_name, index.name_count):
        _add(lookup, name_id, index.entities[index.name_owner[name_id]], index.name_of[name_id], copying=True)
    return lookup


def _filed_under(name: Name) -> str:
    """The block key a name is filed under, if it is filed at all."""
    return block_key([latin_sound(w) for w in name.text.split()])


PHONETIC_LOOKUP: Kind[PhoneticLookup] = Kind("phonetic-lookup", build_lookup, patch_lookup)


def looks_transcribed(text: str) -> bool:
    """Whether a query may be a phonetic transcription (see the module docstring)."""
    origin = classify(text)
    if origin.origin == "transcription":
        return True
    if origin.origin == "vietnamese" and origin.confidence >= SURE_VIETNAMESE:
        return False
    return origin.origin in ("vietnamese", "other") and any(
        _VIETNAMESE_SPELLING.search(w) for w in text.split())


def phonetic_tier(matcher: Matcher, variant: Variant) -> list[RawHit]:
    """Hits of a transcribed query on Latin names that sound alike (method "phonetic"). The query
    as written counts too: a leading syllable may have been read as a place ("Chan", "Bin")."""
    words = variant.text.split()
    if not 1 <= len(words) <= MAX_WORDS:
        return []
    if len(words) == 1 and variant.text.count("-") < 2:  # "Linh", "Khasod": a word, not a name spelled out
        return []
    if not looks_transcribed(variant.text):  # after the cheap tests: it costs ~50 µs
        return []
    sounds = [vietnamese_sound(w) for w in words]
    if not all(sounds) or len("".join(sounds)) < MIN_SOUND:
        return []
    out = []
    bucket = lookup_for(matcher.index).buckets.get(block_key(sounds), ())
    for (name_id, name), close in zip(bucket, similarities(sounds, [n for _, n in bucket]), strict=True):
        if close >= FLOOR:
            detail = f"sounds like it: {' '.join(sounds)} ~ {' '.join(name)}, {close:.2f}"
            out.append(RawHit(matcher.index.hit(name_id), variant, METHOD, 1 - (1 - close) * SPREAD, detail))
    return out
