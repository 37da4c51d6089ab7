"""Mention extraction throughput: MB/s of UTF-8 text, full gazetteer and 1M synthetic names.

    python bench/extract_bench.py [--mb 2] [--runs 3] [--names 1000000] [--seeds ../shared/seeds] [--cold]

The text is the five seed articles and the passages of seeds/, repeated to --mb megabytes (so
resolutions repeat, as they do in a news stream; the service's resolve cache is warm after the
first run). Reported: the median of --runs runs of `Normalizer.extract`, side by side in the same
process with a baseline that only cleans the text and runs the automaton (no rules, no
resolution, no coreference), interleaved run by run; the one-off automaton build; resident
memory before and after, and the peak. Wall and CPU time (`time.process_time`) are both
reported: on a shared machine CPU time is the steadier figure. Each service is warmed first
(`Normalizer.warm_up`, as `normalizer serve` does before forking its workers) unless --cold.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from normalizer.extraction.automaton import automaton_for, find_spans  # noqa: E402
from normalizer.extraction.scantext import ScanText  # noqa: E402
from normalizer.gazetteer import GazetteerIndex  # noqa: E402
from normalizer.service import Normalizer, load_index  # noqa: E402
from normalizer.settings import Settings  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


def corpus(seeds: Path, megabytes: float) -> str:
    articles = sorted(seeds.glob("*.txt"))
    if not articles:  # the default is beside the repository: a worktree elsewhere must say where
        raise SystemExit(f"no seed articles (*.txt) in {seeds}: pass --seeds")
    texts = [p.read_text(encoding="utf-8") for p in articles]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds" / "passages").glob("*.txt"))]
    unit = "\n\n".join(texts)
    copies = max(1, int(megabytes * 1e6 / len(unit.encode("utf-8"))) + 1)
    return "\n\n".join([unit] * copies)


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median (wall, CPU) seconds of runs calls: the machine is shared, CPU time is steadier."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # ru_maxrss is in KiB


def measure(label: str, service: Normalizer, text: str, runs: int) -> None:
    size = len(text.encode("utf-8")) / 1e6
    before = rss_mb()
    start = time.perf_counter()
    automaton = automaton_for(service.index)
    build = time.perf_counter() - start
    service.extract(text[:20000])  # warm the resolve cache on a small slice
    mentions = len(service.extract(text).mentions)  # and on the whole text: a news stream repeats
    after_first = rss_mb()
    # Interleaved, run by run, so both see the same load.
    full: list[tuple[float, float]] = []
    base: list[tuple[float, float]] = []
    for _ in range(runs):
        full.append(timed(lambda: service.extract(text), 1))
        base.append(timed(lambda: find_spans(automaton, ScanText.build(text)), 1))
    wall, cpu = (statistics.median(x) for x in zip(*full, strict=True))
    base_wall, base_cpu = (statistics.median(x) for x in zip(*base, strict=True))
    print(f"{label}: {service.index.name_count} names, text {size:.2f} MB, {mentions} mentions")
    print(f"  automaton build {build:.2f} s; RSS {before:.0f} -> {after_first:.0f} MB "
          f"(after one extract), peak {peak_rss_mb():.0f} MB")
    print(f"  extract  {size / wall:6.2f} MB/s wall, {size / cpu:6.2f} MB/s CPU "
          f"(median of {runs}: {wall:.2f} s wall, {cpu:.2f} s CPU)")
    print(f"  baseline {size / base_wall:6.2f} MB/s wall, {size / base_cpu:6.2f} MB/s CPU "
          f"(clean + scan only: {base_wall:.2f} s wall, {base_cpu:.2f} s CPU)")
    print(f"  extract / baseline CPU: {cpu / base_cpu:.1f}x", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--names", type=int, default=1_000_000, help="synthetic names (0: skip)")
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--cold", action="store_true",
                        help="skip Normalizer.warm_up(), which `normalizer serve` runs before forking")
    args = parser.parse_args()
    print(f"{platform.node()} {platform.machine()} Python {platform.python_version()} "
          f"{time.strftime('%Y-%m-%d')}")
    text = corpus(Path(args.seeds), args.mb)
    service = Normalizer(load_index(Settings.from_env().gazetteer_dir))
    if not args.cold:
        service.warm_up()
    measure("full gazetteer" + (" (cold)" if args.cold else ""), service, text, args.runs)
    if args.names:
        from synthetic import synthetic_entities

        start = time.perf_counter()
        before = rss_mb()
        index = GazetteerIndex(synthetic_entities(args.names, seed=0))
        print(f"synthetic index: {time.perf_counter() - start:.1f} s, RSS {before:.0f} -> {rss_mb():.0f} MB",
              flush=True)
        synthetic = Normalizer(index)
        if not args.cold:
            synthetic.warm_up()
        measure("synthetic" + (" (cold)" if args.cold else ""), synthetic, text, args.runs)


if __name__ == "__main__":
    main()
