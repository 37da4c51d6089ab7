"""The development set scored on the pages' text (normalizer.devset_pages): a row is found by a link
to its gold id whose text matches its surface, a link is right only against such a row; and
`normalizer eval --devset --pages DIR` through the CLI as a process. The page texts here are
made-up sentences, never article text."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer.devset import DevsetError, Row
from normalizer.devset_pages import Link, evaluate_pages, page_key
from tests.store.conftest import write_gazetteer

URL = "https://tin.example.vn/bai-1"


def _row(surface: str, entity: str, notable: bool = True, url: str = URL, date: str | None = "2025-01-05",
         split: str = "dev") -> Row:
    return Row(split, "sports", url, date, surface, entity, "organization", notable)


def _pages(tmp_path: Path, texts: dict[str, str]) -> Path:
    for url, text in texts.items():
        (tmp_path / f"{page_key(url)}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_key_is_the_sha1_of_the_url_as_written() -> None:
    assert page_key(URL) == hashlib.sha1(URL.encode("utf-8")).hexdigest()[:16]
    assert page_key(URL + "/") != page_key(URL)


def test_a_row_is_found_by_a_link_to_its_id_whose_text_contains_or_is_contained_in_its_surface(
        tmp_path: Path) -> None:
    rows = [_row("tuyển Thái Lan", "Thailand national football team"),
            _row("U23 Việt Nam", "Vietnam national under-23 football team"),
            _row("Hà Nội FC", "Hanoi FC")]
    ids = {"Thailand national football team": "thai-team",
           "Vietnam national under-23 football team": "vn-u23", "Hanoi FC": "hanoi-fc"}
    links = [("Thái Lan", "thai-team"),  # contained in the surface: found
             ("Việt Nam", "vietnam"),  # contained, but another entity: no
             ("CLB Hà Nội FC", "hanoi-fc")]  # contains the surface: found
    texts = _pages(tmp_path, {URL: "Đội nhà thắng Thái Lan."})
    report = evaluate_pages(rows, ids, texts, lambda text, date: links)
    tally = report.tallies["sports"]
    assert (tally.pages, tally.notable, tally.found) == (1, 3, 2)
    assert tally.misses == [("U23 Việt Nam", "Vietnam national under-23 football team", "vietnam")]
    assert (tally.right_links, tally.wrong_links) == (2, 1)
    assert tally.wrong == [("Việt Nam", "Vietnam national under-23 football team", "vietnam")]


def test_links_of_names_not_marked_so_are_wrong_and_repeated_links_count_once(tmp_path: Path) -> None:
    rows = [_row("Hà Nội", "Hanoi FC"), _row("Anh Tuấn", "Tran Anh Tuan (photographer)", notable=False)]
    ids = {"Hanoi FC": "hanoi-fc", "Tran Anh Tuan (photographer)": "-"}
    links = [("Hà Nội", "hanoi"), ("Hà Nội", "hanoi"), ("Anh Tuấn", "tran-anh-tuan"), ("Sài Gòn", "saigon")]
    texts = _pages(tmp_path, {URL: "Hà Nội hòa Sài Gòn."})
    report = evaluate_pages(rows, ids, texts, lambda text, date: links)
    tally = report.tallies["overall"]
    assert (tally.notable, tally.found, tally.right_links, tally.wrong_links) == (1, 0, 0, 3)
    assert ("Anh Tuấn", "(not notable) Tran Anh Tuan (photographer)", "tran-anh-tuan") in tally.wrong
    assert ("Sài Gòn", "(not annotated)", "saigon") in tally.wrong
    assert tally.misses == [("Hà Nội", "Hanoi FC", "hanoi")]


def test_pages_without_text_and_other_splits_are_left_out_and_only_full_dates_are_passed(
        tmp_path: Path) -> None:
    other = "https://tin.example.vn/bai-2"
    rows = [_row("Hà Nội FC", "Hanoi FC", date="2025-01"), _row("Hà Nội FC", "Hanoi FC", url=other),
            _row("Hà Nội FC", "Hanoi FC", url="https://tin.example.vn/bai-3", split="test")]
    dates: list[str | None] = []

    def extract(text: str, date: str | None) -> list[Link]:
        dates.append(date)
        return [("Hà Nội FC", "hanoi-fc")]

    texts = _pages(tmp_path, {URL: "Hà Nội FC thắng."})
    report = evaluate_pages(rows, {"Hanoi FC": "hanoi-fc"}, texts, extract)
    assert report.missing == [other]
    assert dates == [None]  # a month alone ("2025-01") is no date to extract with
    assert (report.tallies["overall"].pages, report.tallies["overall"].notable) == (1, 1)


def test_a_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DevsetError, match="no folder"):
        evaluate_pages([_row("Hà Nội FC", "Hanoi FC")], {}, tmp_path / "nowhere", lambda text, date: [])


def _devset(root: Path) -> Path:
    devset = root / "devset"
    devset.mkdir()
    (devset / "mentions.tsv").write_text(
        "split\tdomain\turl\tdate\tsurface\tentity\ttype\tnotable\tnote\n"
        f"dev\tpolitics\t{URL}\t2024-03-02\tVương Nghị\tWang Yi\tperson\tyes\t\n"
        f"dev\tpolitics\t{URL}\t2024-03-02\tNhật Bản\tJapan\tcountry\tyes\t\n"
        f"dev\tpolitics\t{URL}\t2024-03-02\tTrung Quốc\tChina\tcountry\tno\tmade-up: marked not notable\n"
        "dev\tpolitics\thttps://tin.example.vn/bai-2\t\tTập Cận Bình\tXi Jinping\tperson\tyes\t\n",
        encoding="utf-8")
    (devset / "ids.tsv").write_text("entity\ttype\tid\thow\nWang Yi\tperson\twang-yi\tname\n"
                                    "Japan\tcountry\tjapan\tname\nXi Jinping\tperson\txi-jinping\tname\n",
                                    encoding="utf-8")
    return devset


def _normalizer(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NORMALIZER_GAZETTEER_DIR": str(root / "gazetteer"), "NORMALIZER_LAYERS": "none",
           "NORMALIZER_DATABASE_URL": f"sqlite:///{root / 'db.sqlite'}", "NORMALIZER_CACHE_DIR": "off"}
    return subprocess.run([sys.executable, "-m", "normalizer", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_cli_extracts_each_page_with_a_text_and_scores_it(tmp_path: Path) -> None:
    write_gazetteer(tmp_path / "gazetteer")
    devset, pages = _devset(tmp_path), tmp_path / "pages"
    pages.mkdir()
    (pages / f"{page_key(URL)}.txt").write_text(
        "Ông Vương Nghị nói rằng Trung Quốc muốn gặp Nhật Bản sớm.", encoding="utf-8")
    done = _normalizer(tmp_path, "eval", "--devset", str(devset), "--pages", str(pages), "--json",
                       "--examples", "5")
    assert done.returncode == 0, done.stderr
    politics = json.loads(done.stdout)["politics"]
    assert (politics["pages"], politics["notable"], politics["found"]) == (1, 2, 2)
    assert (politics["links"], politics["wrong_links"]) == (3, 1)
    assert politics["wrong"] == [["Trung Quốc", "(not notable) China", "china"]]
    assert "1 page(s) of split dev have no text" in done.stderr
    table = _normalizer(tmp_path, "eval", "--devset", str(devset), "--pages", str(pages)).stdout
    assert table.splitlines()[0].split()[:3] == ["domain", "pages", "notable"]


def test_the_cli_refuses_a_folder_of_texts_that_does_not_exist(tmp_path: Path) -> None:
    write_gazetteer(tmp_path / "gazetteer")
    devset = _devset(tmp_path)
    done = _normalizer(tmp_path, "eval", "--devset", str(devset), "--pages", str(tmp_path / "none"))
    assert done.returncode == 2 and "no folder of page texts" in done.stderr


def test_the_cli_refuses_pages_without_the_development_set(tmp_path: Path) -> None:
    done = _normalizer(tmp_path, "eval", "--pages", str(tmp_path))
    assert done.returncode == 2 and "--devset" in done.stderr
