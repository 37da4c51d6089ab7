"""Run as `python -m tests.store.crash_writer URL`: edits entities in a loop until killed."""

from __future__ import annotations

import sys
from dataclasses import replace

from normalizer.model import Name
from normalizer.store import Store

TARGETS = ("china", "japan", "wang-yi", "xi-jinping")


def main(url: str) -> None:
    store = Store.open(url, migrate_schema=False)
    n = 0
    while True:
        n += 1
        current = store.get(TARGETS[n % len(TARGETS)])
        assert current is not None
        extra = Name(f"Alias {n}", "en", "alias", "editorial")  # names change too: rows come and go
        names = (*(x for x in current.entity.names if not x.text.startswith("Alias ")), extra)
        store.save(replace(current.entity, names=names, description=f"edit {n}"), current.revision, "crash")


if __name__ == "__main__":
    main(sys.argv[1])
