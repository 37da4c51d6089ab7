"""Resolver benchmark (issue 2): build cost, resolve latency and fuzzy recall against full scans.

    python bench/resolve_bench.py                       # 10k, 100k and 1M names, a few minutes
    python bench/resolve_bench.py --sizes 10000 --runs 3

Each size runs in a fresh subprocess, so its peak RSS is its own. A worker generates the
synthetic gazetteer (bench/synthetic.py), builds GazetteerIndex + Matcher, then times four query
sets through `Matcher.resolve` and through the lower-level candidate path:

- exact:  names as written;
- folded: names without diacritics, lowercase;
- exact, first sight / folded, first sight: as above, other names, each timed once on its first
          resolve (no warm-up: the parse, key and candidate caches have never seen it);
- fuzzy:  names of 9+ characters with 1-2 random typing errors;
- swap:   names of 9+ characters with their tokens rotated and one typing error.

On a bounded subset of the fuzzy queries, the same process runs the baselines side by side:
`process.extractOne(q, all_names)` (defaults: WRatio) and a full `process.extract` scan of the
folded keys with `fuzz.ratio` and limit 5. Latencies are medians over --runs passes of each pass's
percentile; recall counts the true entity in the top 1 / top 5.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import strip_diacritics, swap_tokens, synthetic_entities, typo

from normalizer.gazetteer import GazetteerIndex
from normalizer.match import Matcher
from normalizer.match.candidates import fuzzy_hits, make_variants
from normalizer.model import Entity
from normalizer.text import fold, match_keys

Query = tuple[str, str]  # (query text, id of the entity it should find)


def rss_mb() -> float:
    """Current resident set size, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def time_calls(call: Callable[[str], object], queries: list[str], runs: int,
               warm_up: bool = True) -> dict[str, float]:
    """p50/p99 in µs: the median over runs of each run's percentile (one warm-up run first,
    unless warm_up is False: then each query is timed the first time the process sees it).

    Wall-clock time is the figure; CPU time of this process is kept beside it because the
    benchmark machine is shared, and a query that waits for a core shows only in the first.
    """
    if warm_up:
        for q in queries:
            call(q)
    runs_wall, runs_cpu = [], []
    for _ in range(runs):
        wall, cpu = [], []
        for q in queries:
            start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
            call(q)
            cpu.append((time.process_time_ns() - start_cpu) / 1000)
            wall.append((time.perf_counter_ns() - start) / 1000)
        runs_wall.append((percentile(wall, 50), percentile(wall, 99)))
        runs_cpu.append((percentile(cpu, 50), percentile(cpu, 99)))
    return {"p50_us": statistics.median(r[0] for r in runs_wall),
            "p99_us": statistics.median(r[1] for r in runs_wall),
            "cpu_p50_us": statistics.median(r[0] for r in runs_cpu),
            "cpu_p99_us": statistics.median(r[1] for r in runs_cpu)}


# ---- query sets -------------------------------------------------------------------------------

def make_query_sets(entities: list[Entity], index: GazetteerIndex, count: int,
                    seed: int) -> dict[str, list[Query]]:
    rng = random.Random(seed + 1)
    names = [(n.text, e.id) for e in entities for n in e.names]
    sample = rng.sample(range(len(names)), min(2 * count, len(names)))
    picked = [names[i] for i in sample[:count]]
    unseen = [names[i] for i in sample[count:]]  # for first-sight timings: never queried before
    long = [(t, i) for t, i in names if len(t) >= 9]
    multi = [(t, i) for t, i in long if " " in t]
    return {
        "exact": picked,
        "folded": [(strip_diacritics(t).lower(), i) for t, i in picked],
        "exact, first sight": unseen,
        "folded, first sight": [(strip_diacritics(t).lower(), i) for t, i in unseen],
        "fuzzy": _typos(long, index, count, rng, lambda t: typo(t, rng, rng.choice((1, 2)))),
        "swap": _typos(multi, index, count, rng, lambda t: typo(swap_tokens(t, rng), rng, 1)),
    }


def _typos(pool: list[Query], index: GazetteerIndex, count: int, rng: random.Random,
           damage: Callable[[str], str]) -> list[Query]:
    """count damaged names whose folded key is no name at all (so the typo is a real miss)."""
    out: list[Query] = []
    folded = index.tables["folded"]
    while len(out) < count:
        text, entity_id = rng.choice(pool)
        query = damage(text)
        keys = match_keys(query)
        if keys is not None and keys.folded not in folded:
            out.append((query, entity_id))
    return out


