"""Running text -> mentions: every gazetteer entity a document names, with exact offsets.

The pipeline, one stage per line of `Extractor.extract`:
1. cleanup with an offset map back to the original (extraction.scantext);
2. a multi-pattern scan of every exact key of the index, on word boundaries (extraction.automaton);
3. case rules, then the longest match wins among overlapping ones (extraction.rules, .found);
4. each span resolved through the matcher (status, match, candidates: DESIGN.md's shape);
5. context rules for one-syllable names that are also Vietnamese words, dash compounds ("Trung -
   Mỹ"), languages and pronouns (extraction.rules, .context), and the title before each mention
   (extraction.titles);
   in a sports document, countries and cities in a team's slot ("thắng Thái Lan") are their
   teams (extraction.sports);
6. partial references ("bà Kamikawa", "ông Tập") linked to a full mention earlier (extraction.coref);
7. bare institutions and offices ("Quốc hội", "Thủ tướng") read against the country of their
   context, on the document's date (extraction.context);
8. capitalized name-like spans that matched nothing: resolved for a suggestion and reported as
   `unlinked`, or as mentions when the fuzzy or transliteration tiers match them (extraction.unlinked).

The automaton and the per-key case patterns are built once per index and kept with it
(gazetteer.derived), so they go when the index goes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass, replace
from itertools import chain
from operator import attrgetter

import numpy as np

from normalizer.extraction.automaton import scanner_for, span_arrays
from normalizer.extraction.context import compounds_and_words, references
from normalizer.extraction.coref import (
    EarlierAntecedents,
    find_partials,
    link,
    partial_key_table,
    settled_by_antecedents,
)
from normalizer.extraction.dates import settled_by_date
from normalizer.extraction.found import Found, longest_first
from normalizer.extraction.lists import weak_short_forms_in_lists
from normalizer.extraction.longer import longer_names
from normalizer.extraction.rules import KeyInfo, continues_name, inside_person_name, one_token_fits
from normalizer.extraction.scantext import ScanText
from normalizer.extraction.sports import sports_teams
from normalizer.extraction.titles import person_title_before, title_before
from normalizer.extraction.unlinked import name_like_spans
from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind, derived
from normalizer.gazetteer.layers import little_known
from normalizer.model import Entity, Mention, Resolution
from normalizer.text import marks_lost_only

Resolver = Callable[..., Resolution]  # resolve(text), and resolve(text, date, where) for references
# A key match before resolution: padded scan start and end, cleaned start and end, surface. Spans
# (Found) are built once, resolved: a fifth of the matches lose to a longer overlapping one.
Hit = tuple[int, int, int, int, str]
PLACE_TYPES = frozenset({"country", "place"})
_TEXT_ORDER = attrgetter("scan_start")
# Per index, filled as documents are read: what each exact key's names say of case and
# punctuation, and each person's partial keys ("Vương", "Kamikawa").
KEY_INFO: Kind[dict[str, KeyInfo]] = Kind("key-info", lambda index: {})
PARTIAL_KEYS: Kind[dict[str, dict[str, bool]]] = Kind("partial-keys", lambda index: {})


@dataclass(frozen=True, slots=True)
class Extraction:
    """The mentions of one document and the name-like spans nothing matched, in text order."""

    mentions: tuple[Mention, ...]
    unlinked: tuple[Mention, ...]

    def to_dict(self) -> dict[str, list[dict[str, object]]]:
        return {
            "mentions": [m.to_dict() for m in self.mentions],
            "unlinked": [m.to_dict() for m in self.unlinked],
        }


class Extractor:
    """Extracts mentions against one immutable index; see the module docstring."""

    def __init__(self, index: GazetteerIndex):
        self.index = index
        self.scanner = scanner_for(index)
        self._keys = derived(index, KEY_INFO)
        self._partial_keys = derived(index, PARTIAL_KEYS)  # entity id -> its partial keys

    def extract(self, text: str, resolve: Resolver, types: Collection[str] | None = None,
                date: dt.date | None = None) -> Extraction:
        if not text:
            return Extraction((), ())
        doc = ScanText.build(text)
        found = resolved(self.key_matches(doc), resolve)
        found = [settled_by_date(f, date, self.index.get) for f in found] if date else found
        found, no_names = compounds_and_words(doc, in_context(doc, found), resolve)
        found = sports_teams(doc, found, resolve, self.index.get)  # first: it places 'U22 Thái Lan'
        found, longer = longer_names(doc, found)  # "Hà Nội FC" not held: not Hà Nội alone
        # Titles, coreference and leftovers read across these places (partial references are
        # people: the map stays the same).
        places = _place_ends(found)
        found = with_titles(doc, found, places)
        found = settled_by_antecedents(self.with_partial_references(doc, found, places))
        found = references(doc, found, resolve, date, self.index.get)
        promoted, unlinked = leftovers(doc, found + no_names, places, resolve, self.index.get, longer)
        found = sorted(found + promoted, key=_TEXT_ORDER)
        mentions = [f for f in found if _of_types(f.resolution, types)] if types else found
        return Extraction(to_mentions(doc, mentions), to_mentions(doc, unlinked))

    def key_info(self, key: str) -> KeyInfo:
        info = self._keys.get(key)
        if info is None:
            info = self._keys[key] = KeyInfo.of(self.index, key)
        return info

    def partial_keys(self, entity: Entity) -> dict[str, bool]:
        keys = self._partial_keys.get(entity.id)
        if keys is None:
            keys = self._partial_keys[entity.id] = partial_key_table(entity)
        return keys

    def key_matches(self, doc: ScanText) -> list[Hit]:
        """Automaton hits whose punctuation and capitalization fit a gazetteer name; of those
        that overlap, the longest (found.longest_first)."""
        hits: list[Hit] = []
        fits: dict[tuple[str, str], bool] = {}  # the same names recur all through a document
        known = self._keys
        starts, ends = span_arrays(self.scanner, doc)
        punctuation = doc.crosses_punctuation_at(starts, ends).tolist()
        clean_starts, clean_ends = (a.tolist() for a in doc.cleaned_spans(starts, ends))
        for start, end, crosses, clean_start, clean_end in zip(
            starts.tolist(), ends.tolist(), punctuation, clean_starts, clean_ends, strict=True
        ):
            key = doc.scan[start + 1 : end - 1]
            info = known.get(key) or self.key_info(key)
            if crosses and not info.has_punctuation:
                continue
            surface = doc.cleaned[clean_start:clean_end]
            if crosses and not info.punctuation_fits(surface):
                continue
            fit = fits.get((key, surface))
            if fit is None:
                fit = fits[key, surface] = info.case_fits(surface)
            if fit or (_quoted(doc.cleaned, clean_start, clean_end) and info.quoted_fits(surface)):
                hits.append((start, end, clean_start, clean_end, surface))
        chosen = longest_first([h[0] for h in hits], [h[1] for h in hits], len(doc.scan))
        return [hits[i] for i in chosen]

    def with_partial_references(self, doc: ScanText, found: list[Found],
                                places: dict[int, int]) -> list[Found]:
        """The mentions with the partial references added, in text order. A span that only a
        generated layer's entities could name gives way to a partial reference there: "Ngoại
        trưởng Nhật Bản Motegi" after "Toshimitsu Motegi" is the minister, not the town of Motegi."""
        soft = [f for f in found if _layers_only(f.resolution)]
        firm = [f for f in found if not _layers_only(f.resolution)] if soft else found
        partials = self.partial_references(doc, firm, places, found)
        if soft and partials:
            taken = _covered(doc, partials)
            soft = [f for f in soft if not any(taken[f.clean_start : f.clean_end])]
            found = firm + soft
        return sorted(found + partials, key=_TEXT_ORDER)

    def _layers_only_key(self, key: str) -> bool:
        """True when only generated layers' entities have this exact key ("horta": a GeoNames place)."""
        hits = self.index.lookup("exact", key)
        return bool(hits) and all(hit.entity.layer is not None for hit in hits)

    def partial_references(self, doc: ScanText, mentions: list[Found], places: dict[int, int],
                           antecedents: list[Found] | None = None) -> list[Found]:
        """Partial references linked to a person named in full earlier (extraction.coref) in the
        text `mentions` leave free; `places` maps the mentions of places by end (see `_place_ends`)."""
        earlier = EarlierAntecedents(antecedents or mentions, self.index.get, self.partial_keys)
        starts, ends, keys = find_partials(doc, earlier.keys())
        if not keys:
            return []
        clean_starts, clean_ends = doc.cleaned_spans(starts, ends)
        # Most occurrences are words of the full mentions themselves ("Wang" in "Wang Yi").
        free = ~_any_covered(_covered(doc, mentions), clean_starts, clean_ends)
        out = []
        for i in np.flatnonzero(free).tolist():
            start, clean_start, clean_end = int(starts[i]), int(clean_starts[i]), int(clean_ends[i])
            if not _all_capitalized(doc, clean_start, clean_end):
                continue
            title = person_title_before(doc, start, places)
            partial = Found(start, int(ends[i]), clean_start, clean_end, doc.cleaned[clean_start:clean_end])
            loose = self._layers_only_key(keys[i])
            linked = link(partial, earlier.latest(keys[i], start + 1, title, loose), title, loose)
            if linked is not None:
                out.append(linked)
        return out


