"""The preview card: a small HTML page about one entity, for the client's iframe, and the 0.2
flyouts of the suggest services (entities, types, properties). Every piece of gazetteer text in
them is escaped."""

from __future__ import annotations

from html import escape
from typing import Any

from normalizer.model import Entity, Name
from normalizer.recon.properties import PROPERTIES
from normalizer.recon.types import TYPE_DESCRIPTIONS, TYPE_NAMES, type_id
from normalizer.service import Normalizer

STYLE = ("body{font:14px/1.4 sans-serif;margin:8px;color:#222}h1{font-size:18px;margin:0 0 4px}"
         ".meta{color:#666;margin:0 0 6px}p{margin:0 0 4px}.label{color:#666}")
# Lists of names stay short enough for the manifest's 400x200 viewport.
MAX_NAMES = 6


def preview_html(service: Normalizer, entity_id: str) -> str | None:
    """The whole HTML document for an entity id (a merged id shows its survivor); None if unknown."""
    entity = service.entity(entity_id)
    if entity is None:
        return None
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(entity.name)}</title><style>{STYLE}</style></head>"
            f"<body>{card(service, entity)}</body></html>\n")


def flyout(service: Normalizer, entity_id: str) -> dict[str, Any] | None:
    """The 0.2 flyout: {"id", "html"} with the card as an HTML fragment; None if unknown."""
    entity = service.entity(entity_id)
    return {"id": entity.id, "html": card(service, entity)} if entity else None


def type_flyout(label: str) -> dict[str, Any] | None:
    """The flyout of a type (by id or label), as the type suggest box shows it; None if unknown."""
    found = type_id(label)
    if found is None:
        return None
    html = f"<h1>{escape(TYPE_NAMES[found])}</h1><p>{escape(TYPE_DESCRIPTIONS[found])}</p>"
    return {"id": found, "html": html}


def property_flyout(pid: str) -> dict[str, Any] | None:
    """The flyout of a property: its name, description and the types that have it; None if unknown."""
    prop = PROPERTIES.get(pid)
    if prop is None:
        return None
    types = ", ".join(TYPE_NAMES[t] for t in prop.types)
    html = (f"<h1>{escape(prop.name)}</h1><p>{escape(prop.description)}</p>"
            f'<p><span class="label">Types:</span> {escape(types)}</p>')
    return {"id": prop.id, "html": html}


def any_flyout(service: Normalizer, some_id: str) -> dict[str, Any] | None:
    """The old single flyout route: an entity's, else a type's, else a property's (manifests that
    clients saved before the three routes existed pointed all three suggest boxes at it)."""
    return flyout(service, some_id) or type_flyout(some_id) or property_flyout(some_id)


def card(service: Normalizer, entity: Entity) -> str:
    """The card's HTML fragment: English name, type and country, Vietnamese and native names,
    description."""
    parts = [f'<h1 lang="en">{escape(entity.name)}</h1>',
             f'<p class="meta">{escape(_meta(service, entity))}</p>']
    vietnamese = [n for n in entity.names if n.lang == "vi" and n.kind != "misspelling"]
    native = [n for n in entity.names if n.kind == "native"]
    parts.append(_names("Vietnamese", vietnamese))
    parts.append(_names("Native", native))
    if entity.description:
        parts.append(f'<p class="description">{escape(entity.description)}</p>')
    return "".join(p for p in parts if p)


def _meta(service: Normalizer, entity: Entity) -> str:
    meta = [TYPE_NAMES.get(entity.type, entity.type)]
    country = service.entity(entity.country) if entity.country else None
    if country:
        meta.append(country.name)
    meta.append(entity.id)
    return " · ".join(meta)


def _names(label: str, names: list[Name]) -> str:
    if not names:
        return ""
    texts = list(dict.fromkeys((n.text, n.lang) for n in names))[:MAX_NAMES]
    spans = ", ".join(f'<span lang="{escape(lang)}">{escape(text)}</span>' for text, lang in texts)
    return f'<p><span class="label">{label}:</span> {spans}</p>'
