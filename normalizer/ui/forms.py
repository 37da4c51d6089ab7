"""HTML form data <-> curation payloads, and the curation layer's field errors placed by form field.

Curation reports errors by payload path ({"names": {"2": {"lang": [...]}}, "type": [...]});
`field_errors` flattens them to form field names ("names-2-lang", "type") so each message shows
next to its field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from normalizer.model import Entity, Name, Role
from normalizer.ui.i18n import FIELD_NAMES_VI, language, translate_error

MAX_ROWS = 1000


@dataclass
class NameRow:
    """One name as the form shows it (strings, as typed)."""

    text: str = ""
    lang: str = ""
    kind: str = "alias"
    source: str = "editorial"
    used_by: str = ""
    family: str = ""
    ambiguous: bool = False
    remove: bool = False

    @classmethod
    def of(cls, name: Name) -> NameRow:
        return cls(name.text, name.lang, name.kind, name.source, ", ".join(name.used_by),
                   name.family or "", name.ambiguous)

    @classmethod
    def read(cls, form: Mapping[str, str], prefix: str) -> NameRow:
        def get(key: str) -> str:
            return form.get(f"{prefix}{key}", "").strip()
        return cls(get("text"), get("lang"), get("kind") or "alias", get("source") or "editorial",
                   get("used_by"), get("family"), bool(get("ambiguous")), bool(get("remove")))

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "lang": self.lang, "kind": self.kind, "source": self.source}
        used_by = [part.strip() for part in self.used_by.split(",") if part.strip()]
        if used_by:
            out["used_by"] = used_by
        if self.family:
            out["family"] = self.family
        if self.ambiguous:
            out["ambiguous"] = True
        return out


@dataclass
class RoleRow:
    """One role as the form shows it."""

    title: str = ""
    of: str = ""
    start: str = ""
    end: str = ""
    remove: bool = False

    @classmethod
    def of_role(cls, role: Role) -> RoleRow:
        return cls(role.title, role.of or "", role.start or "", role.end or "")

    @classmethod
    def read(cls, form: Mapping[str, str], prefix: str) -> RoleRow:
        def get(key: str) -> str:
            return form.get(f"{prefix}{key}", "").strip()
        return cls(get("title"), get("of"), get("start"), get("end"), bool(get("remove")))

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title}
        out.update({k: v for k, v in (("of", self.of), ("start", self.start), ("end", self.end)) if v})
        return out


@dataclass
class EntityForm:
    """The edit form: the entity's own fields and its names, with the revision it was read at."""

    name: str
    type: str
    description: str
    country: str
    revision: int
    rows: list[NameRow] = field(default_factory=list)
    roles: list[RoleRow] = field(default_factory=list)

    @classmethod
    def of(cls, entity: Entity) -> EntityForm:
        return cls(entity.name, entity.type, entity.description or "", entity.country or "",
                   entity.revision, [NameRow.of(n) for n in entity.names],
                   [RoleRow.of_role(r) for r in entity.roles])

    @classmethod
    def read(cls, form: Mapping[str, str]) -> EntityForm:
        count = form_int(form.get("names-count"), 0)
        rows = [NameRow.read(form, f"names-{i}-") for i in range(min(count, MAX_ROWS))]
        extra = NameRow.read(form, "names-new-")
        if extra.text:
            rows.append(extra)
        count = form_int(form.get("roles-count"), 0)
        roles = [RoleRow.read(form, f"roles-{i}-") for i in range(min(count, MAX_ROWS))]
        new_role = RoleRow.read(form, "roles-new-")
        if new_role.title or new_role.of:
            roles.append(new_role)
        return cls(form.get("name", "").strip(), form.get("type", ""), form.get("description", "").strip(),
                   form.get("country", "").strip(), form_int(form.get("revision"), 0), rows, roles)

    def changes(self) -> tuple[dict[str, Any], dict[str, list[int]]]:
        """The update payload and, for each name and role sent, its row in the form (rows marked
        for removal are left out, so payload positions and form rows differ)."""
        names = [i for i, row in enumerate(self.rows) if not row.remove]
        roles = [i for i, role in enumerate(self.roles) if not role.remove]
        payload = {"name": self.name, "type": self.type, "description": self.description or None,
                   "country": self.country or None, "names": [self.rows[i].payload() for i in names],
                   "roles": [self.roles[i].payload() for i in roles]}
        return payload, {"names": names, "roles": roles}


def form_int(value: str | None, default: int) -> int:
    """A small non-negative integer typed as ASCII digits ("²" is a digit to isdigit, not to int)."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else default


def field_errors(errors: Mapping[str, Any], rows: Mapping[str, list[int]] | None = None,
                 prefix: str = "") -> dict[str, list[str]]:
    """Flatten nested field errors to form field names; `rows` maps a list field's payload
    positions back to form rows ({"names": [0, 2]}). Messages that concern no field land under
    "_schema"."""
    out: dict[str, list[str]] = {}
    _flatten(errors, [], out)
    placed: dict[str, list[str]] = {}
    for path, messages in out.items():
        parts = path.split("-")
        form_rows = (rows or {}).get(parts[0])
        if form_rows is not None and len(parts) >= 2 and parts[1].isascii() and parts[1].isdigit():
            position = int(parts[1])
            parts[1] = str(form_rows[position]) if position < len(form_rows) else parts[1]
        key = prefix + "-".join(p for p in parts if p != "_schema") if path != "_schema" else "_schema"
        placed.setdefault(key or "_schema", []).extend(messages)
    return placed


def _flatten(node: Any, path: list[str], out: dict[str, list[str]]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            _flatten(value, [*path, str(key)], out)
    elif isinstance(node, list | tuple):
        for value in node:
            if isinstance(value, Mapping | list | tuple):
                _flatten(value, path, out)
            else:
                out.setdefault("-".join(path) or "_schema", []).append(str(value))
    else:
        out.setdefault("-".join(path) or "_schema", []).append(str(node))


def describe(exc: Exception, lang: str | None = None) -> str:
    """A refusal as one sentence in the UI's language (the session's by default), with its field
    messages when it has any."""
    lang = lang or language()
    errors = getattr(exc, "errors", None)
    if not isinstance(errors, Mapping) or not errors:
        return translate_error(str(exc), lang)
    fields = FIELD_NAMES_VI if lang == "vi" else {}
    return "; ".join(
        f"{fields.get(k, k)}: {' '.join(translate_error(m, lang) for m in v)}" if k != "_schema"
        else " ".join(translate_error(m, lang) for m in v) for k, v in field_errors(errors).items())
