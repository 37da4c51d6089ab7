"""A bulk job keeps every row, in order, appends the results, and marks bad rows."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata

import pytest

from normalizer.bulk import RESULT_COLUMNS, CsvInputError, CsvJob, CsvOptions, CsvUsageError, RowResult
from normalizer.model import Candidate, Resolution
from tests.bulk.conftest import run_job, to_1258
from tests.gazetteers import real_name_texts

HEADER = ["id", "name", "note", *RESULT_COLUMNS]


def cells(row: list[str]) -> dict[str, str]:
    return dict(zip(RESULT_COLUMNS, row[-len(RESULT_COLUMNS):], strict=True))


def test_keeps_rows_in_order_and_appends_results(small_service):
    data = "id,name,note\n1,Vương Nghị,a\n2,Hàn Quốc,b\n3,Zzyzx Qwerty,c\n".encode()
    job, rows = run_job(small_service, data)
    assert rows[0] == HEADER
    assert [r[:3] for r in rows[1:]] == [["1", "Vương Nghị", "a"], ["2", "Hàn Quốc", "b"],
                                         ["3", "Zzyzx Qwerty", "c"]]
    assert cells(rows[1]) == {"entity_id": "wang-yi", "entity_name": "Wang Yi", "entity_type": "person",
                              "score": "1.0000", "status": "matched", "method": "exact", "reason": ""}
    assert cells(rows[2])["entity_id"] == "south-korea"
    assert cells(rows[3])["status"] == "unmatched" and cells(rows[3])["entity_id"] == ""
    assert job.summary.rows == 3 and job.summary.counts["matched"] == 2


def test_type_filter(small_service):
    _, rows = run_job(small_service, "name\nHàn Quốc\n".encode(), type="person")
    assert cells(rows[1])["status"] == "unmatched"


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_empty_values_are_marked_empty(small_service, value):
    _, rows = run_job(small_service, f'id,name\n1,"{value}"\n'.encode())
    assert rows[1][:2] == ["1", value] and cells(rows[1])["status"] == "empty"


def test_short_and_long_rows_are_kept_aligned_and_marked(small_service):
    data = b"id,name,note\n1,Wang Yi\n2,Wang Yi,x,extra1,extra2\n3,Wang Yi,ok\n"
    job, rows = run_job(small_service, data)
    short, long, fine = rows[1:]
    assert short[:3] == ["1", "Wang Yi", ""] and len(short) == len(HEADER)
    assert cells(short)["status"] == "error" and "2 fields, the header has 3" in cells(short)["reason"]
    assert long[:3] == ["2", "Wang Yi", "x"] and long[-2:] == ["extra1", "extra2"]
    assert dict(zip(RESULT_COLUMNS, long[3:10], strict=True))["status"] == "error"
    assert cells(fine)["status"] == "matched"
    assert job.summary.counts["error"] == 2


def test_invalid_bytes_mark_the_row_and_keep_it(small_service):
    data = b"id,name\n1,Wang Yi\n2,Wa\xffng\n3,Xi Jinping\n"
    job, rows = run_job(small_service, data, encoding="utf-8")
    assert rows[2][1] == "Wa\ufffdng"
    assert cells(rows[2])["status"] == "error"
    assert cells(rows[2])["reason"] == "invalid bytes for utf-8 in column 2: 0xff"
    assert cells(rows[3])["entity_id"] == "xi-jinping"
    assert job.summary.counts == {"matched": 2, "ambiguous": 0, "unmatched": 0, "empty": 0, "error": 1}


def test_quoted_fields_with_newlines_and_delimiters(small_service):
    data = 'id;name;note\n1;"Vương Nghị";"two\nlines; and ""quotes"""\n'.encode()
    job, rows = run_job(small_service, data)
    assert job.delimiter == ";"
    assert rows[1][2] == 'two\nlines; and "quotes"' and cells(rows[1])["entity_id"] == "wang-yi"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    to_1258,
])
def test_every_encoding_reads_the_same(small_service, encode):
    text = "id\tname\n1\tVương Nghị\n2\tTập Cận Bình\n3\tTriều Tiên\n"
    _, rows = run_job(small_service, encode(text))
    assert rows[0][:2] == ["id", "name"]
    assert [r[1] for r in rows[1:]] == ["Vương Nghị", "Tập Cận Bình", "Triều Tiên"]
    assert all(unicodedata.is_normalized("NFC", r[1]) for r in rows[1:])
    assert [cells(r)["entity_id"] for r in rows[1:]] == ["wang-yi", "xi-jinping", "north-korea"]


