"""Regenerate gazetteer/entities/geography/countries.yaml.

Sources, in order of precedence for each name:
  1. CLDR territory names through Babel (en, vi, zh-Hans, zh-Hant, ja, ko): source `cldr`;
  2. pycountry: ISO 3166-1 codes (external_ids) and English names, and its Vietnamese
     gettext translations where they differ from CLDR: source `pycountry`;
  3. countries_extra.yaml beside this script: curated press forms (source `editorial`),
     descriptions, sovereign `country` of dependent territories, and generated forms to drop
     (each `drop` entry removes that exact text, case aside). A curated name with the same
     loose key as a generated one replaces it: use that to restyle ("Cộng hoà" -> "Cộng hòa"),
     never to replace CLDR's Vietnamese preferred spelling (the script warns).

Run from anywhere: `python gazetteer/genscripts/countries.py`, with the `dev` extra's pinned
Babel and pycountry. Output is deterministic.
"""

import gettext
import re
import sys
from pathlib import Path

import pycountry
import yaml
from babel import Locale
from unidecode import unidecode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazlib import NameSet, dump_entities, sort_names

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "entities" / "geography" / "countries.yaml"
EXTRA = HERE / "countries_extra.yaml"

CLDR_LOCALES = {"en": "en", "vi": "vi", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "ja": "ja", "ko": "ko"}

# Babel codes that are not countries or territories: organizations (the EU and UN are
# organization entities kept elsewhere), currency/statistical groupings, pseudo-locales.
SKIP = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Codes CLDR names that are not ISO 3166-1 assigned: no ISO external ids for these.
# Exceptionally reserved codes name parts of other countries: they become places.
NOT_ISO_PLACES = {
    "AC": "saint-helena",
    "CP": "france",
    "CQ": "guernsey",
    "DG": "united-kingdom",
    "EA": "spain",
    "IC": "spain",
    "TA": "saint-helena",
}
NOT_ISO_COUNTRIES = {"XK"}

# Ids the project fixes (others are the slug of the English name).
IDS = {
    "KR": "south-korea",
    "KP": "north-korea",
    "US": "united-states",
    "GB": "united-kingdom",
    "CI": "ivory-coast",
    "TR": "turkey",
    "MO": "macau",
    "PS": "palestine",
    "VI": "united-states-virgin-islands",
}

# English short names where CLDR's default is not the common English short name.
NAMES = {
    "BA": "Bosnia and Herzegovina",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "HK": "Hong Kong",
    "MO": "Macau",
    "MM": "Myanmar",
    "PS": "Palestine",
    "TR": "Turkey",
    "SH": "Saint Helena",
    "UM": "United States Minor Outlying Islands",
    "VI": "United States Virgin Islands",
    "HM": "Heard Island and McDonald Islands",
    "MF": "Saint Martin",
    "EA": "Ceuta and Melilla",
    "GS": "South Georgia and the South Sandwich Islands",
    "ST": "São Tomé and Príncipe",
    "VC": "Saint Vincent and the Grenadines",
}

# The language whose CLDR name is the entity's own name (kind `native`).
NATIVE = {"CN": "zh-Hans", "TW": "zh-Hant", "HK": "zh-Hant", "MO": "zh-Hant", "JP": "ja", "KR": "ko"}

# CLDR names of the form "X (Y)": split into two names, or keep X only.
PAREN_SPLIT = {"MM"}
PAREN_STRIP = {"HK", "MO"}
_PAREN = re.compile(r"^(.*?)\s*[(（](.*)[)）]\s*$")


def warn(msg):
    print("countries.py:", msg, file=sys.stderr)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def english_name(code, cldr_en):
    if code in NAMES:
        return NAMES[code]
    return cldr_en.replace(" & ", " and ").replace("St. ", "Saint ")


def cldr_forms(code, text):
    m = _PAREN.match(text)
    if m and code in PAREN_SPLIT:
        return [m.group(1), m.group(2)]
    if m and code in PAREN_STRIP:
        return [m.group(1)]
    return [text]


