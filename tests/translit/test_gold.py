"""The gold list and the evaluation the bench script and `normalizer eval` report."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalizer.translit import evaluate, load_gold
from normalizer.translit.evaluate import CHINESE_KINDS, KOREAN_KINDS

GOLD = Path(__file__).resolve().parents[2] / "seeds" / "translit_gold.tsv"


@pytest.fixture(scope="module")
def rows():
    return load_gold(GOLD)


def test_gold_list_size(rows):
    assert sum(r.kind in CHINESE_KINDS for r in rows) >= 120
    assert sum(r.kind in KOREAN_KINDS for r in rows) >= 20
    assert all(r.hanviet and r.english and r.native for r in rows)


def test_targets_hold(rows):
    report = evaluate(rows)
    assert report["vi_to_pinyin"]["top1"] >= 0.90
    assert report["vi_to_pinyin"]["top5"] >= 0.99
    assert report["zh_to_vi"]["top1"] >= 0.90
    assert report["vi_to_hangul"]["top5"] >= 0.90


def test_evaluation_counts_misses():
    report = evaluate(load_gold(GOLD)[:0])
    assert report["vi_to_pinyin"]["total"] == 0
    wrong = [type(load_gold(GOLD)[0])("Quách Gia Côn", "Zhang San", "张三", "person")]
    scored = evaluate(wrong)["vi_to_pinyin"]
    assert scored["top1"] == 0.0 and scored["misses"] == ["Quách Gia Côn"]
