"""Build gazetteer/layers/enamdict/ from ENAMDICT: Japanese people and prominent Japanese places.

    apt-get download enamdict=2021.02.03-1
    .venv/bin/python gazetteer/genscripts/enamdict.py --deb enamdict_2021.02.03-1_all.deb

(or `--dictionary /usr/share/edict/enamdict` where the package is installed). The .deb is checked
against the pinned SHA-256 and read with `dpkg-deb --fsys-tarfile`; the dictionary is EUC-JP.

Keeps:
- full names of people (type `h`) written in kanji or kana with a reading whose romanization reads
  that reading (so not the Chinese and Korean names ENAMDICT also lists), and that the dictionary
  dates ("Oku Chieko (195.11-)") or describes ("6th sumo grand champion"): the undated, undescribed
  rest are names of people the dictionary says nothing about, and are counted as cut. Both orders
  in the romanization the press uses (Saitou Shouta -> en "Shota Saito", ja-Latn "Saito Shota"), the
  native name, the family name in each (the kanji family name where ENAMDICT lists it as a surname).
- places (type `p`): cities ("(city)"), prefectures, and islands, mountains and lakes the gloss
  names as such, with a Vietnamese class-word form (`tỉnh Aichi`, `thành phố Iwaki`, generated).
Skips surnames and given names alone (they name nobody), stations, companies, foreign places.
Prominence 0.3 (a dictionary entry).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "enamdict"
PROMINENCE = 0.3
PACKAGE = "enamdict_2021.02.03-1_all.deb"
PACKAGE_SHA256 = "8b5180f13164d160ee8e467231f4243341d18b4aae758ad2583d4ec86179e03f"
MEMBER = "./usr/share/edict/enamdict"

LINE = re.compile(r"^(\S+) (?:\[(\S+)\] )?/\(([a-z,]+)\) (.*)/\s*$")
KATAKANA = re.compile(r"[\u30a1-\u30f5\u30f7-\u30ff]")  # ヶ (u30f6) is a kanji-like counter in place names
ROMAJI = re.compile(r"^[A-ZĀĪŪĒŌ][a-zāīūēō']*(?:-[A-Za-zāīūēō']+)?$")
_DATE = r"(?:c\. ?)?[\d?]{2,4}(?:\.[\d?]{1,2}){0,2}(?: ?BCE?)?"
DATES = re.compile(rf"^{_DATE}(?:-(?:{_DATE})?)?$")
FOREIGN_PLACE = re.compile(r"\b(China|Taiwan|Korea|Russia|Kuril|Sakhalin|USA|Chinese|Korean)\b")
# contested places: the curated gazetteer holds them with every party's name (gazetteer/README.md)
CONTESTED = frozenset({"尖閣諸島", "竹島", "北方領土", "北方四島", "魚釣島"})
ENGLISH_WORDS = frozenset({"Mount", "Island", "Islands", "Lake", "Prefecture", "City"})
PREFECTURES_SPECIAL = {"東京都": "Tokyo", "大阪府": "Osaka Prefecture", "京都府": "Kyoto Prefecture",
                       "北海道": "Hokkaido"}

KANA_ROMAJI = {}
for _row in (  # noqa: SIM905
    "あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto "
    "なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo らra りri "
    "るru れre ろro わwa ゐi ゑe をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo だda ぢji づzu "
    "でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ぁa ぃi ぅu ぇe ぉo ゔvu"
).split():
    KANA_ROMAJI[_row[0]] = _row[1:]
YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def warn(message: str) -> None:
    print(message, file=sys.stderr)


# -------------------------------------------------------------------------------------- romaji

def kana_romaji(kana: str) -> str | None:
    """Hiragana (katakana folded) -> plain romaji, None for anything else."""
    out = ""
    double = False
    for ch in kana:
        code = ord(ch)
        if 0x30A1 <= code <= 0x30F6:
            ch = chr(code - 0x60)
        if ch == "っ":
            double = True
            continue
        if ch == "ー":
            out += out[-1:] if out else ""
            continue
        if ch in YOON and out and out[-1] == "i":
            base = out[:-1]
            out = (base if base[-2:] in ("sh", "ch") or base[-1:] == "j" else base + "y") + YOON[ch]
            continue
        romaji = KANA_ROMAJI.get(ch)
        if romaji is None:
            return None
        if double:
            romaji = ("t" if romaji.startswith("ch") else romaji[0]) + romaji
            double = False
        out += romaji
    return out


def loose(text: str) -> str:
    """A key on which ENAMDICT's romanizations and the kana reading agree: long vowels single,
    macrons off, m before b/p as n, no apostrophes, hyphens or spaces."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))
    text = re.sub(r"m(?=[bp])", "n", text)
    text = re.sub(r"(?<=[aeiou])[aeiou]", lambda m: "" if m[0] in "uoi" else m[0], text)
    return text.replace("si", "shi").replace("ti", "chi").replace("tu", "tsu").replace("hu", "fu")


