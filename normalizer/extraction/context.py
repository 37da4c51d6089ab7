"""Document context: what a Vietnamese article leaves for its reader to fill in.

- `compounds_and_words`: short country names joined by dashes ("Trung - Mỹ", "Nga-Trung",
  "quan hệ Việt - Trung") are each country, not one name ("Trung Mỹ", Central America); a
  country after "tiếng" is a language ("tiếng Trung Quốc"); "Anh" before a person's name ("Anh
  Tom Cruise") or as the subject of what a person just said is a pronoun, not the UK; a weekday
  before a date ("Thứ Ba, 19/8/2025") is no place.
- `references`: a bare institution or office ("Quốc hội", "Chính phủ", "Thủ tướng") is read
  against a country: the one named right after it ("Ngoại trưởng Nhật Bản": the mention spans
  the title, the country keeps its own) or of its owner after "của" ("Bộ Chính trị của phong
  trào Hamas" is not Vietnam's), else the country of an office named earlier in the same
  sentence, then in the paragraph ("Thủ tướng Nhật Bản Ishiba ... Thủ tướng cho biết"), then the
  country the document's offices are most often of, else Vietnam's: the explanation says which
  (match.references.Where). An office whose holder the text named earlier under the same title
  is that person ("Thủ tướng Ishiba ... Thủ tướng cho biết"), whatever the date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from normalizer.extraction.found import Found
from normalizer.extraction.scantext import ScanText
from normalizer.extraction.titles import title_before
from normalizer.extraction.unlinked import scan_ends, scan_starts, weekday_before_date
from normalizer.match.references import COMPOUND, DEFAULT_COUNTRY, SHORT_FORM, SHORT_FORMS, Where
from normalizer.match.roles import OFFICE_TITLES
from normalizer.model import Entity, Resolution
from normalizer.text import fold

Resolver = Callable[..., Resolution]  # resolve(text) and resolve(text, date, where)

# Institutions and offices as a Vietnamese text writes them bare; longest first.
TERMS = ("Chủ tịch Quốc hội", "Bộ trưởng Ngoại giao", "Bộ trưởng Quốc phòng", "Tổng Bí thư",
         "Chủ tịch nước", "Thủ tướng", "Tổng thống", "Ngoại trưởng", "Quốc hội", "Chính phủ",
         "Bộ Chính trị", "Ban Bí thư", "Hạ viện", "Thượng viện", "Nội các", "Bộ Ngoại giao",
         "Bộ Quốc phòng")
_TERM = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, TERMS)) + r")(?!\w)")
# Words before an office that make it a building or a bureau, not its holder: "Dinh Tổng thống"
# (the presidential palace), "Phủ Thủ tướng", "Văn phòng Tổng thống" (its last word, "phòng").
_BUILDINGS = ("dinh", "phủ", "phòng")
# Words before a title that make it another office, another time or several people: "Phó Thủ
# tướng", "cựu Thủ tướng", "cố Thủ tướng" (the late), "nguyên Tổng Bí thư" (former), "quyền"
# (acting), "hai Bộ trưởng Ngoại giao", "cấp Bộ trưởng Ngoại giao" (at ministers' level).
_NOT_THE_HOLDER = frozenset({"phó", "cựu", "nguyên", "cố", "quyền", "các", "những", "hai", "ba", "cấp",
                             "vị", *_BUILDINGS})
_CHAINED = re.compile(r"\s*(?:,|và)\s*(?:Phó |phó )?(?:" + "|".join(map(re.escape, TERMS)) + r")")
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_SPEECH = ("cho biết", "nói", "chia sẻ", "kể", "tâm sự", "cho hay", "thổ lộ", "bộc bạch", "tiết lộ")
_LANGUAGE = re.compile(r"(?:tiếng|Tiếng)\s+$")
# Words before "Anh" that make it the country: "nước Anh", "tại Anh", "Thủ tướng Anh".
_COUNTRY_WORDS = frozenset(fold(w) or "" for w in ("nước", "tại", "ở", "của", "và", "với", "sang", "đến"))


def compounds_and_words(doc: ScanText, found: list[Found],
                        resolve: Resolver) -> tuple[list[Found], list[Found]]:
    """(the spans with dash compounds split into their countries, the spans taken out: a
    country where the words say a language or a pronoun, a place named like a weekday before a
    date; see the module docstring). What is taken out is no name at all: not a mention, and not
    left over as an unlinked one."""
    found = _split_compounds(doc, found, resolve)
    out = [f for f in found if _language(doc, f) or _pronoun(doc, f, found) or _weekday(doc, f)]
    return ([f for f in found if f not in out], out) if out else (found, out)


def _split_compounds(doc: ScanText, found: list[Found], resolve: Resolver) -> list[Found]:
    cleaned = doc.cleaned
    compounds = list(COMPOUND.finditer(cleaned))
    if not compounds:
        return found
    parts: list[Found] = []
    for compound in compounds:
        parts += _parts(doc, compound, resolve)
    taken = bytearray(len(cleaned))
    for compound in compounds:
        taken[compound.start() : compound.end()] = b"\x01" * (compound.end() - compound.start())
    kept = [f for f in found if taken.find(1, f.clean_start, f.clean_end) < 0]
    return sorted(kept + parts, key=lambda f: f.scan_start)


def _parts(doc: ScanText, compound: re.Match[str], resolve: Resolver) -> list[Found]:
    """One country mention per short form of a compound that resolves to a country."""
    base = compound.start()
    spans = [(base + m.start(), base + m.end()) for m in SHORT_FORM.finditer(compound.group())]
    resolutions = [resolve(SHORT_FORMS[doc.cleaned[a:b]]) for a, b in spans]
    if not all(r.match is not None and r.match.type == "country" for r in resolutions):
        return []
    starts, ends = scan_starts(doc, [a for a, _ in spans]), scan_ends(doc, [b for _, b in spans])
    out = []
    for (a, b), start, end, resolution in zip(spans, starts, ends, resolutions, strict=True):
        surface = doc.cleaned[a:b]
        assert resolution.match is not None
        match = replace(resolution.match, matched_name=surface, method="context", explanation=(
            f"'{surface}' stands for '{SHORT_FORMS[surface]}' in the compound '{compound.group()}'"))
        out.append(Found(start, end, a, b, surface, replace(resolution, match=match, candidates=(match,))))
    return out


def _language(doc: ScanText, span: Found) -> bool:
    """A country after "tiếng" is its language: "tiếng Trung Quốc", "tiếng Anh"."""
    return span.entity_type == "country" and bool(_LANGUAGE.search(doc.cleaned[max(0, span.clean_start - 8):
                                                                                  span.clean_start]))


def _weekday(doc: ScanText, span: Found) -> bool:
    """A weekday before a date ("Thứ Ba, 19/8/2025", "Chủ nhật (5/1)"), not the place of that
    name (the town of Thứ Ba)."""
    return weekday_before_date(doc.cleaned, span.clean_start, span.clean_end)


def _pronoun(doc: ScanText, span: Found, found: list[Found]) -> bool:
    """"Anh" (the UK) that is the pronoun: before a person's name ("Anh Tom Cruise") with no
    title or "nước"/"tại" before it, or as the subject of a speech verb after a person's mention
    in the same paragraph ("Anh cho biết")."""
    if span.surface != "Anh" or span.entity_type != "country":
        return False
    before = doc.cleaned[max(0, span.clean_start - 12) : span.clean_start].split()
    if (before and (fold(before[-1]) or "") in _COUNTRY_WORDS) or title_before(doc, span.scan_start):
        return False
    after = doc.cleaned[span.clean_end : span.clean_end + 16].lstrip()
    following = next((f for f in found if f.clean_start > span.clean_start), None)
    if following is not None and following.entity_type == "person" and \
            doc.cleaned[span.clean_end : following.clean_start].strip() == "":
        return True
    if not after.startswith(_SPEECH):
        return False
    paragraph = doc.cleaned.rfind("\n", 0, span.clean_start) + 1
    return any(f.entity_type == "person" and paragraph <= f.clean_start < span.clean_start for f in found)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A country an office or institution was named with, at a cleaned offset; for a person
    named under an office title, the person's span and the office."""

    at: int
    country: str
    holder: Found | None = None
    office: str | None = None
    place: bool = False  # a place the text is set in ("Tại Hà Nội"): for its sentence and paragraph


