"""Sino-Korean: a Korean name in Hán-Việt -> Hangul ("Doãn Tích Duyệt" -> 윤석열), and a simple
Revised Romanization for suggestions.

Korean press spellings (Yoon Suk Yeol, Kim Jong Un) follow no system, so matching is done in
Hangul against the entities' Korean native names; romanization only feeds suggestions.
"""

from __future__ import annotations

from normalizer.translit.data import tables
from normalizer.translit.lattice import Mass, Option, beam, reading_keys
from normalizer.translit.pinyin import Rendering
from normalizer.translit.priors import prior
from normalizer.translit.syllables import folded_key, has_diacritics, split_syllables, toned_key

# Common Korean surnames: Hán-Việt reading -> (hanja, Hangul as South Koreans write it).
KOREAN_SURNAMES = {
    "kim": ("金", "김"), "lý": ("李", "이"), "phác": ("朴", "박"), "thôi": ("崔", "최"),
    "trịnh": ("鄭", "정"), "khương": ("姜", "강"), "triệu": ("趙", "조"), "doãn": ("尹", "윤"),
    "trương": ("張", "장"),
    "lâm": ("林", "임"), "hàn": ("韓", "한"), "ngô": ("吳", "오"), "từ": ("徐", "서"), "thân": ("申", "신"),
    "quyền": ("權", "권"), "hoàng": ("黃", "황"), "an": ("安", "안"), "tống": ("宋", "송"),
    "liễu": ("柳", "유"), "toàn": ("全", "전"), "hồng": ("洪", "홍"), "cao": ("高", "고"),
    "văn": ("文", "문"), "lương": ("梁", "양"), "tôn": ("孫", "손"), "bùi": ("裴", "배"),
    "bạch": ("白", "백"), "hứa": ("許", "허"), "nam": ("南", "남"), "lư": ("盧", "노"), "lưu": ("劉", "유"),
    "phan": ("潘", "반"), "đinh": ("丁", "정"), "khang": ("康", "강"), "nghiêm": ("嚴", "엄"),
}
SURNAME_WEIGHT = 1000.0
SECONDARY_HANGUL = 0.3
MAX_SYLLABLES = 6
NO_DIACRITICS_CONFIDENCE = 0.85
_HANGUL_BASE, _MEDIALS, _FINALS = 0xAC00, 21, 28
_N, _R, _NG = 2, 5, 11  # initial consonant indexes of ㄴ, ㄹ, ㅇ
_I_LIKE = frozenset({2, 3, 6, 7, 12, 17, 20})  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def initial_law(syllable: str) -> str:
    """The word-initial form of a Sino-Korean syllable (두음 법칙): 리 -> 이, 락 -> 낙, 녀 -> 여."""
    code = ord(syllable) - _HANGUL_BASE
    if not 0 <= code < 11172:
        return syllable
    initial, rest = divmod(code, _MEDIALS * _FINALS)
    medial = rest // _FINALS
    if initial == _R:
        initial = _NG if medial in _I_LIKE else _N
    elif initial == _N and medial in _I_LIKE:
        initial = _NG
    return chr(_HANGUL_BASE + initial * _MEDIALS * _FINALS + rest)


def hangul_of(char: str, initial: bool) -> list[tuple[str, float]]:
    """Hangul readings of a character, the word-initial form where it stands first."""
    data = tables()
    readings = data.hangul.get(char) or data.hangul.get(data.simplified.get(char, ""), [])
    out: list[str] = []
    for reading in readings:
        form = initial_law(reading) if initial else reading
        if form not in out:
            out.append(form)
    weights = [SECONDARY_HANGUL ** i for i in range(len(out))]
    total = sum(weights) or 1.0
    return [(form, w / total) for form, w in zip(out, weights, strict=True)]


def _surname_char(syllable: str, exact: bool) -> tuple[str, str] | None:
    for reading, found in KOREAN_SURNAMES.items():
        same = toned_key if exact else folded_key
        if same(reading) == same(syllable):
            return found
    return None


