"""Regenerate gazetteer/layers/wof/: Who's On First admin places of the countries Vietnamese news
writes about most, with their Vietnamese, English, Chinese, Japanese, Korean, Russian and Ukrainian
names, Wikidata and GeoNames ids.

Input: the WOF repositories `whosonfirst-data/whosonfirst-data-admin-<cc>` (REPOS below), each
read at its pinned commit, from a directory that holds them as clones or bare mirrors:

    cd DIR && git clone --bare https://github.com/whosonfirst-data/whosonfirst-data-admin-vn
    ...
    python gazetteer/genscripts/wof.py --repos DIR

(`DIR/whosonfirst-data-admin-vn`, `DIR/whosonfirst-data+whosonfirst-data-admin-vn/repo` and
`DIR/whosonfirst-data-admin-vn.git` are all found.) Each record is the `properties` of a
`data/**/<id>.geojson` file (alternate geometries, `-alt-*`, are skipped).

Kept: current records (`mz:is_current` not 0, no `edtf:deprecated`, no `wof:superseded_by`) of the
place types in KEEP_ALWAYS, and of the place types in KEEP_IF_KNOWN when they have a population,
a Wikidata id or a Vietnamese name (campuses only as airports). Countries, continents, oceans,
seas, time zones and empires are left to the curated gazetteer. See SOURCE for the formula of
prominence and what was dropped; the script prints its counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layerlib import (
    KIND_PROMINENCE,
    LAYERS,
    NameList,
    country_ids,
    make_entity,
    population_prominence,
    write_layer,
)

from normalizer.text import clean, exact_key
from normalizer.translit.data import tables

LAYER = LAYERS / "wof"
SOURCE_NAME = "wof"
# repository suffix -> pinned commit (the newest snapshot read; bump a commit and rerun to update)
REPOS = {
    "ae": "20e1e1395b42969365bd0bc82dbc2698384cf875",
    "af": "948432c281d6d8b4d3994ce3b938e82b775d9078",
    "bd": "c6c88a155fe0215a778e4a80118a9a3d4a5c7071",
    "bn": "54b38234f8362e9d522d6d149a44cd0540d7554c",
    "hk": "7c281d92045079518fec0ed7432667d606b34541",
    "il": "f166490c04538042772500bf353d96a479922255",
    "iq": "4c7a00f6387bcab9094ac10c9448177515f1098f",
    "ir": "3374f3dc7f5fa134d1494a066006167db5c67c14",
    "jp": "6ac4e1339705ddb8e99d3d85d5837a23b0cca09b",
    "kh": "9fd5f1e302611ffa60a3e1f574a3802933d27c84",
    "kp": "3e369bb02d780836396590e64248b485e4c354f5",
    "kr": "132b675fea1e062f92bbdb0ebf5704f1acf895c0",
    "la": "3dafe2ab88be3a938a6b3e1ccfd17fe270e75cf6",
    "lk": "ce33b1b6c79382957fa45354a1c19fcc6d3b0d66",
    "mm": "25382e1da0900e8ed2180d99e87ce0789c13ab58",
    "mn": "219fda76aa98197db6b8cfb4916bb3e7ea6af07a",
    "mo": "89adaf11a2904b9763a50925f560f33f1f8246c6",
    "my": "9e3f6a3c0c00d73fc340472b08fd04513cf16921",
    "np": "1c482747521b6df5100f223111fdc446bda3b4bd",
    "nz": "a301201ab39d3acc5bdcc0c8ba466fab5101a3dc",
    "ph": "55552540f0f3639f52eebc5d5428c905674d92c9",
    "pk": "c2e513fafbf0def04ca4b89c421a5b79fa0bb2ec",
    "ps": "33d507dae70d3cb868d19d6c49c4586b1d1d66a5",
    "qa": "b69d86793f423a3d9b5c14aca16d249e3ab46ae0",
    "sa": "ca29d90501586ece8c861ce520842669adcea3d5",
    "sg": "75b056dedc3dfc5c3aff6c91e5ae9c6ab97ae79e",
    "sy": "2db0f03b9f9d24bd371f318759d3e56c816c333e",
    "th": "763e334ccba831ce860cb4e52eb59af4f68e89f1",
    "tl": "7c80ee329e28202cb3d82b24998069f1c8cd7bcc",
    "tr": "378ddbd68b0d150e6a0c1d7b41008e7457157b4b",
    "tw": "61ed8eebf6dcf9fcd50604a7461e7130ba98032f",
    "ua": "18b5ee31d6cd4915e627fbf7f3def46e66e440d5",
    "vn": "36f4852c8e50b5637c140715b5d896c01baf2dd1",
    "xy": "fc3f0a0c9f75d4dc4f226bee6e1ddbd8609325e6",
}
# Not read: -cn, -us, -in and -au exceed the size of snapshot that could be brought here, -id and -ru
# have more files than a snapshot may hold; the geonames layer covers their cities.
NOT_READ = {"cn": "snapshot of 766 MB, too large to bring here", "us": "snapshot of 1.9 GB, too large",
            "in": "snapshot of 2.5 GB, too large", "au": "snapshot of 529 MB, too large",
            "id": "too many files for a snapshot", "ru": "too many files for a snapshot"}

# WOF place type -> the kind whose default prominence applies when the population is unknown
KEEP_ALWAYS = {"macroregion": "region", "region": "region", "macrocounty": "county", "county": "county"}
KEEP_IF_KNOWN = {"localadmin": "town", "locality": "village", "borough": "town", "macrohood": "village",
                 "neighbourhood": "village", "campus": "town"}
# a locality that Wikidata knows is at least a town (0.3), else a village (0.2)
LOCALITY_WITH_WIKIDATA = "town"
# parents named in a description, nearest first, by place type
PARENTS = {
    "neighbourhood": ("locality", "county", "region"), "macrohood": ("locality", "county", "region"),
    "borough": ("locality", "region"), "campus": ("locality", "county", "region"),
    "locality": ("county", "region"), "localadmin": ("county", "region"), "county": ("region",),
    "macrocounty": ("region",), "region": (), "macroregion": (),
}
AIRPORT_WORDS = ("airport", "airfield", "air base", "airbase", "aerodrome")

# WOF language (ISO 639-3, with an optional region/script) -> BCP 47; zho without one is told by script
LANGS = {"eng": "en", "vie": "vi", "jpn": "ja", "kor": "ko", "rus": "ru", "ukr": "uk", "zho": "zh"}
ZH_HANS = {"cn", "sg", "my", "hans", "chs"}
ZH_HANT = {"tw", "hk", "mo", "hant", "cht"}
HANT_COUNTRIES = {"TW", "HK", "MO"}
# the country's own language: its first name there is `native`
NATIVE = {"JP": "ja", "KR": "ko", "KP": "ko", "TW": "zh-Hant", "HK": "zh-Hant", "MO": "zh-Hant",
          "UA": "uk"}
KINDS = {"preferred": "preferred", "variant": "alias", "historical": "historic"}

WANTED = ("wof:", "mz:is_current", "edtf:deprecated", "gn:population", "name:",
          "label:eng_x_preferred_placetype")


def find_repo(root: Path, suffix: str) -> Path:
    name = f"whosonfirst-data-admin-{suffix}"
    for candidate in (root / name, root / f"whosonfirst-data+{name}" / "repo", root / f"{name}.git"):
        if candidate.exists():
            return candidate
    raise SystemExit(f"{name} not found under {root}")


def read_repo(args: tuple[str, str]) -> list[dict]:
    """The properties (the keys this script uses) of every record of a repository at its commit."""
    path, commit = args
    git = ["git", "-C", path]
    listing = subprocess.run([*git, "ls-tree", "-r", commit], capture_output=True, text=True,
                             check=True).stdout
    blobs = []
    for line in listing.splitlines():
        meta, name = line.split("\t", 1)
        base = name.rsplit("/", 1)[-1]
        if name.startswith("data/") and base.endswith(".geojson") and "-alt" not in base:
            blobs.append((meta.split()[2], name))
    wanted = "\n".join(b for b, _ in blobs).encode() + b"\n"
    proc = subprocess.run([*git, "cat-file", "--batch"], input=wanted, capture_output=True, check=True)
    out, pos, records = proc.stdout, 0, []
    for _, name in blobs:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if header[1] == b"missing":  # a snapshot may lack its largest files
            records.append({"missing": name})
            pos = end + 1
            continue
        size = int(header[2])
        props = json.loads(out[end + 1:end + 1 + size])["properties"]
        pos = end + 1 + size + 1
        records.append({k: v for k, v in props.items() if k.startswith(WANTED)})
    return records


def is_current(r: dict) -> bool:
    return (r.get("mz:is_current") != 0 and r.get("edtf:deprecated") in (None, "", "uuuu")
            and not r.get("wof:superseded_by"))


def population(r: dict) -> int | None:
    for key in ("wof:population", "gn:population"):
        value = r.get(key)
        if isinstance(value, int | float) and value > 0:
            return int(value)
    return None


def concordances(r: dict) -> dict:
    conc = r.get("wof:concordances") or {}
    return conc if isinstance(conc, dict) else {}


def is_airport(r: dict) -> bool:
    texts = [r.get("wof:name") or "", *(r.get("name:eng_x_preferred") or [])]
    return any(w in t.lower() for t in texts for w in AIRPORT_WORDS)


def keep(r: dict) -> str | None:
    """Why a current record is dropped, or None to keep it."""
    pt = r.get("wof:placetype")
    if pt in KEEP_ALWAYS:
        return None
    if pt not in KEEP_IF_KNOWN:
        return f"placetype {pt}"
    if pt == "campus" and not is_airport(r):
        return "campus that is not an airport"
    known = population(r) or "wd:id" in concordances(r) or r.get("name:vie_x_preferred")
    return None if known else f"{pt} without population, Wikidata id or Vietnamese name"


class Script:
    """Chinese script of a text: zh-Hant when it has a traditional character (OpenCC's table in
    normalizer/translit/data), zh-Hans when it has a simplified-only one, else by country."""

    def __init__(self):
        simplified = tables().simplified
        self.traditional = set(simplified)
        self.simplified_only = set(simplified.values()) - self.traditional

    def tag(self, text: str, iso: str | None) -> str:
        if any(c in self.traditional for c in text):
            return "zh-Hant"
        if any(c in self.simplified_only for c in text):
            return "zh-Hans"
        return "zh-Hant" if iso in HANT_COUNTRIES else "zh-Hans"


def name_fields(r: dict):
    """(bcp47 or None, region/script suffix, kind, [texts]) of a record's name:* properties, in key order."""
    for key in sorted(k for k in r if k.startswith("name:")):
        lang_part, _, kind = key[5:].partition("_x_")
        parts = lang_part.split("_")
        lang = LANGS.get(parts[0])
        values = r[key] if isinstance(r[key], list) else [r[key]]
        if lang and kind in KINDS and len(parts) <= 2:
            texts = [v for v in values if isinstance(v, str)]
            yield lang, parts[1] if len(parts) == 2 else "", KINDS[kind], texts


