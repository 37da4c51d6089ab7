"""Queries that name an office or an institution rather than an entity, read against a country:

- a role reference, a title and what it is of ("Ngoại trưởng Nhật Bản", "Tổng thư ký LHQ",
  "Đại sứ Nhật Bản tại Việt Nam"), or a title alone ("Thủ tướng") with the country of the context:
  whoever held the office on the date (match.roles), method "role";
- a bare institution ("Quốc hội", "Chính phủ", "Bộ Chính trị") with the country of the context:
  that country's institution, method "context".

The context's country comes with how it was found (`Where`): given by the caller, from the
document around the name (extraction), or by default Vietnam's, and every explanation says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.match.roles import (
    HEAD_TITLES,
    OFFICE_TITLES,
    ROLE_INDEX,
    Holding,
    day_of,
    office_for,
    vacancy,
)
from normalizer.model import Candidate, Entity, Parsed, Resolution
from normalizer.text import fold

if TYPE_CHECKING:
    from normalizer.match.matcher import Matcher

DEFAULT_COUNTRY = "vietnam"  # a Vietnamese text's "Quốc hội" or "Thủ tướng" is Vietnam's
ROLE_SCORE = 0.95  # who held an office on a date: a strong inference, not a name
CONTEXT_SCORE = 0.95
INSTITUTIONS = tuple(fold(term) or "" for term in (
    "Quốc hội", "Chính phủ", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Hạ viện",
    "Thượng viện", "Nghị viện", "Nội các", "Bộ Ngoại giao", "Bộ Quốc phòng", "Bộ Công an",
    "Bộ Tài chính", "Bộ Thương mại", "Bộ Công Thương", "Bộ Y tế", "Bộ Nội vụ", "Bộ Tư pháp",
    "Ngân hàng Trung ương", "Tòa án Tối cao", "Quân đội", "Hải quân", "Cảnh sát biển",
))
AT_VIETNAM = (" tại Việt Nam", " ở Việt Nam")
# The short forms the press joins with dashes ("quan hệ Trung - Mỹ"), and the country name each
# stands for: such a compound names each country, not one place ("Trung Mỹ" is Central America).
SHORT_FORMS = {
    "Việt": "Việt Nam", "Trung": "Trung Quốc", "Mỹ": "Mỹ", "Nga": "Nga", "Nhật": "Nhật Bản",
    "Hàn": "Hàn Quốc", "Triều": "Triều Tiên", "Pháp": "Pháp", "Đức": "Đức", "Anh": "Anh",
    "Ấn": "Ấn Độ", "Úc": "Úc", "Lào": "Lào", "Thái": "Thái Lan", "Ý": "Ý", "Xô": "Liên Xô",
}
_SHORT = "|".join(sorted(SHORT_FORMS, key=len, reverse=True))
SHORT_FORM = re.compile(_SHORT)
COMPOUND = re.compile(rf"(?<![\w-])(?:{_SHORT})(?:\s*[-–]\s*(?:{_SHORT}))+(?![\w-])")
AMBASSADOR = fold("Đại sứ")
MAX_TITLE_WORDS = 5  # "Người phát ngôn Bộ Ngoại giao"
TITLE_FIRST_WORDS = frozenset(t.split()[0] for t in (*OFFICE_TITLES, *HEAD_TITLES, AMBASSADOR) if t)


@dataclass(frozen=True, slots=True)
class Where:
    """The country a title or institution is read against, and how it was found."""

    country: str
    how: str  # "given", "from the same sentence", "from the paragraph", "the document's", "default"


DEFAULT_WHERE = Where(DEFAULT_COUNTRY, "by default: no country in the context")


def reference(matcher: Matcher, query: str, parsed: Parsed, when: dt.date | None,
              where: Where | None, folded: str | None = None) -> Resolution | None:
    """The resolution of a query that names an office or an institution, or None for any other.
    `folded`, when the caller knows it, is `fold(parsed.name)` (the name's folded match key)."""
    if parsed.alternatives:
        return None
    if parsed.title is None and COMPOUND.fullmatch(parsed.name):
        return compound(matcher, query, parsed)
    name_key = folded if folded is not None else fold(parsed.name) or ""
    if parsed.title is None and name_key in OFFICE_TITLES:  # "Thủ tướng", "Chủ tịch Quốc hội"
        # alone, a title is read only against a country someone gave (a caller, a document): a
        # cell that says "Thủ tướng" says nothing of whose
        return _role(matcher, query, parsed.name, where, when, parsed) if where else None
    if parsed.title is None and name_key in INSTITUTIONS:
        return institution(matcher, query, parsed, where or DEFAULT_WHERE)
    parsed = _title_split(parsed, folded)
    if parsed.title is None or (fold(parsed.title) not in OFFICE_TITLES and not _heads(parsed.title)):
        return None
    target = _target(matcher, parsed)
    if target is None:
        return None
    entity, ambassador = target
    return _role(matcher, query, "Đại sứ" if ambassador else parsed.title,
                 Where(entity.id, "named"), when, parsed, entity)


def _title_split(parsed: Parsed, folded: str | None = None) -> Parsed:
    """The parse with an office title taken off the front where the name parser left it on (it
    keeps "Ngoại trưởng Mỹ" whole: a title before one word may be part of a name). `folded`, when
    known, is fold(parsed.name): a name folds word by word, so a first word that folds to one of
    TITLE_FIRST_WORDS (each one word) is also the first word of that key, and a key whose first
    word is none of them spares folding the name's first word (a first-sight cost)."""
    words = parsed.name.split()
    if folded is not None and folded.split(" ", 1)[0] not in TITLE_FIRST_WORDS:
        return parsed
    if parsed.title is not None or not words or (fold(words[0]) or "") not in TITLE_FIRST_WORDS:
        return parsed  # most queries: one fold, not one per prefix
    for size in range(min(MAX_TITLE_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        if (fold(head) or "") in OFFICE_TITLES or _heads(head):
            return replace(parsed, title=head, name=" ".join(words[size:]))
    return parsed


def _heads(title: str) -> bool:
    key = fold(title) or ""
    return key in HEAD_TITLES or key == AMBASSADOR


def _target(matcher: Matcher, parsed: Parsed) -> tuple[Entity, bool] | None:
    """What the title is of: the whole rest of the query naming a country or an organization
    ("Nhật Bản", "LHQ", "of Japan"); "X tại Việt Nam" after "Đại sứ" is X's ambassador."""
    words = parsed.name.split()
    while len(words) > 1 and words[0].casefold() in ("of", "the", "của"):
        words = words[1:]
    text = " ".join(words)
    ambassador = fold(parsed.title or "") == AMBASSADOR
    if ambassador:
        base = next((text[: -len(s)] for s in AT_VIETNAM if text.endswith(s)), None)
        if base is None:
            return None
        text = base
    found = matcher.country_or_place(text) or matcher.organization(text)
    entity = matcher.index.get(found) if found else None
    if entity is None or entity.type not in ("country", "organization"):
        return None  # a city's "Chủ tịch" is of its people's committee; "Chủ tịch Hồ Chí Minh" a name
    return entity, ambassador


def _role(matcher: Matcher, query: str, title: str, where: Where, when: dt.date | None,
          parsed: Parsed, target: Entity | None = None) -> Resolution | None:
    target = target or matcher.index.get(where.country)
    if target is None:
        return None
    office = "ambassador-to-vietnam" if title == "Đại sứ" else office_for(title, target)
    if office is None:
        return None
    day = day_of(when)
    dated = "the date given" if when else "today"
    holders, every = derived(matcher.index, ROLE_INDEX).holders(office, target.id, day)
    words = f"{office} of {target.name}"
    context = "" if where.how == "named" else f"; {target.name} {where.how}"
    if not holders:
        why = f"{vacancy(words, every, day)} ({dated}){context}"
        return Resolution(query, "unmatched", None, (), parsed, None, note=why)
    candidates = tuple(_holder(h, title, words, day, dated, context) for h in _latest(holders))
    if len(candidates) == 1:
        return Resolution(query, "matched", candidates[0], candidates, parsed)
    return Resolution(query, "ambiguous", None, candidates, parsed,
                      note=f"{len(candidates)} holders of {words} on {day}")


def _latest(holders: list[Holding]) -> list[Holding]:
    """One holding per person (the latest), most recent start first."""
    best: dict[str, Holding] = {}
    for holding in sorted(holders, key=lambda h: h.role.start or ""):
        best[holding.entity.id] = holding
    return sorted(best.values(), key=lambda h: h.role.start or "", reverse=True)


def _holder(holding: Holding, title: str, words: str, day: str, dated: str, context: str) -> Candidate:
    entity = holding.entity
    explanation = (f"role: {title!r} is {words}; on {day} ({dated}) held by {entity.name} "
                   f"({holding.describe()}){context}")
    return Candidate(entity.id, entity.name, entity.type, ROLE_SCORE, title, "role", explanation,
                     prominence=entity.weight, layer=entity.layer)


def institution(matcher: Matcher, query: str, parsed: Parsed, where: Where) -> Resolution | None:
    """A bare institution of the context's country: "Quốc hội" -> the country's legislature."""
    found = derived(matcher.index, INSTITUTION_INDEX).get((fold(parsed.name) or "", where.country), ())
    if not found:
        return None
    entities = [e for e in (matcher.index.get(i) for i in found) if e is not None]
    named = matcher.one_entity_exactly(query, parsed, None, 5)
    if named is not None and named.match is not None and named.match.id in found:
        return named  # the institution's own name ("Ban Bí thư"): a name, not a reading of context
    country = matcher.index.get(where.country)
    country_name = country.name if country else where.country
    candidates = tuple(
        Candidate(e.id, e.name, e.type, CONTEXT_SCORE, parsed.name, "context",
                  f"institution {parsed.name!r} of {country_name}, {where.how}",
                  prominence=e.weight, layer=e.layer) for e in entities)
    status = "matched" if len(candidates) == 1 else "ambiguous"
    return Resolution(query, status, candidates[0] if status == "matched" else None, candidates, parsed)


def _institutions(index: GazetteerIndex) -> dict[tuple[str, str], tuple[str, ...]]:
    """(institution term, country) -> organizations of that country whose name is the term
    followed by the country's or its party's name ("Quốc hội Hàn Quốc", "Bộ Chính trị Đảng
    Cộng sản Việt Nam"), or the bare term itself (Vietnam's "Bộ Xây dựng")."""
    out: dict[tuple[str, str], list[str]] = {}
    for entity in index.entities.values():
        if entity.type != "organization" or entity.layer or not entity.country:
            continue
        for name in entity.names:
            key = fold(name.text) or ""
            term = next((t for t in INSTITUTIONS if key == t or key.startswith(t + " ")), None)
            if term and name.strong and _of_country(key[len(term):].strip(), entity.country, index):
                ids = out.setdefault((term, entity.country), [])
                if entity.id not in ids:
                    ids.append(entity.id)
    return {key: tuple(ids) for key, ids in out.items()}


def _of_country(rest: str, country: str, index: GazetteerIndex) -> bool:
    """True when the words after an institution term name its country, or are the ruling
    party's name, or nothing (a bare Vietnamese ministry)."""
    if not rest:
        return country == DEFAULT_COUNTRY
    found = index.get(country)
    names = {fold(n.text) for n in found.names if n.strong} if found else set()
    return rest in names or rest.startswith(("dang cong san", "trung uong dang"))


INSTITUTION_INDEX: Kind[dict[tuple[str, str], tuple[str, ...]]] = Kind("institutions", _institutions)


def country_named(matcher: Matcher, text: str) -> str | None:
    """The country a caller's `country` names: a country's id or name, or a curated place's id
    or name (then the place's country): "japan", "Nhật Bản", "Seoul" -> south-korea. None if none."""
    entity = matcher.index.get(text)
    if entity is None:
        found = matcher.country_or_place(text)
        entity = matcher.index.get(found) if found else None
    if entity is None or (entity.type != "country" and entity.layer):
        return None  # a generated layer's namesake ("Atlantis", a town) is not what a caller means
    return entity.id if entity.type == "country" else entity.country


def compound(matcher: Matcher, query: str, parsed: Parsed) -> Resolution | None:
    """"Trung - Mỹ": several countries, each a candidate, none the match (not Central America)."""
    found = [matcher.country_or_place(SHORT_FORMS[m.group()]) for m in SHORT_FORM.finditer(parsed.name)]
    known = map(matcher.index.get, filter(None, found))
    entities = [e for e in known if e is not None and e.type == "country"]
    if len(entities) != len(found):
        return None
    candidates = tuple(dict.fromkeys(
        Candidate(e.id, e.name, e.type, CONTEXT_SCORE, parsed.name, "context",
                  f"'{parsed.name}' joins the short names of several countries; one of them is {e.name}",
                  prominence=e.weight, layer=e.layer) for e in entities))
    names = ", ".join(e.name for e in entities)
    return Resolution(query, "ambiguous", None, candidates, parsed,
                      note=f"names several countries ({names}): extraction links each")
