"""The fast CSV rendering writes what csv.writer writes, byte for byte."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.bulk.render import LINE_END, render, row_text

CELL = st.one_of(st.text(alphabet='ab ,"\r\n\t\'=é\x00;', max_size=6), st.text(max_size=6))
ROW = st.lists(CELL, max_size=7)


def written(rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@settings(max_examples=1000)
@given(ROW)
def test_row_text_equals_csv_writer(cells):
    assert row_text(cells) + LINE_END == written([cells])


def test_rows_that_need_quotes():
    for tricky in (["a,b", "c"], ['say "hi"', "c"], ["two\nlines", "c"], ["cr\r", ""], [""], [], ["", ""]):
        assert row_text(tricky) + LINE_END == written([tricky]) == render([tricky])