def usable(text: str, lang: str) -> bool:
    """Leave out codes (NRT, RJAA) and database keys (Oosakasi_Tyuuooku) that WOF lists as variants."""
    if "_" in text:
        return False
    code = text.isascii() and text.isupper() and " " not in text and len(text) <= 5
    return not (lang in ("en", "und") and code)


def latin(text: str) -> bool:
    """Every letter Latin (modifier letters such as the ʻokina aside)."""
    letters = (c for c in text if c.isalpha() and unicodedata.category(c) != "Lm")
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def english_form(text: str) -> str | None:
    """An English name must be in Latin letters: a Cyrillic і inside a Latin name is a look-alike
    that the service's clean() folds ("Petrashіvka"); a name in Cyrillic is not English."""
    if not latin(text):
        text = clean(text) or ""
    return text.strip() if latin(text) else None


def build_names(r: dict, iso: str | None, script: Script) -> tuple[str | None, NameList]:
    fields = list(name_fields(r))
    english = [t for lang, sub, kind, ts in fields
               if lang == "en" and kind == "preferred" and not sub for t in ts]
    name = next(filter(None, map(english_form, [*english, r.get("wof:name") or ""])), None)
    names = NameList(SOURCE_NAME)
    names.add(name, "en", "preferred")
    if r.get("wof:name") and usable(r["wof:name"], "en") and r["wof:name"].isascii():
        names.add(r["wof:name"], "en", "alias")
    native = NATIVE.get(iso or "")
    first: set[str] = {"en"}
    order = {"preferred": 0, "alias": 1, "historic": 2}
    for lang, sub, kind, texts in sorted(fields, key=lambda f: (order[f[2]], f[1] != "")):
        if lang == "zh" and sub and sub not in ZH_HANS | ZH_HANT:
            continue  # zho_yue, zho_min_nan ...: other Chinese languages
        if lang == "en" and sub:
            kind = "alias" if kind == "preferred" else kind  # eng_gb, eng_ca
        for text in texts:
            if not usable(text, lang) or (lang == "en" and english_form(text) != text.strip()):
                continue
            tag = lang
            if lang == "zh":
                tag = "zh-Hans" if sub in ZH_HANS else "zh-Hant" if sub in ZH_HANT else script.tag(text, iso)
            this = kind
            if kind == "preferred":
                this = ("native" if tag == native else "preferred") if tag not in first else "alias"
            if names.add(text, tag, this) and this in ("preferred", "native"):
                first.add(tag)
    return name, names


