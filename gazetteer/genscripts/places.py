"""Regenerate gazetteer/entities/geography/places/*.yaml from the curated inputs in genscripts/places/.

Each input file is a list of place entities in the gazetteer format, plus build-only keys:
  tz:      an IANA zone whose CLDR exemplar city is this city: its localized names
           (vi, zh-Hans, zh-Hant, ja, ko, and en where CLDR has one) are added, source `cldr`;
  region:  a CLDR numeric region code ("142" = Asia): its localized names are added, source `cldr`;
  capital: true: the description defaults to "capital of <country name>".
Names default to source `editorial`; the entity's `name` is added as its `en` preferred name
when the list has none. A curated name with the key of a CLDR one restyles it (kind, used_by).
A CLDR name that is also a strong name of a country (Babel names Asia/Kuwait "科威特") is
skipped. Run: `python gazetteer/genscripts/places.py`. Output is deterministic.
"""

import sys
from pathlib import Path

import yaml
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazlib import STRONG_KINDS, NameSet, dump_entities, exact_key, name_key, same_text_key, sort_names

HERE = Path(__file__).resolve().parent
INPUT = HERE / "places"
OUTPUT = HERE.parent / "entities" / "geography" / "places"
COUNTRIES = HERE.parent / "entities" / "geography" / "countries.yaml"
CLDR_LOCALES = {"en": "en", "vi": "vi", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "ja": "ja", "ko": "ko"}
BUILD_KEYS = {"tz", "region", "capital"}


def warn(msg):
    print("places.py:", msg, file=sys.stderr)


def country_index():
    countries = yaml.safe_load(COUNTRIES.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in countries}
    strong = {exact_key(n["text"]) for e in countries for n in e["names"] if n["kind"] in STRONG_KINDS}
    return names, strong


def cldr_names(raw, locales):
    out = []
    for lang, loc in locales.items():
        text = None
        if raw.get("tz"):
            text = (loc.time_zones.get(raw["tz"]) or {}).get("city")
        elif raw.get("region"):
            text = loc.territories.get(str(raw["region"]))
        if text:
            out.append({"text": text, "lang": lang, "kind": "preferred", "source": "cldr"})
    if raw.get("tz") and not any(raw["tz"] in loc.time_zones for loc in locales.values()):
        warn(f"{raw['id']}: CLDR has no exemplar city for {raw['tz']}")
    return out


def build_entity(raw, locales, country_names, country_keys):
    eid = raw["id"]
    names = NameSet(lambda m: warn(f"{eid}: {m}"))
    curated = [dict(n) for n in raw.get("names", []) or []]
    for n in curated:
        n.setdefault("source", "editorial")
    if not any(n["lang"] == "en" and n["kind"] == "preferred" for n in curated):
        curated.insert(0, {"text": raw["name"], "lang": "en", "kind": "preferred", "source": "editorial"})
    en_curated = {name_key(n["text"]) for n in curated if n["lang"] == "en"}
    curated_texts = {(same_text_key(n["text"]), n["lang"]) for n in curated}
    for n in cldr_names(raw, locales):
        if any(t == same_text_key(n["text"]) and lang != n["lang"] for t, lang in curated_texts):
            continue  # the curators put this text under another language
        if exact_key(n["text"]) in country_keys:
            warn(f"{eid}: skipped CLDR {n['text']!r} ({n['lang']}): it names a country")
            continue
        if n["lang"] == "en":
            if name_key(n["text"]) in en_curated:
                continue  # the curated English name stays editorial
            n["kind"] = "alias"
        names.add(n)
    for n in curated:
        added = names.add(n, override=True)
        if added is not None and added["kind"] == "preferred":
            names.demote_preferred(added["lang"], added)
    description = raw.get("description")
    if not description and raw.get("capital"):
        description = f"capital of {country_names[raw['country']]}"
    entity = {k: v for k, v in raw.items() if k not in BUILD_KEYS and k != "names"}
    entity.setdefault("type", "place")
    entity["description"] = description
    entity["names"] = sort_names(names.names)
    return entity


def main():
    locales = {lang: Locale.parse(tag) for lang, tag in CLDR_LOCALES.items()}
    country_names, country_keys = country_index()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    seen, total = set(), 0
    for src in sorted(INPUT.glob("*.yaml")):
        raws = yaml.safe_load(src.read_text(encoding="utf-8")) or []
        entities = []
        for raw in raws:
            if raw["id"] in seen:
                raise SystemExit(f"duplicate id {raw['id']} in {src.name}")
            seen.add(raw["id"])
            entities.append(build_entity(raw, locales, country_names, country_keys))
        entities.sort(key=lambda e: e["id"])
        (OUTPUT / src.name).write_text(dump_entities(entities), encoding="utf-8")
        total += len(entities)
        name_count = sum(len(e["names"]) for e in entities)
        print(f"wrote {OUTPUT / src.name} ({len(entities)} entities, {name_count} names)")
    print(f"{total} places")


if __name__ == "__main__":
    main()
