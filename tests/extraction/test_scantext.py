"""The scan form and its offset maps: properties that must hold for any text."""

from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer.extraction.scantext import _MAPPED_CHARS, _ONE_TO_ONE, ScanText, _mapped
from normalizer.text import clean, clean_with_offsets
from normalizer.text.clean import _clean_with_offsets_by_cluster

PIECES = ["Vương Nghị", "Hàn Quốc", "Kishida", " ", "  ", "\n", ", ", " - ", "(", ")", ".", "-",
          "\u200b", "\u00a0", "Ta\u0301c", "ß", "İ", "Tokу\u043e", "\ud800", "mỹ phẩm", "TTXVN", "x",
          "chức", "Lan", "Nhà"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_every_scan_word_maps_back_to_the_same_word(text: str) -> None:
    doc = ScanText.build(text)
    assert doc.scan.startswith(" ") and doc.scan.endswith(" ")
    position = 0
    for word in doc.scan.split():
        start = doc.scan.index(f" {word} ", position)
        a, b = doc.cleaned_span(start, start + len(word) + 2)
        o, p = doc.original_span(a, b)
        assert 0 <= o < p <= len(text)
        original = clean(doc.original[o:p].replace("\ud800", " ")) or ""
        assert unicodedata.normalize("NFC", original).casefold().replace("y", "i") .replace("ý", "í") \
            .startswith(word[:1].replace("y", "i")) or not original
        position = start + 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES[:14]), max_size=12).map("".join))
def test_fast_path_and_slow_path_agree(text: str) -> None:
    fast = ScanText.build(text)
    slow = ScanText.build(text + "\u200b")  # an invisible character forces the slow path
    assert fast.scan.split() == slow.scan.split()


def test_decomposed_text_keeps_original_offsets() -> None:
    text = unicodedata.normalize("NFD", "Ông Vương Nghị")
    doc = ScanText.build(text)
    start = doc.scan.index(" vương nghị ")
    a, b = doc.cleaned_span(start, start + len(" vương nghị "))
    o, p = doc.original_span(a, b)
    assert unicodedata.normalize("NFC", text[o:p]) == "Vương Nghị"


def test_sentence_punctuation_breaks_matches_and_dots_glue() -> None:
    doc = ScanText.build("Nhật. Bản VTV.vn")
    start = doc.scan.index(" nhật bản ")
    assert doc.crosses_break(start, start + len(" nhật bản "))
    vtv = doc.scan.index(" vtv ")
    assert doc.crosses_break(vtv, vtv + len(" vtv "))


LINE_PIECES = [*PIECES[:14], "Ta\u0301c", "\u200b", "Tokу\u043e", "Thuỷ", "Hoà Bình", "\r\n", "\u2028"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LINE_PIECES), max_size=6).map("".join), max_size=6))
def test_a_document_scans_as_its_lines_do(lines: list[str]) -> None:
    """Tidy lines are cleaned together and the others one by one: no line sees its neighbours."""
    text = "\n".join(lines)
    words = [w for line in text.splitlines() for w in ScanText.build(line).scan.split()]
    assert ScanText.build(text).scan.split() == words


def test_offsets_after_a_slow_line_point_at_the_same_words() -> None:
    text = "Ông Vu\u0301 Văn\u200b A\nBộ trưởng Vương Nghị\nTa\u0301c Kishida"
    doc = ScanText.build(text)
    for word in ("vương nghị", "kishida"):
        start = doc.scan.index(f" {word} ")
        o, p = doc.original_span(*doc.cleaned_span(start, start + len(word) + 2))
        assert unicodedata.normalize("NFC", text[o:p]).casefold() == word


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(map(chr, _ONE_TO_ONE)) + list("aĐ `'-")), max_size=20))
def test_mapping_the_present_characters_equals_translate(text: str) -> None:
    present = _MAPPED_CHARS.intersection(text)
    assert _mapped(text, present) == text.translate(_ONE_TO_ONE)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_span_checks_on_arrays_equal_the_checks_one_by_one(text: str) -> None:
    doc = ScanText.build(text)
    spaces = [i for i, c in enumerate(doc.scan) if c == " "]
    pairs = [(a, b + 1) for a in spaces for b in spaces if b > a + 1]
    starts = np.array([a for a, _ in pairs], dtype=np.int64)
    ends = np.array([b for _, b in pairs], dtype=np.int64)
    assert doc.crosses_break_at(starts, ends).tolist() == [doc.crosses_break(a, b) for a, b in pairs]
    assert doc.crosses_punctuation_at(starts, ends).tolist() == [
        doc.crosses_punctuation(a, b) for a, b in pairs
    ]
    firsts, lasts = doc.cleaned_spans(starts, ends)
    one_by_one = [doc.cleaned_span(a, b) for a, b in pairs]
    assert list(zip(firsts.tolist(), lasts.tolist(), strict=True)) == one_by_one
    originals = doc.original_spans(firsts.tolist(), lasts.tolist())
    assert list(zip(*originals, strict=True)) == [doc.original_span(a, b) for a, b in one_by_one]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from([*PIECES, "q\u0301", "Thuỷ", "ǅ", "ﬁ"]), max_size=10).map("".join),
                 st.text(max_size=20)))
def test_tidy_fast_path_of_clean_with_offsets_equals_the_cluster_path(text: str) -> None:
    assert clean_with_offsets(text) == _clean_with_offsets_by_cluster(text)


def _words_at(text: str) -> list[str]:
    doc = ScanText.build(text)
    out = []
    for word in doc.scan.split():
        start = doc.scan.index(f" {word} ")
        o, p = doc.original_span(*doc.cleaned_span(start, start + len(word) + 2))
        out.append(text[o:p])
    return out


def test_a_lost_space_is_put_back() -> None:
    # a sentence glued to the next, two syllables glued: each word found at its original offsets
    assert _words_at("nhậm chức.Hoa Kỳ") == ["nhậm", "chức", "Hoa", "Kỳ"]
    assert _words_at("Thái LanNhà") == ["Thái", "Lan", "Nhà"]
    doc = ScanText.build("nhậm chức.Hoa Kỳ")
    start = doc.scan.index(" chức hoa ")
    assert doc.crosses_break(start, start + len(" chức hoa "))  # still a sentence break


def test_brands_and_addresses_stay_glued() -> None:
    for text in ("VinFast", "TikTok", "VietJet", "VTV.vn", "U.S.", "PetroVietnam", "Baoquocte.vn"):
        assert ScanText.build(text).cleaned == text
