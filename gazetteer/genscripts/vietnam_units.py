"""Regenerate gazetteer/layers/vietnam-units/: Vietnam's administrative units from PyPI
`vietnam-provinces` (GPL-3.0-or-later), the current ones (34 provincial units and 3,321 communes,
wards and special zones since 1 July 2025) and the former ones (63 provinces, 696 districts and
10,051 communes, wards and townships before), as the General Statistics Office codes them.

The package's 2026 releases need Python 3.12 to install; its code and data run on 3.11 from the
wheel. So the script takes the pinned wheel (pip downloads it; its SHA-256 is checked) and imports
the package from it:

    pip download --no-deps --only-binary=:all: --python-version 3.12 vietnam-provinces==2026.9.0 -d build/
    python gazetteer/genscripts/vietnam_units.py --wheel build/vietnam_provinces-2026.9.0-py3-none-any.whl

(on Python 3.12 or later with `pip install -e '.[dev]'`, the installed package is used and
`--wheel` may be left out).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from unidecode import unidecode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layerlib import LAYERS, NameList, make_entity, write_layer

LAYER = LAYERS / "vietnam-units"
SOURCE_NAME = "vietnam-units"
PACKAGE, VERSION = "vietnam-provinces", "2026.9.0"
WHEEL_SHA256 = "b5f3540a98937d38b9bebcbdb792fa4f5b9712737d41b05c7254beb2308ebcd1"
COUNTRY = "vietnam"

# prefix as written -> (English type word, description word, level)
PREFIXES = {
    "tỉnh": ("Province", "province", "province"),
    "thành phố trung ương": (None, "centrally governed city", "province"),
    "quận": ("District", "urban district", "district"),
    "huyện": ("District", "rural district", "district"),
    "thị xã": ("Town", "district-level town", "district"),
    "thành phố": ("City", "provincial city", "district"),
    "xã": ("Commune", "commune", "commune"),
    "phường": ("Ward", "ward", "commune"),
    "thị trấn": ("Township", "township", "commune"),
    "đặc khu": ("Special Zone", "special zone", "commune"),
}
WRITTEN = ("Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Phường", "Xã")
PROMINENCE = {"province": 0.6, "district": 0.45, "commune": 0.2}
# English names of the centrally governed cities (the curated gazetteer's)
CITY_NAMES = {"Hà Nội": "Hanoi", "Hồ Chí Minh": "Ho Chi Minh City", "Hải Phòng": "Haiphong",
              "Đà Nẵng": "Da Nang", "Cần Thơ": "Can Tho", "Huế": "Hue"}
_LETTER = re.compile(r"[^\W\d_]")


def load_package(wheel: Path | None):
    if wheel is not None:
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise SystemExit(f"{wheel}: SHA-256 {digest}, expected {WHEEL_SHA256} ({PACKAGE}=={VERSION})")
        sys.path.insert(0, str(wheel))
    try:
        import vietnam_provinces
    except ImportError:
        raise SystemExit(f"{PACKAGE}=={VERSION} is not installed: pass --wheel (see the docstring)") from None
    if vietnam_provinces.__version__ != VERSION:
        raise SystemExit(f"{PACKAGE} {vietnam_provinces.__version__} found, {VERSION} pinned")
    return vietnam_provinces


def split_name(written: str) -> tuple[str, str]:
    """'Xã Tân Phú' -> ('Xã', 'Tân Phú'); a stray capital ('Thành Phố Bắc Kạn') is the prefix's."""
    for prefix in WRITTEN:
        if written.lower().startswith(prefix.lower() + " "):
            return prefix, written[len(prefix) + 1:].strip()
    raise SystemExit(f"no administrative prefix in {written!r}")


def tidy(written: str) -> str:
    prefix, bare = split_name(written)
    return f"{prefix} {bare}"