def describe(r: dict, by_id: dict[int, dict], countries: dict[str, str], country_names: dict[str, str],
             iso: str | None) -> str:
    pt = r["wof:placetype"]
    label = (r.get("label:eng_x_preferred_placetype") or [None])[0] or pt
    if pt == "campus":
        label = "airport"
    hierarchy = (r.get("wof:hierarchy") or [{}])[0]
    parts = []
    for parent_type in PARENTS.get(pt, ()):
        parent = by_id.get(hierarchy.get(f"{parent_type}_id") or 0)
        if parent is not None and parent.get("wof:placetype") == parent_type \
                and parent["wof:id"] != r["wof:id"]:
            parent_name = (parent.get("name:eng_x_preferred") or [None])[0] or parent.get("wof:name")
            if parent_name and parent_name not in parts:
                parts.append(parent_name)
    if iso and iso in countries:
        parts.append(country_names[countries[iso]])
    return f"{label} in {', '.join(parts)}" if parts else label


def iso_of(r: dict, wof_country_iso: dict[int, str]) -> str | None:
    code = r.get("wof:country") or ""
    if len(code) == 2 and code not in ("XY", "XX", "XZ"):
        return code
    hierarchy = (r.get("wof:hierarchy") or [{}])[0]
    return wof_country_iso.get(hierarchy.get("country_id") or 0)