def resolved(hits: list[Hit], resolve: Resolver) -> list[Found]:
    """Each key match as a span with its resolution; those the matcher cannot place are dropped."""
    cache: dict[str, Resolution] = {}
    out = []
    for start, end, clean_start, clean_end, surface in hits:
        resolution = cache.get(surface)
        if resolution is None:
            resolution = cache[surface] = resolve(surface)
        if resolution.status != "unmatched":
            out.append(Found(start, end, clean_start, clean_end, surface, resolution))
    return out


def in_context(doc: ScanText, found: list[Found]) -> list[Found]:
    """The spans, one-syllable names kept only where context says they are names, and no
    country's name that continues a person's name ("bà Nam Tư").

    The rules are repeated until stable: a neighbour that is itself rejected ("Lê Đức Anh":
    "Đức") must not vouch for a name next to it. The spans are in text order and do not overlap,
    so a rejection changes the context of the spans just before and after it only: those alone
    are tested again.
    """
    titled: dict[int, bool] = {}
    inside = _Inside(doc, found)
    # Countries' and people's names inside a longer person's name go first, so that they vouch
    # for no neighbour ("Anh Thái Lan": a man, not the UK beside Thailand).
    rejected = {i for i, span in enumerate(found)
                if _country_in_person_name(doc, span, inside) or _person_in_longer_name(doc, span, inside)}
    for i in rejected:
        inside.discard(found[i])
    tested = [i for i, span in enumerate(found) if _needs_context(span) and i not in rejected]
    for _ in range(3):
        newly = {i for i in tested if not _one_token_fits(doc, found[i], inside, titled)}
        if not newly:
            break
        for i in newly:
            inside.discard(found[i])
        rejected |= newly
        tested = [i for i in tested if i not in rejected and (i - 1 in newly or i + 1 in newly)]
    return weak_short_forms_in_lists(doc, [span for i, span in enumerate(found) if i not in rejected])


