"""The transliteration tier's pre-filters skip its ranking only where no reading can hit."""

from __future__ import annotations

import random

import pytest

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import carry_over
from normalizer.match.pinyin_reach import PINYIN_SIGNATURES, pinyin_reachable
from normalizer.match.translit_tier import HANGUL_SIMILARITY, hangul_reachable, lookup_for
from normalizer.model import Entity, Name
from normalizer.text import compact_key, fold
from normalizer.translit import to_hangul, to_pinyin
from normalizer.translit.syllables import has_diacritics, split_syllables

SYLLABLE_TEXT = (
    "Doãn Tích Duyệt Kim Chính Ân Lý Tại Minh Phác Cận Huệ Văn Dần Hàn Quốc Thành Nguyễn "
    "Thị Lan Trần Đức Anh Phạm Minh Tuấn Hoàng Thôi Long Hy Triệu Hữu Khánh"
)


def korean_texts(service) -> list[str]:
    """The Vietnamese names of the gazetteer's entities that have a Korean name."""
    entities = service.index.entities.values()
    return [n.text for e in entities if any(m.lang.startswith("ko") for m in e.names)
            for n in e.names if n.lang == "vi"]


def made_up(count: int) -> list[str]:
    rng = random.Random(7)
    syllables = SYLLABLE_TEXT.split()
    return [" ".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)]


def hangul_hit(lookup, text: str) -> bool:
    """What the tier finds without the pre-filter: a top reading that is a Korean name."""
    return any(r.text in lookup.hangul for r in to_hangul(text, limit=len(HANGUL_SIMILARITY)))


def test_a_korean_name_in_han_viet_passes_and_a_vietnamese_one_does_not(service):
    lookup = lookup_for(service.index)
    assert hangul_reachable(lookup, "Doãn Tích Duyệt")  # 윤석열
    assert not hangul_reachable(lookup, "Thái Đông Bảo")
    assert not hangul_reachable(lookup, "Nguyễn Thị Lan Anh")


@pytest.mark.parametrize("source", ["gazetteer", "made-up"])
def test_the_hangul_prefilter_never_drops_a_hit(service, source):
    lookup = lookup_for(service.index)
    texts = korean_texts(service) if source == "gazetteer" else made_up(3000)
    texts += [t.lower() for t in texts] + [t.casefold().replace("ă", "a") for t in texts]
    hits = [t for t in texts if 2 <= len(split_syllables(t)) <= 6 and hangul_hit(lookup, t)]
    assert hits, "the sample must hold texts that hit"
    assert [t for t in hits if not hangul_reachable(lookup, t)] == []


def chinese_texts(service) -> list[str]:
    """The Vietnamese names of the gazetteer's entities that have a Chinese name or are Chinese."""
    entities = service.index.entities.values()
    return [n.text for e in entities if e.country == "china" or any(m.lang.startswith("zh") for m in e.names)
            for n in e.names if n.lang == "vi"]


def pinyin_hit(index, text: str) -> bool:
    """What the pinyin route looks up without the pre-filter: some rendering is a key."""
    return any(index.has(table, key) for r in to_pinyin(text) for key in (fold(r.text), compact_key(r.text))
               if key for table in ("folded", "compact"))


def reachable(index, text: str) -> bool:
    syllables = split_syllables(text)
    return pinyin_reachable(index, syllables, any(map(has_diacritics, syllables)))


def test_a_chinese_name_in_han_viet_passes_and_a_made_up_vietnamese_one_does_not(service):
    assert reachable(service.index, "Tập Cận Bình")  # Xi Jinping
    assert reachable(service.index, "Tap Can Binh")
    assert not reachable(service.index, "Thái Đông Bảo")


@pytest.mark.parametrize("source", ["gazetteer", "made-up"])
def test_the_pinyin_prefilter_never_drops_a_hit(service, source):
    index = service.index
    texts = chinese_texts(service) if source == "gazetteer" else made_up(3000)
    texts += [t.lower() for t in texts] + [fold(t) or "" for t in texts]
    hits = [t for t in texts if 2 <= len(split_syllables(t)) <= 6 and pinyin_hit(index, t)]
    assert hits, "the sample must hold texts that hit"
    assert [t for t in hits if not reachable(index, t)] == []


def test_a_patch_carries_the_pinyin_signatures_with_the_new_keys():
    def person(id: str, name: str) -> Entity:
        return Entity(id, "person", name, (Name(name, "en", "preferred", "test"),))
    index = GazetteerIndex([person("wang-yi", "Wang Yi")])
    assert reachable(index, "Vương Nghị") and not reachable(index, "Tập Cận Bình")
    patch = index.patched([person("xi-jinping", "Xi Jinping")], [], {})
    carry_over(index, patch)
    assert PINYIN_SIGNATURES.name in patch.index.derived  # carried, not built again
    assert reachable(patch.index, "Tập Cận Bình") and reachable(patch.index, "Vương Nghị")
    assert not reachable(index, "Tập Cận Bình")  # the old index's readers see no change
