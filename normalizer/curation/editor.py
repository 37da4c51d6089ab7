"""Curator: editors' changes to the gazetteer, checked (fields, references, strong-name conflicts)
and written through the store, one transaction and one audit row per change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from normalizer.curation.errors import InvalidEntity, NameConflict
from normalizer.curation.validate import check_references, entity_from_payload, slug
from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.records import LAYER_SOURCES
from normalizer.model import Entity, Name
from normalizer.store import EntityDeleted, EntityNotFound, StaleRevision, Store, StoredEntity
from normalizer.text import exact_key

MERGE_ATTEMPTS = 5
EDITABLE = ("type", "name", "description", "country", "prominence", "external_ids", "roles", "names")


class Curator:
    """Every write takes the revision the editor read (`expected`) and the actor's token name."""

    def __init__(self, store: Store, index: Callable[[], GazetteerIndex]):
        self.store = store
        self.index = index

    # reads

    def stored(self, entity_id: str) -> StoredEntity:
        found = self.store.get(entity_id)
        if found is None:
            raise EntityNotFound(entity_id)
        return found

    def live(self, entity_id: str) -> StoredEntity:
        """The stored entity, refused (EntityDeleted) when deleted: before its payload is checked,
        so that the editor hears first that the entity must be undeleted. The store checks again
        in the write's transaction."""
        found = self.stored(entity_id)
        if found.deleted:
            raise EntityDeleted(entity_id)
        return found

    # writes

    def create(self, payload: dict[str, Any], actor: str) -> StoredEntity:
        """A new entity from name, type, names (id optional: a slug of the name, made unique)."""
        if isinstance(payload, dict) and not payload.get("id") and isinstance(payload.get("name"), str):
            payload = {**payload, "id": self._free_id(slug(payload["name"]))}
        entity = entity_from_payload(payload)
        self._check(entity, previous=None)
        return self.store.create(entity, actor)

    def update(self, entity_id: str, changes: dict[str, Any], expected: int, actor: str) -> StoredEntity:
        """Change fields; `names`, when given, replaces the whole list. The id cannot change."""
        if not isinstance(changes, dict):
            raise InvalidEntity({"_schema": ["send a JSON object of fields to change"]})
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise InvalidEntity({k: ["cannot be changed" if k == "id" else "unknown field"]
                                 for k in sorted(unknown)})
        current = self.live(entity_id)
        entity = entity_from_payload({**current.entity.to_dict(), **changes})
        self._check(entity, previous=current.entity)
        return self.store.save(entity, expected, actor)

    def delete(self, entity_id: str, expected: int, actor: str) -> StoredEntity:
        return self.store.set_deleted(entity_id, True, expected, actor)

    def undelete(self, entity_id: str, expected: int, actor: str) -> StoredEntity:
        current = self.stored(entity_id)
        if current.deleted:  # a live entity's names were checked when they were written
            self._check(current.entity, previous=None)
        return self.store.set_deleted(entity_id, False, expected, actor)

    def add_name(self, entity_id: str, name: dict[str, Any], expected: int, actor: str) -> StoredEntity:
        current = self.live(entity_id)
        names = [n.to_dict() for n in current.entity.names] + [name]
        try:
            entity = entity_from_payload({**current.entity.to_dict(), "names": names})
        except InvalidEntity as exc:  # report against the one name sent
            last = str(len(names) - 1)
            raise InvalidEntity(exc.errors.get("names", {}).get(last, exc.errors)) from None
        self._check(entity, previous=current.entity)
        return self.store.save(entity, expected, actor, action="name_add")

    def remove_name(self, entity_id: str, name_id: int, expected: int, actor: str) -> StoredEntity:
        current = self.live(entity_id)
        if name_id not in current.name_ids:
            raise InvalidEntity({"name_id": [f"{entity_id!r} has no name with id {name_id}"]},
                                "no such name")
        keep = tuple(n for n, i in zip(current.entity.names, current.name_ids, strict=True) if i != name_id)
        entity = entity_from_payload({**current.entity.to_dict(), "names": [n.to_dict() for n in keep]})
        return self.store.save(entity, expected, actor, action="name_remove")

    def merge(self, entity_id: str, into: str, expected: int, actor: str) -> StoredEntity:
        """Retire entity_id into `into`: its names move to the survivor (as aliases where they
        were preferred), its id redirects there. Returns the survivor."""
        if entity_id == into:
            raise InvalidEntity({"into": ["an entity cannot be merged into itself"]})
        for attempt in range(MERGE_ATTEMPTS):
            merged = self.live(entity_id)
            survivor = self._survivor(into)
            names = combine_names(survivor.entity.names, merged.entity.names)
            combined = replace(survivor.entity, names=names)
            try:
                return self.store.merge(entity_id, expected, combined, survivor.revision, actor)
            except StaleRevision as exc:  # the survivor moved: the editor's revision is only entity_id's
                if exc.entity_id != into or attempt == MERGE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def revert(self, entity_id: str, revision: int, expected: int, actor: str) -> StoredEntity:
        """Restore the entity as it was after `revision` (fields, names and deleted flag)."""
        snapshot = dict(self.store.audit_at(entity_id, revision).snapshot)
        deleted = bool(snapshot.pop("deleted", False))
        snapshot.pop("merged_into", None)
        entity = entity_from_payload(snapshot)
        if not deleted:
            self._check(entity, previous=self.stored(entity_id).entity)
        return self.store.save(entity, expected, actor, action="revert", deleted=deleted)

    # checks

    def _survivor(self, into: str) -> StoredEntity:
        survivor = self.stored(into)
        if survivor.merged_into or survivor.deleted:
            raise InvalidEntity({"into": [f"{into!r} is {'merged' if survivor.merged_into else 'deleted'}"]})
        return survivor

    def _exists(self, entity_id: str) -> bool:
        found = self.store.get(entity_id)
        if found is None:  # a layer's entity (a city a mayor's role is of) is in the index only
            return self.index().get(entity_id) is not None
        return not found.deleted and not found.merged_into

    def _free_id(self, base: str) -> str:
        candidate, n = base, 1
        while self.store.get(candidate) is not None:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _check(self, entity: Entity, previous: Entity | None) -> None:
        check_references(entity, lambda ref: ref == entity.id or self._exists(ref))
        old = {(exact_key(n.text), n.lang) for n in previous.names} if previous else set()
        index = self.index()
        for name in entity.names:
            key = exact_key(name.text)
            if not name.strong or name.ambiguous or key is None or (key, name.lang) in old:
                continue
            for hit in index.lookup("exact", key):
                if hit.entity.id != entity.id and hit.name.strong and curated_name(hit.entity, hit.name):
                    raise NameConflict(name.text, hit.entity.id)


def curated_name(entity: Entity, name: Name) -> bool:
    """A name editors or curators gave, as opposed to one a generated layer brought: a layer's
    names never stop an editor (the layer entity merges into the curated one that covers it, or
    the prominence prior tells the two apart)."""
    return entity.layer is None and name.source not in LAYER_SOURCES


def combine_names(keep: tuple[Name, ...], moved: tuple[Name, ...]) -> tuple[Name, ...]:
    """The survivor's names, then the merged entity's names it lacks (preferred ones as aliases)."""
    seen = {(exact_key(n.text), n.lang) for n in keep}
    out = list(keep)
    for name in moved:
        if (exact_key(name.text), name.lang) in seen:
            continue
        seen.add((exact_key(name.text), name.lang))
        out.append(replace(name, kind="alias") if name.kind == "preferred" else name)
    return tuple(out)
