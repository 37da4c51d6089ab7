"""Delimiter sniffing restricted to , ; tab |, and the spellings users give."""

from __future__ import annotations

import pytest

from normalizer.bulk.dialect import UnknownDelimiter, canonical_delimiter, sniff_delimiter


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_sniffs_each_delimiter(delimiter):
    rows = [["id", "name", "note"], ["1", "Vương Nghị", "a"], ["2", "Hàn Quốc", "b c"], ["3", "x", "y"]]
    text = "".join(delimiter.join(row) + "\r\n" for row in rows)
    assert sniff_delimiter(text) == delimiter


def test_sniffs_with_quoted_fields_holding_other_delimiters_and_newlines():
    text = 'id;name;note\n1;"Kishida, Fumio";"line one\nline two"\n2;"A, B";x\n3;C;"p, q"\n'
    assert sniff_delimiter(text) == ";"


def test_one_column_defaults_to_comma():
    assert sniff_delimiter("name\nVương Nghị\nHàn Quốc\n") == ","
    assert sniff_delimiter("") == ","


def test_sample_cut_mid_row_is_ignored_past_the_last_newline():
    text = "a|b|c\n1|2|3\n4|5|6\n7,8"
    assert sniff_delimiter(text) == "|"


def test_never_picks_a_character_outside_the_four():
    assert sniff_delimiter("a:b:c\n1:2:3\n4:5:6\n") in ",;\t|"


@pytest.mark.parametrize(("name", "char"), [(",", ","), ("tab", "\t"), ("\\t", "\t"), ("\t", "\t"),
                                            ("pipe", "|"), ("semicolon", ";")])
def test_delimiter_spellings(name, char):
    assert canonical_delimiter(name) == char


def test_unknown_delimiter():
    with pytest.raises(UnknownDelimiter):
        canonical_delimiter(":")
