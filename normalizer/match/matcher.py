"""The resolve pipeline: parse -> context -> variants -> candidates -> scores -> decision.

Each stage is a small function; `Matcher.resolve` reads top to bottom.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import derived
from normalizer.gazetteer.layers import in_running_text
from normalizer.match.blocking import BLOCKING
from normalizer.match.candidates import (
    EXACT_GROUP,
    RawHit,
    Variant,
    add_group_hits,
    cached_keys,
    decisive,
    dictionary_hits,
    fuzzy_hits,
    make_variants,
)
from normalizer.match.decision import CANDIDATE_FLOOR, MATCH_THRESHOLD, decide
from normalizer.match.initials import initials_hits, split_initials
from normalizer.match.references import Where, reference
from normalizer.match.scoring import (
    METHOD_BASE,
    NO_CONTEXT,
    CandidateCache,
    Context,
    best_per_entity,
    score_hit,
)
from normalizer.match.sure import SURE_NAMES, SureMatch, SureNames, name_keys
from normalizer.match.typos import ONE_TYPO
from normalizer.model import Candidate, Parsed, Resolution, Suggestion
from normalizer.names import cached_clean, is_person_title, is_plain, parse
from normalizer.text import MatchKeys
from normalizer.translit.origin import surname_leads

MAX_CONTEXT_TOKENS = 4
# Between a person's title and its country: "Prime Minister of Japan Kishida Fumio", "President
# of the United States Joe Biden".
OF_WORDS = frozenset({"of", "the", "của"})
MAX_CACHED_PLACES = 100_000
CONTEXT_TYPES = frozenset({"country", "place"})
# Extra tiers (transliteration) and suggesters plug in here: (matcher, variant) -> hits.
Tier = Callable[["Matcher", Variant], list[RawHit]]
Suggester = Callable[[str, str | None], Suggestion | None]  # (name, context peeled off it)


METHOD_RANK = {m: i for i, m in enumerate(
    ("id", "exact", "folded", "sorted", "compact", "family", "translit", "phonetic", "fuzzy"))}


def strong_win(hits: list[RawHit]) -> list[RawHit]:
    """Drop weak names (abbreviations, misspellings) of entities that a strong name beats.

    A weak hit survives only if no other entity has a strong hit by an equal or stricter method.
    Curated data wins over layers: a layer entity's strong name does not drop a curated entity's
    weak one ("NATO", an abbreviation, against the Philippine village "Nato").
    """
    layers_only = all(h.hit.entity.layer for h in hits)
    strong = [h for h in hits if h.hit.name.strong and (layers_only or h.hit.entity.layer is None)]
    if not strong or len(strong) == len(hits):
        return hits
    strictest = min(METHOD_RANK[h.method] for h in strong)
    strong_ids = {h.hit.entity.id for h in strong}
    return [
        h for h in hits
        if h.hit.name.strong or h.hit.entity.id in strong_ids or METHOD_RANK[h.method] < strictest
    ]


def whole_beats_parts(hits: list[RawHit]) -> list[RawHit]:
    """Drop the alternatives' hits on other entities when the text as a whole is a strong name:
    "剛果（金夏沙）" (Congo (Kinshasa)) names the DR Congo, not also its capital "金夏沙". Likewise
    a query that is, as written, exactly a strong name is that name, not what is left once a word
    was read as a title: "Tân Cảng Sài Gòn" is the company, not "tân" (new) + the port."""
    written = {h.hit.entity.id for h in hits if h.variant.role == "full" and h.method == "exact"
               and h.hit.name.strong and h.hit.entity.layer is None}
    if written:
        hits = [h for h in hits if h.variant.role == "full" or h.hit.entity.id in written]
    whole = {h.hit.entity.id for h in hits if h.variant.role != "alternative" and h.hit.name.strong}
    if not whole:
        return hits
    return [h for h in hits if h.variant.role != "alternative" or h.hit.entity.id in whole]


class Matcher:
    """Resolves queries against one immutable gazetteer index."""

    def __init__(self, index: GazetteerIndex, tiers: list[Tier] | None = None,
                 suggester: Suggester | None = None):
        self.index = index
        self.blocking = derived(index, BLOCKING)
        self.tiers = tiers or []
        self.suggester = suggester
        self._places: dict[str, str | None] = {}
        self._organizations: dict[str, str | None] = {}
        self._candidates: CandidateCache = {}

    def resolve(self, query: str, type: str | None = None, limit: int = 5, when: dt.date | None = None,
                where: Where | None = None) -> Resolution:
        """Resolve one query; `when` (default today) settles role references, `where` is the
        country a bare title or institution is read against (default Vietnam's)."""
        known = self._keys_of_name(query)
        parsed = Parsed(name=query) if known else parse(query)  # a plain name: nothing to parse
        if parsed is None:
            return Resolution(query=query, status="unmatched", match=None)
        referred = reference(self, query, parsed, when, where, known.folded if known else None)
        if referred is not None and referred.candidates and (
                not type or all(c.type == type for c in referred.candidates)):
            return referred
        found = self.one_entity_exactly(query, parsed, type, limit, known) or \
            self.resolve_parsed(query, parsed, type, limit)
        if referred is not None and found.status == "unmatched":  # say why no one held the office
            return replace(found, note=referred.note)
        return found

    def named_exactly(self, query: str, type: str | None = None) -> SureMatch | None:
        """The entity, score and method when `resolve(query, type)` would, for certain, match
        `query` by a name written as it is, or otherwise only in case, spacing or diacritics
        (normalizer.match.sure says why); else None, and only the pipeline can answer."""
        return self.named_exactly_many([query], type)[0]

    def named_exactly_many(self, queries: list[str], type: str | None = None) -> list[SureMatch | None]:
        """named_exactly of each query: for bulk jobs, whose distinct values would each cost a
        first-sight resolve. Names as written, most of a job's values, take one dict look-up
        each, all in one C-level pass; the rest their keys."""
        sure = self.sure_names
        found = list(map(sure.by_text.get, queries))
        for i, hit in enumerate(found):
            if hit is None:
                found[i] = self._by_keys(sure, queries[i])
        if type:
            return [hit if hit is not None and hit.entity.type == type else None for hit in found]
        return found

    def _by_keys(self, sure: SureNames, query: str) -> SureMatch | None:
        if not is_plain(query) or query in self.index.entities:
            return None
        keys = cached_keys(query)
        return sure.by_keys(self.index, keys) if keys is not None else None

    def _keys_of_name(self, query: str) -> MatchKeys | None:
        """The keys of a query that is, as written, a name of the table of `named_exactly` (plain,
        so parse leaves it whole, and no id), when that table was built (a server's warm-up
        builds it; a patched generation has none until a bulk job asks): else None, and the query
        is parsed and keyed the long way. Most queries of a service are such names."""
        sure = self.index.derived.get(SURE_NAMES.name)
        found = sure.keys.get(query) if sure is not None else None
        return name_keys(found) if found is not None else None

    @property
    def sure_names(self) -> SureNames:
        """The table of `named_exactly`, built on first use (the index never changes; two threads
        that race build equal tables)."""
        return derived(self.index, SURE_NAMES)

    def resolve_parsed(self, query: str, parsed: Parsed, type: str | None, limit: int) -> Resolution:
        """The whole pipeline, for any query."""
        parsed, context = self.split_context(parsed)
        variants = make_variants(self.variant_texts(query, parsed))
        hits = self.gather(variants)
        if variants:  # "D. Trump": initials before a family name
            hits += initials_hits(self.index, variants[0])
        scored = best_per_entity(hits, context, self._candidates)
        candidates = [c for c in scored if not type or c.type == type]
        status, match = decide(candidates)
        shown = tuple(c for c in candidates if c.score >= CANDIDATE_FLOOR)[:limit]
        suggestion = self.suggest(parsed) if status == "unmatched" else None
        return Resolution(query, status, match, shown, parsed, suggestion)

    def one_entity_exactly(self, query: str, parsed: Parsed, type: str | None,
                           limit: int, keys: MatchKeys | None = None) -> Resolution | None:
        """The pipeline's answer to a plain query whose exact and folded keys reach strong names of
        a single entity, without the pipeline's machinery; None for any other query.

        Plain: nothing to parse off (no title, alternatives or cleanup) and not an id. Then the
        pipeline would read no context (the name is known), make this one variant, stop at the
        exact/folded group of look-ups (a strong name was hit) and score one entity. Most
        queries of a clean column or a service are like this; tests compare it with the pipeline.
        `keys`, when the caller knows them, are the query's (`match_keys`).
        """
        if parsed.name != query or parsed.title or parsed.alternatives or query in self.index.entities:
            return None
        keys = keys or cached_keys(query)
        if keys is None:
            return None
        best = self._best_of_one_entity(Variant(query, "name", keys))
        if best is None:
            return None
        if type and best.type != type:
            return None  # then nothing is left, and the pipeline's suggestion decides
        status, match = decide([best])
        if status == "unmatched":
            return None  # the pipeline would look for a suggestion
        return Resolution(query, status, match, (best,)[:limit], parsed, None)

    def _best_of_one_entity(self, variant: Variant) -> Candidate | None:
        """The best candidate of the exact and folded look-ups of a variant when the names they
        reach are of one entity and one of them is strong; else None.

        The names are told by their numbers in the two buckets, and only the first is scored when
        it scores 1.0: best_per_entity keeps the first of equal scores, and none is above 1.0.
        Else (a weak or thin first name) every hit is made and scored as the pipeline would."""
        index, keys = self.index, variant.keys
        exact, folded = index.name_ids("exact", keys.exact), index.name_ids("folded", keys.folded)
        owners, names = index.name_owner, index.name_of
        if len({owners[i] for i in exact} | {owners[i] for i in folded}) != 1 or \
                not any(names[i].strong for i in exact + folded):
            return None
        if exact:
            method, _, _, similarity = EXACT_GROUP[0]
            first = score_hit(RawHit(index.hit(exact[0]), variant, method, similarity), NO_CONTEXT, 0,
                              self._candidates)
            if first.score == 1.0:
                return first
        found: dict[int, RawHit] = {}
        add_group_hits(index, variant, EXACT_GROUP, found)
        return best_per_entity(list(found.values()), NO_CONTEXT, self._candidates)[0]

    def split_context(self, parsed: Parsed) -> tuple[Parsed, Context]:
        """Peel a leading country ("Nhật Bản Yoko Kamikawa", "Hàn Quốc tại Nhật Bản ...")."""
        person_title = parsed.title if is_person_title(parsed.title) else None
        bare = Context(person_title, parsed.title) if parsed.title else NO_CONTEXT
        bracketed = self._place_in_brackets(parsed, person_title)
        if bracketed is not None:
            return bracketed
        if self._known(parsed.name) or split_initials(parsed.name):  # "Nhật Bản", "Y. Kamikawa"
            return parsed, bare  # a place itself, or initials ("Y." is no "Ý", Italy)
        tokens = parsed.name.split()
        while person_title and len(tokens) > 2 and tokens[0].casefold() in OF_WORDS:
            tokens = tokens[1:]  # dropped only if a country or organization follows
        for size in range(min(MAX_CONTEXT_TOKENS, len(tokens) - 1), 0, -1):
            if tokens[size - 1].endswith(",") and not person_title:  # "Hàn Quốc, Nhật Bản": a list
                continue
            text = " ".join(tokens[:size])
            if size == 1 and surname_leads(text, " ".join(tokens[1:])):  # "Viên Lệ Quyên"
                continue
            country = self.country_or_place(text)
            organization = None if country or not person_title else self.organization(text)
            if (country or organization) and not tokens[size].startswith("("):  # "Đài Loan (...)"
                rest = tokens[size:]
                if country and len(rest) > 2 and rest[0].casefold() in ("tại", "ở", "in", "to"):
                    rest = self._drop_place(rest[1:])
                if rest:
                    context = Context(person_title, parsed.title, country or organization, text,
                                      binding=bool(country))
                    return replace(parsed, name=" ".join(rest), context=text), context
        return parsed, bare

    def _place_in_brackets(self, parsed: Parsed, person_title: str | None) -> tuple[Parsed, Context] | None:
        """"Wang Yi (China)", "Paris (Pháp)", "Đài Loan (Trung Quốc)": a country or place in
        brackets after a name of something else is that name's context, not another reading of
        it (the two readings made "Wang Yi (China)" ambiguous). "Triều Tiên (North Korea)" and
        "Hàn Quốc/Nhật Bản" stay alternatives."""
        if len(parsed.alternatives) != 2 or "(" not in parsed.name:
            return None
        name, where = parsed.alternatives
        place = self.country_or_place(where)
        if place is None or self.country_or_place(name) == place:
            return None
        context = Context(person_title, parsed.title, place, where, binding=True)
        return replace(parsed, name=name, alternatives=(), context=where), context

    def _known(self, text: str) -> bool:
        keys = cached_keys(text)
        if keys is None:
            return False
        return self.index.has("exact", keys.exact) or self.index.has("folded", keys.folded)

    def country_or_place(self, text: str) -> str | None:
        """The id of the country or place this text names, if any (cached per matcher)."""
        if text in self._places:
            return self._places[text]
        keys = cached_keys(text)
        found = None
        if keys is not None:
            hits = self.index.lookup("exact", keys.exact) or self.index.lookup("folded", keys.folded)
            # A little-known layer place is no context: "Nguyễn" or "Lan" may be some county.
            found = next((h.entity.id for h in hits if h.entity.type in CONTEXT_TYPES and h.name.strong
                          and in_running_text(h.entity, h.name)), None)
        if len(self._places) < MAX_CACHED_PLACES:
            self._places[text] = found
        return found

    def organization(self, text: str) -> str | None:
        """The id of the organization this text names after a person's title ("Tổng thư ký NATO
        Mark Rutte"): by a strong name, or by an abbreviation written in capitals (cached)."""
        if text in self._organizations:
            return self._organizations[text]
        keys = cached_keys(text)
        hits = self.index.lookup("exact", keys.exact) if keys is not None else []
        acronym = text.isupper()
        found = next((h.entity.id for h in hits if h.entity.type == "organization"
                      and (h.name.strong or (acronym and h.name.kind == "abbreviation"))), None)
        if len(self._organizations) < MAX_CACHED_PLACES:
            self._organizations[text] = found
        return found

    def _drop_place(self, tokens: list[str]) -> list[str]:
        for size in range(min(MAX_CONTEXT_TOKENS, len(tokens) - 1), 0, -1):
            if self.country_or_place(" ".join(tokens[:size])):
                return tokens[size:]
        return tokens

    @staticmethod
    def variant_texts(query: str, parsed: Parsed) -> list[tuple[str, str]]:
        texts = [(parsed.name, "name")]
        texts += [(alt, "alternative") for alt in parsed.alternatives]
        full = cached_clean(query)
        if full and full != parsed.name:
            texts.append((full, "full"))
        return texts

    def gather(self, variants: list[Variant]) -> list[RawHit]:
        """Dictionary hits for every variant; the looser tiers only when no strong name was hit
        (of the fuzzy tier, after a tier's strong hit, only one-typo hits: _one_typo_hits)."""
        hits = [h for v in variants for h in dictionary_hits(self.index, v)]
        if any(map(decisive, hits)):
            return strong_win(whole_beats_parts(hits))
        for variant in variants:
            for tier in self.tiers:
                hits += tier(self, variant)
        if any(map(decisive, hits)):
            return strong_win(hits + self._one_typo_hits(variants, hits))
        for variant in variants:
            hits += fuzzy_hits(self.index, self.blocking, variant)
        return strong_win(hits)

    def _one_typo_hits(self, variants: list[Variant], hits: list[RawHit]) -> list[RawHit]:
        """The fuzzy hits one typo from the query (match.typos) when no tier hit is close enough
        to match alone: "Philpi Lowe" sounds 0.78 like Philip Lowe, and the typo rule must see the
        letters too. A tier hit that matches alone ends the search as before (and costs nothing)."""
        if any(decisive(h) and METHOD_BASE[h.method] * h.similarity >= MATCH_THRESHOLD for h in hits):
            return []
        return [h for v in variants for h in fuzzy_hits(self.index, self.blocking, v) if h.typo == ONE_TYPO]

    def suggest(self, parsed: Parsed) -> Suggestion | None:
        return self.suggester(parsed.name, parsed.context) if self.suggester else None