def curated_country_names() -> dict[str, str]:
    import yaml
    from layerlib import COUNTRIES
    return {e["id"]: e["name"] for e in yaml.safe_load(COUNTRIES.read_text(encoding="utf-8"))}


def drop_shared_vi(entities: list[dict]) -> int:
    """A Vietnamese name that several records carry stays only on the most prominent (all of
    them on a tie): WOF gives Osaka's name to villages called Ōsaka too. Returns how many went."""
    holders: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        for n in e["names"]:
            if n["lang"] == "vi":
                holders[exact_key(n["text"])].append(e)
    losers: dict[str, set[str]] = defaultdict(set)
    for key, owners in holders.items():
        top = max(e["prominence"] for e in owners)
        for e in owners:
            if e["prominence"] < top:
                losers[e["id"]].add(key)
    dropped = 0
    for e in entities:
        if e["id"] in losers:
            before = len(e["names"])
            gone = losers[e["id"]]
            e["names"] = [n for n in e["names"] if not (n["lang"] == "vi" and exact_key(n["text"]) in gone)]
            dropped += before - len(e["names"])
    return dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repos", type=Path, required=True, help="directory holding the WOF repositories")
    parser.add_argument("--date", default=None, help="date the sources were read (SOURCE), YYYY-MM-DD")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    paths = {cc: str(find_repo(args.repos, cc)) for cc in REPOS}
    with ProcessPoolExecutor(args.jobs) as pool:
        read = dict(zip(REPOS, pool.map(read_repo, [(paths[cc], REPOS[cc]) for cc in REPOS]), strict=True))
    records = [r for cc in REPOS for r in read[cc]]
    by_id = {r["wof:id"]: r for r in records if "wof:id" in r}
    wof_country_iso = {r["wof:id"]: r.get("wof:country") for r in records
                       if r.get("wof:placetype") == "country" and len(r.get("wof:country") or "") == 2}
    countries = country_ids()
    country_names = curated_country_names()
    script = Script()
    stats: Counter = Counter()
    dropped: Counter = Counter()
    entities, seen = [], set()
    for r in records:
        stats["records"] += 1
        if "missing" in r:
            dropped[f"file absent from the snapshot: {r['missing']}"] += 1
            continue
        if not is_current(r):
            dropped["not current (mz:is_current 0, deprecated or superseded)"] += 1
            continue
        why = keep(r)
        if why:
            dropped[why] += 1
            continue
        if r["wof:id"] in seen:
            dropped["the same id in two repositories"] += 1
            continue
        iso = iso_of(r, wof_country_iso)
        name, names = build_names(r, iso, script)
        if not name or not names.has("en"):
            dropped["no English name in Latin letters"] += 1
            continue
        seen.add(r["wof:id"])
        pt = r["wof:placetype"]
        kind = KEEP_ALWAYS.get(pt) or KEEP_IF_KNOWN[pt]
        conc = concordances(r)
        if pt == "locality" and "wd:id" in conc:
            kind = LOCALITY_WITH_WIKIDATA
        pop = population(r)
        prom = population_prominence(pop)
        wikidata = conc.get("wd:id")
        wikidata = wikidata if isinstance(wikidata, str) and wikidata.startswith("Q") else None
        geonames = conc.get("gn:id") if isinstance(conc.get("gn:id"), int) and conc["gn:id"] > 0 else None
        entities.append(make_entity(
            f"wof-{r['wof:id']}", "place", name, names.names,
            description=describe(r, by_id, countries, country_names, iso),
            country=countries.get(iso or ""),
            prominence=prom if prom is not None else KIND_PROMINENCE[kind],
            external_ids={"geonames": geonames, "wikidata": wikidata, "wof": r["wof:id"]},
        ))
        stats[f"placetype {pt}"] += 1
    vi_dropped = drop_shared_vi(entities)
    source = source_text(args.date or dt.date.today().isoformat())
    counts = write_layer(LAYER, entities, source, NOTICE)
    vi = sum(1 for e in entities for n in e["names"] if n["lang"] == "vi")
    langs = Counter(n["lang"] for e in entities for n in e["names"])
    print(json.dumps({**counts, "records read": stats["records"], "vi names": vi,
                      "vi names dropped as shared with a more prominent record": vi_dropped,
                      "by placetype": {k[10:]: v for k, v in sorted(stats.items())
                                       if k.startswith("placetype ")},
                      "names by language": dict(langs.most_common()),
                      "dropped": dict(dropped.most_common())}, indent=1, ensure_ascii=False))


