"""A patched index answers as an index built afresh from the same entities: every key table, the
transliteration lookup, resolve and extraction. Changes are random edits of the real gazetteer
(names added, dropped, renamed; entities created, deleted, merged), applied in several patches."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from normalizer.gazetteer import GazetteerIndex, load_dir
from normalizer.gazetteer.derived import carry_over, derived
from normalizer.generation import Generation
from normalizer.match.translit_tier import TRANSLIT_LOOKUP
from normalizer.match.typos import NAME_WORDS
from normalizer.model import Entity, Name
from normalizer.settings import Settings
from normalizer.store import LiveDelta

NEW_NAMES = ["Vương Nghị Mới", "Tập Cận Bình", "Zelenskyy Volodymyr", "Kim Châng Ưn", "王新", "김정은 위원장",
             "Hoàng Sa", "Trump Donald", "Kishida Fumio", "Vinamilk", "Man Utd", "Quách Gia Côn"]


@pytest.fixture(scope="module")
def entities() -> list[Entity]:
    return load_dir(Settings().gazetteer_dir).entities


def _edit(entity: Entity, rng: random.Random) -> Entity:
    names = list(entity.names)
    choice = rng.random()
    if choice < 0.4 or len(names) < 2:
        lang = rng.choice(["vi", "en", "zh-Hans", "ko"])
        names.append(Name(rng.choice(NEW_NAMES), lang, "alias", "editorial"))
    elif choice < 0.7:
        names.pop(rng.randrange(1, len(names)))
    else:
        at = rng.randrange(len(names))
        names[at] = replace(names[at], text=names[at].text + " Mới")
    return replace(entity, names=tuple(names), revision=entity.revision + 1)


def _changes(current: dict[str, Entity], rng: random.Random, serial: int) -> LiveDelta:
    ids = sorted(current)
    upserts = [_edit(current[i], rng) for i in rng.sample(ids, 8)]
    name = Name(rng.choice(NEW_NAMES), "vi", "preferred", "editorial", family="Vương")
    upserts.append(Entity(f"new-{serial}", "person", "New Person", (name,)))
    removed = [i for i in rng.sample(ids, 3) if i not in {e.id for e in upserts}]
    return LiveDelta(upserts, removed, {gone: "china" for gone in removed}, serial)


def _table_view(index: GazetteerIndex, tier: str) -> dict[str, list[tuple[str, str, str]]]:
    out = {}
    for key in index.tables[tier]:
        hits = index.lookup(tier, key)
        out[key] = sorted((h.entity.id, h.name.text, h.name.lang) for h in hits)
    return {k: v for k, v in out.items() if v}


def _lookup_view(index: GazetteerIndex) -> dict[str, list[tuple[str, str]]]:
    lookup = derived(index, TRANSLIT_LOOKUP)
    out = {}
    for key, entries in lookup.native.items():
        out[key] = sorted((index.name_owner[i], index.name_of[i].text) for i, _ in entries)
    for key, ids in lookup.hangul.items():
        out["hangul:" + key] = sorted((index.name_owner[i], index.name_of[i].text) for i in ids)
    return {k: v for k, v in out.items() if v}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_patched_index_equals_a_fresh_one(entities: list[Entity], seed: int) -> None:
    rng = random.Random(seed)
    generation = Generation.build(entities)
    generation.warm(bulk=False)  # derived structures built, so that patches carry them over
    current = {e.id: e for e in entities}
    redirects: dict[str, str] = {}
    for serial in range(1, 5):
        delta = _changes(current, rng, serial)
        redirects.update(delta.redirects)
        delta = replace(delta, redirects=dict(redirects))
        generation = generation.patched(delta)
        for gone in delta.removed:
            current.pop(gone)
        current.update({e.id: e for e in delta.upserts})
    fresh = GazetteerIndex(current.values(), redirects)
    patched = generation.index
    assert patched.entities == fresh.entities
    for tier in fresh.tables:
        assert _table_view(patched, tier) == _table_view(fresh, tier), tier
    assert _lookup_view(patched) == _lookup_view(fresh)
    with_characters = derived(fresh, TRANSLIT_LOOKUP).with_characters
    assert derived(patched, TRANSLIT_LOOKUP).with_characters == with_characters
    queries = [n.text for e in current.values() if e.revision > 1 or e.id.startswith("new-") for n in e.names]
    queries += [q[:-1] + "x" for q in queries if len(q) > 8] + NEW_NAMES + ["Vuong Ngi Moi", "Tap Can Bnh"]
    reference = Generation(fresh)
    for query in queries:
        mine, theirs = generation.resolve(query, None, 5), reference.resolve(query, None, 5)
        assert (mine.status, mine.match) == (theirs.status, theirs.match), query
        assert [c.id for c in mine.candidates] == [c.id for c in theirs.candidates], query
    text = ". ".join(f"Ông {q} nói" for q in queries[:200])
    from normalizer.extract import extract
    mine_text = extract(text, patched, lambda q, *scope: generation.resolve(q, None, 5, *scope)).to_dict()
    theirs_text = extract(text, fresh, lambda q, *scope: reference.resolve(q, None, 5, *scope)).to_dict()
    assert mine_text == theirs_text


def test_patches_carry_the_derived_structures_and_leave_the_old_index_intact(entities: list[Entity]) -> None:
    generation = Generation.build(entities[:300])
    generation.warm(bulk=False)
    before = {tier: _table_view(generation.index, tier) for tier in ("exact", "folded")}
    shared_ids = next(ids for ids in generation.index.tables["folded"].values() if isinstance(ids, list))
    shared = generation.index.name_of[shared_ids[0]]  # a name whose key several names share
    edited = replace(entities[0], names=(*entities[0].names[:1], replace(shared, kind="alias")))
    delta = LiveDelta([edited], [entities[1].id], {}, 1)
    patch = generation.index.patched(delta.upserts, delta.removed, delta.redirects)
    carry_over(generation.index, patch)
    assert TRANSLIT_LOOKUP.name in patch.index.derived  # carried, not rebuilt on first use
    assert NAME_WORDS.name in patch.index.derived  # the fuzzy tier's word list too
    assert derived(generation.index, NAME_WORDS) <= derived(patch.index, NAME_WORDS)  # words only added
    # readers of the old index see no change
    assert {tier: _table_view(generation.index, tier) for tier in ("exact", "folded")} == before
    assert entities[1].id not in patch.index.entities and entities[1].id in generation.index.entities
