"""Editors' UI: how long each page takes to render over the real gazetteer, in-process (Flask test
client, no network), beside the REST read of the same entity as a baseline.

    python bench/ui_bench.py [--runs 7] [--repeat 20]

Each page is requested `repeat` times per run; a run's figure is the median request; the result is
the median of the runs. Pages and baseline are interleaved in every run (the machine is shared).
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from normalizer.service import Normalizer
from normalizer.settings import Settings
from normalizer.web import create_app

PAGES = {
    "REST GET /v1/entities/wang-yi (baseline)": "/v1/entities/wang-yi",
    "search, empty (first page of all)": "/ui/",
    "search 'Vương Nghị'": "/ui/?q=V%C6%B0%C6%A1ng+Ngh%E1%BB%8B",
    "entity page": "/ui/entity/wang-yi",
    "edit form": "/ui/entity/wang-yi/edit",
    "history": "/ui/entity/wang-yi/history",
    "merge preview": "/ui/entity/xi-jinping/merge?into=wang-yi",
    "review queue": "/ui/review",
    "try it (resolve)": "/ui/try?q=Ngo%E1%BA%A1i+tr%C6%B0%E1%BB%9Fng+V%C6%B0%C6%A1ng+Ngh%E1%BB%8B",
}


def timed(client, url: str, repeat: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        settings = Settings(database_url=f"sqlite:///{tmp / 'bench.db'}", secret_key="bench" * 10,
                            review_queue=False, log_level="WARNING")
        started = time.perf_counter()
        service = Normalizer.from_settings(settings)
        print(f"load: {time.perf_counter() - started:.1f} s, {len(service.index)} index keys")
        app = create_app(settings, service)
        token = service.curation.create_token("bench", "editor")  # type: ignore[union-attr]
        client = app.test_client()
        signin = client.get("/ui/signin").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', signin)
        assert csrf is not None
        client.post("/ui/signin", data={"token": token, "csrf_token": csrf.group(1)})
        for url in PAGES.values():  # warm caches (templates, resolver, catalog)
            timed(client, url, 2)
        runs: dict[str, list[float]] = {name: [] for name in PAGES}
        for _ in range(args.runs):
            for name, url in PAGES.items():
                runs[name].append(timed(client, url, args.repeat))
        print(f"{platform.machine()}, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}, "
              f"median of {args.runs} runs x {args.repeat} requests")
        print("| page | median ms |\n|---|---|")
        for name, values in runs.items():
            print(f"| {name} | {statistics.median(values) * 1000:.1f} |")
        service.store.close()  # type: ignore[union-attr]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
