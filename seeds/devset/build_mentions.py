"""Build mentions.tsv from the hand-annotated per-domain files in src/.

src/<domain>.tsv has the columns  url  date  surface  entity  type  notable  note  (no header;
lines starting with '#' are comments). Pages are numbered per domain in the order of their first
row (0-based); a page whose number mod 3 == 2 is `test`, every other page `dev`.
Checks: known type, notable yes/no, date YYYY-MM-DD, YYYY-MM or empty, one row per (url, entity, surface),
one domain per url, surface not empty.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOMAINS = ["business", "sports", "entertainment", "vietnam", "politics", "media-events"]
TYPES = {"person", "organization", "place", "country", "event"}
HEADER = ["split", "domain", "url", "date", "surface", "entity", "type", "notable", "note"]


def main() -> int:
    rows, errors, seen, url_domain = [], [], set(), {}
    for domain in DOMAINS:
        path = HERE / "src" / f"{domain}.tsv"
        pages: dict[str, int] = {}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 6:
                cols.append("")
            if len(cols) != 7:
                errors.append(f"{path.name}:{n}: {len(cols)} columns")
                continue
            url, date, surface, entity, typ, notable, note = (c.strip() for c in cols)
            where = f"{path.name}:{n}"
            if not url.startswith("http"):
                errors.append(f"{where}: bad url")
            if date and not (len(date) in (7, 10) and date[4] == "-" and (len(date) == 7 or date[7] == "-")):
                errors.append(f"{where}: bad date {date!r}")
            if not surface or not entity:
                errors.append(f"{where}: empty surface or entity")
            if typ not in TYPES:
                errors.append(f"{where}: bad type {typ!r}")
            if notable not in ("yes", "no"):
                errors.append(f"{where}: bad notable {notable!r}")
            if url_domain.setdefault(url, domain) != domain:
                errors.append(f"{where}: url already in domain {url_domain[url]}")
            key = (url, entity, surface)
            if key in seen:
                errors.append(f"{where}: duplicate row {key}")
            seen.add(key)
            page = pages.setdefault(url, len(pages))
            split = "test" if page % 3 == 2 else "dev"
            rows.append([split, domain, url, date, surface, entity, typ, notable, note])
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with open(HERE / "mentions.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(HEADER) + "\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    # summary
    from collections import Counter
    pages_by = Counter((d, s) for d, s, _ in {(r[1], r[0], r[2]) for r in rows})
    rows_by = Counter((r[1], r[0]) for r in rows)
    for d in DOMAINS:
        sites = {r[2].split("/")[2].removeprefix("www.") for r in rows if r[1] == d}
        print(f"{d:14} pages dev {pages_by[(d,'dev')]:3} test {pages_by[(d,'test')]:3}  "
              f"rows dev {rows_by[(d,'dev')]:4} test {rows_by[(d,'test')]:4}  sites {len(sites)}")
    print("total pages", len({r[2] for r in rows}), "rows", len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