def _country_in_person_name(doc: ScanText, span: Found, covered: Container[int]) -> bool:
    """A country's name of several words that continues a person's name ("bà Nam Tư")."""
    return (span.words > 1 and span.entity_type == "country"
            and inside_person_name(doc, span.scan_start, covered))


def _person_in_longer_name(doc: ScanText, span: Found, covered: Container[int]) -> bool:
    """A person's name that continues a longer Vietnamese name no key matched: "Nguyễn Thị Thu
    Trang" is someone else than the actress Thu Trang, "Lê Thái Hòa" than the actor Thái Hòa."""
    return span.entity_type == "person" and continues_name(doc, span.scan_start, covered)


def with_titles(doc: ScanText, found: list[Found], places: dict[int, int]) -> list[Found]:
    """Each person mention with the title before it, read across place mentions (`places`)."""
    return [span.with_title(person_title_before(doc, span.scan_start, places))
            if span.entity_type == "person" else span for span in found]


def _needs_context(span: Found) -> bool:
    """True for a one-syllable name that may be a Vietnamese word (not a person, not an acronym)."""
    return span.entity_type != "person" and span.words == 1 and not _acronym(span)


def _one_token_fits(doc: ScanText, span: Found, starts: Container[int], titled: dict[int, bool]) -> bool:
    has_title = titled.get(span.scan_start)
    if has_title is None:
        has_title = titled[span.scan_start] = title_before(doc, span.scan_start) is not None
    return one_token_fits(doc, span.scan_start, span.scan_end, starts, has_title)


