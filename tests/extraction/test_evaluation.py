"""The gold corpus: well-formed, and extraction meets the issue's targets on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizer.evaluation import GoldError, read_gold
from normalizer.service import Normalizer
from normalizer.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
CORPUS = PROJECT_ROOT / "seeds"
PLAIN = ("p02_plain_everyday", "p03_plain_vietnamese_names", "p04_plain_vietnamese_places",
         "p22_plain_economy")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not checked out beside the project")
def test_targets_on_articles_and_passages(service: Normalizer) -> None:
    report = service.evaluate(SEEDS, CORPUS)
    assert len([r for r in report.documents if r.document.group == "articles"]) == 5
    assert len([r for r in report.documents if r.document.group == "passages"]) >= 20
    assert report.total("articles").f1 >= 0.95
    assert report.total("passages").f1 >= 0.95
    for result in report.documents:
        if result.document.name.removesuffix(".txt") in PLAIN:
            assert result.score.false_positives == 0, result.spurious


def test_every_gold_id_exists(service: Normalizer) -> None:
    for path in sorted(CORPUS.glob("**/*.json")):
        for mention in json.loads(path.read_text(encoding="utf-8"))["mentions"]:
            assert service.entity(mention["id"]) is not None, (path.name, mention)


def test_a_surface_that_disagrees_with_the_text_is_reported(tmp_path: Path) -> None:
    gold = tmp_path / "doc.json"
    gold.write_text(json.dumps({"mentions": [{"start": 0, "end": 3, "surface": "Nga", "id": "russia"}]}))
    assert read_gold(gold, "Nga") == {(0, 3, "russia")}
    with pytest.raises(GoldError):
        read_gold(gold, "Lào")
