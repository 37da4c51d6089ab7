"""One entry point over the supported conversions, by BCP 47 source and target."""

from __future__ import annotations

from collections.abc import Callable

from normalizer.translit.english import to_english
from normalizer.translit.hangul import to_hangul
from normalizer.translit.hanzi import to_hanviet
from normalizer.translit.pinyin import Rendering, to_pinyin
from normalizer.translit.reverse import pinyin_to_hanviet

PINYIN = "zh-Latn-pinyin"
PAIRS: dict[tuple[str, str], Callable[..., list[Rendering]]] = {
    ("vi", PINYIN): to_pinyin,
    ("zh", "vi"): to_hanviet,
    (PINYIN, "vi"): pinyin_to_hanviet,
    ("vi", "ko"): to_hangul,
    ("vi", "en"): to_english,  # a person's English form by the name's origin; source: the origin
}
# Other spellings of the same languages that callers send.
ALIASES = {
    "pinyin": PINYIN, "zh-latn": PINYIN, "zh-hans": "zh", "zh-hant": "zh", "zh-cn": "zh", "zh-tw": "zh",
    "zh-hk": "zh", "ko-hang": "ko", "ko-kr": "ko", "kor": "ko", "vie": "vi", "vi-vn": "vi",
}
MAX_LIMIT = 50


class UnsupportedPair(ValueError):
    """A source/target pair this package does not convert."""


def canonical_lang(tag: str) -> str:
    lowered = tag.strip().lower()
    if lowered == PINYIN.lower():
        return PINYIN
    return ALIASES.get(lowered, lowered)


def supported_pairs() -> list[str]:
    return [f"{source}->{target}" for source, target in PAIRS]


def transliterate(text: str, source: str = "vi", target: str = PINYIN, limit: int = 5) -> list[Rendering]:
    """Ranked renderings of text from source to target; [] when text cannot be read that way.

    Raises UnsupportedPair for a pair outside PAIRS and ValueError for a limit outside 1..MAX_LIMIT.
    """
    pair = (canonical_lang(source), canonical_lang(target))
    if pair not in PAIRS:
        supported = ", ".join(supported_pairs())
        raise UnsupportedPair(f"unsupported pair {source}->{target}; supported: {supported}")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    return PAIRS[pair](text, limit=limit)