def _acronym(span: Found) -> bool:
    """An acronym written as the gazetteer writes it ("TTXVN"): never a Vietnamese word."""
    match = span.resolution.match if span.resolution else None
    if match is None or len(span.surface) < 2:
        return False
    return span.surface.isupper() and match.matched_name.isupper()


def leftovers(doc: ScanText, found: list[Found], places: dict[int, int], resolve: Resolver,
              get: Callable[[str], Entity | None],
              longer: Iterable[Found] = ()) -> tuple[list[Found], list[Found]]:
    """Name-like spans no key matched: (those the matcher places, the unlinked rest); `places`
    maps the mentions of places by end (see `_place_ends`), `get` finds an entity by id;
    `longer`: longer names that took a known name's place (extraction.longer), resolved first."""
    longer = list(longer)
    covered = _covered(doc, found + longer)
    countries = {f.scan_end - 1: f for f in found if f.entity_type == "country"}  # by end, as places
    promoted, unlinked = [], []
    resolutions: dict[str, tuple[Resolution, Resolution]] = {}  # surface -> (as is, not linked)
    for span in chain(longer, name_like_spans(doc, covered, places)):
        known = resolutions.get(span.surface)
        if known is None:
            resolution = resolve(span.surface)
            known = resolutions[span.surface] = (resolution, _not_linked(resolution))
        if known[0].status == "matched" and (
            _may_promote(span, known[0], get) if span.words > 1
            else _introduced(span, known[0], countries.get(span.scan_start), get)
        ):
            promoted.append(span.with_resolution(known[0]))
        else:
            unlinked.append(span.with_resolution(known[1]))
    return promoted, unlinked


def _may_promote(span: Found, resolution: Resolution, get: Callable[[str], Entity | None]) -> bool:
    """False when the matcher forgave diacritics the text has and the name lacks or writes
    otherwise (in running text "Trung Hòa", a ward of Hanoi, is not "Trung Hoa", China), when a
    person's title puts a country's name in a person's place ("bà Nam Tư"), or when the match is
    a little-known layer entity (gazetteer.layers.little_known), which running text names only
    with a class word: "trạm Văn Lý" is a weather station, not one of the communes of that name."""
    match = resolution.match
    if match is None:
        return True
    entity = get(match.id) if match.layer else None
    if entity is not None and little_known(entity):
        return False
    if span.title is not None and span.title.person and match.type == "country":
        return False
    return match.method != "folded" or marks_lost_only(span.surface, match.matched_name)


def _introduced(span: Found, resolution: Resolution, country: Found | None,
                get: Callable[[str], Entity | None]) -> bool:
    """True for a lone name that the press introduces with a person's title and that person's
    country right before it: "Tổng thống Nga Putin", "Thủ tướng Ấn Độ Modi". Any other lone
    word stays unlinked without an antecedent ("ông Tập")."""
    match = resolution.match
    if match is None or match.type != "person" or country is None or not (span.title and span.title.person):
        return False
    person = get(match.id)
    country_match = country.resolution.match if country.resolution else None
    if person is None or country_match is None:
        return False
    return person.related_to(country_match.id)


def _not_linked(resolution: Resolution) -> Resolution:
    """A lone word is never linked on its own (a partial name with no antecedent): its
    candidates stay, as ambiguous, for an editor to decide."""
    if resolution.status != "matched":
        return resolution
    return replace(resolution, status="ambiguous", match=None)


