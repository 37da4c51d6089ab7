"""Marshmallow schemas: what the REST API accepts (validated) and returns (documented).

Responses are built with the model's `to_dict` for speed; these schemas describe those shapes so
/openapi.json is exact. Input schemas hold the REST contract's checks (no empty query, no control
characters); limits that depend on settings (query length, batch size) are the service's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from normalizer.model import ENTITY_TYPES, NAME_KINDS, STATUSES
from normalizer.service import MAX_LIMIT, MAX_PER_PAGE

DEFAULT_LIMIT = 5
# NUL, C0 and C1 controls and lone surrogates: never part of a name, usually a broken pipeline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def no_controls(value: str) -> None:
    if _CONTROL.search(value):
        raise ValidationError("must not contain control characters (NUL, C0, C1) or lone surrogates")


def visible_text(value: str) -> None:
    """A query must have something visible in it and no control characters."""
    if not value.strip():
        raise ValidationError("must not be empty")
    no_controls(value)


def _query_field(**extra: object) -> fields.String:
    return fields.String(required=True, validate=visible_text, metadata={
        "description": "a name as written, with or without diacritics, titles allowed; "
                       "at most NORMALIZER_MAX_QUERY_CHARS characters (default 1000)",
        "example": "Ngoại trưởng Vương Nghị", **extra})


def _type_field() -> fields.String:
    return fields.String(validate=validate.OneOf(ENTITY_TYPES),
                         metadata={"description": "only entities of this type"})


def _limit_field() -> fields.Integer:
    return fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(1, MAX_LIMIT),
                          metadata={"description": "most candidates to return"})


class Query(Schema):
    """One name to resolve: the query string of GET /v1/resolve, an item of a batch."""

    q = _query_field()
    type = _type_field()
    limit = _limit_field()
    date = fields.Date(metadata={"description": "YYYY-MM-DD (default today): a role reference "
                                                "('Ngoại trưởng Nhật Bản') resolves to who held it then"})
    country = fields.String(validate=[no_controls, validate.Length(1, 200)], metadata={
        "description": "a country's id or name: a bare title or institution ('Thủ tướng', 'Quốc hội') "
                       "is read against it", "example": "japan"})


def query_args(loaded: Mapping[str, Any]) -> tuple[Any, ...]:
    """The service's resolve arguments (q, type, limit, date, country) of a loaded Query."""
    return loaded["q"], loaded.get("type"), loaded["limit"], loaded.get("date"), loaded.get("country")


class BatchRequest(Schema):
    queries = fields.List(fields.Nested(Query), required=True, validate=validate.Length(min=1),
                          metadata={"description": "at most NORMALIZER_MAX_BATCH queries (default 1000)"})


PLAIN_KEYS = frozenset({"q", "type", "limit"})  # a query with a date or a country takes the schema's path
Triple = tuple[str, str | None, int]

# Shortcuts past marshmallow (~17 µs a query) for the common, plainly valid case. Each accepts
# only what its schema accepts (property tests hold them to that); on None the caller loads the
# input with the schema, which says precisely what is wrong.


def _plain(q: object, kind: object, limit: object) -> bool:
    return (isinstance(q, str) and bool(q.strip()) and not _CONTROL.search(q)
            and (kind is None or kind in ENTITY_TYPES)
            and type(limit) is int and 1 <= limit <= MAX_LIMIT)


def fast_query(params: Mapping[str, str]) -> Triple | None:
    """(q, type, limit) from a query string's parameters when plainly valid, else None."""
    if "date" in params or "country" in params:
        return None
    q, kind, limit = params.get("q"), params.get("type"), params.get("limit")
    number = DEFAULT_LIMIT if limit is None else int(limit) if limit.isascii() and limit.isdigit() else 0
    return (q, kind, number) if _plain(q, kind, number) else None  # type: ignore[return-value]


def fast_batch(body: object) -> list[Triple] | None:
    """(q, type, limit) of every query of a batch when plainly valid, else None."""
    queries = body.get("queries") if isinstance(body, dict) and body.keys() == {"queries"} else None
    if not isinstance(queries, list) or not queries:
        return None
    out: list[Triple] = []
    for item in queries:
        if not isinstance(item, dict) or not item.keys() <= PLAIN_KEYS or item.get("type", "") is None:
            return None
        q, kind, limit = item.get("q"), item.get("type"), item.get("limit", DEFAULT_LIMIT)
        if not _plain(q, kind, limit):
            return None
        out.append((q, kind, limit))  # type: ignore[arg-type]  # _plain checked the types
    return out


class EntitiesArgs(Schema):
    q = fields.String(validate=no_controls, metadata={
        "description": "search names (resolver candidates first, then names containing q); "
                       "empty: browse every entity by id"})
    type = _type_field()
    page = fields.Integer(load_default=1, validate=validate.Range(1, 1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(1, MAX_PER_PAGE))


class TransliterateArgs(Schema):
    q = _query_field(example="Tập Cận Bình")
    source = fields.String(data_key="from", load_default="vi",
                           metadata={"description": "language of q: vi, zh (Chinese characters) or "
                                                    "zh-Latn-pinyin"})
    target = fields.String(data_key="to", load_default="zh-Latn-pinyin",
                           metadata={"description": "wanted rendering; pairs: vi->zh-Latn-pinyin, "
                                                    "zh->vi, zh-Latn-pinyin->vi, vi->ko, vi->en "
                                                    "(a person's English form by origin)"})
    limit = _limit_field()


class CandidateSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(ENTITY_TYPES))
    score = fields.Float(required=True, metadata={"minimum": 0, "maximum": 1})
    matched_name = fields.String(required=True)
    method = fields.String(required=True, metadata={"example": "exact"})
    explanation = fields.String(required=True)


