"""Short country forms that only a list makes names: "Hàn - Nhật - Trung", "Mỹ - Trung".

The press joins one-syllable forms of country names with dashes for relations between them.
Some of those forms are everyday words or given names on their own ("Trung": centre, loyal, a
given name; "Hàn": to weld), so the gazetteer holds them as weak names (abbreviations) and a
one-syllable mention that only a weak name matched is kept only when a dash joins it to the
country mention beside it.
"""

from __future__ import annotations

import re

from normalizer.extraction.found import Found
from normalizer.extraction.scantext import ScanText
from normalizer.match.scoring import WEAK_NAME

_DASH_BETWEEN = re.compile(r" ?- ?")  # cleaned text: one kind of dash, single spaces


def weak_short_forms_in_lists(doc: ScanText, found: list[Found]) -> list[Found]:
    """The spans (in text order, not overlapping) without the weak one-syllable country forms
    that no dash joins to a neighbouring country mention."""
    return [span for i, span in enumerate(found)
            if not _weak_short_form(span) or _in_list(doc, found, i)]


def _weak_short_form(span: Found) -> bool:
    if " " in span.surface or span.resolution is None:  # most spans: one test and done
        return False
    match = span.resolution.match
    return (match is not None and match.type == "country"
            and any(f.name == WEAK_NAME for f in match.features))


def _in_list(doc: ScanText, found: list[Found], i: int) -> bool:
    span = found[i]
    before = found[i - 1] if i > 0 else None
    after = found[i + 1] if i + 1 < len(found) else None
    return ((before is not None and before.entity_type == "country" and _joined(doc, before, span))
            or (after is not None and after.entity_type == "country" and _joined(doc, span, after)))


def _joined(doc: ScanText, left: Found, right: Found) -> bool:
    return _DASH_BETWEEN.fullmatch(doc.cleaned[left.clean_end : right.clean_start]) is not None
