"""Character tables shared by the cleaning and folding functions.

Kept apart so that the fast whole-string path and the offset-keeping path use the very same data.
"""

from __future__ import annotations

import unicodedata

# Characters that carry no visible content: zero-width spaces and joiners, bidi controls,
# soft hyphen, byte order mark, word joiner, Mongolian vowel separator, variation selectors.
INVISIBLE = frozenset(
    chr(c)
    for c in [
        0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180E,
        0x180F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206B,
        0x206C, 0x206D, 0x206E, 0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9, 0xFFFA, 0xFFFB,
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0000, 0xE0080),  # tag characters
    ]
)

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u2e3a\u2e3b"
APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u02b9\u0060\u00b4\uff07"
QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u300c\u300d\uff02"

# Latin-script letters that only look like basic Latin (IPA, small capitals, hooked letters).
# They are folded wherever they appear: no language writes names with them.
LATIN_LOOKALIKES = {
    "ɑ": "a", "ɐ": "a", "ᴀ": "a", "ɓ": "b", "ʙ": "b", "ƀ": "b", "ᴄ": "c", "ƈ": "c", "ɕ": "c",
    "ɗ": "d", "ɖ": "d", "ᴅ": "d", "ᴇ": "e", "ƒ": "f", "ɡ": "g", "ɠ": "g",
    "ɢ": "g", "ɦ": "h", "ʜ": "h", "ɪ": "i", "ɩ": "i", "ʝ": "j", "ᴊ": "j", "ƙ": "k",
    "ᴋ": "k", "ɭ": "l", "ʟ": "l", "ɱ": "m", "ᴍ": "m", "ɲ": "n", "ɳ": "n", "ɴ": "n", "ᴏ": "o",
    "ƥ": "p", "ᴘ": "p", "ʠ": "q", "ɾ": "r", "ɽ": "r", "ʀ": "r", "ᴚ": "r", "ʂ": "s",
    "ꜱ": "s", "ƭ": "t", "ʈ": "t", "ᴛ": "t", "ᴜ": "u", "ʊ": "u", "ʋ": "v", "ᴠ": "v", "ᴡ": "w",
    "ʏ": "y", "ƴ": "y", "ʐ": "z", "ᴢ": "z", "ȥ": "z",
    # capital forms of the hooked letters above
    "Ɑ": "A", "Ɓ": "B", "Ƈ": "C", "Ɗ": "D", "Ɖ": "D", "Ƒ": "F", "Ɠ": "G", "Ɦ": "H", "Ɩ": "I",
    "Ʝ": "J", "Ƙ": "K", "Ɱ": "M", "Ɲ": "N", "Ƥ": "P", "Ɽ": "R", "Ʂ": "S", "Ƭ": "T", "Ʈ": "T",
    "Ʋ": "V", "Ƴ": "Y", "Ȥ": "Z",
}

# Letters of other scripts that look like Latin ones. Folded only inside a word that also has
# Latin letters ("Moѕᴄow"), so that real Cyrillic or Greek text ("Москва") stays as it is.
SCRIPT_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c",
    "т": "T", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "Α": "A",
    "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # The katakana long-vowel mark, which a Japanese keyboard gives for "-" ("Jongーun"); in
    # katakana it is part of the word ("プーチン", Putin) and stays
    "ー": "-",
}


def _simple_map() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in INVISIBLE}
    table.update({ord(c): "-" for c in DASHES})
    table.update({ord(c): "'" for c in APOSTROPHES})
    table.update({ord(c): '"' for c in QUOTES})
    table.update({ord(k): v for k, v in LATIN_LOOKALIKES.items()})
    # Full-width ASCII forms and the ideographic space.
    table.update({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if c != 0xFF07 and c != 0xFF02})
    table[0x3000] = " "
    return table


SIMPLE_MAP = _simple_map()
SCRIPT_LOOKALIKE_MAP = {ord(k): v for k, v in SCRIPT_LOOKALIKES.items()}


def is_space(ch: str) -> bool:
    """True for any whitespace, line break or control character (they all become one space)."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Zs", "Zl", "Zp")
