"""Sports documents: a country or a city in a team's slot names its team.

Vietnamese match reports write teams by their place: "Việt Nam thắng Thái Lan 2-1", "hòa
Malaysia", "Inter Miami gặp Nashville", "sân nhà Pleiku". In a document about a sport, a country
or city mention in such a slot resolves to that place's team when the gazetteer holds one:

- slots: after a match verb or preposition ("thắng", "hòa", "thua", "gặp", "đánh bại", "trước",
  "vượt qua", "vs" ...) or a score ("3-2 Thái Lan"); before a match verb or a score ("Thái Lan
  thua", "Thái Lan 1-2"); after "sân (nhà) của" (its home ground); before its points in a table
  ("Cincinnati (62 điểm)");
- a country's team is its national team as the gazetteer names it, "tuyển X", or "U23 X" when
  the nearest team named before it in the paragraph, else most teams the document names, are of
  that age group ("U22 Việt Nam thắng Thái Lan" is the U-23 side);
- a city's team is the club the gazetteer names after it: "CLB X", "X FC", "FC X", "X SC", "SC X"
  ("Cincinnati" is FC Cincinnati; "Philadelphia" stays the city: Philadelphia Union is not
  named after it that way);
- after "sân nhà" / "chủ sân" a place is its stadium when the gazetteer holds "sân X";
- a name the gazetteer gives both a club and its owner ("HAGL", "Hoàng Anh Gia Lai") is the club;
- a city a slot made a club is that club throughout the document, except after words that put it
  as a place ("tại", "thành phố" ...); so is a foreign city whose club the document names in full
  ("SC Nashville" ... "Nashville gỡ một bàn"); a country is not (it is also the players'
  nationality: "cầu thủ Thái Lan").

Only exact gazetteer names count, and the explanation says which slot and which cue words made
the document a sports one. A document is about a sport when it uses at least MIN_CUES distinct
match-report words ("ghi bàn", "thủ môn", "HLV", "V-League" ...): outside one nothing changes,
so "thắng Thái Lan" in an election story, or "Thái Lan" in a trade story, stays the country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import ahocorasick

from normalizer.extraction.found import Found
from normalizer.extraction.rules import scan_word
from normalizer.extraction.scantext import ScanText
from normalizer.model import Entity, Resolution

Resolver = Callable[..., Resolution]
MIN_CUES = 3
# Words of match reports that rarely occur elsewhere; distinct ones are counted.
CUES = ("bóng đá", "cầu thủ", "ghi bàn", "bàn thắng", "bàn thua", "thủ môn", "thủ thành", "tiền đạo",
        "tiền vệ", "hậu vệ", "HLV", "huấn luyện viên", "đội tuyển", "trận đấu", "tỷ số", "hiệp một",
        "hiệp hai", "hiệp 1", "hiệp 2", "phạt đền", "penalty", "trọng tài", "vòng bảng", "vòng loại",
        "sân cỏ", "đội bóng", "câu lạc bộ", "CLB", "kiến tạo", "play-off", "cú đúp", "hat-trick",
        "V-League", "V.League", "World Cup", "SEA Games", "AFF Cup", "ASEAN Cup", "MLS",
        "Premier League", "Ngoại hạng Anh", "Champions League", "quần vợt", "cầu lông", "tay vợt")


def _cue_automaton() -> ahocorasick.Automaton:
    """The cues in scan form, padded (" ghi bàn ", " v league "): one pass over the scan text
    finds them on word boundaries, 20 ms/MB against 300 for a case-insensitive regex."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for cue in CUES:
        automaton.add_word(" " + " ".join(scan_word(w) for w in re.findall(r"[^\W_]+", cue)) + " ",
                           cue.casefold())
    automaton.make_automaton()
    return automaton


_CUES = _cue_automaton()
_VERBS = r"thắng|hòa|hoà|thua|gặp|đánh bại|vượt qua|hạ|đè bẹp|quật ngã|đối đầu|đụng độ|chạm trán"
_SCORE = r"\d{1,2}\s?[-–:]\s?\d{1,2}"
# The slot before a place: a verb or preposition of a match, or a score, right before it.
_SLOT_BEFORE = re.compile(r"(?<!\w)(" + _VERBS + r"|trước|tiếp đón|tiếp|làm khách|đấu với|chủ nhà|đội khách|"
                          r"tung lưới|sân nhà của|sân của|vs\.?|" + _SCORE + r")\s+$", re.IGNORECASE)
# After a place: a match verb, a score, or its points in a table ("Cincinnati (62 điểm)").
_SLOT_AFTER = re.compile(r"^\s+(" + _VERBS + r"|vs\.?)(?!\w)|^\s*(" + _SCORE + r"(?!\d)|\(\d{1,3} điểm\))",
                         re.IGNORECASE)
