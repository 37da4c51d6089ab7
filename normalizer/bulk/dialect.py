"""Delimiters: `,` `;` tab and `|`, chosen by the user or sniffed from the start of the file."""

from __future__ import annotations

import csv
import io
from collections import Counter

DELIMITERS = ",;\t|"
DELIMITER_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}
SNIFF_CHARS = 16 * 1024
SNIFF_ROWS = 50


class UnknownDelimiter(ValueError):
    """A --delimiter this tool does not read."""


def canonical_delimiter(name: str) -> str:
    """The delimiter character for a user's spelling (",", "tab", "\\t", ...)."""
    found = name if name in DELIMITERS and len(name) == 1 else DELIMITER_NAMES.get(name.lower())
    if found is None:
        raise UnknownDelimiter(f"unknown delimiter {name!r}; use auto, ',', ';', tab or '|'")
    return found


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a CSV text that starts with `sample`; ',' when nothing tells.

    csv.Sniffer first (restricted to DELIMITERS); when it gives up, the delimiter that splits
    the sample's rows into the most consistent number (> 1) of fields.
    """
    text = _whole_lines(sample[:SNIFF_CHARS])
    if not text.strip():
        return ","
    try:
        return csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return _most_consistent(text)


def _whole_lines(text: str) -> str:
    # A sample cut mid-row would show the sniffer one short row.
    cut = max(text.rfind("\n"), text.rfind("\r"))
    return text[: cut + 1] if cut > 0 else text


def _most_consistent(text: str) -> str:
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        widths = [len(row) for _, row in zip(range(SNIFF_ROWS), _rows(text, delimiter), strict=False)]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = count / len(widths) if width > 1 else 0.0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _rows(text: str, delimiter: str) -> csv.Reader:  # type: ignore[name-defined]
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