class Unit:
    """One unit: written name, bare name, English name, names."""

    def __init__(self, written: str, division_type: str):
        self.written = tidy(written)
        self.prefix, self.bare = split_name(self.written)
        self.type_word, self.what, self.level = PREFIXES[str(division_type)]
        if self.type_word is None:
            self.english = CITY_NAMES[self.bare]
        elif _LETTER.search(self.bare):
            self.english = f"{unidecode(self.bare)} {self.type_word}"
        else:
            self.english = f"{self.type_word} {self.bare}"  # Phường 1 -> Ward 1

    def names(self) -> list[dict]:
        names = NameList(SOURCE_NAME)
        names.add(self.english, "en", "preferred")
        if self.level == "province":
            names.add(unidecode(self.bare), "en", "alias")
        names.add(self.written, "vi", "preferred")
        if _LETTER.search(self.bare):  # never a bare number ("Phường 1" -> "1")
            names.add(self.bare, "vi", "alias")
        return names.names

    @property
    def province_phrase(self) -> str:
        """How a description names this unit as a parent: 'Tuyên Quang province', 'Hà Nội'."""
        return self.bare if self.type_word is None else f"{self.bare} {self.what}"


def entity(ident: str, unit: Unit, description: str) -> dict:
    return make_entity(ident, "place", unit.english, unit.names(), description=description, country=COUNTRY,
                       prominence=PROMINENCE[unit.level])


def build(vp) -> tuple[list[dict], Counter]:
    from vietnam_provinces import _province_conversion_2025 as province_conversion
    from vietnam_provinces import _ward_conversion_2025 as ward_conversion
    from vietnam_provinces.legacy import District as OldDistrict
    from vietnam_provinces.legacy import Province as OldProvince
    from vietnam_provinces.legacy import Ward as OldWard

    counts: Counter = Counter()
    entities = []
    # read through importlib.resources: the package may be imported from its wheel
    nested = json.loads((resources.files(vp) / "data" / "nested-divisions.json").read_text(encoding="utf-8"))
    provinces: dict[int, Unit] = {}
    wards: dict[int, Unit] = {}
    for p in nested:
        unit = provinces[p["code"]] = Unit(p["name"], p["division_type"])
        entities.append(entity(f"vn-province-{p['code']:02d}", unit, f"{unit.what} of Vietnam"))
        counts[f"current {unit.what}"] += 1
        for w in p["wards"]:
            ward = wards[w["code"]] = Unit(w["name"], w["division_type"])
            entities.append(entity(f"vn-commune-{w['code']:05d}", ward,
                                   f"{ward.what} in {unit.province_phrase}, Vietnam"))
            counts[f"current {ward.what}"] += 1

    old_provinces = {int(p.code): Unit(p.name, p.division_type) for p in OldProvince.iter_all()}
    for code, unit in sorted(old_provinces.items()):
        new = [ref.code for ref in province_conversion.OLD_TO_NEW[code].new_provinces]
        if new == [code] and provinces[code].bare == unit.bare:
            counts["former province continued by the current one (same code and name)"] += 1
            continue
        merged = ", ".join(provinces[c].bare for c in new)
        entities.append(entity(f"vn-former-province-{code:02d}", unit,
                               f"former {unit.what} of Vietnam (until 2025), merged into {merged}"))
        counts[f"former {unit.what}"] += 1

    old_districts = {}
    for d in OldDistrict.iter_all():
        unit = old_districts[int(d.code)] = Unit(d.name, d.division_type)
        province = old_provinces[int(d.province_code)]
        entities.append(entity(f"vn-former-district-{int(d.code):03d}", unit,
                               f"former {unit.what} of {province.province_phrase}, Vietnam (until 2025)"))
        counts[f"former {unit.what}"] += 1

    for w in OldWard.iter_all():
        code = int(w.code)
        unit = Unit(w.name, w.division_type)
        entry = ward_conversion.OLD_TO_NEW.get(code)
        new = [ref.code for ref in entry.new_wards] if entry else []
        if new == [code] and wards[code].written == unit.written:
            counts["former commune continued by the current one (same code and name)"] += 1
            continue
        district = old_districts[int(w.district_code)]
        province = old_provinces[int(OldDistrict.from_code(w.district_code).province_code)]
        description = (f"former {unit.what} of {district.written}, {province.province_phrase}, Vietnam"
                       " (until 2025)")
        if len(new) == 1:
            description += f", now part of {wards[new[0]].written}"
        elif new:
            description += f", now divided among {', '.join(wards[c].written for c in new)}"
        entities.append(entity(f"vn-former-commune-{code:05d}", unit, description))
        counts[f"former {unit.what}"] += 1
    return entities, counts