def pycountry_vi():
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    return tr.gettext


def build():
    locales = {lang: Locale.parse(tag) for lang, tag in CLDR_LOCALES.items()}
    extra = yaml.safe_load(EXTRA.read_text(encoding="utf-8")) or {}
    vi_gettext = pycountry_vi()
    codes = sorted(c for c in locales["en"].territories if len(c) == 2 and c.isalpha() and c not in SKIP)
    entities, seen_ids = [], {}
    for code in codes:
        en_cldr = locales["en"].territories[code]
        name = english_name(code, en_cldr)
        eid = IDS.get(code) or slug(name)
        if eid in seen_ids:
            raise SystemExit(f"id clash: {eid} for {code} and {seen_ids[eid]}")
        seen_ids[eid] = code
        cur = extra.pop(eid, {}) or {}
        names = NameSet(lambda m, eid=eid: warn(f"{eid}: {m}"))
        pyc = (
            pycountry.countries.get(alpha_2=code)
            if code not in NOT_ISO_PLACES.keys() | NOT_ISO_COUNTRIES
            else None
        )
        native = NATIVE.get(code)
        # the entity's own-language name first, so that it keeps a text other languages share
        langs = ([native] if native else []) + [lang for lang in CLDR_LOCALES if lang != native]
        en_source = (
            "cldr" if name == en_cldr else "pycountry" if pyc and name in _pyc_names(pyc) else "editorial"
        )
        for lang in langs:
            if lang == "en":
                names.add({"text": name, "lang": "en", "kind": "preferred", "source": en_source})
            text = locales[lang].territories.get(code)
            if not text:
                continue
            for i, form in enumerate(cldr_forms(code, text)):
                kind = "native" if lang == native else "preferred" if i == 0 and lang != "en" else "alias"
                names.add({"text": form, "lang": lang, "kind": kind, "source": "cldr"})
        if pyc:
            for text in _pyc_names(pyc):
                names.add({"text": text, "lang": "en", "kind": "alias", "source": "pycountry"})
            for text in _pyc_names(pyc):
                vi = vi_gettext(text)
                if vi != text:
                    # pycountry's translations are mostly the old syllable-by-syllable spellings
                    kind = "historic" if "-" in vi else "alias"
                    names.add({"text": vi, "lang": "vi", "kind": kind, "source": "pycountry"})
        for text in cur.get("drop", []) or []:
            if not names.drop(text):
                warn(f"{eid}: nothing to drop for {text!r}")
        for n in cur.get("names", []) or []:
            n = dict(n)
            n.setdefault("source", "editorial")
            added = names.add(n, override=True)
            if added is not None and added["kind"] == "preferred":
                names.demote_preferred(added["lang"], added)
        entity = {
            "id": eid,
            "type": "place" if code in NOT_ISO_PLACES else "country",
            "name": name,
            "description": cur.get("description")
            or ("part of another country" if code in NOT_ISO_PLACES else "country"),
            "country": cur.get("country") or NOT_ISO_PLACES.get(code),
        }
        if pyc:
            entity["external_ids"] = {
                "iso3166": pyc.alpha_2,
                "iso3166_alpha3": pyc.alpha_3,
                "iso3166_numeric": pyc.numeric,
            }
        entity["names"] = sort_names(names.names)
        entities.append(entity)
    for eid in extra:
        warn(f"countries_extra.yaml: unknown id {eid}")
    entities.sort(key=lambda e: e["id"])
    return entities


def _pyc_names(pyc):
    out = []
    for attr in ("name", "common_name", "official_name"):
        v = getattr(pyc, attr, None)
        if v and v not in out:
            out.append(v)
    return out


def main():
    entities = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(dump_entities(entities), encoding="utf-8")
    print(f"wrote {OUT} ({len(entities)} entities, {sum(len(e['names']) for e in entities)} names)")


if __name__ == "__main__":
    main()
