"""Generated layers (gazetteer/layers/<source>/entities.jsonl) and how they join the curated
gazetteer; gazetteer/README.md ("Layers") states the rules this module follows:

- curated wins: a curated entity with a layer entity's id replaces it;
- a curated entity covers the layer entities that share an identifier with it (`wikidata`,
  `geonames`, `wof`, `iso3166`): they merge into it, their names joining its own. A layer
  entity that merely shares a name with a curated one stays apart (merging by name put a
  city's names on its province and a prefecture's on its capital), and loses the ties between
  them: match.decision prefers the curated namesake;
- between layers, the first (gazetteer/layers/ORDER, else by name) to hold an identifier keeps
  the entity; a later layer's entity with that identifier merges into it.

`Layers.compose` makes the entities an index is built from; `Layers.recompose` turns a change of
curated entities (an editor's write) into the change of composed entities, so that an index can
be patched rather than rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from normalizer.model import Entity, Name, Role
from normalizer.text import fold, is_syllable

SHARED_IDS = ("wikidata", "geonames", "wof", "iso3166")
ORDER_FILE = "ORDER"
DATA_FILE = "entities.jsonl"


@dataclass(frozen=True)
class Layer:
    name: str
    entities: tuple[Entity, ...]


def layer_dirs(root: Path) -> list[Path]:
    """The layer directories under root, in their order (ORDER lists names first; the rest by name)."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = {p.name: p for p in sorted(root.iterdir()) if (p / DATA_FILE).is_file()}
    order_file = root / ORDER_FILE
    first = order_file.read_text(encoding="utf-8").split() if order_file.is_file() else []
    return [found[n] for n in first if n in found] + [p for n, p in found.items() if n not in first]


def read_layer(directory: Path) -> Layer:
    """A layer's entities, each marked with the layer's name (lines are trusted: `normalizer
    gazetteer check` validates them, this runs at every start)."""
    name = Path(directory).name
    with (Path(directory) / DATA_FILE).open(encoding="utf-8") as lines:
        return Layer(name, tuple(entity_from_json(json.loads(line), name) for line in lines if line.strip()))


def load_layers(root: Path, wanted: Iterable[str] | None = None) -> list[Layer]:
    """Every layer under root (or the `wanted` ones, by name), in order."""
    chosen = None if wanted is None else set(wanted)
    return [read_layer(d) for d in layer_dirs(root) if chosen is None or d.name in chosen]


def entity_from_json(data: dict[str, Any], layer: str) -> Entity:
    return Entity(
        id=data["id"], type=data["type"], name=data["name"],
        names=tuple(_name(n) for n in data.get("names", ())),
        description=data.get("description"), country=data.get("country"),
        external_ids=tuple((str(k), str(v)) for k, v in (data.get("external_ids") or {}).items()),
        roles=tuple(Role(**r) for r in data.get("roles", ())),
        prominence=data.get("prominence"), layer=layer,
    )


def _name(data: dict[str, Any]) -> Name:
    return Name(text=data["text"], lang=data["lang"], kind=data["kind"], source=data["source"],
                family=data.get("family"), used_by=tuple(data.get("used_by", ())),
                ambiguous=bool(data.get("ambiguous")), generated=bool(data.get("generated")))


def shared_ids(entity: Entity) -> Iterator[tuple[str, str]]:
    return ((scheme, value) for scheme, value in entity.external_ids if scheme in SHARED_IDS)


def absorbed(entity: Entity, others: Iterable[Entity]) -> Entity:
    """The entity with the names of `others` it lacks (same text and language), and their
    identifiers it lacks."""
    names = list(entity.names)
    seen = {(n.text, n.lang) for n in names}
    schemes = {scheme for scheme, _ in entity.external_ids}
    ids = list(entity.external_ids)
    for other in others:
        for name in other.names:
            if (name.text, name.lang) not in seen:
                seen.add((name.text, name.lang))
                names.append(name)
        for scheme, value in other.external_ids:
            if scheme not in schemes:
                schemes.add(scheme)
                ids.append((scheme, value))
    return replace(entity, names=tuple(names), external_ids=tuple(ids))