def to_mentions(doc: ScanText, spans: list[Found]) -> tuple[Mention, ...]:
    """The spans as mentions, with original-text offsets (mapped all at once)."""
    starts, ends = doc.original_spans([s.clean_start for s in spans], [s.clean_end for s in spans])
    return tuple(_mention(doc, span, start, end)
                 for span, start, end in zip(spans, starts, ends, strict=True))


def _mention(doc: ScanText, span: Found, start: int, end: int) -> Mention:
    assert span.resolution is not None
    extra: dict[str, object] = {}
    if span.antecedent is not None:
        extra["antecedent"] = doc.original_span(span.antecedent.clean_start, span.antecedent.clean_end)[0]
    title = span.title.text if span.title else None
    return Mention(start, end, doc.original[start:end], span.resolution, title, span.coref, extra)


def _quoted(cleaned: str, start: int, end: int) -> bool:
    """True when a span is the whole of a quotation ('"bầy ong"'; the cleanup made every quote '"')."""
    return start > 0 and cleaned[start - 1] == '"' and cleaned[end : end + 1] == '"'


def _layers_only(resolution: Resolution | None) -> bool:
    """True when only generated layers' entities could be meant (no curated candidate)."""
    return resolution is not None and bool(resolution.candidates) and all(
        c.layer is not None for c in resolution.candidates)


def _of_types(resolution: Resolution | None, types: Collection[str] | None) -> bool:
    if not types or resolution is None:
        return True
    if resolution.match is not None:
        return resolution.match.type in types
    return any(c.type in types for c in resolution.candidates)


class _Inside:
    """Scan positions inside the letters of some spans: `p in inside` for a word's first letter
    says whether that word belongs to one of them (a mask, cheaper than a set of word starts)."""

    def __init__(self, doc: ScanText, spans: Iterable[Found]):
        self._mask = bytearray(len(doc.scan))
        for span in spans:
            first, last = span.key
            self._mask[first:last] = b"\x01" * (last - first)

    def discard(self, span: Found) -> None:
        """Forget a span (spans do not overlap: its letters belong to no other)."""
        first, last = span.key
        self._mask[first:last] = bytes(last - first)

    def __contains__(self, position: object) -> bool:
        return isinstance(position, int) and 0 <= position < len(self._mask) and self._mask[position] == 1


def _covered(doc: ScanText, found: Iterable[Found]) -> bytearray:
    """A cleaned-text mask of the characters inside the spans."""
    mask = bytearray(len(doc.cleaned))
    for span in found:
        mask[span.clean_start : span.clean_end] = b"\x01" * (span.clean_end - span.clean_start)
    return mask


def _any_covered(covered: bytearray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """For each cleaned span [start, end), whether any of its characters is covered."""
    inside = np.concatenate(([0], np.cumsum(np.frombuffer(covered, dtype=np.uint8), dtype=np.int64)))
    return inside[ends] > inside[starts]  # type: ignore[no-any-return]


def _place_ends(found: Iterable[Found]) -> dict[int, int]:
    """The trailing pad position of each country or place mention -> its padded start."""
    return {f.scan_end - 1: f.scan_start for f in found if f.entity_type in PLACE_TYPES}


def _all_capitalized(doc: ScanText, start: int, end: int) -> bool:
    return all(word[0].isupper() for word in doc.cleaned[start:end].split())


def extract(text: str, index: GazetteerIndex, resolve: Resolver,
            types: Collection[str] | None = None, date: dt.date | None = None) -> Extraction:
    """The mentions of text against index, each span resolved with resolve (see module docstring)."""
    return Extractor(index).extract(text, resolve, types, date)


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """An article date from YYYY-MM-DD (or a date); ValueError with a clear message otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"date must be YYYY-MM-DD, got {value!r}") from None


def utf8_size(text: str) -> int:
    """Bytes of text in UTF-8 (lone surrogates count as three, as they would be escaped)."""
    return len(text.encode("utf-8", "surrogatepass"))
