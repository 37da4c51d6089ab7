"""Generated layers joining the curated gazetteer: curated wins, a curated entity covers the layer
entities that share an identifier with it (a namesake stays apart and loses ties: test_decision);
an editor's change of coverage gives the same entities as composing afresh; a service loads the
layers beside its gazetteer directory."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from normalizer.gazetteer.layers import Layer, Layers, layer_dirs, load_layers
from normalizer.model import Entity, Name
from normalizer.service import Normalizer
from normalizer.settings import Settings
from tests.gazetteers import write_yaml


def place(entity_id: str, name: str, vi: str, prominence: float, layer: str = "wof", **ids: str) -> Entity:
    names = (Name(name, "en", "preferred", layer), Name(vi, "vi", "preferred", layer))
    return Entity(entity_id, "place", name, names, country="japan", prominence=prominence, layer=layer,
                  external_ids=tuple(ids.items()))


OSAKA = place("wof-1", "Osaka", "Ô-xa-ca", 0.8, wikidata="Q35765")
VILLAGE = place("wof-2", "Osaka", "Làng Ô-xa-ca", 0.3)
KOBE = place("wof-3", "Kobe", "Cô-bê", 0.7, wikidata="Q48320")
KOBE_GN = place("gn-9", "Kobe", "Thành phố Kobe", 0.7, layer="geonames", wikidata="Q48320")
CURATED_OSAKA = Entity("osaka", "place", "Osaka", (Name("Osaka", "en", "preferred", "editorial"),),
                       country="japan")


def composed(layers: Layers, curated: list[Entity]) -> dict[str, Entity]:
    return {e.id: e for e in layers.compose(curated)}


def test_a_later_layer_merges_into_the_first_by_a_shared_identifier() -> None:
    layers = Layers([Layer("wof", (OSAKA, KOBE)), Layer("geonames", (KOBE_GN,))])
    assert set(layers.entities) == {"wof-1", "wof-3"}
    assert "Thành phố Kobe" in [n.text for n in layers.entities["wof-3"].names]


def test_a_curated_entity_covers_the_layer_entities_that_share_an_identifier() -> None:
    layers = Layers([Layer("wof", (OSAKA, VILLAGE, KOBE))])
    assert set(composed(layers, [CURATED_OSAKA])) == {"osaka", "wof-1", "wof-2", "wof-3"}  # a name: apart
    with_id = replace(CURATED_OSAKA, external_ids=(("wikidata", "Q35765"),))
    found = composed(layers, [with_id])
    assert set(found) == {"osaka", "wof-2", "wof-3"}  # the identifier decides: the village stays apart
    assert "Ô-xa-ca" in {n.text for n in found["osaka"].names}
    assert layers.redirects() == {"wof-1": "osaka"}


def test_curated_wins_over_a_layer_entity_of_its_id() -> None:
    mine = Entity("wof-3", "place", "Kobe City", (Name("Kobe City", "en", "preferred", "editorial"),))
    found = composed(Layers([Layer("wof", (KOBE,))]), [mine])
    assert found["wof-3"].name == "Kobe City" and found["wof-3"].layer is None


def test_recompose_equals_composing_afresh() -> None:
    layers = Layers([Layer("wof", (OSAKA, VILLAGE, KOBE))])
    before = composed(layers, [CURATED_OSAKA])
    renamed = replace(CURATED_OSAKA, name="Osaka City", external_ids=(("wikidata", "Q35765"),))
    change = layers.recompose([renamed], [])
    after = {k: v for k, v in before.items() if k not in change.removed} | {e.id: e for e in change.upserts}
    assert after == composed(Layers([Layer("wof", (OSAKA, VILLAGE, KOBE))]), [renamed])
    change = layers.recompose([], ["osaka"])  # deleted: what it covered comes back
    assert {e.id for e in change.upserts} == {"wof-1"} and change.removed == ["osaka"]


def _write_layer(root: Path, name: str, entities: list[dict[str, object]]) -> None:
    (root / name).mkdir(parents=True)
    ordered = sorted(entities, key=lambda e: str(e["id"]))
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in ordered]
    (root / name / "entities.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_layer_order_and_a_service_over_a_gazetteer_with_layers(tmp_path: Path) -> None:
    gazetteer = write_yaml(tmp_path / "gazetteer", """\
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}
""")
    layers = tmp_path / "layers"
    kobe = {"text": "Kobe", "lang": "en", "kind": "preferred", "source": "wof"}
    _write_layer(layers, "wof", [{"id": "wof-3", "type": "place", "name": "Kobe", "country": "japan",
                                  "prominence": 0.7, "names": [kobe]}])
    _write_layer(layers, "geonames", [{"id": "gn-1", "type": "place", "name": "Nara", "prominence": 0.6,
                                       "names": [{"text": "Nara", "lang": "en", "kind": "preferred",
                                                  "source": "geonames"}]}])
    (layers / "ORDER").write_text("wof\n", encoding="utf-8")
    assert [d.name for d in layer_dirs(layers)] == ["wof", "geonames"]
    assert [layer.name for layer in load_layers(layers, ["geonames"])] == ["geonames"]
    settings = Settings(gazetteer_dir=gazetteer, database_url=f"sqlite:///{tmp_path / 'n.db'}")
    service = Normalizer.from_settings(settings)
    try:
        assert service.resolve("Kobe").match.id == "wof-3"
        assert service.entity("wof-3").layer == "wof"  # read from the index: the store holds curated only
        assert service.canonical_id("gn-1") == "gn-1"
    finally:
        service.close()
    none = Normalizer.from_settings(Settings(gazetteer_dir=gazetteer, layers="none",
                                             database_url=f"sqlite:///{tmp_path / 'n.db'}"))
    try:
        assert none.resolve("Kobe").status == "unmatched"
    finally:
        none.close()


def test_an_editor_entity_that_covers_a_layer_entity_takes_it_over_after_a_patch(tmp_path: Path) -> None:
    gazetteer = write_yaml(tmp_path / "gazetteer", """\
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
""")
    _write_layer(tmp_path / "layers", "wof", [
        {"id": "wof-3", "type": "place", "name": "Kobe", "country": "japan", "prominence": 0.7,
         "external_ids": {"wikidata": "Q48320"},
         "names": [{"text": "Kobe", "lang": "en", "kind": "preferred", "source": "wof"},
                   {"text": "Cô-bê", "lang": "vi", "kind": "historic", "source": "wof"}]}])
    settings = Settings(gazetteer_dir=gazetteer, database_url=f"sqlite:///{tmp_path / 'n.db'}",
                        refresh_seconds=3600)
    service = Normalizer.from_settings(settings)
    try:
        assert service.curation is not None
        service.curation.create({"id": "kobe", "type": "place", "name": "Kobe", "country": "japan",
                                 "external_ids": {"wikidata": "Q48320"},
                                 "names": [{"text": "Kobe", "lang": "en", "kind": "preferred"}]}, "alice")
        service.refresh()
        assert service.resolve("Cô-bê").match.id == "kobe"  # the layer's name, now the curated entity's
        assert service.index.get("wof-3").id == "kobe" and service.canonical_id("wof-3") == "kobe"
        assert "wof-3" not in service.index.entities
    finally:
        service.close()
