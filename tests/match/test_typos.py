"""A typo or another name (match.typos): how a fuzzy hit's words differ from the name's."""

from __future__ import annotations

import pytest

from normalizer.match.name_words import japanese_family, japanese_given, other_real_name
from normalizer.match.typos import ONE_TYPO, OTHER_SYLLABLE, RENAMED, compare, excused_words, rotated
from normalizer.text import fold
from normalizer.translit.name_lists import JAPANESE_GIVEN

WORDS = frozenset({"nguyen", "hoang", "hong", "asian", "asean", "cup", "emanuel", "oscar", "oscars", "jae",
                   "won", "woo", "kwon", "minh", "mai", "khai"})


@pytest.mark.parametrize(("query", "name", "expected"), [
    ("shnizo abe", "shinzo abe", ONE_TYPO),  # two letters swapped
    ("turng quoc", "trung quoc", ONE_TYPO),
    ("gnuyen van huong", "nguyen van huong", ONE_TYPO),  # a swap at the front is a typo too
    ("nguyen hong", "nguyen hoang", RENAMED),  # a real name's word: written on purpose
    ("asean cup", "asian cup", RENAMED),
    ("kwon jae won", "kwon jae woo", RENAMED),
    ("emanuel macron", "emmanuel macron", ONE_TYPO),  # a doubled letter is a spelling
    ("oscar", "oscars", ""),  # a plural too (and too short to be a typo by length)
    ("minh mai", "minh khai", RENAMED),
    ("minh dai", "minh khai", OTHER_SYLLABLE),  # not a name's word, but not a slip of one letter
    ("diep ngoc di", "diep ngoc vi", OTHER_SYLLABLE),  # Vietnamese syllables: another given name
    ("voung nghi", "vuong nghi", ONE_TYPO),  # two vowels swapped: a slip, though "voung" looks a syllable
    ("nguen van tung", "nguyen van tung", ONE_TYPO),  # a syllable's shape, but no name's syllable
    ("abe", "abc", ""),  # too short for the one-typo rule
    ("tran the anh lam", "tran thanh lam", OTHER_SYLLABLE),  # a word more, not a space
    ("lee jaemyung", "lee jae myung", ONE_TYPO),  # a space dropped
    ("tetsunoricfujiuchi", "tetsunori fujiuchi", ONE_TYPO),  # a space struck as a letter
])
def test_compare(query: str, name: str, expected: str) -> None:
    assert compare(query, name, WORDS) == expected


@pytest.mark.parametrize(("query", "name", "expected"), [
    # Real names of one tradition (match.name_words), though not among WORDS:
    ("takumi matsumoto", "takami matsumoto", RENAMED),  # two Japanese given names (ENAMDICT)
    ("hiroshi matsumura", "hiroshi matsumoto", RENAMED),  # two Japanese family names
    ("kim ji hoon", "kim ji hyun", RENAMED),  # Korean given-name syllables
    ("park jihoon", "park jihyun", RENAMED),  # written together
    ("kang ji hoon", "jang ji hoon", RENAMED),  # two Korean families
    ("wang jianhua", "wang jianguo", RENAMED),  # Chinese given names in pinyin
    ("zhou jianguo", "zhao jianguo", RENAMED),  # two Chinese families
    ("kenta sasaki", "kenta sakasaki", RENAMED),  # a real family name, two letters from the name's
    ("hiroshu matsumoto", "hiroshi matsumoto", ONE_TYPO),  # "hiroshu" names nobody: a typo
    ("takmui matsumoto", "takumi matsumoto", ONE_TYPO),  # two neighbours swapped stay a slip
    ("yuuki matsumoto", "yuki matsumoto", ONE_TYPO),  # a doubled letter stays a spelling
])
def test_compare_people(query: str, name: str, expected: str) -> None:
    assert compare(query, name, WORDS, person=True) == expected


def test_only_people_have_given_names() -> None:
    # "minang" and "mining" both spell pinyin syllables, but an organization's word is no given name
    assert compare("pacific minang group", "pacific mining group", WORDS) == ONE_TYPO
    assert compare("pacific minang group", "pacific mining group", WORDS, person=True) == RENAMED