def source_text(date: str) -> str:
    repos = "\n".join(f"  whosonfirst-data/whosonfirst-data-admin-{cc} @ {commit}"
                      for cc, commit in REPOS.items())
    skipped = "\n".join(f"  -{cc}: {why}" for cc, why in NOT_READ.items())
    return f"""\
name: Who's On First (WOF) administrative gazetteer, admin repositories
address: https://github.com/whosonfirst-data (one repository per country: whosonfirst-data-admin-<cc>)
licence: CC0 1.0 for WOF's own data, with parts under other licences (GeoNames: CC BY 4.0); see NOTICE
read: {date}
repositories and commits:
{repos}
not read:
{skipped}
kept: current records (mz:is_current not 0, no edtf:deprecated, empty wof:superseded_by) of
  placetypes macroregion, region, macrocounty, county (all), and localadmin, locality, borough,
  macrohood, neighbourhood with a population, a Wikidata id or a Vietnamese name, and campuses
  that are airports (by name) with one of these; not countries, continents, oceans, seas,
  time zones or empires (the curated gazetteer holds them)
ids: wof-<wof:id>; external_ids: wof, wikidata (wof:concordances wd:id), geonames (gn:id)
names: name:eng_x_* -> en, name:vie_x_* -> vi, name:jpn_x_* -> ja, name:kor_x_* -> ko,
  name:rus_x_* -> ru, name:ukr_x_* -> uk, name:zho_x_* -> zh-Hans or zh-Hant (zho_cn/sg/my: Hans,
  zho_tw/hk/mo: Hant, zho alone: by its characters (OpenCC's traditional/simplified table in
  normalizer/translit/data), else Hant in TW/HK/MO and Hans elsewhere); the first x_preferred
  name of a language is preferred (native for the country's own language: ja in JP, ko in KR/KP,
  zh-Hant in TW/HK/MO, uk in UA), others alias, x_variant alias, x_historical historic;
  x_colloquial, x_unknown, und and other Chinese languages (yue, min_nan) are left out, and so
  are variants that are codes (all capitals, 5 letters or fewer) or keys with "_"; a text
  already under another language is not repeated; all names have source wof
vi names shared by several records stay only on the most prominent ones (ties keep it on all)
country: the curated country whose iso3166 is wof:country (else the hierarchy's country)
description: WOF's English placetype label (else the placetype; campus: airport) and the English
  names of the parents (locality, county, region as fit the placetype) and the country
prominence: min(1, log10(population + 1) / 8) with population wof:population, else gn:population
  (0 is unknown); unknown: region/macroregion 0.6, county/macrocounty 0.45, localadmin, borough,
  airport and a locality with a Wikidata id 0.3, other localities, neighbourhoods and
  macrohoods 0.2
command: python gazetteer/genscripts/wof.py --repos DIR --date {date}
  (DIR holds the repositories above as clones or bare mirrors; the script reads each at its commit)
"""


