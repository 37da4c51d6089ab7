"""The fast CSV rendering writes what csv.writer writes, byte for byte."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.bulk.render import render

CELL = st.one_of(st.text(alphabet='ab ,"\r\n\t\'=é\x00;', max_size=6), st.text(max_size=6))
ROWS = st.lists(st.lists(CELL, max_size=5), max_size=6)


def written(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@settings(max_examples=1000)
@given(ROWS)
def test_render_equals_csv_writer(rows):
    assert render(rows) == written(rows)


def test_plain_chunks_and_chunks_that_need_quotes():
    plain = [["1", "Vương Nghị", "x", "wang-yi", "Wang Yi", "person", "1.0000", "matched", "exact", ""]]
    assert render(plain) == written(plain)
    for tricky in (["a,b", "c"], ['say "hi"', "c"], ["two\nlines", "c"], [""], [], ["", ""]):
        assert render([*plain, tricky]) == written([*plain, tricky])
