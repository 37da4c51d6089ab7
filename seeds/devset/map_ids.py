"""Map the development set's gold English names to gazetteer ids: writes seeds/devset/ids.tsv.

Run from the repository root after the gazetteer changes: `python seeds/devset/map_ids.py`.
A gold name maps to the entity of the same type whose canonical or English name is the gold
name (after folding, and without a Wikipedia-style qualifier such as "(diplomat)", " F.C.",
" Province"); `ids_manual.tsv` (entity, id; `-` for absent) decides the rest by hand and wins
over the rules. Names neither finds are written as `-` (the gazetteer does not hold them) with
`how` = absent, so a reviewer sees what is left.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from normalizer.gazetteer import load_dir  # noqa: E402
from normalizer.settings import Settings  # noqa: E402
from normalizer.text import fold  # noqa: E402

QUALIFIERS = re.compile(r"\s*\([^)]*\)$|,? (F\.C\.|FC|C\.F\.|CF|S\.C\.|SC|A\.F\.C\.|Province|province)$")


def key(text: str) -> str:
    return fold(QUALIFIERS.sub("", text)) or ""


def main() -> None:
    entities = load_dir(Settings().gazetteer_dir).entities
    by_key: dict[tuple[str, str], set[str]] = {}
    for entity in entities:
        texts = {entity.name} | {n.text for n in entity.names if n.lang == "en" and n.strong}
        for text in texts:
            by_key.setdefault((key(text), entity.type), set()).add(entity.id)
    manual = {}
    if (HERE / "ids_manual.tsv").exists():
        with (HERE / "ids_manual.tsv").open(encoding="utf-8") as handle:
            manual = {r["entity"]: r["id"] for r in csv.DictReader(handle, delimiter="\t")}
    with (HERE / "mentions.tsv").open(encoding="utf-8") as handle:
        gold = sorted({(r["entity"], r["type"]) for r in csv.DictReader(handle, delimiter="\t")
                       if r["notable"] == "yes"})
    rows = []
    for entity, etype in gold:
        found = by_key.get((key(entity), etype), set())
        if entity in manual:
            rows.append((entity, etype, manual[entity], "manual"))
        elif len(found) == 1:
            # not pop(): the set is shared by every gold name of that key
            rows.append((entity, etype, next(iter(found)), "name"))
        else:
            rows.append((entity, etype, "-", "ambiguous: " + ",".join(sorted(found)) if found else "absent"))
    with (HERE / "ids.tsv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["entity", "type", "id", "how"])
        out.writerows(rows)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[3].split(":")[0]] = counts.get(row[3].split(":")[0], 0) + 1
    print(f"{len(rows)} gold entities: {counts}")


if __name__ == "__main__":
    main()