# Words that put a city as a place, not as its club: "tại Nashville", "thành phố Nashville".
_AS_PLACE = re.compile(r"(?<!\w)(tại|ở|thành phố|TP\.?|bang|tới|đến|sang|từ)\s+$", re.IGNORECASE)
_HOME_GROUND = re.compile(r"(?<!\w)(sân nhà|chủ sân)\s+$", re.IGNORECASE)
# A team's level as the text writes it: an age group ("U22 Việt Nam", "U.23") or the senior team.
_LEVEL = re.compile(r"(?<!\w)(?:U\.?\s?(\d{2})(?!\d)|(?:đội |ĐT )?tuyển(?!\w)|ĐTQG)")
_CLUB_FORMS = ("CLB {}", "{} FC", "FC {}", "{} SC", "SC {}")
_CLUB_FORM_PATTERNS = [re.compile(re.escape(form).replace(re.escape("{}"), "(.+)")) for form in _CLUB_FORMS]
_TEAM_NAME = re.compile(r"\b(FC|F\.C\.|SC|CF|AFC)\b|national (under-\d\d )?football team")
_TEAM_PREFIXES = ("CLB ", "đội tuyển ", "tuyển ")
_PLACE_TYPES = frozenset({"country", "place"})
_WINDOW = 24  # characters read before and after a mention for its slot


def sports_cues(text: str) -> list[str]:
    """The distinct match-report words of a text, in order of first use (casefolded)."""
    return cues_in(ScanText.build(text).scan)


def cues_in(scan: str) -> list[str]:
    """sports_cues of a text in scan form (ScanText.scan)."""
    return list(dict.fromkeys(cue for _, cue in _CUES.iter(scan)))


def sports_teams(doc: ScanText, found: list[Found], resolve: Resolver,
                 get: Callable[[str], Entity | None]) -> list[Found]:
    """The spans, places in a team's slot read as their team in a sports document (see the
    module docstring); the same list when the document is not about a sport."""
    named = _cities_of_named_clubs(found, get)
    if not named and not any(_may_be_a_team(doc, span) for span in found):
        return found  # most documents: no cue is even looked for
    cues = cues_in(doc.scan)
    if len(cues) < MIN_CUES:
        return found
    why = f"a sports document (uses {', '.join(repr(c) for c in cues[:3])} ...)"
    ages = _document_ages(doc.cleaned)
    out = []
    clubs: dict[str, Resolution] = {}  # a city's surface -> its club, once a slot said so
    for span in found:
        team = _team_of(doc, span, resolve, get, ages, why)
        if team is not None and team.match is not None and team.match.type == "organization" \
                and _entity_type(span) == "place":
            clubs.setdefault(span.surface, team)
        out.append(span.with_resolution(team) if team is not None else span)
    for city, club in named.items():
        clubs.setdefault(city, club)
    return [_same_club(doc, span, clubs, get) for span in out] if clubs else out


def _cities_of_named_clubs(found: list[Found], get: Callable[[str], Entity | None]) -> dict[str, Resolution]:
    """The cities in the names of the clubs a document names in full ("SC Nashville":
    "Nashville") that it also names alone, each with its club."""
    places = {span.surface for span in found if _entity_type(span) == "place"}
    cities: dict[str, Resolution] = {}
    for span in found:
        named = next((m for form in _CLUB_FORM_PATTERNS if (m := form.fullmatch(span.surface))), None)
        resolution = span.resolution
        if named is None or named.group(1) not in places or resolution is None or resolution.match is None:
            continue
        if resolution.status == "matched" and _is_team(get(resolution.match.id)):
            club = replace(resolution.match, explanation=f"the document names the club '{span.surface}'")
            cities.setdefault(named.group(1), replace(resolution, match=club, candidates=(club,)))
    return cities


def _may_be_a_team(doc: ScanText, span: Found) -> bool:
    """A cheap test of what `_team_of` reads: a name several organizations share, or a place
    in a team's slot or after "sân nhà"."""
    resolution = span.resolution
    if resolution is not None and resolution.status == "ambiguous":
        return len(resolution.candidates) > 1 and resolution.candidates[0].type == "organization"
    if _entity_type(span) not in _PLACE_TYPES:
        return False
    before = doc.cleaned[max(0, span.clean_start - _WINDOW) : span.clean_start]
    return _HOME_GROUND.search(before) is not None or _slot(doc, span, before) is not None


def _same_club(doc: ScanText, span: Found, clubs: dict[str, Resolution],
               get: Callable[[str], Entity | None]) -> Found:
    """A city a slot made a club, or whose club the document names in full ("SC Nashville"), is
    that club throughout the document ("đội chủ nhà New York City", "Nashville gỡ một bàn"),
    except where the text puts it as a place ("tại Nashville", "thành phố Nashville"). A
    Vietnamese city stays a place unless a slot said otherwise: a V-League report that names Hà
    Nội FC also writes "Hà Nội" for the capital."""
    club = clubs.get(span.surface)
    if club is None or club.match is None or _entity_type(span) != "place" or span.resolution is club:
        return span
    before = doc.cleaned[max(0, span.clean_start - _WINDOW) : span.clean_start]
    if _AS_PLACE.search(before):
        return span
    place = get(span.resolution.match.id) if span.resolution and span.resolution.match else None
    if club.match.method != "context" and (place is None or place.country == "vietnam"):
        return span
    match = replace(club.match, explanation=(
        f"'{span.surface}' is {club.match.name} throughout this sports document, as a team's slot "
        f"says elsewhere ({club.match.explanation.split(': ', 1)[-1]})"))
    return span.with_resolution(replace(club, match=match, candidates=(match,)))