def column(syllable: str, role: str, exact: bool, initial: bool) -> list[Option]:
    data = tables()
    mass = Mass()
    surname = _surname_char(syllable, exact) if role == "surname" else None
    if surname:
        mass.add(surname[1], SURNAME_WEIGHT, surname[0])
    for key in reading_keys(syllable, exact):
        for char, p_reading in data.chars_by_key[key]:
            for form, p in hangul_of(char, initial):
                mass.add(form, prior(char, role) * p_reading * p, char)
    return mass.options()


def to_hangul(name: str, limit: int = 5) -> list[Rendering]:
    """Ranked Hangul renderings of a Korean name or place in Hán-Việt; [] if a syllable has no reading.

    A name whose first syllable is a Korean surname is read as surname + given name, and the
    initial-sound law applies to both; otherwise as a place, the law applying to the first syllable.
    """
    syllables = split_syllables(name)
    if not syllables or len(syllables) > MAX_SYLLABLES:
        return []
    exact = any(has_diacritics(s) for s in syllables)
    person = len(syllables) in (2, 3) and _surname_char(syllables[0], exact) is not None
    columns = []
    for i, syllable in enumerate(syllables):
        role = ("surname" if i == 0 else "given") if person else "place"
        columns.append(column(syllable, role, exact, initial=i == 0 or (person and i == 1)))
    if not all(columns):
        return []
    confidence = 1.0 if exact else NO_DIACRITICS_CONFIDENCE
    return [
        Rendering("".join(path.parts), round(path.prob * confidence, 4), path.source)
        for path in beam(columns, limit)
    ]


# Revised Romanization, syllable by syllable (no sound changes across syllables).
_RR_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
                "h"]
_RR_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
               "wi", "yu", "eu", "ui", "i"]
_RR_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
              "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
# The spellings Korean people use for the common surnames, not the system's (이 -> Lee, not I).
SURNAME_SPELLING = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "윤": "Yoon", "문": "Moon",
    "노": "Roh", "조": "Cho", "강": "Kang", "한": "Han", "오": "Oh", "임": "Lim", "신": "Shin",
    "유": "Yoo", "류": "Ryu", "안": "Ahn", "반": "Ban", "전": "Jeon", "황": "Hwang", "송": "Song",
}


def romanize_syllable(syllable: str) -> str:
    code = ord(syllable) - _HANGUL_BASE
    if not 0 <= code < 11172:
        return syllable
    initial, rest = divmod(code, _MEDIALS * _FINALS)
    medial, final = divmod(rest, _FINALS)
    return _RR_INITIALS[initial] + _RR_MEDIALS[medial] + _RR_FINALS[final]


# How Korean people most often spell these given-name syllables in English (Park Geun-hye,
# Lee Myung-bak, Kim Young-sam, Son Heung-min), where it differs from Revised Romanization.
USUAL_SYLLABLE = {
    "성": "sung", "정": "jung", "영": "young", "경": "kyung", "현": "hyun", "명": "myung", "병": "byung",
    "광": "kwang", "철": "chul", "혁": "hyuk", "희": "hee", "수": "soo", "우": "woo", "주": "joo",
    "구": "koo", "규": "kyu", "윤": "yoon", "훈": "hoon", "순": "soon", "숙": "sook", "중": "joong",
    "용": "yong", "형": "hyung", "석": "seok", "선": "sun", "연": "yeon", "신": "shin", "시": "si",
}


def romanize_name(hangul: str, usual: bool = False) -> str:
    """'윤석열' -> 'Yoon Seok-yeol': usual surname spelling, then the given name in RR, hyphenated;
    `usual`: the given name's syllables as Korean people usually spell them ('박성호' -> 'Park Sung-ho')."""
    if not hangul:
        return ""
    surname = SURNAME_SPELLING.get(hangul[0], romanize_syllable(hangul[0]).capitalize())
    syllables = [(USUAL_SYLLABLE.get(s) if usual else None) or romanize_syllable(s) for s in hangul[1:]]
    return f"{surname} {'-'.join(syllables).capitalize()}".strip()