# ---- measurements -----------------------------------------------------------------------------

def candidate_path(index: GazetteerIndex, matcher: Matcher, fuzzy: bool) -> Callable[[str], object]:
    """The lower-level path below resolve: keys + dictionary lookup, or keys + blocking + ratio."""
    if fuzzy:
        def fuzzy_path(q: str) -> object:
            return [fuzzy_hits(index, matcher.blocking, v, 5)
                    for v in make_variants([(q, "name")])]
        return fuzzy_path

    def lookup(q: str) -> object:
        keys = match_keys(q)
        return keys and (index.lookup("exact", keys.exact) or index.lookup("folded", keys.folded))
    return lookup


def recall(ranked: list[list[str]], queries: list[Query]) -> dict[str, float]:
    hits1 = sum(bool(ids) and ids[0] == truth for ids, (_, truth) in zip(ranked, queries, strict=True))
    hits5 = sum(truth in ids[:5] for ids, (_, truth) in zip(ranked, queries, strict=True))
    return {"recall1": hits1 / len(queries), "recall5": hits5 / len(queries)}


def matcher_ranking(matcher: Matcher, queries: list[Query]) -> list[list[str]]:
    return [[c.id for c in matcher.resolve(q, limit=5).candidates] for q, _ in queries]


def measure_set(index: GazetteerIndex, matcher: Matcher, name: str, queries: list[Query],
                runs: int) -> dict[str, Any]:
    texts = [q for q, _ in queries]
    fuzzy = name in ("fuzzy", "swap")
    row: dict[str, Any] = {"set": name, "queries": len(texts)}
    if name.endswith("first sight"):  # one pass, each query timed when it is new to every cache
        row["resolve"] = time_calls(lambda q: matcher.resolve(q, limit=5), texts, 1, warm_up=False)
        row["candidates"] = time_calls(candidate_path(index, matcher, fuzzy), texts, 1, warm_up=False)
    else:
        row["resolve"] = time_calls(lambda q: matcher.resolve(q, limit=5), texts, runs)
        row["candidates"] = time_calls(candidate_path(index, matcher, fuzzy), texts, runs)
    row.update(recall(matcher_ranking(matcher, queries), queries))
    return row


def timed_ranking(rank: Callable[[str], list[str]],
                  queries: list[Query]) -> tuple[list[list[str]], list[float]]:
    ranked, spent = [], []
    for q, _ in queries:
        start = time.perf_counter_ns()
        ranked.append(rank(q))
        spent.append((time.perf_counter_ns() - start) / 1000)
    return ranked, spent


def measure_baselines(index: GazetteerIndex, matcher: Matcher, name: str,
                      queries: list[Query]) -> dict[str, Any]:
    """The matcher against two full scans of every name, on the same queries, in this process."""
    all_names = [n.text for n in index.name_of]
    keys = matcher.blocking.keys
    key_owner = [index.lookup("folded", key)[0].entity.id for key in keys]

    def wratio(q: str) -> list[str]:
        found = process.extractOne(q, all_names)
        return [index.name_owner[found[2]]] if found else []

    def ratio_scan(q: str) -> list[str]:
        found = process.extract(fold(q) or "", keys, scorer=fuzz.ratio, processor=None, limit=5)
        return [key_owner[number] for _, _, number in found]

    def ours(q: str) -> list[str]:
        return [c.id for c in matcher.resolve(q, limit=5).candidates]

    row: dict[str, Any] = {"set": name, "queries": len(queries)}
    for label, rank in (("matcher", ours), ("wratio", wratio), ("ratio_scan", ratio_scan)):
        ranked, spent = timed_ranking(rank, queries)
        row[label] = {"p50_us": percentile(spent, 50), "p99_us": percentile(spent, 99),
                      **recall(ranked, queries)}
    return row