def references(doc: ScanText, found: list[Found], resolve: Resolver, date: dt.date | None,
               get: Callable[[str], Entity | None]) -> list[Found]:
    """The spans with the bare institutions and offices the text names, each resolved against
    its country (see the module docstring), in text order."""
    terms = [m for m in _TERM.finditer(doc.cleaned) if _bare(doc, m, found)]
    if not terms:
        return found
    countries = {f.clean_start: f for f in found if f.entity_type == "country"}
    owners = {f.clean_start: f for f in found if f.entity_type in ("country", "organization")}
    named = {m.start(): _named_after(doc, m, countries, owners, get) for m in terms}
    if any(country is False for country in named.values()):
        terms = [m for m in terms if named[m.start()] is not False]  # a name follows: a person's title
    anchors = _anchors(doc, found, named, get)
    document = _document_country(anchors)
    out = []
    for term in terms:
        country = named[term.start()]
        holder = None if isinstance(country, str) else _holder_named(doc, term, anchors)
        if holder is not None:
            out.append(_span(doc, term, holder))
            continue
        where = Where(country, "named after it") if isinstance(country, str) else \
            _context(doc, term.start(), anchors, document)
        resolution = resolve(term.group(), date, where)
        if resolution.status != "unmatched":
            out.append(_span(doc, term, resolution))
    return sorted(found + out, key=lambda f: f.scan_start)


