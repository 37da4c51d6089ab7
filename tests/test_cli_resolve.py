"""`normalizer resolve` streams: one output line per input line, in order, whatever the input."""

from __future__ import annotations

import io
import json

from normalizer.cli import main


def _run(monkeypatch, capsys, lines: list[str], *args: str) -> tuple[int, list[str], str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["resolve", *args])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_json_lines_answer_input_lines_in_order(monkeypatch, capsys):
    code, out, _ = _run(monkeypatch, capsys, ["Vương Nghị", "tap can binh", "xyzzy"], "--json")
    assert code == 0
    results = [json.loads(line) for line in out]
    assert [r["query"] for r in results] == ["Vương Nghị", "tap can binh", "xyzzy"]
    assert [r["status"] for r in results] == ["matched", "matched", "unmatched"]
    assert results[0]["match"]["id"] == "wang-yi"


def test_a_refused_name_costs_one_line_not_the_stream(monkeypatch, capsys):
    too_long = "x" * 5000
    code, out, err = _run(monkeypatch, capsys, ["Vương Nghị", too_long, "Kishida Fumio"], "--json")
    assert code == 1 and "name 2" in err
    results = [json.loads(line) for line in out]
    assert [r["status"] for r in results] == ["matched", "error", "matched"]
    assert results[2]["match"]["id"] == "fumio-kishida"


def test_a_bad_limit_is_a_usage_error_before_any_output(monkeypatch, capsys):
    code, out, err = _run(monkeypatch, capsys, ["Vương Nghị"], "--limit", "0")
    assert code == 2 and out == [] and "limit" in err


def test_version_prints_the_package_version(capsys):
    from importlib.metadata import version

    import pytest

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"normalizer {version('normalizer')}"