@pytest.mark.parametrize(("query_word", "name_word", "tradition"), [
    ("takumi", "takami", "japanese given"),
    ("matsumura", "matsumoto", "japanese family"),
    ("jaewon", "jaewoo", "korean given"),
    ("jianhua", "jianguo", "chinese given"),
    ("hiroshu", "hiroshi", ""),  # no name of any tradition
    ("kenji", "matsumoto", ""),  # a given name and a family name: not one tradition's pair
    ("choo", "cho", "korean family"),
    ("zhou", "zhao", "chinese family"),
])
def test_other_real_name(query_word: str, name_word: str, tradition: str) -> None:
    assert other_real_name(query_word, name_word) == tradition


def test_a_real_name_two_edits_from_a_word_no_list_holds_is_another_name() -> None:
    assert other_real_name("sasaki", "sakasaki") == ""  # one edit would be a typo of "sakasaki"
    assert other_real_name("sasaki", "sakasaki", edits=2) == "japanese family"


def test_japanese_names_come_from_the_enamdict_layer() -> None:
    # thousands of names of dated people, not the curated list's hundred
    assert len(japanese_given()) > 4000 and len(japanese_family()) > 5000
    assert "chiaki" in japanese_given() - JAPANESE_GIVEN


def test_rotated_orders_are_the_family_name_moving() -> None:
    assert rotated("kishida fumio", "fumio kishida")
    assert rotated("jong un kim", "kim jong un")
    assert not rotated("nguyen kien trong", "nguyen trong kien")
    assert not rotated("baek ho na", "baek na ho")


@pytest.mark.parametrize(("query", "name", "person", "expected"), [
    ("húc Anh Cường", "Khúc Anh Cường", True, {0}),  # a first letter dropped with its capital
    ("Hoàng tHương Ngà", "Hoàng Thương Ngà", True, {1}),  # swapped with the letter after it
    ("Yoon nI-joon", "Yoon In-joon", True, {1}),  # a hyphen parts words as words_of does
    ("nguyen hong", "Nguyễn Hoàng", True, set()),  # all in lower case: the case tells nothing
    ("Bae Hoon-kung", "Bae Hoon-kyung", True, set()),  # the name writes it in lower case too
    ("Moon Dong-seul", "Moon Dong Se", True, set()),  # after a hyphen lower case is usual
    ("Công ty Cổ hần Tài chính Thơ Lâm", "Công ty Cổ phần Tài chính Thơ Lâm", False, {1, 3, 5}),
    ("Công ty Cổ hần Tài chính Thơ Lâm", "Công ty Cổ phần Tài chính Thơ Lâm", True, set()),
    ("Sở Tài chính", "Bộ Tài chính", False, {2}),  # the first word is no class word to excuse
    ("Hà Nam", "Hà Nội", False, set()),  # two words: the class words of a longer name only
    ("Nguyễn Văn", "Nguyễn Văn An", True, set()),  # words counted differently: none
])
def test_excused_words(query: str, name: str, person: bool, expected: set[int]) -> None:
    assert excused_words(query, name, person) == expected


@pytest.mark.parametrize(("query", "name", "person"), [
    ("húc Anh Cường", "Khúc Anh Cường", True),  # "huc" spells a syllable, but its capital went too
    ("Tào bong Phong", "Tào Đông Phong", True),  # "bong" a name's word, written without a capital
    ("Công ty Cổ hần Tài chính Thơ Lâm", "Công ty Cổ phần Tài chính Thơ Lâm", False),  # a class word
    ("Thị trấ Mau Tĩnh Vĩnh", "Thị trấn Mau Tĩnh Vĩnh", False),
])
def test_excused_words_are_one_typo(query: str, name: str, person: bool) -> None:
    query_key, name_key = fold(query) or "", fold(name) or ""
    words = WORDS | {"huc", "bong", "han", "tra"}
    assert compare(query_key, name_key, words, person) != ONE_TYPO  # without the case: another name
    assert compare(query_key, name_key, words, person, excused_words(query, name, person)) == ONE_TYPO


def test_a_capitalized_change_is_still_another_name() -> None:
    # "Pan" for Phan is written as a name: the renamed and syllable rules still read it
    query, name = "Hoàng Hồng Ngà", "Hoàng Hoàng Ngà"
    excused = excused_words(query, name, True)
    assert excused == frozenset()
    assert compare(fold(query) or "", fold(name) or "", WORDS, True, excused) == RENAMED