def _holder_named(doc: ScanText, term: re.Match[str], anchors: list[_Anchor]) -> Resolution | None:
    """The person the text last named under this office, in the same paragraph: "Thủ tướng
    Ishiba ... Thủ tướng cho biết" is Ishiba, whatever the date."""
    office = OFFICE_TITLES.get(fold(term.group()) or "")
    paragraph = doc.cleaned.rfind("\n", 0, term.start()) + 1
    earlier = [a for a in anchors if paragraph <= a.at < term.start() and a.holder is not None]
    if office is None or not earlier or earlier[-1].office != office:
        return None
    holder = earlier[-1].holder
    assert holder is not None and holder.resolution is not None and holder.resolution.match is not None
    named = holder.resolution.match
    match = replace(named, matched_name=term.group(), method="role", explanation=(
        f"'{term.group()}' is {named.name}, named under this title earlier in the paragraph"))
    return Resolution(term.group(), "matched", match, (match,), None)


def _bare(doc: ScanText, term: re.Match[str], found: list[Found]) -> bool:
    """Not inside a mention, not another office, time or several people ("Phó Thủ tướng", "cựu
    Thủ tướng", "hai Bộ trưởng"), not the end of a longer title ("Bộ trưởng Bộ Ngoại giao") and
    not the first of a chain of titles before a name ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập
    Cận Bình")."""
    if any(f.clean_start < term.end() and term.start() < f.clean_end for f in found):
        return False
    before = doc.cleaned[max(0, term.start() - 10) : term.start()].split()
    if before and before[-1].casefold() in _NOT_THE_HOLDER:
        return False
    if _CHAINED.match(doc.cleaned, term.end()):
        return False
    return title_before(doc, scan_starts(doc, [term.start()])[0]) is None


def _country_after(doc: ScanText, term: re.Match[str], countries: dict[int, Found]) -> str | bool | None:
    """The country named right after the term (a str), False when a name follows (the term is
    a person's title: "Thủ tướng Phạm Minh Chính", "Ngoại trưởng Mỹ Marco Rubio"), else None."""
    position = _next_word(doc.cleaned, term.end())
    if position is None:
        return None
    country = countries.get(position)
    if country is not None:
        after = _next_word(doc.cleaned, country.clean_end)
        if after is not None and doc.cleaned[after].isupper():
            return False
        match = country.resolution.match if country.resolution else None
        return match.id if match else None
    return False if doc.cleaned[position].isupper() else None


def _named_after(doc: ScanText, term: re.Match[str], countries: dict[int, Found], owners: dict[int, Found],
                 get: Callable[[str], Entity | None]) -> str | bool | None:
    """The country named right after the term (`_country_after`), else that of its owner."""
    country = _country_after(doc, term, countries)
    return _owner_country(doc, term, owners, get) if country is None else country