def worker(names: int, queries: int, baseline_queries: int, runs: int, seed: int) -> dict[str, Any]:
    start = time.perf_counter()
    entities = synthetic_entities(names, seed)
    generated, generated_cpu = time.perf_counter(), time.process_time()
    rss_data = rss_mb()
    index = GazetteerIndex(entities)
    indexed, indexed_cpu = time.perf_counter(), time.process_time()
    matcher = Matcher(index)
    built, built_cpu = time.perf_counter(), time.process_time()
    gc.collect()
    out: dict[str, Any] = {
        "names": index.name_count, "entities": len(entities),
        "generate_s": generated - start, "index_s": indexed - generated, "matcher_s": built - indexed,
        "build_s": built - generated, "build_cpu_s": built_cpu - generated_cpu,
        "index_cpu_s": indexed_cpu - generated_cpu, "matcher_cpu_s": built_cpu - indexed_cpu,
        "rss_data_mb": rss_data, "rss_built_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
    }
    sets = make_query_sets(entities, index, queries, seed)
    out["sets"] = [measure_set(index, matcher, name, qs, runs) for name, qs in sets.items()]
    out["baselines"] = [measure_baselines(index, matcher, name, sets[name][:baseline_queries])
                        for name in ("fuzzy", "swap")]
    return out


# ---- driver and report ------------------------------------------------------------------------

def run_size(args: argparse.Namespace, names: int) -> dict[str, Any]:
    baseline = max(20, min(args.baseline_queries, args.baseline_budget // max(names // 1000, 1)))
    command = [sys.executable, __file__, "--worker", str(names), "--queries", str(args.queries),
               "--baseline-queries", str(baseline), "--runs", str(args.runs), "--seed", str(args.seed)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def markdown(results: list[dict[str, Any]]) -> str:
    lines = [
        "| names | entities | build wall s (index + trigrams) | build CPU s (index + trigrams) "
        "| RSS data MB | RSS built MB | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['names']:,} | {r['entities']:,} | {r['build_s']:.1f} "
                     f"({r['index_s']:.1f} + {r['matcher_s']:.1f}) | {r['build_cpu_s']:.1f} "
                     f"({r['index_cpu_s']:.1f} + {r['matcher_cpu_s']:.1f}) | {r['rss_data_mb']:.0f} "
                     f"| {r['rss_built_mb']:.0f} | {r['peak_rss_mb']:.0f} |")
    lines += ["", "| names | set | queries | resolve p50 µs | p99 µs | CPU p50 µs | CPU p99 µs "
              "| candidates p50 µs | p99 µs | CPU p50 µs | recall@1 | recall@5 |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for s in r["sets"]:
            res, cand = s["resolve"], s["candidates"]
            lines.append(f"| {r['names']:,} | {s['set']} | {s['queries']} | {res['p50_us']:.1f} "
                         f"| {res['p99_us']:.1f} | {res['cpu_p50_us']:.1f} | {res['cpu_p99_us']:.1f} "
                         f"| {cand['p50_us']:.1f} | {cand['p99_us']:.1f} | {cand['cpu_p50_us']:.1f} "
                         f"| {s['recall1']:.3f} | {s['recall5']:.3f} |")
    lines += ["", "| names | set | queries | method | p50 ms | p99 ms | recall@1 | recall@5 "
              "| p50 vs matcher |",
              "|---:|---|---:|---|---:|---:|---:|---:|---:|"]
    for r in results:
        for b in r["baselines"]:
            ours = b["matcher"]["p50_us"]
            for label in ("matcher", "wratio", "ratio_scan"):
                m = b[label]
                recall5 = "-" if label == "wratio" else f"{m['recall5']:.3f}"
                lines.append(f"| {r['names']:,} | {b['set']} | {b['queries']} | {LABELS[label]} "
                             f"| {m['p50_us'] / 1000:.2f} | {m['p99_us'] / 1000:.2f} | {m['recall1']:.3f} "
                             f"| {recall5} | {m['p50_us'] / ours:.0f}x |")
    return "\n".join(lines)


LABELS = {"matcher": "Matcher.resolve", "wratio": "extractOne WRatio (all names)",
          "ratio_scan": "extract ratio (all folded keys)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=1000, help="queries per set")
    parser.add_argument("--runs", type=int, default=3, help="timed passes per set (median reported)")
    parser.add_argument("--baseline-queries", type=int, default=300, help="at most this many per scan")
    parser.add_argument("--baseline-budget", type=int, default=50_000,
                        help="scan queries x thousands of names: bounds the baseline at large sizes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        result = worker(args.worker, args.queries, args.baseline_queries, args.runs, args.seed)
        print(json.dumps(result))
        return
    results = []
    for size in args.sizes:
        print(f"running {size:,} names ...", file=sys.stderr, flush=True)
        results.append(run_size(args, size))
        if args.json:  # after every size, so a long run that is cut short keeps what it measured
            args.json.write_text(json.dumps(results, indent=1))
    print(markdown(results))


if __name__ == "__main__":
    main()
