"""Evaluation of mention extraction against the gold corpus in seeds/ (see seeds/README.md).

A document is a text and its gold mentions (start, end, surface, id). A predicted link is a
mention whose status is `matched`; it is right when its exact span and its entity id equal a
gold mention's. Precision, recall and F1 are reported per document, per group (the seed
articles, the passages) and overall, micro-averaged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Link = tuple[int, int, str]  # start, end, entity id
Extract = Callable[..., Any]  # extract(text, date=None) -> an object with .mentions (model.Mention values)


class GoldError(ValueError):
    """A gold file that cannot be used: unreadable, or a mention whose surface does not match."""


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    group: str  # "articles" or "passages"
    text: str
    gold: frozenset[Link]
    date: str | None = None  # the article's date (YYYY-MM-DD), when its gold file gives one


@dataclass(frozen=True, slots=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "tp": self.true_positives, "fp": self.false_positives,
            "fn": self.false_negatives,
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    document: Document
    score: Score
    missed: tuple[Link, ...]
    spurious: tuple[Link, ...]

    def to_dict(self) -> dict[str, Any]:
        text = self.document.text
        return {
            "document": self.document.name, "group": self.document.group, **self.score.to_dict(),
            "missed": [{"start": s, "end": e, "surface": text[s:e], "id": i} for s, e, i in self.missed],
            "spurious": [{"start": s, "end": e, "surface": text[s:e], "id": i} for s, e, i in self.spurious],
        }


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[DocumentResult, ...]

    def total(self, group: str | None = None) -> Score:
        score = Score(0, 0, 0)
        for result in self.documents:
            if group is None or result.document.group == group:
                score = score + result.score
        return score

    def to_text(self) -> str:
        """A plain-text table: one line per document, then one per group and the overall line."""
        lines = [f"{'document':<40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        lines += [_line(r.document.name, r.score) for r in self.documents]
        lines += [_line(f"[{g}]", self.total(g)) for g in sorted({r.document.group for r in self.documents})]
        lines.append(_line("[overall]", self.total()))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        groups = sorted({r.document.group for r in self.documents})
        return {
            "documents": [r.to_dict() for r in self.documents],
            "groups": {g: self.total(g).to_dict() for g in groups},
            "overall": self.total().to_dict(),
        }


def _line(name: str, score: Score) -> str:
    return (f"{name:<40} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.true_positives:4d} {score.false_positives:4d} {score.false_negatives:4d}")


def read_date(path: Path) -> str | None:
    """The article date a gold file gives ("date": "YYYY-MM-DD"), else None."""
    try:
        date = json.loads(path.read_text(encoding="utf-8")).get("date")
    except (OSError, ValueError, AttributeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    return str(date) if date else None


def read_gold(path: Path, text: str) -> frozenset[Link]:
    """Gold links of one document; raises GoldError when a surface disagrees with the text."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mentions = data["mentions"]
        links = set()
        for m in mentions:
            start, end, surface, entity = int(m["start"]), int(m["end"]), str(m["surface"]), str(m["id"])
            if text[start:end] != surface:
                raise GoldError(f"{path}: {surface!r} at {start}:{end} reads {text[start:end]!r}")
            links.add((start, end, entity))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, GoldError):
            raise
        raise GoldError(f"{path}: {exc}") from exc
    return frozenset(links)


def documents(seeds_dir: Path, corpus_dir: Path) -> Iterator[Document]:
    """The seed articles (texts in seeds_dir, gold in corpus_dir/gold) and the passages."""
    for gold in sorted((corpus_dir / "gold").glob("*.json")):
        name = gold.name.removesuffix(".json")
        text_path = seeds_dir / name
        if not text_path.is_file():
            raise GoldError(f"{gold}: the article {text_path} does not exist")
        text = text_path.read_text(encoding="utf-8")
        yield Document(name, "articles", text, read_gold(gold, text), read_date(gold))
    for path in sorted((corpus_dir / "passages").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold_path = path.with_suffix(".json")
        yield Document(path.name, "passages", text, read_gold(gold_path, text), read_date(gold_path))


def predicted_links(extraction: Any) -> frozenset[Link]:
    return frozenset(
        (m.start, m.end, m.resolution.match.id)
        for m in extraction.mentions
        if m.resolution.status == "matched" and m.resolution.match is not None
    )


def score_document(document: Document, extract: Extract) -> DocumentResult:
    predicted = predicted_links(extract(document.text, date=document.date))
    gold = document.gold
    score = Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))
    return DocumentResult(document, score, tuple(sorted(gold - predicted)), tuple(sorted(predicted - gold)))


def evaluate(extract: Extract, seeds_dir: Path, corpus_dir: Path) -> Report:
    """Score extract on every document of the corpus."""
    return Report(tuple(score_document(d, extract) for d in documents(seeds_dir, corpus_dir)))