def press_words(text: str) -> str:
    return " ".join(w if w in ENGLISH_WORDS else press(w) for w in text.split())


def press(token: str) -> str:
    """'Saitou' -> 'Saito', 'Yuuki' -> 'Yuki', 'Oono' -> 'Ono', 'Kyōsuke' -> 'Kyosuke', 'Inoue' stays:
    the Hepburn romanization without long-vowel marks that the English and Vietnamese press write."""
    text = unicodedata.normalize("NFD", token)
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    text = re.sub(r"([Oo])u(?!e)", r"\1", text)
    text = re.sub(r"([Uu])u", r"\1", text)
    text = re.sub(r"([Oo])o", r"\1", text)
    return text


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c == " "))
    return "-".join(text.split())


def name(text: str, lang: str, kind: str, family: str | None = None, generated: bool = False) -> dict:
    out = {"text": text, "lang": lang, "kind": kind, "source": SOURCE}
    if family:
        out["family"] = family
    if generated:
        out["generated"] = True
    return out


# ------------------------------------------------------------------------------------- entries

class Entry:
    def __init__(self, head: str, kana: str | None, tags: str, gloss: str) -> None:
        self.head, self.kana = head, kana
        self.tags = set(tags.split(","))
        self.senses = gloss.split("/")
        self.first = self.senses[0].strip()

    def ident(self, words: str) -> str:
        digest = hashlib.sha1(f"{self.head} {self.kana or ''}".encode()).hexdigest()[:6]
        return f"enamdict-{slug(words) or 'x'}-{digest}"


def read_dictionary(raw: bytes) -> tuple[list[Entry], str]:
    text = raw.decode("euc_jp", errors="replace")
    entries = []
    header = ""
    for n, line in enumerate(text.splitlines()):
        if n == 0:
            header = line
            continue
        m = LINE.match(line)
        if m:
            entries.append(Entry(*m.groups()))
    return entries, header


def japanese_head(entry: Entry) -> bool:
    return entry.kana is not None and not KATAKANA.search(entry.head) and not KATAKANA.search(entry.kana)


