"""Encoding detection from a sample, and decoding that marks invalid bytes instead of failing."""

from __future__ import annotations

import codecs
import io

import pytest

from normalizer.bulk.encoding import (
    SAMPLE_BYTES,
    UnknownEncoding,
    canonical_encoding,
    detect_encoding,
    has_invalid,
    invalid_bytes,
    open_text,
    replace_invalid,
)
from tests.bulk.conftest import to_1258

VIETNAMESE = "tên\nVương Nghị\nTập Cận Bình\nHàn Quốc\nTriều Tiên\nđồng chí Nguyễn Phú Trọng\n"
FRENCH = "nom\nFrançois Hollande\nÉlysée\nGérard Depardieu\nSão Paulo\nMünchen\n"


@pytest.mark.parametrize(("data", "expected"), [
    (codecs.BOM_UTF8 + VIETNAMESE.encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + VIETNAMESE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be"), "utf-16"),
    (VIETNAMESE.encode(), "utf-8"),
    (b"name\nWang Yi\n", "utf-8"),
    (b"", "utf-8"),
    (to_1258(VIETNAMESE), "cp1258"),
    (FRENCH.encode("cp1252"), "cp1252"),
    (VIETNAMESE.encode() + b"bad \xff byte\n", "utf-8"),  # one stray byte: still UTF-8
    (VIETNAMESE.encode()[:-8], "utf-8"),
])
def test_detects_encoding_from_sample(data, expected):
    assert detect_encoding(data) == expected


def test_sample_cut_inside_a_character_is_still_utf8():
    data = ("ấ" * SAMPLE_BYTES).encode()[:SAMPLE_BYTES]  # 3 bytes a character: the last is cut
    assert SAMPLE_BYTES % 3 and data[-1] >= 0x80
    assert detect_encoding(data) == "utf-8"


def test_1258_decodes_to_nfc_candidates_and_1252_does_not_look_vietnamese():
    assert to_1258("Quốc") == b"Qu\xf4\xecc"  # ô + combining acute
    assert detect_encoding(to_1258("Vương Nghị")) == "cp1258"
    assert detect_encoding("Ação, São João".encode("cp1252")) == "cp1252"


def test_detection_reads_only_a_sample():
    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[: len(buffer)] = b"x" * len(buffer)
            return len(buffer)

    opened = open_text(io.BufferedReader(Endless()))
    assert opened.encoding == "utf-8" and len(opened.sample) == SAMPLE_BYTES


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16-le"])
def test_invalid_bytes_are_marked_and_kept(encoding):
    bad = {"utf-8": b"ab\xff\xfecd", "cp1252": b"ab\x81cd", "utf-16-le": b"a\x00\x00\xdc"}[encoding]
    text = open_text(io.BytesIO(bad), encoding).stream.read()
    assert has_invalid(text)
    assert invalid_bytes(text) in bad
    assert "\ufffd" in replace_invalid(text) and not has_invalid(replace_invalid(text))


def test_valid_text_has_no_marks():
    text = open_text(io.BytesIO(VIETNAMESE.encode())).stream.read()
    assert text == VIETNAMESE and not has_invalid(text)


def test_stdin_like_stream_is_read_whole_after_the_sample():
    data = ("a,b\n" * (SAMPLE_BYTES // 2)).encode()
    opened = open_text(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
    assert opened.stream.read() == data.decode()


@pytest.mark.parametrize("name", ["UTF8", "utf_8", "windows-1258", "CP1252", "utf-16le"])
def test_encoding_spellings(name):
    assert canonical_encoding(name) in ("utf-8", "cp1258", "cp1252", "utf-16-le")


def test_unknown_encoding():
    with pytest.raises(UnknownEncoding, match="latin-9"):
        canonical_encoding("latin-9")
