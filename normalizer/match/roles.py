"""Role references: an office named instead of a person ("Ngoại trưởng Nhật Bản", "Tổng thống
Mỹ", "Chủ tịch Trung Quốc", "Thủ tướng" in a Vietnamese story) is whoever held it on a date.

A title maps to an office (`OFFICE_TITLES`; model.OFFICES), the words after it to the country or
organization the office is of, and the gazetteer's dated roles (`office`, `of`, `start`, `end`)
to its holders (`RoleIndex`, built from an index and patched with it). One holder on the date is a
match by method "role"; none is unmatched, saying that the office was vacant or its holder is
unknown; several (partial dates that overlap, offices with several holders such as deputy prime
ministers or spokespeople) are ambiguous.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind
from normalizer.gazetteer.index import Patch
from normalizer.model import Entity, Role
from normalizer.text import fold

# Titles (folded) and the office they name when followed by a country; `None` country offices
# are read against the country of the context (a document, a `country` parameter).
OFFICE_TITLES: dict[str, str] = {fold(title) or "": office for office, titles in {
    "head-of-government": ("Thủ tướng", "Thủ tướng Chính phủ", "Prime Minister", "PM", "Premier",
                           "Chancellor"),
    "head-of-state": ("Tổng thống", "Chủ tịch nước", "Chủ tịch", "Quốc vương", "Nhà vua", "Vua",
                      "Hoàng đế", "Nữ hoàng", "President", "King", "Queen", "Emperor"),
    "vice-president": ("Phó Tổng thống", "Phó Chủ tịch nước", "Vice President"),
    "deputy-head-of-government": ("Phó Thủ tướng", "Deputy Prime Minister"),
    "foreign-minister": ("Ngoại trưởng", "Bộ trưởng Ngoại giao", "Bộ trưởng Bộ Ngoại giao",
                         "Foreign Minister", "Minister of Foreign Affairs", "Secretary of State",
                         "Foreign Secretary"),
    "defense-minister": ("Bộ trưởng Quốc phòng", "Bộ trưởng Bộ Quốc phòng", "Defense Minister",
                         "Defence Minister", "Minister of Defense", "Minister of Defence",
                         "Secretary of Defense"),
    "finance-minister": ("Bộ trưởng Tài chính", "Bộ trưởng Bộ Tài chính", "Finance Minister"),
    "trade-minister": ("Bộ trưởng Thương mại", "Bộ trưởng Bộ Thương mại", "Bộ trưởng Công Thương",
                       "Bộ trưởng Bộ Công Thương", "Trade Minister"),
    "foreign-ministry-spokesperson": ("Người phát ngôn Bộ Ngoại giao", "Phát ngôn viên Bộ Ngoại giao"),
    "party-leader": ("Tổng Bí thư", "General Secretary"),
    "legislature-speaker": ("Chủ tịch Quốc hội", "Chủ tịch Hạ viện", "Speaker"),
    "chief-cabinet-secretary": ("Chánh văn phòng Nội các", "Chief Cabinet Secretary"),
    "coach": ("Huấn luyện viên", "HLV", "Head coach"),
}.items() for title in titles}
# Titles that name the head of an organization ("Tổng thư ký LHQ", "Tổng Giám đốc WHO").
HEAD_TITLES = frozenset(fold(t) or "" for t in (
    "Tổng thư ký", "Tổng Thư ký", "Tổng giám đốc", "Giám đốc điều hành", "Chủ tịch", "Secretary-General",
    "Secretary General", "Director-General", "Director General", "President", "Chairman", "Head"))
# A president heads the government where the gazetteer knows no head of government ("Thủ tướng
# Mỹ" is a slip for the President).
FALLBACK = {"head-of-government": "head-of-state"}
DAY = "%Y-%m-%d"


@dataclass(frozen=True, slots=True)
class Holding:
    entity: Entity
    role: Role

    def holds(self, day: str) -> bool:
        return holds(self.role, day)

    def describe(self) -> str:
        role = self.role
        span = f"{role.start or '?'} to {role.end or 'now'}"
        return f"{role.title}{' (acting)' if role.acting else ''}, {span}"


def holds(role: Role, day: str) -> bool:
    """True when the role's dates (YYYY, YYYY-MM or YYYY-MM-DD) include the day; a role with no
    date at all says nothing of when it was held."""
    started = role.start is None or role.start[: len(day)] <= day[: len(role.start)]
    ended = role.end is not None and role.end < day[: len(role.end)]
    return started and not ended and (role.start is not None or role.end is not None)


class RoleIndex:
    """Dated holdings by (office, of): who held what where; and the country of each body an
    office is of (a party's General Secretary is the leader of its country's party)."""

    def __init__(self, holdings: dict[tuple[str, str], tuple[Holding, ...]], countries: dict[str, str]):
        self.holdings = holdings
        self.countries = countries  # `of` id -> its country, for bodies (parties, ministries)

    @classmethod
    def of(cls, index: GazetteerIndex) -> RoleIndex:
        found: dict[tuple[str, str], list[Holding]] = {}
        for entity in index.entities.values():
            for key, holding in _holdings(entity):
                found.setdefault(key, []).append(holding)
        return cls({key: tuple(items) for key, items in found.items()}, _countries(index, found))

    def patched(self, patch: Patch) -> RoleIndex:
        """The holdings with the patch's touched entities taken out and their new state put in."""
        touched = patch.touched
        found = {key: [h for h in items if h.entity.id not in touched] for key, items in self.holdings.items()
                 if any(h.entity.id in touched for h in items)}
        for entity_id in touched:
            entity = patch.index.entities.get(entity_id)
            for key, holding in _holdings(entity) if entity is not None else ():
                found.setdefault(key, list(self.holdings.get(key, ()))).append(holding)
        holdings = dict(self.holdings)
        holdings.update({key: tuple(items) for key, items in found.items()})
        return RoleIndex(holdings, {**self.countries, **_countries(patch.index, found)})

    def holders(self, office: str, of: str, day: str) -> tuple[list[Holding], list[Holding]]:
        """(holders on the day, every holding of the office) for the office of `of`: of a
        country, also the office of its bodies (its ruling party's General Secretary)."""
        every = self._every(office, of)
        if not every and office in FALLBACK:
            every = self._every(FALLBACK[office], of)
        return [h for h in every if h.holds(day)], every

    def _every(self, office: str, of: str) -> list[Holding]:
        every = list(self.holdings.get((office, of), ()))
        if not every:
            bodies = [body for (kind, body) in self.holdings
                      if kind == office and self.countries.get(body) == of]
            every = [h for body in bodies for h in self.holdings[office, body]]
        return every


