"""Typos against unknown names (issue 19): how many one-typo queries end matched to the right
entity, how many names no gazetteer holds end matched, on the full gazetteer and at 1M synthetic
names, with a precision/recall table over the match threshold.

    python bench/precision_bench.py                    # full gazetteer, then 1M synthetic names
    python bench/precision_bench.py --sizes 100000 --typos 300

Query sets (seeded):
- typo:    a name of at least 8 letters with one typing error (a letter changed, added, dropped,
           or two neighbours swapped; bench/synthetic.py `typo`) that is no name's folded key;
           from the curated entities' names on the full gazetteer, from all names at 1M;
- unknown: plausible person names no gazetteer holds (seeds/devset/unknown_people.tsv and
           tests/golden/unknown_names/*.tsv); at 1M, names the synthetic gazetteer happens to
           hold (same folded key) are left out, since matching them is right.

A typo can land as close to another name as to its own ("Takumi Matsumoto" one letter from
"Takami Matsumoto" and from "Takumi Matsumura"): the issue asks for the right entity "when one
candidate is clearly closest", so "typo right" is reported on all typos and, beside it, on the
clear ones (no other entity has a name within one edit of the typo's folded key; `clear_typo`).
`--misses N` lists up to N typos that did not end right and N unknown names that matched.

Each set runs twice in the same process: with the one-typo rule (match.typos) and without it
(the floor set to 0, today's scoring before the rule). The table recomputes the decision
(match.decision.decide) from each query's candidates at other thresholds: "typo matched right"
is recall, "unknown matched" the false-match rate.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_entities, typo

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher, decision, scoring
from normalizer.model import Candidate, Resolution
from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.text import fold

ROOT = Path(__file__).resolve().parent.parent
UNKNOWN_TABLES = [ROOT / "seeds/devset/unknown_people.tsv",
                  *sorted((ROOT / "tests/golden/unknown_names").glob("*.tsv"))]
THRESHOLDS = (0.75, 0.78, 0.80, 0.82, 0.85, 0.88)
Resolve = Callable[[str], Resolution]


def unknown_names() -> list[str]:
    names = []
    for path in UNKNOWN_TABLES:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        names += [row["name"] for row in csv.DictReader(lines, delimiter="\t")]
    return names


def typo_queries(index: GazetteerIndex, count: int, curated_only: bool,
                 seed: int = 7) -> list[tuple[str, str]]:
    """(query, right entity id): one typo in names of 8+ letters, never another name's key."""
    rng = random.Random(seed)
    pool = [(name.text, entity.id) for entity in index.entities.values()
            if not (curated_only and entity.layer) for name in entity.names
            if len((fold(name.text) or "").replace(" ", "")) >= 8 and not name.generated]
    rng.shuffle(pool)
    out = []
    for text, entity_id in pool:
        query = typo(text, rng, 1)
        key, name_key = fold(query) or "", fold(text) or ""
        if OSA.distance(key, name_key) == 1 and not index.has("folded", key):
            out.append((query, entity_id))
        if len(out) == count:
            break
    return out


_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyz -"


def one_edit_keys(key: str) -> set[str]:
    """Every string one edit (optimal string alignment) from key, over folded keys' letters."""
    cuts = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out |= {a + c + b[1:] for a, b in cuts if b for c in _EDIT_LETTERS}
    out |= {a + c + b for a, b in cuts for c in _EDIT_LETTERS}
    out.discard(key)
    return out


def clear_typo(index: GazetteerIndex, query: str, right: str) -> bool:
    """Whether the typo's closest name is its own entity's alone: no other entity has a name
    within one edit of the query's folded key (the right one is one edit away by construction)."""
    key = fold(query) or ""
    return all(hit.entity.id == right for near in one_edit_keys(key) for hit in index.lookup("folded", near))


def run(resolve: Resolve, typos: list[tuple[str, str]], unknown: list[str]) -> dict[str, list]:
    started = time.perf_counter()
    found = {"typo": [(resolve(q).candidates, right) for q, right in typos],
             "unknown": [(resolve(q).candidates, None) for q in unknown]}
    found["seconds"] = [time.perf_counter() - started]
    return found


def rates(results: list[tuple[tuple[Candidate, ...], str | None]], threshold: float) -> tuple[float, float]:
    """(share matched to the right entity, share matched to any) at this threshold."""
    saved = decision.MATCH_THRESHOLD
    decision.MATCH_THRESHOLD = threshold
    try:
        decided = [(decision.decide(list(candidates)), right) for candidates, right in results]
    finally:
        decision.MATCH_THRESHOLD = saved
    right = sum(1 for (status, match), want in decided if match is not None and match.id == want)
    matched = sum(1 for (status, _), _want in decided if status == "matched")
    return right / max(len(results), 1), matched / max(len(results), 1)


