"""Settling review items: add the query as a name of an entity, create an entity, or dismiss it.

What an editor would expect is the default: the name added is the item's text, in the language
its script says (Latin script in Vietnamese news: vi), preferred when the entity has no name in
that language yet, else an alias; the entity may be given by id or by a name that finds one; a
new entity without names gets its English name and the item's text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from normalizer.curation.editor import Curator
from normalizer.curation.errors import InvalidEntity, ReviewItemNotFound
from normalizer.gazetteer import GazetteerIndex
from normalizer.store import ReviewItem, Store
from normalizer.text import exact_key, fold

ACTIONS = ("add_name", "new_entity", "dismiss")
MAX_BULK = 100  # items one bulk dismissal may name
# The script of a name's first letter -> its language tag; other scripts (Latin) -> DEFAULT_LANG
SCRIPT_LANGS = (("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("CYRILLIC", "ru"),
                ("THAI", "th"), ("ARABIC", "ar"), ("LAO", "lo"), ("KHMER", "km"))
DEFAULT_LANG = "vi"


def text_lang(text: str) -> str:
    """The language tag a queue item's text most likely has, by its script (vi for Latin)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return next((lang for script, lang in SCRIPT_LANGS if name.startswith(script)), DEFAULT_LANG)
    return DEFAULT_LANG


def find_entity(store: Store, index: Callable[[], GazetteerIndex], given: Any) -> str:
    """The id of the live entity `given` names: its id, or a name only one entity has (exact,
    then folded). Raises InvalidEntity (field "entity") when nothing or several fit."""
    if not isinstance(given, str) or not given.strip():
        raise InvalidEntity({"entity": ["give the entity's id or one of its names"]})
    text = given.strip()
    stored = store.get(text)
    if stored is not None and not stored.deleted:
        return stored.merged_into or stored.entity.id
    for tier, key in (("exact", exact_key(text)), ("folded", fold(text))):
        owners = sorted({hit.entity.id for hit in index().lookup(tier, key)}) if key else []
        if len(owners) == 1:
            return owners[0]
        if owners:
            shown = ", ".join(owners[:5])
            raise InvalidEntity({"entity": [f"{text!r} names several entities ({shown}): give the id"]})
    raise InvalidEntity({"entity": [f"no entity has the id or name {text!r}"]})


def settle(store: Store, curator: Curator, key: str, request: dict[str, Any], actor: str) -> ReviewItem:
    """`request`: {"action": "add_name", "entity": id or name, "name": {...} (optional: text,
    lang and kind default as the module says), "revision": n (optional)} |
    {"action": "new_entity", "entity": {...}} | {"action": "dismiss"}. Raises
    ReviewItemNotFound, InvalidEntity and the curator's errors."""
    item = store.review.get(key)
    if item is None:
        raise ReviewItemNotFound(key)
    action = request.get("action") if isinstance(request, dict) else None
    if action == "add_name":
        settled_as = _add_name(store, curator, item, request, actor)
    elif action == "new_entity":
        done = curator.create(_new_entity(item, request.get("entity")), actor)
        settled_as = {"action": action, "entity": done.entity.id, "revision": done.revision}
    elif action == "dismiss":
        settled_as = {"action": action, "by": actor}
    else:
        raise InvalidEntity({"action": [f"must be one of {', '.join(ACTIONS)}"]})
    state = "dismissed" if action == "dismiss" else "settled"
    settled = store.review.settle(key, state, settled_as)
    if settled is None:
        raise ReviewItemNotFound(key)
    return settled


def _add_name(store: Store, curator: Curator, item: ReviewItem, request: dict[str, Any],
              actor: str) -> dict[str, Any]:
    target = find_entity(store, curator.index, request.get("entity"))
    given = request.get("name") or {}
    if not isinstance(given, dict):
        raise InvalidEntity({"name": ["the name must be an object {text, lang, kind}"]})
    name = {"text": item.example, **{k: v for k, v in given.items() if v not in (None, "")}}
    name.setdefault("lang", text_lang(str(name["text"])))
    revision = request.get("revision") or curator.stored(target).revision
    done = curator.add_name(target, name, int(revision), actor)
    return {"action": "add_name", "entity": done.entity.id, "revision": done.revision}


def _new_entity(item: ReviewItem, payload: Any) -> Any:
    """The entity to create; without names it gets its English name and the item's text."""
    if not isinstance(payload, dict) or payload.get("names"):
        return payload or {}
    english = payload.get("name")
    names = [{"text": english, "lang": "en", "kind": "preferred"}] if isinstance(english, str) else []
    lang = text_lang(item.example)
    if (item.example, lang) != (english, "en") and item.example != english:
        names.append({"text": item.example, "lang": lang})
    return {**payload, "names": names}


def dismiss_many(store: Store, keys: list[str], actor: str) -> int:
    """Dismiss several open items at once; returns how many were open. Unknown keys are skipped."""
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise InvalidEntity({"keys": ["a list of item keys"]})
    if len(keys) > MAX_BULK:
        raise InvalidEntity({"keys": [f"at most {MAX_BULK} items at once"]})
    return store.review.settle_many(keys, "dismissed", {"action": "dismiss", "by": actor})