def _countries(index: GazetteerIndex, holdings: Iterable[tuple[str, str]]) -> dict[str, str]:
    out = {}
    for _, body in holdings:
        entity = index.get(body)
        if entity is not None and entity.type != "country" and entity.country:
            out[body] = entity.country
    return out


def _holdings(entity: Entity) -> Iterable[tuple[tuple[str, str], Holding]]:
    for role in entity.roles:
        if role.office and role.of:
            yield (role.office, role.of), Holding(entity, role)


ROLE_INDEX: Kind[RoleIndex] = Kind("role-index", RoleIndex.of, RoleIndex.patched)


def office_for(title: str, target: Entity) -> str | None:
    """The office a title names when followed by this country or organization, if any."""
    key = fold(title) or ""
    if target.type == "organization" and key in HEAD_TITLES:
        return "head"
    office = OFFICE_TITLES.get(key)
    if office == "party-leader" and target.type == "country":
        return office  # read against the country's ruling party (RoleIndex keys are the party)
    return office if target.type in ("country", "organization", "place") else None


def day_of(when: dt.date | None) -> str:
    return (when or dt.date.today()).strftime(DAY)


def vacancy(office_words: str, every: list[Holding], day: str) -> str:
    """Why no one matched: the office was vacant on the day, or no holder is known then."""
    before = [h for h in every if h.role.end and h.role.end < day[: len(h.role.end)]]
    after = [h for h in every if h.role.start and h.role.start[: len(day)] > day[: len(h.role.start)]]
    if not every:
        return f"the gazetteer knows no holder of {office_words}"
    parts = [f"no holder of {office_words} is known on {day}"]
    if before:
        last = max(before, key=lambda h: h.role.end or "")
        parts.append(f"{last.entity.name} left on {last.role.end}")
    if after:
        nxt = min(after, key=lambda h: h.role.start or "")
        parts.append(f"{nxt.entity.name} took office on {nxt.role.start}")
    return "; ".join(parts)