def test_1252_input(small_service):
    _, rows = run_job(small_service, "name;note\nChina;Côte d'Ivoire\n".encode("cp1252"))
    assert rows[1][:2] == ["China", "Côte d'Ivoire"] and cells(rows[1])["entity_id"] == "china"


def test_column_by_number_and_a_header_named_like_a_number(small_service):
    _, rows = run_job(small_service, b"id,name\n1,Wang Yi\n", column="2")
    assert cells(rows[1])["entity_id"] == "wang-yi"
    _, rows = run_job(small_service, b"2,1\nWang Yi,x\n", column="2")
    assert cells(rows[1])["entity_id"] == "wang-yi"  # the header "2" is column 1


def test_column_name_matches_in_any_normalization_form(small_service):
    decomposed = unicodedata.normalize("NFD", "tên")
    _, rows = run_job(small_service, "id,tên\n1,Wang Yi\n".encode(), column=decomposed)
    assert cells(rows[1])["entity_id"] == "wang-yi"


def test_no_header(small_service):
    _, rows = run_job(small_service, b"1,Wang Yi\n2,Xi Jinping\n", column="2", header=False)
    assert [r[:2] for r in rows] == [["1", "Wang Yi"], ["2", "Xi Jinping"]]
    assert [cells(r)["entity_id"] for r in rows] == ["wang-yi", "xi-jinping"]


