"""Names whose resolution is certain before the pipeline runs: the table behind
`Matcher.named_exactly`, one dict lookup on the raw text instead of a 50-90 µs first-sight resolve.

A text is in the table, for its entity, when it is a strong name of that entity, written plainly
(`is_plain`: parse leaves it whole) and no entity's id, and the exact and folded buckets of its
keys hold names of that entity only. Then `Matcher.resolve` answers it in `one_entity_exactly`:
the text's keys are this name's keys, so the look-ups reach these two buckets; the exact hit of a
strong name scores 1.0 (no weak-kind factor; being contested weighs nothing; no context), folded
hits at most 0.94 and the first best hit is kept, so the one candidate is an exact match at 1.0:
matched. The index never changes after it is built, so neither does the table.
"""

from __future__ import annotations

from itertools import compress

from normalizer.gazetteer import GazetteerIndex
from normalizer.match.scoring import WEAK_KIND_FACTOR
from normalizer.model import STRONG_KINDS, Entity
from normalizer.names import is_plain

SureNames = dict[str, Entity]
SURE_KINDS = STRONG_KINDS - WEAK_KIND_FACTOR.keys()  # strong, and scored 1.0 by an exact hit


def sure_names(index: GazetteerIndex) -> SureNames:
    """Text -> entity for every name that the pipeline would match exactly at 1.0, for certain."""
    entities = index.entities
    alone = compress(zip(index.name_of, index.name_owner, strict=True), _alone_in_buckets(index))
    table = {name.text: entities[owner] for name, owner in alone
             if name.kind in SURE_KINDS and is_plain(name.text)}
    for entity_id in table.keys() & entities.keys():  # an id is read as the id
        del table[entity_id]
    return table


def _alone_in_buckets(index: GazetteerIndex) -> bytearray:
    """1 per name whose exact and folded buckets hold names of its own entity only, else 0.

    One pass over the postings (an int is one name; a list is several), not a key per name."""
    alone = bytearray(b"\x01") * index.name_count
    owner = index.name_owner
    for tier in ("exact", "folded"):
        for found in index.tables[tier].values():
            if found.__class__ is list and len({owner[i] for i in found}) > 1:
                for name_id in found:
                    alone[name_id] = 0
    return alone
