"""Whether a Hán-Việt query's pinyin can name anything in the index, before ranking its pinyin.

The transliteration tier's pinyin route ranks the query's pinyin renderings (a lattice and a beam
search, ~0.3 ms) and looks each up as a folded or compact key. Most queries of a messy column are
Vietnamese names whose pinyin names nothing, so this asks first, at the cost of a few look-ups:
is some sequence of the syllables' pinyin options, joined, the letters of some folded key?

Letters ("signature"): a key's letters and digits, with y read as i (the compact key and i/y
unification change nothing else), so a rendering and every key it can equal share one. A rendering
is one option per syllable (or one compound surname for the first two), formatted with spaces,
apostrophes and capitals that the signature drops; here each syllable stands for the union of its
columns in every role, a superset of what to_pinyin combines. So a False is certain: no
rendering to_pinyin can make looks up anything. Keys are kept as sorted signatures (prefix tests
by bisection); a patched index adds its new keys' and keeps the dead ones' (still a superset).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.gazetteer.index import Patch
from normalizer.text import fold
from normalizer.translit.pinyin import Column, surname_column, syllable_column

_NOT_LETTER = re.compile(r"[\W_]+")
ROLES = ("given", "place")


def signature(key: str) -> str:
    """The letters of a folded key, y read as i."""
    return _NOT_LETTER.sub("", key).replace("y", "i")


MAX_MEMO = 1 << 18  # prefix answers kept per index: names share their syllables' pinyin


class Signatures:
    """The sorted signatures of an index's folded keys, with a memo of prefix tests (the same
    heads, "ruan", "ruanwen", recur in query after query)."""

    def __init__(self, sorted_signatures: list[str]):
        self.known = sorted_signatures
        self._begins: dict[str, bool] = {}

    def begins_some(self, head: str) -> bool:
        found = self._begins.get(head)
        if found is None:
            at = bisect_left(self.known, head)
            found = at < len(self.known) and self.known[at].startswith(head)
            if len(self._begins) < MAX_MEMO:
                self._begins[head] = found
        return found

    def is_one(self, head: str) -> bool:
        at = bisect_left(self.known, head)
        return at < len(self.known) and self.known[at] == head


def build_signatures(index: GazetteerIndex) -> Signatures:
    return Signatures(sorted({signature(key) for key in index.tables["folded"]}))


def patch_signatures(old: Signatures, patch: Patch) -> Signatures:
    new = {signature(key) for key in patch.new_keys.get("folded", ())}
    return Signatures(sorted(new.union(old.known))) if new else old


PINYIN_SIGNATURES: Kind[Signatures] = Kind("pinyin-signatures", build_signatures, patch_signatures)


def pinyin_reachable(index: GazetteerIndex, syllables: list[str], exact: bool) -> bool:
    """False when no pinyin rendering of these syllables (to_pinyin's, with `exact` as it sets
    it: whether any syllable has diacritics) can be a folded or compact key of the index."""
    known = derived(index, PINYIN_SIGNATURES)
    count = len(syllables)
    # reached[i]: the signatures of renderings of the first i syllables that begin some key.
    reached: list[set[str]] = [set() for _ in range(count + 1)]
    reached[1] = _grown(known, {""}, first_forms(syllables[0], exact))
    if count > 1:  # a compound surname ("Âu Dương": ouyang) reads the first two at once
        reached[2] = _grown(known, {""}, compound_forms(syllables[0], syllables[1], exact))
    for at in range(1, count):
        reached[at + 1] |= _grown(known, reached[at], later_forms(syllables[at], exact))
    return any(map(known.is_one, reached[count]))


def _grown(known: Signatures, heads: set[str], forms: frozenset[str]) -> set[str]:
    return {head + form for head in heads for form in forms if known.begins_some(head + form)}


def _signatures(column: Column) -> set[str]:
    return {signature(fold(option.text) or "") for option in column[0]}


@lru_cache(maxsize=1 << 14)
def later_forms(syllable: str, exact: bool) -> frozenset[str]:
    """The signatures of a syllable's pinyin options after the first: in a given name or a place."""
    return frozenset(form for role in ROLES for form in _signatures(syllable_column(syllable, role, exact)))


@lru_cache(maxsize=1 << 14)
def first_forms(syllable: str, exact: bool) -> frozenset[str]:
    """... of the first syllable: a surname as well."""
    return later_forms(syllable, exact) | _signatures(surname_column([syllable], exact)[0])


@lru_cache(maxsize=1 << 14)
def compound_forms(first: str, second: str, exact: bool) -> frozenset[str]:
    """... of the first two syllables read as one compound surname."""
    return frozenset(_signatures(surname_column([first, second], exact)[0]))
