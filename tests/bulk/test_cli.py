"""`normalizer csv`: files and stdin/stdout, the summary, --unmatched and the exit codes."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from normalizer.cli import main
from tests.bulk.conftest import GAZETTEER
from tests.gazetteers import write_yaml


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_yaml(tmp_path_factory.mktemp("cli-gazetteer"), GAZETTEER))


@pytest.fixture(autouse=True)
def own_database(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI's service opens the store of NORMALIZER_DATABASE_URL: never the project's own.
    folder = tmp_path_factory.mktemp("cli-db")
    monkeypatch.setenv("NORMALIZER_DATABASE_URL", f"sqlite:///{folder / 'normalizer.db'}")


def run(gazetteer: str, *args: str) -> int:
    return main(["--gazetteer", gazetteer, "csv", *args])


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_file_to_file_with_summary_and_unmatched(gazetteer, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("id;name\n1;Vương Nghị\n2;Zzz Qqq\n3;Zzz Qqq\n4;\n5;x;y\n", encoding="utf-8")
    out, unmatched = tmp_path / "out.csv", tmp_path / "unmatched.csv"
    code = run(gazetteer, str(source), "-o", str(out), "--column", "name", "--unmatched", str(unmatched))
    assert code == 0
    rows = read(out)
    assert [r[0] for r in rows] == ["id", "1", "2", "3", "4", "5"]
    assert rows[1][2] == "wang-yi"
    assert read(unmatched) == [["value", "status", "count"], ["Zzz Qqq", "unmatched", "2"]]
    err = capsys.readouterr().err
    assert "5 rows: 1 matched, 0 ambiguous, 2 unmatched, 1 empty, 1 errors" in err


def test_stdin_to_stdout(gazetteer, monkeypatch, capsysbinary):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("name\nTập Cận Bình\n".encode())))
    assert run(gazetteer, "-", "--column", "1") == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.splitlines()[1].startswith("Tập Cận Bình,xi-jinping,Xi Jinping,person,")


def test_missing_column_exits_2_and_writes_nothing(gazetteer, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("id,name\n1,x\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run(gazetteer, str(source), "-o", str(out), "--column", "nom") == 2
    assert "column 'nom' not found; available columns: 'id', 'name'" in capsys.readouterr().err
    assert not out.exists()


def test_refuses_to_overwrite_its_input(gazetteer, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("name\nWang Yi\n", encoding="utf-8")
    assert run(gazetteer, str(source), "-o", str(source), "--column", "name") == 2
    assert source.read_text(encoding="utf-8") == "name\nWang Yi\n"


def test_missing_input_exits_2(gazetteer, tmp_path, capsys):
    assert run(gazetteer, str(tmp_path / "nope.csv"), "--column", "name") == 2
    assert "cannot read" in capsys.readouterr().err


def test_broken_input_exits_3_after_writing_the_rows_before(gazetteer, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_bytes(b'name\nWang Yi\n"unclosed\n' + b"x" * (200 * 1024))
    out = tmp_path / "out.csv"
    assert run(gazetteer, str(source), "-o", str(out), "--column", "name") == 3
    assert "not readable CSV" in capsys.readouterr().err
    assert not out.exists()  # what looks like the output is only ever a whole one
    assert "wang-yi" in (tmp_path / "out.csv.partial").read_text(encoding="utf-8")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_unclosed_quote_near_the_end_exits_3_not_one_folded_row(gazetteer, tmp_path, capsys, workers):
    source = tmp_path / "in.csv"
    source.write_text('name\nWang Yi\nDokdo\n"unclosed, Vương Nghị\nHàn Quốc\nTTXVN\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    code = run(gazetteer, str(source), "-o", str(out), "--column", "name", "--workers", workers)
    assert code == 3
    assert "unclosed quote" in capsys.readouterr().err
    partial = read(tmp_path / "out.csv.partial")
    assert [r[0] for r in partial] == ["name", "Wang Yi", "Dokdo"]
    assert not out.exists()


def test_the_output_appears_whole_or_not_at_all(gazetteer, tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("name\n" + "Wang Yi\n" * 50_000, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("the previous run's output\n", encoding="utf-8")
    from normalizer.bulk.job import CsvJob

    real = CsvJob.text_chunks

    def interrupted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        chunks = real(self, *args, **kwargs)
        yield next(chunks)
        yield next(chunks)
        raise KeyboardInterrupt

    monkeypatch.setattr(CsvJob, "text_chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(gazetteer, str(source), "-o", str(out), "--column", "name")
    assert out.read_text(encoding="utf-8") == "the previous run's output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]  # no temporary left
    monkeypatch.setattr(CsvJob, "text_chunks", real)
    assert run(gazetteer, str(source), "-o", str(out), "--column", "name") == 0
    assert len(read(out)) == 50_001 and sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_safe_output_and_workers(gazetteer, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("name,formula\nWang Yi,=1+2\n" * 50, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run(gazetteer, str(source), "-o", str(out), "--column", "1", "--no-header",
               "--safe-output", "--workers", "2") == 0
    rows = read(out)
    assert len(rows) == 100 and rows[1][:3] == ["Wang Yi", "'=1+2", "wang-yi"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(gazetteer, tmp_path, monkeypatch):
    source = tmp_path / "in.csv"
    source.write_text("name\n" + "Wang Yi\n" * 5000, encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(gazetteer, str(source), "-o", str(tmp_path / "out.csv"), "--column", "name") == 0
    shown = terminal.getvalue()
    assert "5.00k/5.00k" in shown and "rows/s" in shown  # total estimated from the bytes read
    assert "5000 rows: 5000 matched" in shown
