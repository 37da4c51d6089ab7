"""The development-set evaluator: recall over notable names, precision over links, by domain;
`normalizer eval --devset` through the CLI as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from normalizer.devset import Row, evaluate_devset
from normalizer.model import Candidate, Resolution


def _answer(entity_id: str | None) -> Resolution:
    if entity_id is None:
        return Resolution("q", "unmatched", None)
    match = Candidate(entity_id, entity_id, "person", 1.0, "q", "exact", "")
    return Resolution("q", "matched", match, (match,))


def test_recall_counts_notable_names_found_and_precision_counts_links() -> None:
    gold_rows = [("Messi", "Lionel Messi", True), ("Ronaldo", "Cristiano Ronaldo", True),
                 ("Park", "Park Hang-seo", True), ("Anh Tuấn", "Nguyen Anh Tuan", False)]
    rows = [Row("dev", "sports", "u", None, name, gold, "person", yes) for name, gold, yes in gold_rows]
    answers = {"Messi": "lionel-messi", "Ronaldo": "ronaldo-nazario", "Park": None, "Anh Tuấn": "someone"}
    ids = {"Lionel Messi": "lionel-messi", "Cristiano Ronaldo": "cristiano-ronaldo", "Park Hang-seo": "-"}
    tally = evaluate_devset(rows, ids, lambda name, date: _answer(answers[name]))["sports"]
    assert (tally.notable, tally.found, tally.right_links, tally.wrong_links) == (3, 1, 1, 2)
    assert round(tally.recall, 3) == 0.333 and round(tally.precision, 3) == 0.333
    assert ("Anh Tuấn", "(not notable) Nguyen Anh Tuan", "someone") in tally.wrong


def test_the_cli_reports_by_domain(tmp_path: Path) -> None:
    (tmp_path / "mentions.tsv").write_text(
        "split\tdomain\turl\tdate\tsurface\tentity\ttype\tnotable\tnote\n"
        "dev\tpolitics\thttps://x.vn/a\t2024-01-01\tVương Nghị\tWang Yi\tperson\tyes\t\n"
        "dev\tpolitics\thttps://x.vn/a\t2024-01-01\tNguyễn Văn Ba\tNguyen Van Ba\tperson\tno\t\n"
        "test\tpolitics\thttps://x.vn/b\t\tTập Cận Bình\tXi Jinping\tperson\tyes\t\n", encoding="utf-8")
    (tmp_path / "ids.tsv").write_text("entity\ttype\tid\thow\nWang Yi\tperson\twang-yi\tname\n"
                                      "Xi Jinping\tperson\txi-jinping\tname\n", encoding="utf-8")
    command = [sys.executable, "-m", "normalizer", "eval", "--devset", str(tmp_path), "--json"]
    printed = subprocess.run(command, capture_output=True, check=True, text=True).stdout
    report = json.loads(printed)
    assert report["politics"]["notable"] == 1 and report["politics"]["recall"] == 1.0
    assert report["overall"]["wrong_links"] == 0
