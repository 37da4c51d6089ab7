"""A text cut into plain and mentioned segments, for highlighting in a template.

The template escapes every segment's text (autoescape), so nothing of the raw text is ever
markup: the only tags on the page are the template's own around each mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from normalizer.model import Mention


@dataclass(frozen=True)
class Segment:
    text: str
    mention: Mention | None = None


def segments(text: str, mentions: Iterable[Mention]) -> list[Segment]:
    """Plain text and mentions in order, covering the whole text exactly once. Mentions that
    overlap one already placed or fall outside the text are shown as plain text."""
    out: list[Segment] = []
    at = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < at or mention.end > len(text) or mention.start >= mention.end:
            continue
        if mention.start > at:
            out.append(Segment(text[at:mention.start]))
        out.append(Segment(text[mention.start:mention.end], mention))
        at = mention.end
    if at < len(text):
        out.append(Segment(text[at:]))
    return out