@pytest.mark.parametrize(("data", "options", "message"), [
    (b"id,name\n1,x\n", {"column": "nom"}, "column 'nom' not found; available columns: 'id', 'name'"),
    (b"id,name\n1,x\n", {"column": "3"}, "column 3 does not exist: the input has 2 column(s)"),
    (b"1,x\n", {"column": "name", "header": False}, "must be a 1-based number"),
    (b"", {"column": "name"}, "the input is empty"),
    (b"a\n", {"column": "a", "type": "planet"}, "type must be one of"),
    (b"a\n", {"column": "a", "encoding": "latin-9"}, "unknown encoding"),
    (b"a\n", {"column": "a", "delimiter": ":"}, "unknown delimiter"),
])
def test_usage_errors_come_before_any_output(small_service, data, options, message):
    with pytest.raises(CsvUsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        small_service.open_csv(io.BytesIO(data), CsvOptions(**options))


def test_unclosed_quote_breaks_the_stream_with_a_clear_error(small_service):
    data = b'name\nWang Yi\n"never closed\n' + b"x" * (200 * 1024)
    job = small_service.open_csv(io.BytesIO(data), CsvOptions(column="name", chunk_rows=1))
    sink = io.StringIO(newline="")
    with pytest.raises(CsvInputError, match="not readable CSV"):
        job.write(sink)
    assert "Wang Yi" in sink.getvalue()  # the rows before it were written


def fake_resolution(query: str, name: str, status: str = "matched") -> Resolution:
    candidate = Candidate("x", name, "person", 0.9, query, "exact", "")
    return Resolution(query, status, candidate if status == "matched" else None, (candidate,))


def test_written_cells_are_neutralized_input_cells_only_with_safe_output():
    def resolve(query, type, limit):
        return fake_resolution(query, "=HYPERLINK(evil)")

    data = b"name,note\n=1+1,@cmd\n"
    for safe in (False, True):
        job = CsvJob.open(io.BytesIO(data), CsvOptions(column="name", safe_output=safe), resolve)
        rows = list(csv.reader(io.StringIO("".join(job.text_chunks()), newline="")))
        assert cells(rows[1])["entity_name"] == "'=HYPERLINK(evil)"
        assert rows[1][:2] == (["'=1+1", "'@cmd"] if safe else ["=1+1", "@cmd"])


def test_each_distinct_value_is_resolved_once():
    seen: list[str] = []

    def resolve(query, type, limit):
        seen.append(query)
        return fake_resolution(query, "N")

    data = ("name\n" + "a\nb\na\nc\nb\na\n" * 100).encode()
    job = CsvJob.open(io.BytesIO(data), CsvOptions(column="name", chunk_rows=7), resolve)
    assert len("".join(job.text_chunks()).splitlines()) == 601
    assert sorted(seen) == ["a", "b", "c"]


def test_a_failing_or_refusing_resolver_marks_the_row_and_goes_on():
    def resolve(query, type, limit):
        if query == "boom":
            raise RuntimeError("bug")
        if query == "long":
            raise ValueError("a query has at most 1000 characters")
        return fake_resolution(query, "N")

    job = CsvJob.open(io.BytesIO(b"name\nboom\nlong\nok\n"), CsvOptions(column="name"), resolve)
    rows = list(csv.reader(io.StringIO("".join(job.text_chunks()), newline="")))
    assert [cells(r)["status"] for r in rows[1:]] == ["error", "error", "matched"]
    assert cells(rows[1])["reason"] == "internal error resolving this value: RuntimeError"
    assert cells(rows[2])["reason"] == "a query has at most 1000 characters"


def test_overlong_value_through_the_service(small_service):
    _, rows = run_job(small_service, ("name\n" + "a" * 5000 + "\n").encode())
    assert cells(rows[1])["status"] == "error" and "at most" in cells(rows[1])["reason"]


def test_observer_sees_every_row_in_order(small_service):
    seen: list[tuple[str, str]] = []
    job = small_service.open_csv(io.BytesIO(b"name\nWang Yi\n\nzzz qqq\n"), CsvOptions(column="name"))

    def observe(value: str, result: RowResult) -> None:
        seen.append((value, result.status))

    job.write(io.StringIO(newline=""), observe)
    assert seen == [("Wang Yi", "matched"), ("", "empty"), ("zzz qqq", "unmatched")]


def test_blank_line_is_an_empty_row(small_service):
    _, rows = run_job(small_service, b"id,name\n1,Wang Yi\n\n3,Xi Jinping\n")
    assert rows[2] == ["", "", "", "", "", "", "empty", "", ""]


def test_progress_reports_rows_and_bytes(small_service):
    calls: list[tuple[int, int]] = []
    data = ("name\n" + "Wang Yi\n" * 50).encode()
    job = small_service.open_csv(io.BytesIO(data), CsvOptions(column="name", chunk_rows=20))
    job.write(io.StringIO(newline=""), progress=lambda rows, read: calls.append((rows, read)))
    assert [rows for rows, _ in calls] == [20, 40, 50]
    assert calls[-1][1] == len(data)


def test_summary_text(small_service):
    job, _ = run_job(small_service, b"name\nWang Yi\n\"\"\nzzz\n")
    text = job.summary.text()
    assert text.startswith("3 rows: 1 matched, 0 ambiguous, 1 unmatched, 1 empty, 0 errors;")


def test_names_as_written_give_what_resolve_gives(service):
    """The job answers a value written exactly as a gazetteer name without resolving it: the
    cells are those resolve's answer gives, for every curated name of the real gazetteer, a sample
    of its layers' names, and variants."""
    names = real_name_texts(service.index)
    values = names + [n.lower() for n in names[::7]] + ["Ngoại trưởng " + n for n in names[::11]]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([["name"], *([v] for v in values)])
    data = buffer.getvalue().encode()
    options = CsvOptions(column="name", chunk_rows=500)
    shortcut = "".join(service.open_csv(io.BytesIO(data), options).text_chunks())
    pipeline = "".join(CsvJob.open(io.BytesIO(data), options, service.resolve).text_chunks())
    assert shortcut == pipeline
    curated = {n.text for e in service.index.entities.values() if e.layer is None for n in e.names}
    answered = sum(service.named_exactly(name) is not None for name in curated)
    assert answered >= 0.85 * len(curated)  # the shortcut was taken, not merely harmless


def test_an_unreadable_header_is_a_usage_error_before_any_output(small_service):
    data = b'"name\n' + b"x" * (200 * 1024)  # a quote never closed: past the csv field limit
    with pytest.raises(CsvUsageError, match="first row is not readable CSV"):
        small_service.open_csv(io.BytesIO(data), CsvOptions(column="name"))