def surname_table(entries: list[Entry]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = collections.defaultdict(set)
    for e in entries:
        if "s" in e.tags:
            table[e.head].add(loose(e.first))
    return table


# -------------------------------------------------------------------------------------- people

def dates_and_description(remainder: str) -> tuple[str, str]:
    """' (anime creator) (1941.1-)' -> ('1941.1-', 'anime creator'); ' (1942.1.8-), the 56th Prime
    Minister of Japan' -> ('1942.1.8-', 'the 56th Prime Minister of Japan')."""
    dates, what = "", []
    for paren in re.findall(r"\(([^)]*)\)", remainder):
        first, _, tail = paren.partition(",")
        if not dates and DATES.match(first.strip()):
            dates = first.strip()
            paren = tail
        if paren.strip():
            what.append(paren.strip())
    outside = re.sub(r"\([^)]*\)", "", remainder).strip(" ,;")
    if outside:
        what.append(outside)
    return dates, ", ".join(what)


def person(entry: Entry, surnames: dict[str, set[str]], skipped: collections.Counter[str],
           everyone: bool = False) -> dict | None:
    if not japanese_head(entry):
        skipped["person: not written in kanji or kana with a reading (a foreign name)"] += 1
        return None
    m = re.match(r"^([^(,;]+)(.*)$", entry.first)
    tokens = m[1].split() if m else []
    if not m or len(tokens) != 2 or not all(ROMAJI.match(t) for t in tokens):
        skipped["person: not a two-part family-given romanization"] += 1
        return None
    reading = kana_romaji(entry.kana or "")
    if reading is None or loose(reading) != loose("".join(tokens)):
        if reading is not None and loose(reading) == loose(tokens[1] + tokens[0]):
            tokens.reverse()  # "Shinzō Abe": given-family order in the gloss
        else:
            skipped["person: romanization does not read the kana (a Chinese or Korean name)"] += 1
            return None
    dates, what = dates_and_description(m[2])
    if not dates and not what and not everyone:
        skipped["person: cut, neither dated nor described by the dictionary"] += 1
        return None
    family, given = (press(t) for t in tokens)
    family_kanji = ""
    for end in range(len(entry.head) - 1, 0, -1):
        if loose(tokens[0]) in surnames.get(entry.head[:end], ()):
            family_kanji = entry.head[:end]
            break
    names = [
        name(f"{given} {family}", "en", "preferred", family),
        name(f"{family} {given}", "ja-Latn", "preferred", family),
        name(entry.head, "ja", "native", family_kanji or None),
    ]
    description = (what or "Japanese person")[:140] + (f" ({dates})" if dates else "")
    return {"id": entry.ident(f"{family} {given}"), "type": "person", "name": f"{given} {family}",
            "description": description, "country": "japan", "prominence": PROMINENCE, "names": names}


# -------------------------------------------------------------------------------------- places

NATURAL = [
    # headword suffix, what the gloss must say, Vietnamese class word, English words to strip
    ("諸島", re.compile(r"\bIslands\b", re.I), "quần đảo", r"\s*Islands$"),
    ("島", re.compile(r"\bIsland\b", re.I), "đảo", r"\s*Island$"),
    ("山", re.compile(r"\b(?:Mount|Mt\.?|mountain)\b"), "núi", r"^(?:Mount|Mt\.?)\s*"),
    ("岳", re.compile(r"\b(?:Mount|Mt\.?|mountain)\b"), "núi", r"^(?:Mount|Mt\.?)\s*"),
    ("湖", re.compile(r"\bLake\b", re.I), "hồ", r"^Lake\s*|\s*Lake$"),
]


def clean_place(text: str) -> str:
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    return re.sub(r"\bMt\.? ", "Mount ", text)


def place(entry: Entry, skipped: collections.Counter[str]) -> dict | None:
    gloss = entry.first
    if not japanese_head(entry) or entry.head in CONTESTED or FOREIGN_PLACE.search(" ".join(entry.senses)):
        return None
    head = entry.head
    english = vi = bare_ja = None
    kind = ""
    if head in PREFECTURES_SPECIAL:
        english, kind = PREFECTURES_SPECIAL[head], "prefecture"
        vi = "tỉnh " + english.replace(" Prefecture", "") if head != "東京都" else "thủ đô Tokyo"
    elif gloss.endswith("(city)") and head.endswith("市") and len(head) > 1:
        english, kind = press_words(gloss[: -len("(city)")].strip()), "city"
        vi, bare_ja = f"thành phố {english}", head[:-1]
    elif head.endswith("県") and gloss.endswith(" Prefecture"):
        english, kind = press_words(gloss), "prefecture"
        vi, bare_ja = "tỉnh " + english[: -len(" Prefecture")], head[:-1]
    else:
        for suffix, says, vi_class, strip in NATURAL:
            if head.endswith(suffix) and says.search(gloss) and len(head) > len(suffix):
                english, kind = press_words(clean_place(gloss)), suffix
                core = re.sub(strip, "", english).strip()
                if core and core != english and " " not in core:
                    vi = f"{vi_class} {core}"
                break
    if not english or not ROMAJI.match(english.split()[0]):
        return None
    names = [name(english, "en", "preferred")]
    if kind == "city":
        names.append(name(f"{english} City", "en", "alias"))
    elif kind == "prefecture" and english.endswith(" Prefecture"):
        names.append(name(english[: -len(" Prefecture")], "en", "alias"))
    if vi:
        names.append(name(vi, "vi", "preferred", generated=True))
    names.append(name(head, "ja", "native"))
    if bare_ja:
        names.append(name(bare_ja, "ja", "alias"))
    description = {"city": "city in Japan", "prefecture": "prefecture of Japan"}.get(kind) \
        or f"{re.sub(r'^[^(]*', '', gloss).strip('() ') or 'place'} (Japan)"
    return {"id": entry.ident(english), "type": "place", "name": english, "description": description,
            "country": "japan", "prominence": PROMINENCE, "names": names}


# ------------------------------------------------------------------------------------------ build

def build(raw: bytes, everyone: bool = False) -> tuple[list[dict], str, dict[str, object]]:
    entries, header = read_dictionary(raw)
    surnames = surname_table(entries)
    skipped: collections.Counter[str] = collections.Counter()
    entities: dict[str, dict] = {}
    for entry in entries:
        if "h" in entry.tags:
            entity = person(entry, surnames, skipped, everyone)
        elif "p" in entry.tags:
            entity = place(entry, skipped)
            if entity is None:
                skipped["place: not a city, prefecture, island, mountain or lake of Japan"] += 1
        elif "st" in entry.tags:
            skipped["station"] += 1
            continue
        elif entry.tags & {"s", "g", "f", "m"}:
            skipped["surname or given name alone"] += 1
            continue
        else:
            skipped["other kind (company, product, work, unclassified)"] += 1
            continue
        if entity is None:
            continue
        if entity["id"] in entities:
            skipped["same headword and reading twice"] += 1
            continue
        entities[entity["id"]] = entity
    stats = {"entries read": len(entries), "skipped": dict(sorted(skipped.items()))}
    return [e for _, e in sorted(entities.items())], header, stats


# ------------------------------------------------------------------------------------------ write

def write_layer(out: Path, entities: list[dict], source: str, notice: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ids = [e["id"] for e in entities]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "ids must be unique and sorted"
    with (out / "entities.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for e in entities:
            f.write(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    (out / "SOURCE").write_text(source, encoding="utf-8")
    (out / "NOTICE").write_text(notice, encoding="utf-8")


def read_deb(path: Path) -> bytes:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != PACKAGE_SHA256:
        raise SystemExit(f"{path}: sha256 {digest}, expected {PACKAGE_SHA256} ({PACKAGE})")
    tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(path)], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{path}: no {MEMBER}")
        return member.read()


def source_text(header: str, stats: dict[str, object], counts: dict[str, int]) -> str:
    return f"""ENAMDICT, Japanese Proper Names Dictionary File, as Debian packages it: enamdict 2021.02.03-1
({PACKAGE}, sha256 {PACKAGE_SHA256}; the file /usr/share/edict/enamdict, EUC-JP)
header: {header.strip()}
address: https://www.edrdg.org/enamdict/enamdict_doc.html
licence: Creative Commons Attribution-ShareAlike (EDRDG licence), see NOTICE
rebuilt with: apt-get download enamdict=2021.02.03-1 &&
  .venv/bin/python gazetteer/genscripts/enamdict.py --deb {PACKAGE}

prominence: 0.3 for every entity (a dictionary entry)
ids: enamdict-<romanized name>-<first 6 hex digits of sha1("<headword> <reading>")>
entities: {json.dumps(counts, sort_keys=True)}
{json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True)}
"""


NOTICE = """This layer is derived from ENAMDICT, the Japanese Proper Names Dictionary File of the
Electronic Dictionary Research and Development Group (EDRDG), Monash University
(https://www.edrdg.org/enamdict/enamdict_doc.html), as packaged by Debian (enamdict 2021.02.03-1).
Copyright (C) The Electronic Dictionary Research and Development Group. It is used in conformance
with the Group's licence (https://www.edrdg.org/edrdg/licence.html): the dictionary files are
made available under a Creative Commons Attribution-ShareAlike Licence (V4.0); this layer is
licensed under the same licence (https://creativecommons.org/licenses/by-sa/4.0/).

Changes: entries selected (dated or described people, Japanese cities, prefectures, islands,
mountains and lakes), romanizations rewritten without long-vowel spellings and in both name orders,
Vietnamese class-word forms of place names added. The layer stays apart from the project's other
data, under its own licence; share adaptations of it under the same licence.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--deb", type=Path, help=f"the Debian package file ({PACKAGE})")
    source.add_argument("--dictionary", type=Path,
                        help="the EUC-JP enamdict file (/usr/share/edict/enamdict)")
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteer" / "layers" / SOURCE)
    parser.add_argument("--all-people", action="store_true",
                        help="keep the people the dictionary neither dates nor describes too (~23,000 more)")
    args = parser.parse_args(argv)
    raw = read_deb(args.deb) if args.deb else args.dictionary.read_bytes()
    entities, header, stats = build(raw, args.all_people)
    counts = dict(sorted(collections.Counter(e["type"] for e in entities).items()))
    write_layer(args.out, entities, source_text(header, stats, counts), NOTICE)
    print(json.dumps({"entities": counts, **stats}, ensure_ascii=False, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
