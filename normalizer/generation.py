"""One generation of a service's gazetteer: an immutable index, its matcher, and the caches that
answers from them fill. The service swaps a whole generation in one assignment, so a request that
took one answers from it alone, and nothing of an old generation outlives its last reader.

An editor's write becomes a new generation by `patched` (the index's tables copied and the changed
entities swapped in, the derived structures patched: milliseconds), not by a rebuild from the
database (seconds at the full size, in every worker).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import lru_cache

from normalizer.extract import extract
from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import carry_over, derived
from normalizer.match import Matcher, name_words
from normalizer.match.phonetic import phonetic_tier
from normalizer.match.references import INSTITUTION_INDEX
from normalizer.match.translit_tier import translit_suggest, translit_tier
from normalizer.match.typos import NAME_WORDS
from normalizer.model import Entity, Resolution
from normalizer.store import LiveDelta

Resolve = Callable[..., Resolution]  # (query, type, limit[, when, where]): Matcher.resolve
# Made-up names: a Korean-looking and a Chinese-looking one reach the transliteration tier and
# its suggestions, which load every table; a made-up transcription builds the phonetic lookup.
WARM_UP_TEXT = "Ông Phác Thành Hạo gặp ông Vương Văn Khiêm và ông Xi-mơ Cu-tơ-rơ tại Hà Nội."
WARM_UP_NAMES = ("Phác Thành Hạo", "Vương Văn Khiêm", "Xi-mơ Cu-tơ-rơ")


class Generation:
    """An index at one gazetteer revision, the matcher over it and a cache of its answers."""

    def __init__(self, index: GazetteerIndex, revision: int = 0, cache_size: int = 65536):
        self.index = index
        self.revision = revision
        self.matcher = Matcher(index, tiers=[translit_tier, phonetic_tier], suggester=translit_suggest)
        self.resolve: Resolve = lru_cache(maxsize=cache_size)(self.matcher.resolve)
        self._catalog: list[tuple[Entity, str]] | None = None

    @classmethod
    def build(cls, entities: Iterable[Entity], redirects: dict[str, str] | None = None, revision: int = 0,
              cache_size: int = 65536) -> Generation:
        return cls(GazetteerIndex(entities, redirects), revision, cache_size)

    def patched(self, delta: LiveDelta, cache_size: int = 65536) -> Generation:
        """The next generation: this one with the delta's entities put in and taken out."""
        patch = self.index.patched(delta.upserts, delta.removed, delta.redirects)
        carry_over(self.index, patch)
        return Generation(patch.index, delta.revision, cache_size)

    def warm(self, bulk: bool = True) -> None:
        """Build now what the first queries would (the transliteration tables and lookup, the
        extraction automaton and, with `bulk`, the table of `named_exactly`), then freeze it all
        out of the cyclic collector's reach: the index is millions of long-lived objects without
        cycles, which no collection needs to walk (measured: +20 % extraction throughput).

        A patched generation (bulk False: its table of `named_exactly` is left for a bulk job to
        build) is collected first: what was made since the last freeze is little beside what is
        frozen, and a garbage cycle of the moment must not be frozen for good."""
        extract(WARM_UP_TEXT, self.index, lambda q, *scope: self.resolve(q, None, 5, *scope))
        derived(self.index, NAME_WORDS)  # the fuzzy tier's word lists, whether the text met a typo or not
        derived(self.index, INSTITUTION_INDEX)  # else the first "Quốc hội" query waits 0.2-0.5 s for it
        name_words.warm()
        if bulk:
            self.matcher.sure_names  # noqa: B018  (built here, not in a bulk job's first lookup)
        else:
            gc.collect()
        gc.freeze()

    def warm_for_fork(self) -> None:
        """Build what a bulk job's first values would (the table of `named_exactly`, the
        transliteration tables and lookup), then freeze it all out of the cyclic collector's
        reach: for a process about to fork bulk workers. Without it each worker built its own
        tables, and its first collection touched every object of the index, copying the pages it
        shared with its parent (measured: --workers 2 ran at 0.4x one process on messy values)."""
        self.matcher.sure_names  # noqa: B018
        derived(self.index, INSTITUTION_INDEX)
        name_words.warm()
        for name in WARM_UP_NAMES:
            self.matcher.resolve(name, None, 3)
        gc.freeze()

    def catalog(self) -> list[tuple[Entity, str]]:
        """Entities by id with their folded name keys joined (for substring search), built on first use."""
        if self._catalog is None:
            keys: dict[str, list[str]] = {}
            for key, numbers in self.index.folded_keys():
                for number in numbers:
                    keys.setdefault(self.index.name_owner[number], []).append(key)
            entities = sorted(self.index.entities.items())
            self._catalog = [(e, "\n".join(keys.get(e.id, ()))) for _, e in entities]
        return self._catalog
