"""Desk: everything an editor's shell may ask of curation, in one place (Normalizer.curation).

Writes name the revision the editor read and the actor (a token's name); after each accepted
write `on_write` runs (the service refreshes its index soon)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from normalizer.curation import review
from normalizer.curation.cards import Resolve, ReviewCard, review_cards
from normalizer.curation.editor import Curator
from normalizer.curation.errors import InvalidEntity
from normalizer.curation.sync import export_gazetteer, load_gazetteer
from normalizer.gazetteer import GazetteerIndex
from normalizer.store import AuditEntry, LoadReport, ReviewItem, Store, StoredEntity, TokenInfo

T = TypeVar("T")
MAX_PER_PAGE = 100
REVIEW_STATES = ("open", "settled", "dismissed")


def _page(page: int, per_page: int) -> tuple[int, int]:
    if not 1 <= page <= 1_000_000:
        raise InvalidEntity({"page": ["page must be between 1 and 1000000"]})
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidEntity({"per_page": [f"per_page must be between 1 and {MAX_PER_PAGE}"]})
    return (page - 1) * per_page, per_page


class Desk:
    def __init__(self, store: Store, index: Callable[[], GazetteerIndex], on_write: Callable[[], None],
                 resolve: Resolve | None = None):
        """`resolve` (the service's, without recording) gives review cards their candidates."""
        self.store = store
        self.curator = Curator(store, index)
        self.on_write = on_write
        self.resolve = resolve

    def _wrote(self, result: T) -> T:
        self.on_write()
        return result

    # entities

    def get(self, entity_id: str) -> StoredEntity | None:
        """The entity as stored now (deleted and merged ones too: see their flags)."""
        return self.store.get(entity_id)

    def create(self, payload: dict[str, Any], actor: str) -> StoredEntity:
        return self._wrote(self.curator.create(payload, actor))

    def update(self, entity_id: str, changes: dict[str, Any], expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.update(entity_id, changes, expected, actor))

    def delete(self, entity_id: str, expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.delete(entity_id, expected, actor))

    def undelete(self, entity_id: str, expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.undelete(entity_id, expected, actor))

    def add_name(self, entity_id: str, name: dict[str, Any], expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.add_name(entity_id, name, expected, actor))

    def remove_name(self, entity_id: str, name_id: int, expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.remove_name(entity_id, name_id, expected, actor))

    def merge(self, entity_id: str, into: str, expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.merge(entity_id, into, expected, actor))

    def revert(self, entity_id: str, revision: int, expected: int, actor: str) -> StoredEntity:
        return self._wrote(self.curator.revert(entity_id, revision, expected, actor))

    # audit

    def history(self, entity_id: str, page: int = 1, per_page: int = 20) -> tuple[list[AuditEntry], int]:
        """An entity's changes, newest first, one page, and how many there are in all."""
        offset, limit = _page(page, per_page)
        return self.store.history(entity_id, offset, limit)

    def changes(self, since: int = 0, limit: int = 100) -> list[AuditEntry]:
        """Changes after gazetteer revision `since`, oldest first (the last one's seq is the next since)."""
        if since < 0:
            raise InvalidEntity({"since": ["since must be 0 or more"]})
        _page(1, limit)
        return self.store.changes(since, limit)

    def revision(self) -> int:
        return self.store.gazetteer_revision()

    # review queue

    def review(self, state: str = "open", page: int = 1, per_page: int = 50) -> tuple[list[ReviewItem], int]:
        if state not in REVIEW_STATES:
            raise InvalidEntity({"state": [f"state must be one of {', '.join(REVIEW_STATES)}"]})
        offset, limit = _page(page, per_page)
        return self.store.review.list(state, offset, limit)

    def review_cards(self, state: str = "open", page: int = 1,
                     per_page: int = 50) -> tuple[list[ReviewCard], int]:
        """Items with their candidates and suggestion (normalizer.curation.cards); open items that
        resolve by now are closed on the way."""
        if state not in REVIEW_STATES:
            raise InvalidEntity({"state": [f"state must be one of {', '.join(REVIEW_STATES)}"]})
        offset, limit = _page(page, per_page)
        if self.resolve is None:
            items, total = self.store.review.list(state, offset, limit)
            return [ReviewCard(i, "name", review.text_lang(i.example)) for i in items], total
        return review_cards(self.store, self.resolve, self._is_country, state, offset, limit)

    def _is_country(self, entity_id: str) -> bool:
        entity = self.curator.index().get(entity_id)
        return entity is not None and entity.type == "country"

    def settle(self, key: str, request: dict[str, Any], actor: str) -> ReviewItem:
        return self._wrote(review.settle(self.store, self.curator, key, request, actor))

    def dismiss_many(self, keys: list[str], actor: str) -> int:
        """Dismiss several open items (at most review.MAX_BULK); returns how many were open."""
        return review.dismiss_many(self.store, keys, actor)

    def find_entity(self, given: str) -> str:
        """The id of the entity an id or a name (one entity's only) names; InvalidEntity if none."""
        return review.find_entity(self.store, self.curator.index, given)

    # tokens

    def create_token(self, name: str, role: str) -> str:
        """A new token (shown once; only its hash is kept)."""
        return self.store.tokens.create(name, role)

    def tokens(self) -> list[TokenInfo]:
        return self.store.tokens.list()

    def revoke_token(self, name: str) -> None:
        self.store.tokens.revoke(name)

    def authenticate(self, token: str) -> TokenInfo | None:
        return self.store.tokens.authenticate(token)

    def token_role(self, name: str) -> str | None:
        """The role of the live (not revoked) token of this name, else None."""
        return self.store.tokens.active_role(name)

    # YAML

    def load(self, root: Path, prune: bool = False) -> LoadReport:
        return self._wrote(load_gazetteer(self.store, root, prune))

    def export(self, root: Path) -> list[str]:
        return export_gazetteer(self.store, root)
