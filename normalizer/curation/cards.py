"""Review cards: a queue item with what the service knows of it now, so that an editor decides in
one click: the closest candidates (score, explanation), the suggestion (pinyin, unaccented,
phonetic), the language its text is likely in, and its kind: a `name` to add or create, or a
`role` reference (a title and a country, "Ngoại trưởng Nhật Bản"), which is role data on the
office holder, not a name.

Listing the open queue also closes the items that resolve by now (the name was added elsewhere,
or a later gazetteer covers it): they are settled as {"action": "resolved", "entity": id}.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from normalizer.curation.review import text_lang
from normalizer.model import Candidate, Resolution, Suggestion
from normalizer.store import ReviewItem, Store

Resolve = Callable[[str], Resolution]
MAX_CANDIDATES = 3
MAX_SWEEPS = 5  # pages re-read after closing resolved items, before showing what is left
MAX_CHOICES = 4  # English names a card offers to accept in one click


@dataclass(frozen=True, slots=True)
class ReviewCard:
    item: ReviewItem
    kind: str  # "name" or "role"
    lang: str
    title: str | None = None
    candidates: tuple[Candidate, ...] = ()
    suggestion: Suggestion | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """The English names an editor may accept in one click: the suggestion, then its
        alternatives in Latin letters ("Li Hai" or "Ly Hai"; not the Hangul of a Korean name)."""
        if self.suggestion is None:
            return ()
        texts = (self.suggestion.text, *(a for a in self.suggestion.alternatives if a.isascii()))
        return tuple(dict.fromkeys(texts))[:MAX_CHOICES]

    def to_dict(self) -> dict[str, Any]:
        return {**self.item.to_dict(), "kind": self.kind, "lang": self.lang, "title": self.title,
                "candidates": [c.to_dict() for c in self.candidates],
                "suggestion": self.suggestion.to_dict() if self.suggestion else None}


def card(item: ReviewItem, found: Resolution | None, is_country: Callable[[str], bool]) -> ReviewCard:
    """The card of an item, from its resolution now (None for settled and dismissed items)."""
    if found is None:
        return ReviewCard(item, "name", text_lang(item.example))
    title = found.parsed.title if found.parsed else None
    candidates = found.candidates[:MAX_CANDIDATES]
    role = bool(title) and bool(candidates) and is_country(candidates[0].id) and candidates[0].score >= 0.7
    lang = text_lang(found.parsed.name if found.parsed else item.example)
    return ReviewCard(item, "role" if role else "name", lang, title, candidates, found.suggestion)


def review_cards(store: Store, resolve: Resolve, is_country: Callable[[str], bool], state: str,
                 offset: int, limit: int) -> tuple[list[ReviewCard], int]:
    """One page of cards and the number of items in the state. Open items that resolve now are
    closed first (a page is read again, a few times at most, until none on it resolves)."""
    for _ in range(MAX_SWEEPS):
        items, total = store.review.list(state, offset, limit)
        if state != "open":
            return [card(i, None, is_country) for i in items], total
        found = [resolve(i.example) for i in items]
        resolved = [(i, r) for i, r in zip(items, found, strict=True) if r.status == "matched" and r.match]
        if not resolved:
            break
        for item, result in resolved:
            assert result.match is not None
            store.review.settle_many([item.key], "settled", {"action": "resolved", "entity": result.match.id})
    kept = [(i, r) for i, r in zip(items, found, strict=True) if r.status != "matched"]  # closed just now
    return [card(i, r, is_country) for i, r in kept], total
