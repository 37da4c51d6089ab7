"""Sino-Vietnamese (Hán-Việt) <-> pinyin / Chinese characters, and Sino-Korean Hán-Việt -> Hangul.

Imports only normalizer.text. Tables load on first use (see data.py). The public functions:

- `to_pinyin("Quách Gia Côn")`          -> [Rendering("Guo Jiakun", 0.7, "郭嘉昆"), ...]
- `to_hanviet("郭嘉昆")`                 -> [Rendering("Quách Gia Côn", ...), ...]
- `pinyin_to_hanviet("Guo Jiakun")`     -> scored candidates, never certain
- `to_hangul("Doãn Tích Duyệt")`        -> [Rendering("윤석열", ...), ...]
- `transliterate(text, source, target)` -> one entry point over the pairs above
- `evaluate(load_gold(path))`           -> top-1/top-5 accuracy per task
"""

from normalizer.translit.convert import PAIRS, UnsupportedPair, transliterate
from normalizer.translit.evaluate import GoldRow, evaluate, load_gold
from normalizer.translit.hangul import romanize_name, to_hangul
from normalizer.translit.hanzi import to_hanviet
from normalizer.translit.looks import looks_chinese, looks_korean
from normalizer.translit.pinyin import Rendering, to_pinyin
from normalizer.translit.reverse import pinyin_to_hanviet

__all__ = [
    "PAIRS", "GoldRow", "Rendering", "UnsupportedPair", "evaluate", "load_gold", "looks_chinese",
    "looks_korean", "pinyin_to_hanviet", "romanize_name", "to_hangul", "to_hanviet", "to_pinyin",
    "transliterate",
]