NOTICE = """\
Data from Who's On First. License: https://whosonfirst.org/docs/licenses/
(each whosonfirst-data-admin-<cc> repository's LICENSE.md: "Crediting Who's On First is
recommended and linking back to this License is required.")

Who's On First's original work (properties prefixed wof or not prefixed, such as name:*) is
made available under the Creative Commons Zero (CC0 1.0) designation:
https://creativecommons.org/publicdomain/zero/1.0/

The Who's On First dataset is also a modification of existing open data, some of which requires
attribution. The records this layer read carry, among others:
- GeoNames (properties gn:*, such as gn:id and gn:population; names WOF took from GeoNames):
  "Contains data from GeoNames (https://www.geonames.org/), licensed under a Creative Commons
  Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/)."
- Yahoo! GeoPlanet (gp:*, and localized names WOF took from it): Creative Commons Attribution
  3.0 United States License; attribution "Yahoo! GeoPlanet".
- Quattroshapes (qs:*): CC BY 2.0, "Includes data from foursquare quattroshapes",
  https://github.com/foursquare/quattroshapes/
- Natural Earth (ne:*), OurAirports (oa:*): public domain; Mesoshapes (meso:*): CC0.
The full listing of WOF's sources: https://github.com/whosonfirst/whosonfirst-sources

This layer was derived from those records by gazetteer/genscripts/wof.py (see SOURCE): records
were selected, names re-tagged with BCP 47 languages and kinds, prominence computed from the
populations; nothing was added.
"""


if __name__ == "__main__":
    main()
