"""The dictionary layers (gazetteer/layers/cedict, .../enamdict) as their genscripts wrote them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from normalizer.gazetteer.records import entity_from_raw

LAYERS = Path(__file__).resolve().parents[2] / "gazetteer" / "layers"


@cache
def _lines(source: str) -> list[str]:
    return (LAYERS / source / "entities.jsonl").read_text(encoding="utf-8").splitlines()


@cache
def _by_native(source: str) -> dict[str, dict]:
    out = {}
    for line in _lines(source):
        entity = json.loads(line)
        for name in entity["names"]:
            if name["lang"] in ("zh-Hans", "ja"):
                out.setdefault(name["text"], entity)
    return out


@pytest.mark.parametrize("source", ["cedict", "enamdict"])
def test_every_line_loads_without_problems(source: str) -> None:
    ids = []
    for n, line in enumerate(_lines(source), 1):
        raw = json.loads(line)
        assert line == json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        entity, problems = entity_from_raw(dict(raw), f"{source}/entities.jsonl", n)
        assert entity is not None and not problems, (n, problems)
        assert raw["id"].startswith(f"{source}-") and raw["prominence"] == 0.3
        assert all(name["source"] == source for name in raw["names"])
        # only the names the script made (Hán-Việt readings, class-word forms) are marked generated
        assert all(name["lang"] == "vi" for name in raw["names"] if name.get("generated"))
        ids.append(raw["id"])
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


@pytest.mark.parametrize("source", ["cedict", "enamdict"])
def test_layer_carries_its_source_and_share_alike_notice(source: str) -> None:
    assert "ShareAlike" in (LAYERS / source / "NOTICE").read_text(encoding="utf-8")
    assert "rebuilt with" in (LAYERS / source / "SOURCE").read_text(encoding="utf-8")


def test_layers_stay_small() -> None:
    sizes = sum((LAYERS / s / "entities.jsonl").stat().st_size for s in ("cedict", "enamdict"))
    assert sizes < 60 * 2**20


@pytest.mark.parametrize(("native", "english", "vietnamese"), [
    ("王毅", "Wang Yi", "Vương Nghị"),
    ("习近平", "Xi Jinping", "Tập Cận Bình"),
    ("诸葛亮", "Zhuge Liang", "Gia Cát Lượng"),  # a compound surname read by the surname table
    ("重庆市", "Chongqing", "thành phố Trùng Khánh"),  # 重 chong2 is Trùng, not Trọng
    ("广东省", "Guangdong", "tỉnh Quảng Đông"),  # the head first, as Vietnamese writes it
    ("海南岛", "Hainan Island", "đảo Hải Nam"),
    ("外交部", "Ministry of Foreign Affairs", "Bộ Ngoại giao Trung Quốc"),  # not Vietnam's own ministry
    ("中国人民银行", "People's Bank of China", "Ngân hàng Nhân dân Trung Quốc"),
    ("新华社", "Xinhua News Agency", "Tân Hoa xã"),
])
def test_cedict_hanviet_forms(native: str, english: str, vietnamese: str) -> None:
    entity = _by_native("cedict")[native]
    assert entity["name"] == english
    vi = [n for n in entity["names"] if n["lang"] == "vi"]
    assert vi[0]["text"] == vietnamese and vi[0]["kind"] == "preferred" and vi[0]["generated"] is True


def test_cedict_people_have_family_names_and_no_transliterations() -> None:
    wang = _by_native("cedict")["王毅"]
    assert {(n["lang"], n.get("family")) for n in wang["names"]} >= {
        ("en", "Wang"), ("vi", "Vương"), ("zh-Hans", "王"), ("zh-Latn-pinyin", "Wáng")}
    assert "里根" not in _by_native("cedict")  # Reagan, not "Lý Căn"


def test_enamdict_people_in_both_orders() -> None:
    abe = _by_native("enamdict")["安倍晋三"]
    names = {(n["lang"], n["text"], n.get("family")) for n in abe["names"]}
    assert names == {("en", "Shinzo Abe", "Abe"), ("ja-Latn", "Abe Shinzo", "Abe"),
                     ("ja", "安倍晋三", "安倍")}
    assert abe["type"] == "person" and abe["country"] == "japan"
    assert _by_native("enamdict")["大江健三郎"]["name"] == "Kenzaburo Oe"  # Ooe -> Oe
    assert _by_native("enamdict")["井上陽水"]["name"] == "Yosui Inoue"  # Inoue keeps its u


def test_enamdict_places() -> None:
    aichi = _by_native("enamdict")["愛知県"]
    assert aichi["type"] == "place" and aichi["name"] == "Aichi Prefecture"
    assert {(n["lang"], n["text"]) for n in aichi["names"]} >= {("vi", "tỉnh Aichi"), ("en", "Aichi")}
    assert "尖閣諸島" not in _by_native("enamdict")  # contested: the curated entity holds every party's name