class ParsedSchema(Schema):
    title = fields.String(required=True, allow_none=True)
    name = fields.String(required=True)
    context = fields.String()
    alternatives = fields.List(fields.String())


class SuggestionSchema(Schema):
    text = fields.String(required=True)
    method = fields.String(required=True)
    alternatives = fields.List(fields.String(), required=True)
    origin = fields.String(required=True, allow_none=True, metadata={
        "description": "the name's likely origin: vietnamese, chinese, korean-hanviet, korean, japanese"})
    confidence = fields.Float(required=True, allow_none=True, metadata={"description": "0..1"})


class ResolutionSchema(Schema):
    query = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    match = fields.Nested(CandidateSchema, required=True, allow_none=True)
    candidates = fields.List(fields.Nested(CandidateSchema), required=True)
    parsed = fields.Nested(ParsedSchema, required=True, allow_none=True)
    suggestion = fields.Nested(SuggestionSchema, required=True, allow_none=True)
    note = fields.String(metadata={"description": "why it is not matched, where a reason is known "
                                                  "(an office vacant on the date)"})


class BatchResponse(Schema):
    results = fields.List(fields.Nested(ResolutionSchema), required=True,
                          metadata={"description": "one result per query, in input order"})


class NameSchema(Schema):
    text = fields.String(required=True)
    lang = fields.String(required=True, metadata={"description": "BCP 47 tag"})
    kind = fields.String(required=True, validate=validate.OneOf(NAME_KINDS))
    family = fields.String()
    used_by = fields.List(fields.String())
    ambiguous = fields.Boolean()
    generated = fields.Boolean(metadata={
        "description": "true: made by a layer's script, not read from a source"})
    source = fields.String(required=True)


class RoleSchema(Schema):
    title = fields.String(required=True)
    office = fields.String()
    of = fields.String()
    start = fields.String()
    end = fields.String()
    acting = fields.Boolean()


class EntitySchema(Schema):
    id = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(ENTITY_TYPES))
    name = fields.String(required=True)
    description = fields.String()
    country = fields.String()
    prominence = fields.Float(metadata={"description": "0..1: breaks ties between namesakes "
                                                       "(curated entities without one weigh 0.8)"})
    external_ids = fields.Dict(keys=fields.String(), values=fields.String())
    roles = fields.List(fields.Nested(RoleSchema))
    names = fields.List(fields.Nested(NameSchema), required=True)
    revision = fields.Integer(required=True)


class EntityPageSchema(Schema):
    items = fields.List(fields.Nested(EntitySchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class ErrorSchema(Schema):
    """The one shape of every error response."""

    code = fields.Integer(required=True, metadata={"description": "HTTP status code"})
    status = fields.String(required=True, metadata={"description": "HTTP status name"})
    message = fields.String(required=True)
    errors = fields.Dict(required=True, metadata={
        "description": "field messages by location then field, e.g. {\"query\": {\"q\": [\"...\"]}}; "
                       "empty when the error concerns no field"})


class ChecksSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    checks = fields.Dict(keys=fields.String(), values=fields.Boolean())


class RenderingSchema(Schema):
    text = fields.String(required=True)
    score = fields.Float(required=True, metadata={"minimum": 0, "maximum": 1})
    source = fields.String(metadata={"description": "the characters behind the rendering, when known; "
                                                    "for vi->en, the name's origin"})


class TransliterationSchema(Schema):
    query = fields.String(required=True)
    source = fields.String(data_key="from", required=True)
    target = fields.String(data_key="to", required=True)
    results = fields.List(fields.Nested(RenderingSchema), required=True,
                          metadata={"description": "renderings, best first; empty when q cannot be read"})


def document_text(value: str) -> None:
    """A document may hold any text but NUL and lone surrogates (which no UTF-8 can carry)."""
    if _NUL_OR_SURROGATE.search(value):
        raise ValidationError("must not contain NUL or lone surrogates")


_NUL_OR_SURROGATE = re.compile(r"[\x00\ud800-\udfff]")


class ExtractRequest(Schema):
    text = fields.String(required=True, validate=document_text, metadata={
        "description": "the document, at most NORMALIZER_MAX_TEXT_BYTES of UTF-8 (default 5 MiB; 413 beyond)",
        "example": "Ngoại trưởng Nhật Bản Yoko Kamikawa gặp ông Vương Nghị tại Bắc Kinh."})
    types = fields.List(fields.String(validate=validate.OneOf(ENTITY_TYPES)), metadata={
        "description": "only mentions of these entity types (default: all)"})
    date = fields.Date(metadata={"description": "the article's date, YYYY-MM-DD: settles people by "
                                                "the roles they held then"})


class MentionSchema(Schema):
    start = fields.Integer(required=True, metadata={
        "description": "offset of the first character (a Python str index, code points)"})
    end = fields.Integer(required=True, metadata={"description": "offset after the last character"})
    text = fields.String(required=True, metadata={"description": "text[start:end] as written"})
    title = fields.String(required=True, allow_none=True, metadata={"description": "a title before the name"})
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    match = fields.Nested(CandidateSchema, required=True, allow_none=True)
    candidates = fields.List(fields.Nested(CandidateSchema), required=True)
    suggestion = fields.Nested(SuggestionSchema, required=True, allow_none=True)
    coref = fields.Boolean(metadata={"description": "true: a partial reference to an earlier mention"})
    antecedent = fields.Integer(metadata={"description": "start of the mention a partial reference links to"})


class ExtractionSchema(Schema):
    mentions = fields.List(fields.Nested(MentionSchema), required=True,
                           metadata={"description": "spans that name entities, in text order"})
    unlinked = fields.List(fields.Nested(MentionSchema), required=True,
                           metadata={"description": "name-like spans that matched nothing, with suggestions"})
