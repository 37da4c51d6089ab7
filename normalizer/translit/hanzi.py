"""Chinese characters -> Hán-Việt: "郭嘉昆" -> "Quách Gia Côn".

Each character's readings are ranked by how many sources give them; a leading surname takes the
surname table's reading (诸葛 Gia Cát, 任 Nhậm, 吕 Lã). 周 reads Chu in mainland (simplified)
names and Châu in Hong Kong and Taiwan (traditional) ones.
"""

from __future__ import annotations

from normalizer.text import clean
from normalizer.translit.data import Surname, tables
from normalizer.translit.lattice import Option, beam
from normalizer.translit.pinyin import Rendering

# Surnames read differently in names written in traditional characters (Hong Kong, Taiwan).
TRADITIONAL_READING = {"周": "châu"}
SECONDARY_SURNAME_READING = 0.5
_SEPARATORS = frozenset(" ·・•‧")


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def is_traditional(text: str) -> bool:
    """True when a character has a different simplified form (Hong Kong, Taiwan, Korean hanja)."""
    simplified = tables().simplified
    return any(c in simplified for c in text)


def char_readings(char: str) -> list[tuple[str, str, float]]:
    """(toned key, Hán-Việt text, P(reading)) of a character, falling back on its simplified form."""
    data = tables()
    return data.readings.get(char) or data.readings.get(data.simplified.get(char, ""), [])


def _surname_at_start(chars: list[str]) -> tuple[Surname, int] | None:
    simplified = tables().simplified
    plain = "".join(simplified.get(c, c) for c in chars[:2])
    # compound surnames first: 欧阳 before 欧
    for surname in sorted(tables().surnames, key=lambda s: -len(s.hanzi)):
        if plain.startswith(surname.hanzi) and len(chars) > len(surname.hanzi):
            return surname, len(surname.hanzi)
    return None


def surname_column(surname: Surname, traditional: bool) -> list[Option]:
    readings = list(surname.hanviet)
    preferred = TRADITIONAL_READING.get(surname.hanzi)
    if traditional and preferred in readings:
        readings.remove(preferred)
        readings.insert(0, preferred)
    weights = [SECONDARY_SURNAME_READING ** i for i in range(len(readings))]
    total = sum(weights)
    return [Option(r, w / total, surname.hanzi) for r, w in zip(readings, weights, strict=True)]


def to_hanviet(text: str, limit: int = 5) -> list[Rendering]:
    """Ranked Hán-Việt readings of a Chinese name, best first; [] unless every character is Han."""
    cleaned = clean(text) or ""
    chars = [c for c in cleaned if c not in _SEPARATORS]
    if not chars or not all(is_han(c) for c in chars):
        return []
    columns: list[list[Option]] = []
    start = _surname_at_start(chars)
    if start:
        columns.append(surname_column(start[0], is_traditional(cleaned)))
    for char in chars[start[1] if start else 0:]:
        readings = char_readings(char)
        if not readings:
            return []
        columns.append([Option(hv, p, char) for _, hv, p in readings])
    return [
        Rendering(" ".join(part.title() for part in path.parts), round(path.prob, 4), "".join(chars))
        for path in beam(columns, limit)
    ]
