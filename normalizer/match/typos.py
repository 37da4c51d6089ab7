"""A typo or another name? How a fuzzy hit's letters differ from the name it reached.

- one typo: "Shnizo Abe" is Shinzo Abe and "Turng Quốc" is Trung Quốc. fuzz.ratio, which ranks the
  fuzzy tier, counts a changed letter or two swapped ones as two edits, so such a typo in a name
  of 8-10 letters scored under the match threshold. One edit (optimal string alignment: a letter
  changed, added or dropped, or two neighbours swapped) in a name of ONE_TYPO_LETTERS letters or
  more is that name.
- renamed: a word changed into another word that names use ("Nguyễn Hồng" is not Nguyễn Hoàng,
  "Kwon Jae-won" not Kwon Jae-woo, "ASEAN Cup" not the Asian Cup) is written on purpose: another
  name, not a slip of the keyboard. The words names use are the curated entities' (NAME_WORDS:
  the layers' hundred thousand places and dictionary entries hold nearly every short word, which
  would make most typos look deliberate), of two letters or more, abbreviations left out. A
  doubled letter written once or twice ("Emanuel", "Mohammed") or a plural ("Oscar", "Oscars")
  is a spelling. Beside them, in a person's name, a word that is a real name of a naming
  tradition changed into another real name of the same tradition, or into a word two edits away
  (match.name_words: "Takumi Matsumoto" is not Takami Matsumoto, "Kim Ji-hoon" not Kim
  Ji-hyun), unless two neighbouring letters were swapped: the curated words alone do not tell,
  at a million names, an unknown person from a typo of a known one.
- other syllable: a word whose first letter differs, or two letters or more of a short word,
  without being another name's word ("Minh Mai" is not "Minh Khai"); any changed word of a name
  whose words are all Vietnamese syllables; or words added or dropped where more than a space
  changed.

Excused: a changed word the query writes with a case no name gives its words ("húc Anh
Cường" for Khúc Anh Cường, "Hoàng tHương Ngà": a first letter dropped or swapped without its
capital, where the name's word has one and other words of the query do), and, in the name of a
place or body, a changed word that the name writes in lower case, a word of its class ("Công ty
Cổ hần ...", "Thị trấ ...": the capitalized words name the entity) are slips of the keys, never
another name: neither renamed nor another syllable (excused_words).

A person's words in another order are the same person only when the order turns round (rotated).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import OSA

from normalizer.gazetteer import GazetteerIndex
from normalizer.gazetteer.derived import Kind
from normalizer.gazetteer.index import Patch
from normalizer.match.name_words import is_vietnamese_syllable, other_real_name
from normalizer.model import Entity
from normalizer.text import fold, is_syllable

ONE_TYPO_LETTERS = 8
ONE_TYPO, RENAMED, OTHER_SYLLABLE = "one typo", "renamed", "other syllable"
_DOUBLED = re.compile(r"(.)\1")


def words_of(key: str) -> list[str]:
    return key.replace("-", " ").split()


def _words_of_entity(entity: Entity | None) -> Iterator[str]:
    # Not abbreviations: initials are no words that names use, and a million names' initials
    # ("DIH", "BQLTS") would make a typo's letters ("Hoàng Đìh Vy") another name's word.
    if entity is not None and entity.layer is None:
        for name in entity.names:
            if name.kind != "abbreviation":
                yield from (word for word in words_of(fold(name.text) or "") if len(word) > 1)


def _name_words(index: GazetteerIndex) -> frozenset[str]:
    return frozenset(word for entity in index.entities.values() for word in _words_of_entity(entity))


def _patched_words(old: frozenset[str], patch: Patch) -> frozenset[str]:
    # Words of removed names stay: the rule only grows stricter until the next full build.
    new = {word for entity_id in patch.touched for word in _words_of_entity(patch.index.get(entity_id))}
    return old | new if new - old else old


NAME_WORDS: Kind[frozenset[str]] = Kind("name-words", _name_words, _patched_words)


def rotated(query_key: str, name_key: str) -> bool:
    """Whether the query's words are the name's turned round ("Kishida Fumio", "Jong Un Kim"),
    the way a family name moves between the front and the back. Other orders ("Nguyễn Kiên
    Trọng" for Nguyễn Trọng Kiên, "Baek Ho-na" for Baek Na-ho) are other people's names."""
    mine, theirs = words_of(query_key), words_of(name_key)
    return len(mine) == len(theirs) and any(mine == theirs[i:] + theirs[:i] for i in range(len(theirs)))


def _spelling(word: str) -> str:
    """The word with doubled letters written once and a plural's s dropped: "Emanuel" and
    "Emmanuel", "Oscar" and "Oscars" are one name spelt two ways."""
    return _DOUBLED.sub(r"\1", word).removesuffix("s")


def _swapped(a: str, b: str) -> bool:
    return sorted(a) == sorted(b) and OSA.distance(a, b) == 1


def _real_rename(query_word: str, name_word: str) -> bool:
    """The query's word a real name of a tradition (match.name_words), the name's word too or
    two edits away, and not two neighbours swapped (a slip of the keys even where the letters
    spell a name)."""
    edits = OSA.distance(query_word, name_word)
    return bool(other_real_name(query_word, name_word, edits)) and not _swapped(query_word, name_word)


def _written_words(text: str) -> list[str]:
    return text.replace("-", " ").split()


def _after_space(text: str) -> list[bool]:
    """For each word of _written_words(text): whether it begins the text or follows a space."""
    out = []
    for token in text.split():
        pieces = token.split("-")
        out += [i == 0 for i, piece in enumerate(pieces) if piece]
    return out


def excused_words(query: str, name: str, person: bool) -> frozenset[int]:
    """The positions of the words whose change is a slip of the keys, whatever letters it leaves
    (see the module docstring), from the query and the name as written. Words counted as
    words_of counts them; none when the counts differ."""
    mine, theirs = _written_words(query), _written_words(name)
    if len(mine) != len(theirs) or not any(w[:1].isupper() for w in mine):
        return frozenset()
    # Not a part after a hyphen: "Moon Dong-seul" writes a Korean given name's second syllable
    # in lower case as is usual, whatever "Moon Dong Se" does.
    after_space = _after_space(query)
    out = {i for i, (a, b) in enumerate(zip(mine, theirs, strict=True))
           if a[:1].islower() and b[:1].isupper() and after_space[i]}
    if not person and len(theirs) > 2:
        # not the first word: "Sở Tài chính" (a province's department) is not "Bộ Tài chính"
        out |= {i for i, b in enumerate(theirs) if b[:1].islower()}
    return frozenset(out)


def compare(query_key: str, name_key: str, name_words: frozenset[str], person: bool = False,
            excused: frozenset[int] = frozenset()) -> str:
    """How the folded query differs from the folded name it reached: ONE_TYPO, RENAMED,
    OTHER_SYLLABLE or "" (none of these: the fuzzy score alone decides). Whether the name is a
    person's: only a person's words are read as given and family names (match.name_words), the
    words of places and organizations would spell Korean or pinyin syllables by chance.
    `excused`: positions of words whose change is a slip (excused_words)."""
    mine, theirs = words_of(query_key), words_of(name_key)
    if len(mine) == len(theirs):
        changed = [(a, b) for i, (a, b) in enumerate(zip(mine, theirs, strict=True))
                   if a != b and i not in excused]
        if any(_spelling(a) != _spelling(b) and (a in name_words or (person and _real_rename(a, b)))
               for a, b in changed):
            return RENAMED
        if any((a[0] != b[0] and OSA.distance(a, b) > 1) or OSA.distance(a, b) > (1 if len(b) < 6 else 2)
               for a, b in changed):
            return OTHER_SYLLABLE
        # In a Vietnamese name every word is a syllable, and one letter makes another syllable:
        # "Diệp Ngọc Di" is not "Diệp Ngọc Vĩ". Two neighbours swapped are a slip of the keys,
        # even where the letters still spell a syllable ("Vơưng" for "Vương"); so is a letter
        # that leaves the shape of a syllable no name has ("Nguen" for "Nguyen": name_words).
        if changed and all(is_syllable(word, word) for word in mine + theirs) and \
                not all(_swapped(a, b) for a, b in changed) and \
                any(a in name_words or is_vietnamese_syllable(a) for a, _ in changed):
            return OTHER_SYLLABLE
    elif query_key.replace(" ", "") != name_key.replace(" ", "") and OSA.distance(query_key, name_key) > 1:
        # words added or dropped, not a space ("Trần Thế Anh Lâm", "Trần Thanh Lâm"); a space
        # struck as a letter ("Tetsunoric Fujiuchi" run together) is one typo
        return OTHER_SYLLABLE
    if len(name_key) - name_key.count(" ") >= ONE_TYPO_LETTERS and OSA.distance(query_key, name_key) == 1:
        return ONE_TYPO
    return ""
