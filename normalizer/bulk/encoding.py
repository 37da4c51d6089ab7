"""Encodings: detect one from a sample, and decode a byte stream without losing a bad byte.

Detection reads only the first SAMPLE_BYTES: a BOM decides first; else a sample that decodes as
UTF-8 is UTF-8; else Windows-1258 when the sample has Vietnamese tone marks (1258 writes most
tones as combining marks after a vowel), otherwise Windows-1252.

Bytes that are invalid for the encoding never stop decoding: each one becomes a lone surrogate
U+DC00+byte (like Python's surrogateescape, also for bytes below 0x80 and for UTF-16), which no
valid text contains, so a row that holds one can be found and marked.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from typing import Protocol

SAMPLE_BYTES = 64 * 1024
ERROR_HANDLER = "normalizer-bulk-mark"
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "cp1252")
ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf8-sig": "utf-8-sig",
    "utf-16": "utf-16", "utf16": "utf-16", "utf-16-le": "utf-16-le", "utf-16le": "utf-16-le",
    "utf-16-be": "utf-16-be", "utf-16be": "utf-16-be",
    "cp1258": "cp1258", "windows-1258": "cp1258", "cp1252": "cp1252", "windows-1252": "cp1252",
}
# Windows-1258 tone marks (combining grave, acute, tilde, hook above, dot below).
_TONE_BYTES = b"\xcc\xec\xde\xd2\xf2"
_VOWEL_BYTES = b"aeiouyAEIOUY\xc2\xe2\xc3\xe3\xca\xea\xd4\xf4\xd5\xf5\xdd\xfd"
_TONE_AFTER_VOWEL = re.compile(b"[" + re.escape(_VOWEL_BYTES) + b"][" + re.escape(_TONE_BYTES) + b"]")
_INVALID = re.compile("[\udc00-\udcff]")
_ESCAPED = re.compile("[\udc80-\udcff]")


def _mark_invalid(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(ERROR_HANDLER, _mark_invalid)


class Readable(Protocol):
    """A binary input: a file, sys.stdin.buffer, a request stream."""

    def read(self, size: int = -1, /) -> bytes: ...


class UnknownEncoding(ValueError):
    """An --encoding this tool does not read."""


def canonical_encoding(name: str) -> str:
    """The codec name for a user's spelling of a supported encoding; raises UnknownEncoding."""
    found = ALIASES.get(name.strip().lower().replace("_", "-"))
    if found is None:
        raise UnknownEncoding(f"unknown encoding {name!r}; use auto or one of {', '.join(ENCODINGS)}")
    return found


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file that starts with `sample` (see the module docstring)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _is_utf8(sample):
        return "utf-8"
    return "cp1258" if _looks_vietnamese_1258(sample) else "cp1252"


def _is_utf8(sample: bytes) -> bool:
    """UTF-8 when the sample has more well-formed multi-byte characters than invalid bytes: a
    UTF-8 file with a stray bad byte stays UTF-8 (that row is marked), while Windows-125x text
    almost never forms a valid UTF-8 sequence."""
    # The sample may end inside a multi-byte character: an incremental decoder keeps it pending.
    decoded = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(sample, final=False)
    invalid = len(_ESCAPED.findall(decoded))
    return invalid == 0 or sum(1 for c in decoded if c > "\x7f") - invalid > invalid


def _looks_vietnamese_1258(sample: bytes) -> bool:
    # In Windows-1252 these pairs read as a vowel followed by Ì ì Þ Ò ò: never seen in real text.
    tones = len(_TONE_AFTER_VOWEL.findall(sample))
    high = sum(1 for b in sample if b >= 0x80)
    return tones > 0 and tones * 10 >= high


def has_invalid(text: str) -> bool:
    """True when decoding marked an invalid byte in text: a lone surrogate, which no decoded text
    holds otherwise and UTF-8 refuses to encode (3x faster than searching for it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def invalid_bytes(text: str) -> bytes:
    """The original bytes that decoding marked in text."""
    return bytes(ord(c) - 0xDC00 for c in _INVALID.findall(text))


def replace_invalid(text: str) -> str:
    """Text with every marked byte shown as U+FFFD, fit to write as UTF-8."""
    return _INVALID.sub("\ufffd", text)


class _Prefixed(io.RawIOBase):
    """A binary stream that gives `head` first, then the rest of `rest`: detection reads a sample
    from stdin without seeking."""

    def __init__(self, head: bytes, rest: Readable):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@dataclass(frozen=True)
class OpenedText:
    """A text stream for the csv module, its encoding, and the decoded start for sniffing."""

    stream: io.TextIOWrapper
    encoding: str
    sample: str


def open_text(source: Readable, encoding: str = "auto") -> OpenedText:
    """Open `source` as text; `encoding` is "auto" or a supported name (UnknownEncoding if not).

    Invalid bytes are marked, never fatal. Only the first SAMPLE_BYTES are read here.
    """
    chosen = "auto" if encoding == "auto" else canonical_encoding(encoding)
    head = source.read(SAMPLE_BYTES)
    if chosen == "auto":
        chosen = detect_encoding(head)
    sample = codecs.getincrementaldecoder(chosen)(ERROR_HANDLER).decode(head, final=False)
    raw = io.BufferedReader(_Prefixed(head, source), buffer_size=1 << 16)
    stream = io.TextIOWrapper(raw, encoding=chosen, errors=ERROR_HANDLER, newline="")
    return OpenedText(stream, chosen, sample)