def source_text(date: str, data_version: str) -> str:
    return f"""\
name: vietnam-provinces (VietnamProvinces), Vietnam's administrative divisions as coded by the
  General Statistics Office of Vietnam (National Statistics Office)
version: {PACKAGE}=={VERSION} (data version {data_version}),
  wheel vietnam_provinces-{VERSION}-py3-none-any.whl, SHA-256 {WHEEL_SHA256}
address: https://pypi.org/project/vietnam-provinces/, https://github.com/sunshine-tech/VietnamProvinces
licence: GPL-3.0-or-later (see NOTICE); the division names and codes are the GSO's public
  administrative code list
read: {date}
holds: the current units (nested-divisions.json: 34 provinces and centrally governed cities,
  3,321 communes, wards and special zones from 2025-07-01); the former units
  (vietnam_provinces.legacy: 63 provinces, 696 districts, 10,051 communes, wards and townships
  before 2025-07-01), except those that the current unit of the same code and name continues;
  where a former commune went (_ward_conversion_2025: "now part of", "now divided among") and
  a former province (_province_conversion_2025: "merged into")
ids: vn-province-<code 2 digits>, vn-commune-<5 digits> (current); vn-former-province-<2>,
  vn-former-district-<3>, vn-former-commune-<5> (before 2025; the GSO reused some codes)
names: en preferred: the bare name without diacritics (unidecode) and the English type word
  (Province, District, Town, City, Commune, Ward, Township, Special Zone; "Ward 1" for numbered
  units; the six centrally governed cities by their English names, Hanoi, Ho Chi Minh City,
  Haiphong, Da Nang, Can Tho, Hue), provinces also the bare name without diacritics as an en
  alias; vi preferred: the name as written with its administrative prefix ("Xã Tân Phú"); vi
  alias: the bare name ("Tân Phú"), never a bare number; source vietnam-units
prominence: by level: province and centrally governed city 0.6, district-level unit 0.45,
  commune, ward, township and special zone 0.2 (the same for former units)
command: pip download --no-deps --only-binary=:all: --python-version 3.12 {PACKAGE}=={VERSION} -d build/
  python gazetteer/genscripts/vietnam_units.py --date {date} \\
    --wheel build/vietnam_provinces-{VERSION}-py3-none-any.whl
"""


NOTICE = """\
This layer is derived from the data of VietnamProvinces (PyPI vietnam-provinces 2026.9.0),
Copyright Nguyễn Hồng Quân <ng.hong.quan@gmail.com> and contributors,
https://github.com/sunshine-tech/VietnamProvinces

VietnamProvinces is free software: you can redistribute it and/or modify it under the terms of
the GNU General Public License as published by the Free Software Foundation, either version 3 of
the License, or (at your option) any later version (GPL-3.0-or-later). It is distributed in the
hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more
details: https://www.gnu.org/licenses/gpl-3.0.html (this project's LICENSE is the same licence).

The administrative division names and codes themselves come from the General Statistics Office of
Vietnam (Tổng cục Thống kê / National Statistics Office), https://danhmuchanhchinh.gso.gov.vn/.

Changes: gazetteer/genscripts/vietnam_units.py selected the units and wrote them in this
project's gazetteer format (English names, bare names, descriptions, prominence); see SOURCE.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help=f"the {PACKAGE} {VERSION} wheel (see the docstring)")
    parser.add_argument("--date", default=None, help="date the source was read (SOURCE), YYYY-MM-DD")
    args = parser.parse_args()
    vp = load_package(args.wheel)
    entities, counts = build(vp)
    date = args.date or dt.date.today().isoformat()
    written = write_layer(LAYER, entities, source_text(date, vp.__data_version__), NOTICE)
    vi = sum(1 for e in entities for n in e["names"] if n["lang"] == "vi")
    print(json.dumps({**written, "vi names": vi, "by level": dict(sorted(counts.items()))},
                     indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