@dataclass
class Change:
    """A change of composed entities: put these in, take those ids out."""

    upserts: list[Entity] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class Layers:
    """The layer entities, merged across layers, and which of them each curated entity covers."""

    def __init__(self, layers: Iterable[Layer]):
        self.entities: dict[str, Entity] = {}
        self._by_id: dict[tuple[str, str], str] = {}
        for layer in layers:
            for entity in layer.entities:
                self._add(entity)
        self.covers: dict[str, tuple[str, ...]] = {}  # curated id -> layer ids it covers

    def _add(self, entity: Entity) -> None:
        keeper = next((self._by_id[k] for k in shared_ids(entity) if k in self._by_id), None)
        if keeper is not None:
            self.entities[keeper] = absorbed(self.entities[keeper], [entity])
            return
        if entity.id in self.entities:
            return  # the first layer holding an id keeps it
        self.entities[entity.id] = entity
        for key in shared_ids(entity):
            self._by_id.setdefault(key, entity.id)

    def __len__(self) -> int:
        return len(self.entities)

    def covered_by(self, entity: Entity) -> tuple[str, ...]:
        """The layer entities a curated entity covers (its own id first, when a layer has it)."""
        found = [entity.id] if entity.id in self.entities else []
        found += [self._by_id[k] for k in shared_ids(entity) if k in self._by_id]
        return tuple(dict.fromkeys(found))

    def compose(self, curated: Iterable[Entity]) -> list[Entity]:
        """The entities of the index: each curated entity with the layer entities it covers merged
        in, then the layer entities no curated entity covers."""
        out: list[Entity] = []
        taken: set[str] = set()
        self.covers = {}
        for entity in curated:
            covered = self.covered_by(entity)
            self.covers[entity.id] = covered
            taken.update(covered)
            out.append(self._merged(entity, covered))
        out += [e for i, e in self.entities.items() if i not in taken]
        return out

    def recompose(self, upserts: Iterable[Entity], removed: Iterable[str]) -> Change:
        """The change of composed entities when curated entities change (`upserts`) or go
        (`removed`): layer entities they stop covering come back, those they start covering go."""
        change = Change()
        released: set[str] = set()
        for entity_id in removed:
            released.update(self.covers.pop(entity_id, ()))
            change.removed.append(entity_id)
        for entity in upserts:
            old = set(self.covers.get(entity.id, ()))
            covered = self.covered_by(entity)
            self.covers[entity.id] = covered
            released.update(old - set(covered))
            change.upserts.append(self._merged(entity, covered))
            change.removed += [i for i in covered if i not in old and i != entity.id]
        still = {i for ids in self.covers.values() for i in ids}
        change.upserts += [self.entities[i] for i in sorted(released - still)]
        back = {e.id for e in change.upserts}
        change.removed = [i for i in dict.fromkeys(change.removed) if i not in back]
        return change

    def redirects(self) -> dict[str, str]:
        """Layer id -> the curated entity that covers it (its own id excepted)."""
        return {layer_id: curated for curated, ids in self.covers.items()
                for layer_id in ids if layer_id != curated}

    def _merged(self, entity: Entity, covered: tuple[str, ...]) -> Entity:
        return absorbed(entity, [self.entities[i] for i in covered]) if covered else entity


# Below this prominence a layer entity is little known: its names alone do not make it a
# mention in running text (a class word must name it), nor a query's context.
KNOWN = 0.5
# Above this a layer entity is well known even by a one-word name ("Kobe" is fine, "Song" is not).
WELL_KNOWN = 0.8


def little_known(entity: Entity) -> bool:
    return entity.layer is not None and entity.weight < KNOWN


def thin_evidence(entity: Entity, name: Name) -> bool:
    """A layer entity named by little: a weak name (a generated reading) of a little-known entity,
    or one word that could be a Vietnamese syllable ("Song", "Kim", "Long") of an entity not
    well known. Curated entities are never thin."""
    if entity.layer is None:
        return False
    if not name.strong and entity.weight < KNOWN:
        return True
    # By its folded letters: "Ким" (Russian) is the word "Kim" as much as "Kim" is
    word = fold(name.text) or name.text
    return entity.weight < WELL_KNOWN and " " not in word.strip() and is_syllable(word)


# Vietnamese class words of the units below a province, as the layers' names of units begin
# ("Xã Tân Phú", "Phường Ba Đình", "Thị trấn Đông Anh", "Huyện Tân Phú"). Longer ones first.
# Not "tỉnh" and "thành phố": provinces and cities are curated, and the layer's "Thành phố Hà
# Nội" (the province-level unit) must not take "thành phố Hà Nội" from the curated city.
CLASS_WORDS = ("thị trấn", "thị xã", "phường", "huyện", "quận", "xã")


def class_word_of(text: str) -> str | None:
    """The class word a name begins with, in lower case, when a name follows it; else None."""
    lowered = text.lower()
    for word in CLASS_WORDS:
        if lowered.startswith(word + " ") and lowered[len(word) + 1 :].strip():
            return word
    return None


def in_running_text(entity: Entity, name: Name) -> bool:
    """Whether extraction may find this entity by this name: a curated entity by any name, a
    layer entity by a name that says its class ("xã Tân Phú": the class word names the commune,
    however little known), else only a known one by a strong name that is not thin evidence, so
    that ten thousand communes called An Phú or Tân Phú do not turn plain text into links."""
    if entity.layer is None or (name.strong and class_word_of(name.text)):
        return True
    return entity.weight >= KNOWN and name.strong and not thin_evidence(entity, name)
