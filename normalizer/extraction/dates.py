"""The article's date settles a person mention between namesakes: who held a role that day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from normalizer.extraction.found import Found
from normalizer.model import Entity, Role


def _holds(role: Role, day: str) -> bool:
    """True when the role's dates (YYYY, YYYY-MM or YYYY-MM-DD) include the day."""
    started = role.start is None or role.start[: len(day)] <= day[: len(role.start)]
    ended = role.end is not None and role.end < day[: len(role.end)]
    return started and not ended and (role.start is not None or role.end is not None)


def active(entity: Entity, date: dt.date) -> bool:
    day = date.isoformat()
    return any(_holds(role, day) for role in entity.roles)


def settled_by_date(found: Found, date: dt.date, entity_of: Callable[[str], Entity | None]) -> Found:
    """An ambiguous mention among people becomes matched when exactly one held a role on date."""
    resolution = found.resolution
    if resolution is None or resolution.status != "ambiguous":
        return found
    people = [c for c in resolution.candidates if c.type == "person"]
    holding = [c for c in people if (e := entity_of(c.id)) is not None and active(e, date)]
    if len(people) < 2 or len(holding) != 1:
        return found
    best = holding[0]
    note = f"{best.explanation}; held a role on {date.isoformat()}"
    match = replace(best, explanation=note)
    return replace(found, resolution=replace(resolution, status="matched", match=match))