_OF = re.compile(r"\s+của\s+")  # "Bộ Chính trị của phong trào Hamas": Hamas's, not Vietnam's
_LOWER_WORD = re.compile(r"[^\W\d_]+\s+")
MAX_CLASS_WORDS = 2  # "của phong trào Hamas", "của lực lượng Houthi"


def _owner_country(doc: ScanText, term: re.Match[str], owners: dict[int, Found],
                   get: Callable[[str], Entity | None]) -> str | bool | None:
    """The country of a country or organization named after "của" (of), with at most two
    lower-case class words between; False for an owner of no known country (the term is not
    the Vietnamese institution, and which it is the gazetteer cannot say); else None."""
    of = _OF.match(doc.cleaned, term.end())
    position = of.end() if of else None
    for _ in range(MAX_CLASS_WORDS + 1):
        if position is None:
            return None
        owner = owners.get(position)
        if owner is not None:
            match = owner.resolution.match if owner.resolution else None
            entity = get(match.id) if match else None
            return None if match is None else match.id if match.type == "country" else \
                (entity.country if entity and entity.country else False)
        word = _LOWER_WORD.match(doc.cleaned, position)
        position = word.end() if word and word.group()[0].islower() else None
    return None


def _next_word(cleaned: str, end: int) -> int | None:
    """The offset of the word right after `end` when only spaces come between, else None."""
    position = end
    while position < len(cleaned) and cleaned[position] == " ":
        position += 1
    if position == end or position >= len(cleaned) or not cleaned[position].isalnum():
        return None
    return position


def _anchors(doc: ScanText, found: list[Found], named: dict[int, str | bool | None],
             get: Callable[[str], Entity | None]) -> list[_Anchor]:
    """Where an office was named with its country: a term followed by a country, a person
    mention under an office title ("Thủ tướng Ishiba": Japan); and the places the text says it
    is set in ("Tại Hà Nội": Vietnam); in text order."""
    anchors = [_Anchor(at, country) for at, country in named.items() if isinstance(country, str)]
    for span in found:
        match = span.resolution.match if span.resolution else None
        if match is not None and match.type in ("country", "place") and _set_in(doc, span):
            entity = get(match.id)
            country = match.id if match.type == "country" else entity.country if entity else None
            if country:
                anchors.append(_Anchor(span.clean_start, country, place=True))
        if match is None or match.type != "person" or span.title is None:
            continue
        office = OFFICE_TITLES.get(fold(span.title.text) or "")
        person = get(match.id) if office else None
        if person is not None and person.country:
            anchors.append(_Anchor(span.clean_start, person.country, span, office))
    return sorted(anchors, key=lambda a: a.at)


def _set_in(doc: ScanText, span: Found) -> bool:
    """True for a place written after "tại"/"ở" (at, in): where the text is set."""
    before = doc.cleaned[max(0, span.clean_start - 5) : span.clean_start].split()
    return bool(before) and before[-1].casefold() in ("tại", "ở")


def _document_country(anchors: list[_Anchor]) -> Where:
    """The document's country: the one its offices are most often of, else Vietnam's."""
    offices = [a for a in anchors if not a.place]
    if offices:
        country, _ = Counter(a.country for a in offices).most_common(1)[0]
        return Where(country, "from the offices the document names")
    # Not the country it names most: "Thủ tướng tiếp Đại sứ Nhật Bản" is Vietnam's Prime Minister.
    return Where(DEFAULT_COUNTRY, "by default: a Vietnamese document")


def _context(doc: ScanText, at: int, anchors: list[_Anchor], document: Where) -> Where:
    """The country of the nearest office named before `at` in the same sentence, then in the
    same paragraph; else the document's."""
    earlier = [a for a in anchors if a.at < at]
    if earlier:
        nearest = earlier[-1]
        between = doc.cleaned[nearest.at : at]
        if not _SENTENCE_END.search(between):
            return Where(nearest.country, "from the same sentence")
        if "\n" not in between:
            return Where(nearest.country, "from the paragraph")
    return document


def _span(doc: ScanText, term: re.Match[str], resolution: Resolution) -> Found:
    start = scan_starts(doc, [term.start()])[0]
    end = scan_ends(doc, [term.end()])[0]
    return Found(start, end, term.start(), term.end(), term.group(), resolution)
