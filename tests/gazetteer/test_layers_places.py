"""The generated place layers (gazetteer/layers/{wof,geonames,vietnam-units}) and their helper
module gazetteer/genscripts/layerlib.py: format, order, validity; not a regeneration."""

from __future__ import annotations

import importlib.util
import json
import random
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from normalizer.gazetteer.records import entity_from_raw
from normalizer.text import exact_key

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ROOT / "gazetteer" / "layers"
PLACE_LAYERS = ("wof", "geonames", "vietnam-units")
ID_PREFIX = {"wof": "wof-", "geonames": "gn-", "vietnam-units": "vn-"}


def _layerlib():
    path = ROOT / "gazetteer" / "genscripts" / "layerlib.py"
    spec = importlib.util.spec_from_file_location("layerlib", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layerlib = _layerlib()


@cache
def _lines(layer: str) -> list[str]:
    return (LAYERS / layer / "entities.jsonl").read_text(encoding="utf-8").splitlines()


@cache
def _entities(layer: str) -> list[dict]:
    return [json.loads(line) for line in _lines(layer)]


@cache
def _countries() -> frozenset[str]:
    text = (ROOT / "gazetteer" / "entities" / "geography" / "countries.yaml").read_text(encoding="utf-8")
    return frozenset(re.findall(r"^- id: (\S+)$", text, flags=re.MULTILINE))


def _sample(layer: str, size: int = 5000) -> list[int]:
    count = len(_lines(layer))
    return sorted(random.Random(19).sample(range(count), min(size, count)))


@pytest.mark.parametrize("layer", PLACE_LAYERS)
def test_layer_files(layer):
    for name in ("entities.jsonl", "SOURCE", "NOTICE"):
        assert (LAYERS / layer / name).is_file(), f"{layer}/{name}"
    source = (LAYERS / layer / "SOURCE").read_text(encoding="utf-8")
    for field in ("name:", "licence:", "read:", "prominence:", "command:"):
        assert field in source, f"{layer}/SOURCE says no {field}"
    assert (LAYERS / layer / "NOTICE").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("layer", PLACE_LAYERS)
def test_lines_canonical_sorted_unique(layer):
    lines, entities = _lines(layer), _entities(layer)
    assert lines, layer
    ids = [e["id"] for e in entities]
    assert ids == sorted(ids), f"{layer}: lines not sorted by id"
    assert len(set(ids)) == len(ids), f"{layer}: an id twice"
    assert len(lines) == len(entities)
    for i in _sample(layer):  # the format on a sample: keys sorted, compact, UTF-8 as written
        assert lines[i] == layerlib.entity_line(entities[i]), f"{layer}: {ids[i]} not in canonical JSON"
        assert list(entities[i]) == sorted(entities[i])


@pytest.mark.parametrize("layer", PLACE_LAYERS)
def test_every_line_is_a_valid_entity(layer):
    countries = _countries()
    for n, entity in enumerate(_entities(layer), 1):
        parsed, problems = entity_from_raw(dict(entity), f"{layer}/entities.jsonl", n)
        assert parsed is not None and not problems, [str(p) for p in problems]
        assert entity["id"].startswith(ID_PREFIX[layer])
        assert entity["type"] == "place"
        assert 0 <= entity["prominence"] <= 1
        assert entity.get("country") is None or entity["country"] in countries, entity["id"]
        assert {name["source"] for name in entity["names"]} == {layer}, entity["id"]


@pytest.mark.parametrize("layer", PLACE_LAYERS)
def test_no_name_twice_in_an_entity(layer):
    for entity in (_entities(layer)[i] for i in _sample(layer)):
        keys = [(exact_key(n["text"]), n["lang"]) for n in entity["names"]]
        assert None not in {k for k, _ in keys}, entity["id"]
        assert len(set(keys)) == len(keys), entity["id"]
        assert sum(n["lang"] == "en" and n["kind"] == "preferred" for n in entity["names"]) == 1, entity["id"]


def test_wof_ids_and_vietnamese_names():
    holders = defaultdict(list)
    for entity in _entities("wof"):
        assert entity["external_ids"]["wof"] == entity["id"].removeprefix("wof-")
        assert entity["external_ids"].get("wikidata", "Q").startswith("Q")
        for name in entity["names"]:
            if name["lang"] == "vi":
                holders[exact_key(name["text"])].append(entity["prominence"])
    # a Vietnamese name shared by several records stays only on the most prominent ones
    assert all(len(set(proms)) == 1 for proms in holders.values())
    assert len(holders) > 10000


def test_geonames_leaves_out_what_wof_holds():
    in_wof = {e["external_ids"].get("geonames") for e in _entities("wof")} - {None}
    for entity in _entities("geonames"):
        assert entity["external_ids"]["geonames"] == entity["id"].removeprefix("gn-")
        assert entity["external_ids"]["geonames"] not in in_wof


def test_vietnam_units_levels():
    by_id = {e["id"]: e for e in _entities("vietnam-units")}
    provinces = [e for i, e in by_id.items() if i.startswith("vn-province-")]
    assert len(provinces) == 34
    assert sum(i.startswith("vn-commune-") for i in by_id) > 3000
    assert sum(i.startswith("vn-former-commune-") for i in by_id) > 8000
    hanoi = by_id["vn-province-01"]
    assert hanoi["name"] == "Hanoi" and hanoi["prominence"] == 0.6
    assert {"Thành phố Hà Nội", "Hà Nội"} <= {n["text"] for n in hanoi["names"] if n["lang"] == "vi"}
    former = by_id["vn-former-province-02"]
    assert former["description"].startswith("former province") and "(until 2025)" in former["description"]
    for entity in by_id.values():
        assert entity["country"] == "vietnam"
        vi = [n for n in entity["names"] if n["lang"] == "vi"]
        assert vi[0]["kind"] == "preferred"
        assert all(any(c.isalpha() for c in n["text"]) for n in vi)  # never a bare "1"


def test_layers_stay_small():
    total = sum((LAYERS / layer / "entities.jsonl").stat().st_size for layer in PLACE_LAYERS)
    assert total < 60_000_000


def test_layerlib_prominence():
    assert layerlib.population_prominence(10_000_000) == 0.875
    assert layerlib.population_prominence(9_999) == 0.5
    assert layerlib.population_prominence(0) is None
    assert layerlib.population_prominence(10**9) == 1.0
    assert layerlib.prominence(None, "county") == 0.45
    assert layerlib.prominence(12345, "county") == layerlib.population_prominence(12345)


def test_layerlib_names_and_writing(tmp_path):
    names = layerlib.NameList("wof")
    assert names.add(" Tân  Phú ", "vi", "preferred")
    assert not names.add("tân phú", "vi", "alias")  # same key, same language
    assert not names.add("Tân Phú", "en", "alias")  # same text under another language
    assert not names.add("1", "vi", "alias")  # no letter: not a name
    assert names.add("Tan Phu", "en", "preferred")
    entity = layerlib.make_entity("wof-2", "place", "Tan Phu", names.names, prominence=0.2,
                                  external_ids={"wof": 2, "wikidata": None})
    assert [n["lang"] for n in entity["names"]] == ["en", "vi"]
    assert entity["names"][1]["text"] == "Tân Phú"
    assert entity["external_ids"] == {"wof": "2"}
    other = layerlib.make_entity("wof-10", "place", "X", [{"text": "X", "lang": "en", "kind": "preferred",
                                                          "source": "wof"}])
    counts = layerlib.write_layer(tmp_path / "t", [entity, other], "name: t", "notice")
    assert counts["entities"] == 2
    lines = (tmp_path / "t" / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["wof-10", "wof-2"]  # by id, as strings
    assert "Tân Phú" in lines[1]  # UTF-8 as written
    assert layerlib.read_layer(tmp_path / "t")[1] == entity
    with pytest.raises(SystemExit):
        layerlib.write_layer(tmp_path / "u", [entity, entity], "s", "n")