def report(label: str, with_rule: dict[str, list], without: dict[str, list], clear: list[bool]) -> None:
    typos, unknown = len(with_rule["typo"]), len(with_rule["unknown"])
    seconds = f"{with_rule['seconds'][0]:.1f} s with the rule, {without['seconds'][0]:.1f} s without"
    print(f"\n### {label}: {typos} typo queries ({sum(clear)} clear: one closest entity), "
          f"{unknown} unknown names ({seconds})\n")
    print("| threshold | typo matched right, rule | without | clear typo right, rule | without "
          "| typo matched wrong, rule | without | unknown matched, rule | without |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for threshold in THRESHOLDS:
        cells = []
        for found in (with_rule, without):
            right, matched = rates(found["typo"], threshold)
            clear_right = rates([r for r, is_clear in zip(found["typo"], clear, strict=True) if is_clear],
                                threshold)[0]
            cells.append((right, clear_right, matched - right, rates(found["unknown"], threshold)[1]))
        mark = "**" if threshold == decision.MATCH_THRESHOLD else ""
        row = " | ".join(f"{cells[0][i]:.3f} | {cells[1][i]:.3f}" for i in range(4))
        print(f"| {mark}{threshold:.2f}{mark} | {row} |")


def _top(candidates: tuple[Candidate, ...]) -> str:
    return "; ".join(f"{c.name} ({c.matched_name}) {c.score:.3f}" for c in candidates[:3]) or "-"


def list_misses(found: dict[str, list], queries: dict[str, list[str]], clear: list[bool], count: int) -> None:
    """The typos that did not end matched right and the unknown names that matched, at the
    threshold in use, with the first candidates: what the rules still get wrong."""
    print("\ntypo misses (query | right id | clear | status | first candidates):")
    shown = 0
    for (candidates, right), query, is_clear in zip(found["typo"], queries["typo"], clear, strict=True):
        status, match = decision.decide(list(candidates))
        if (match is None or match.id != right) and shown < count:
            print(f"  {query} | {right} | {'clear' if is_clear else 'tie'} | {status} | {_top(candidates)}")
            shown += 1
    print("\nunknown matched (query | match | first candidates, features of the match):")
    shown = 0
    for (candidates, _), query in zip(found["unknown"], queries["unknown"], strict=True):
        status, match = decision.decide(list(candidates))
        if match is not None and shown < count:
            features = ", ".join(f"{f.name} {f.weight:+.2f}" for f in match.features)
            print(f"  {query} | {match.name} | {_top(candidates)} | {features}")
            shown += 1


def measure(label: str, resolve: Resolve, index: GazetteerIndex, typos: list[tuple[str, str]],
            unknown: list[str], misses: int) -> None:
    clear = [clear_typo(index, query, right) for query, right in typos]
    with_rule = run(resolve, typos, unknown)
    if misses:
        list_misses(with_rule, {"typo": [q for q, _ in typos], "unknown": unknown}, clear, misses)
    if not hasattr(scoring, "ONE_TYPO_FLOOR"):  # a commit before the rule: one run, the baseline
        report(label, with_rule, with_rule, clear)
        return
    saved = scoring.ONE_TYPO_FLOOR
    scoring.ONE_TYPO_FLOOR = 0.0  # the rule off: no hit is raised
    try:
        without = run(resolve, typos, unknown)
    finally:
        scoring.ONE_TYPO_FLOOR = saved
    report(label, with_rule, without, clear)


def uncached(matcher: Matcher) -> Resolve:
    """Resolve through the matcher (not the service's answer cache), its scored-candidate cache
    emptied first, so that the runs with and without the rule both score afresh."""
    def resolve(query: str) -> Resolution:
        matcher._candidates.clear()
        return matcher.resolve(query, limit=10)
    return resolve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000_000], help="synthetic gazetteer sizes")
    parser.add_argument("--typos", type=int, default=500)
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="list up to N typo misses and N unknown names matched, per gazetteer")
    args = parser.parse_args()
    unknown = unknown_names()
    if not args.skip_full:
        service = Normalizer.from_settings(Settings())
        typos = typo_queries(service.index, args.typos, curated_only=True)
        measure(f"full gazetteer ({len(service.index):,} entities, every layer)", uncached(service.matcher),
                service.index, typos, unknown, args.misses)
    for size in args.sizes:
        index = GazetteerIndex(synthetic_entities(size))
        held = [name for name in unknown if not index.has("folded", fold(name) or "")]
        label = (f"{size:,} synthetic names ({len(index):,} entities; {len(unknown) - len(held)} unknown "
                 "names held there left out)")
        typos = typo_queries(index, args.typos, curated_only=False)
        measure(label, uncached(Matcher(index)), index, typos, held, args.misses)


if __name__ == "__main__":
    main()