def _entity_type(span: Found) -> str | None:
    match = span.resolution.match if span.resolution else None
    return match.type if match else None


def _team_of(doc: ScanText, span: Found, resolve: Resolver, get: Callable[[str], Entity | None],
             ages: Counter[str], why: str) -> Resolution | None:
    resolution = span.resolution
    if resolution is None:
        return None
    if resolution.status == "ambiguous":
        return _club_over_owner(span, resolution, get, why)
    match = resolution.match
    if match is None or match.type not in _PLACE_TYPES:
        return None
    before = doc.cleaned[max(0, span.clean_start - _WINDOW) : span.clean_start]
    if (home := _HOME_GROUND.search(before)) is not None:
        return _named(span, resolve(f"sân {span.surface}"), "place", f"after '{home.group(1)}'", why)
    slot = _slot(doc, span, before)
    if slot is None:
        return None
    if match.type == "country":
        return _national_team(doc, span, match.id, resolve, get, ages, slot, why)
    for form in _CLUB_FORMS:
        team = _named(span, resolve(form.format(span.surface)), "organization", slot, why)
        if team is not None:
            return team
    return None


def _slot(doc: ScanText, span: Found, before: str) -> str | None:
    """How the text puts the place in a team's slot ("after 'thắng'"), or None."""
    if (found := _SLOT_BEFORE.search(before)) is not None:
        return f"after '{found.group(1)}'"
    after = doc.cleaned[span.clean_end : span.clean_end + _WINDOW]
    if (found := _SLOT_AFTER.search(after)) is not None:
        return f"before '{found.group(1) or found.group(2)}'"
    return None


def _national_team(doc: ScanText, span: Found, country: str, resolve: Resolver,
                   get: Callable[[str], Entity | None], ages: Counter[str], slot: str,
                   why: str) -> Resolution | None:
    age = _age_near(doc.cleaned, span.clean_start)
    if age is None and ages:
        age = ages.most_common(1)[0][0]
    forms = [f"U{age} {span.surface}"] if age and age != "senior" else []
    for form in [*forms, f"tuyển {span.surface}"]:
        team = _named(span, resolve(form), "organization", slot, why)
        entity = get(team.match.id) if team is not None and team.match is not None else None
        if team is not None and entity is not None and entity.country == country:
            return team
    return None


def _document_ages(cleaned: str) -> Counter[str]:
    """How often the text names each team level ("22", "23", "senior")."""
    return Counter(m.group(1) or "senior" for m in _LEVEL.finditer(cleaned))


def _age_near(cleaned: str, at: int) -> str | None:
    """The level of the last team named before `at` in the same paragraph, if any."""
    paragraph = cleaned.rfind("\n", 0, at) + 1
    levels = list(_LEVEL.finditer(cleaned, paragraph, at))
    return (levels[-1].group(1) or "senior") if levels else None


def _named(span: Found, resolution: Resolution, type: str, slot: str, why: str) -> Resolution | None:
    """The team (or stadium) a constructed name resolves to exactly, explained, or None."""
    match = resolution.match
    if resolution.status != "matched" or match is None or match.type != type or match.method != "exact":
        return None
    team = replace(match, matched_name=span.surface, method="context", explanation=(
        f"'{span.surface}' stands for {match.name} ('{resolution.query}'): {slot} in {why}"))
    return Resolution(span.surface, "matched", team, (team,))


def _club_over_owner(span: Found, resolution: Resolution, get: Callable[[str], Entity | None],
                     why: str) -> Resolution | None:
    """A name shared by a club and other organizations ("HAGL": the club and its owner): the
    club, when exactly one candidate is a team."""
    tied = [c for c in resolution.candidates if c.score == resolution.candidates[0].score]
    if len(tied) < 2 or any(c.type != "organization" for c in tied):
        return None
    teams = [c for c in tied if _is_team(get(c.id))]
    if len(teams) != 1:
        return None
    team = replace(teams[0], method="context", explanation=(
        f"'{span.surface}' names {teams[0].name} and {len(tied) - 1} other organization(s): "
        f"the team, in {why}"))
    return replace(resolution, status="matched", match=team)


def _is_team(entity: Entity | None) -> bool:
    """A sports team, by its names: "... FC", "national football team", "CLB ...", "tuyển ..."."""
    if entity is None or entity.type != "organization":
        return False
    return bool(_TEAM_NAME.search(entity.name)) or any(
        n.text.startswith(_TEAM_PREFIXES) for n in entity.names)
