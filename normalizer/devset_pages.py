"""The development set measured on the pages' text: extraction scored against each page's rows.

`normalizer.devset` resolves each name alone; users send whole articles, where the sentence
settles what a name alone cannot ("thắng Thái Lan" is the team). Here each page whose text is in
a folder (DIR/<key>.txt, key = the first 16 hex digits of sha1(url)) is extracted with its date,
and its links are scored against its rows (seeds/devset/README.md):

- a notable row is found when a link to its gold id has a text equal to the row's surface, or
  containing it, or contained in it (casefolded);
- each distinct (mention text, entity id) link is right when a notable row of the page has that
  id and a surface that matches it so, wrong otherwise;
- ambiguous and unmatched mentions are no links; pages without a text file are left out.

The repository never stores the pages' text (copyright): each user fetches it into a folder.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normalizer.devset import ABSENT, DevsetError, Row, Tally, day_of

Link = tuple[str, str]  # (mention text, entity id)
Extract = Callable[[str, str | None], Iterable[Link]]  # (page text, date) -> its links


@dataclass
class PageTally(Tally):
    """A domain's tally, with the number of pages measured."""

    pages: int = 0

    def to_dict(self, examples: int = 0) -> dict[str, Any]:
        return {"pages": self.pages, **super().to_dict(examples)}


@dataclass
class PagesReport:
    tallies: dict[str, PageTally]
    missing: list[str] = field(default_factory=list)  # urls of pages with no text file


def page_key(url: str) -> str:
    """The file name (without .txt) of a page's text: sha1 of its url as written, 16 hex digits."""
    return hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def evaluate_pages(rows: Iterable[Row], ids: dict[str, str], pages_dir: Path, extract: Extract,
                   splits: frozenset[str] = frozenset({"dev"})) -> PagesReport:
    """Tallies by domain and "overall" for the pages of these splits that have a text file."""
    pages_dir = Path(pages_dir)
    if not pages_dir.is_dir():
        raise DevsetError(f"no folder of page texts at {pages_dir}")
    report = PagesReport({})
    for url, page_rows in _pages(rows, splits).items():
        path = pages_dir / f"{page_key(url)}.txt"
        if not path.is_file():
            report.missing.append(url)
            continue
        links = set(extract(path.read_text(encoding="utf-8"), day_of(page_rows[0])))
        for key in (page_rows[0].domain, "overall"):
            tally = report.tallies.setdefault(key, PageTally())
            tally.pages += 1
            score_page(tally, page_rows, ids, links)
    report.tallies = dict(sorted(report.tallies.items()))
    return report


def score_page(tally: Tally, rows: list[Row], ids: dict[str, str], links: set[Link]) -> None:
    """Adds one page's rows and links to tally."""
    gold = [(row, ids.get(row.entity, ABSENT)) for row in rows if row.notable]
    for row, entity_id in gold:
        tally.notable += 1
        if any(found == entity_id and _same_name(text, row.surface) for text, found in links):
            tally.found += 1
        else:
            tally.misses.append((row.surface, row.entity, _answers(row.surface, links)))
    for text, entity_id in sorted(links):
        if any(gold_id == entity_id and _same_name(text, row.surface) for row, gold_id in gold):
            tally.right_links += 1
        else:
            tally.wrong_links += 1
            tally.wrong.append((text, _annotated_as(text, rows), entity_id))


def _pages(rows: Iterable[Row], splits: frozenset[str]) -> dict[str, list[Row]]:
    pages: dict[str, list[Row]] = {}
    for row in rows:
        if row.split in splits:
            pages.setdefault(row.url, []).append(row)
    return pages


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _same_name(text: str, surface: str) -> bool:
    """A mention's text names the row's surface: equal, containing or contained (casefolded)."""
    a, b = _fold(text), _fold(surface)
    return bool(a and b) and (a in b or b in a)


def _answers(surface: str, links: set[Link]) -> str:
    """What the page's links made of a missed surface, for the examples."""
    made = sorted({entity_id for text, entity_id in links if _same_name(text, surface)})
    return ",".join(made) or "no link"


def _annotated_as(text: str, rows: list[Row]) -> str:
    """The gold of the rows whose surface a wrong link's text matches, for the examples."""
    golds = sorted({row.entity if row.notable else f"(not notable) {row.entity}"
                    for row in rows if _same_name(text, row.surface)})
    return "; ".join(golds) or "(not annotated)"
