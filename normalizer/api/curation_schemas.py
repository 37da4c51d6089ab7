"""Marshmallow schemas of the editors' API: what writes accept (shape and limits; the service
checks the rest with the gazetteer's rules) and what they return (documented for /openapi.json)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from normalizer.api.schemas import CandidateSchema, EntitySchema, NameSchema, SuggestionSchema, no_controls
from normalizer.model import ENTITY_TYPES, NAME_KINDS, OFFICES

MAX_NAMES = 1000
MAX_ROLES = 200
MAX_TEXT = 500


def _text(required: bool = False, allow_none: bool = False, **meta: object) -> fields.String:
    return fields.String(required=required, allow_none=allow_none,
                         validate=[no_controls, validate.Length(max=MAX_TEXT)], metadata=meta)

# The largest integer the databases store (SQLite and PostgreSQL BIGINT): a larger number in a
# request is a 422, not a driver overflow.
MAX_STORED_INT = 2**63 - 1


class EditorNameInput(Schema):
    text = _text(required=True, example="Vương Nghị")
    lang = fields.String(required=True, validate=validate.Length(max=50),
                         metadata={"description": "BCP 47 tag: vi, en, zh-Hans, ja-Latn ...",
                                   "example": "vi"})
    kind = fields.String(validate=validate.OneOf(NAME_KINDS), metadata={
        "description": "default: preferred for the entity's first name in the language, else alias"})
    family = _text(allow_none=True, description="the family name part, for person names")
    used_by = fields.List(fields.String(),
                          metadata={"description": "ids of the entities that use a contested name"})
    ambiguous = fields.Boolean(
        metadata={"description": "true: share a strong name with another entity on purpose"})
    source = fields.String(load_default="editorial", validate=validate.Length(max=100))
    id = fields.Integer(load_only=True, metadata={
        "description": "ignored: names as GET .../names returns them can be sent back as they are"})


class EditorRoleInput(Schema):
    title = _text(required=True)
    office = fields.String(allow_none=True, validate=validate.OneOf(OFFICES),
                           metadata={"description": "the kind of office (head-of-government ...)"})
    of = fields.String(allow_none=True)
    start = fields.String(allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD"})
    end = fields.String(allow_none=True)
    acting = fields.Boolean(metadata={"description": "true: an interim holder"})


class EntityPatchInput(Schema):
    """Fields to change; `names`, when given, replaces the whole list."""

    type = fields.String(validate=validate.OneOf(ENTITY_TYPES))
    name = _text(description="the canonical English name")
    description = fields.String(allow_none=True, validate=[no_controls, validate.Length(max=5000)])
    country = fields.String(allow_none=True)
    prominence = fields.Float(allow_none=True, validate=validate.Range(0, 1),
                              metadata={"description": "0..1: breaks ties between namesakes"})
    external_ids = fields.Dict(keys=fields.String(), values=fields.String())
    roles = fields.List(fields.Nested(EditorRoleInput), validate=validate.Length(max=MAX_ROLES))
    names = fields.List(fields.Nested(EditorNameInput), validate=validate.Length(min=1, max=MAX_NAMES))


class EntityCreateInput(EntityPatchInput):
    id = fields.String(metadata={"description": "a lowercase ASCII slug; default: made from name"})
    type = fields.String(required=True, validate=validate.OneOf(ENTITY_TYPES))
    name = _text(required=True, description="the canonical English name")
    names = fields.List(fields.Nested(EditorNameInput), required=True,
                        validate=validate.Length(min=1, max=MAX_NAMES))


class MergeInput(Schema):
    into = fields.String(required=True, metadata={"description": "the id of the surviving entity"})


class RevertInput(Schema):
    revision = fields.Integer(required=True, validate=validate.Range(1, MAX_STORED_INT))


class HistoryArgs(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(1, 1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class ChangesArgs(Schema):
    since = fields.Integer(load_default=0, validate=validate.Range(0, MAX_STORED_INT),
                           metadata={"description": "the gazetteer revision already seen (0: all)"})
    limit = fields.Integer(load_default=100, validate=validate.Range(1, 100))


class ReviewArgs(HistoryArgs):
    state = fields.String(load_default="open", validate=validate.OneOf(("open", "settled", "dismissed")))


class SettleNameInput(EditorNameInput):
    text = _text(example="Vương Nghị", description="default: the review item's example")
    lang = fields.String(validate=validate.Length(max=50), metadata={
        "description": "default: the language of the item's text (vi for Latin script)"})


class SettleInput(Schema):
    action = fields.String(required=True, validate=validate.OneOf(("add_name", "new_entity", "dismiss")))
    entity = fields.Raw(metadata={"description": "add_name: the entity's id or a name that finds it; "
                                  "new_entity: the entity (names default to the item's text)"})
    name = fields.Nested(SettleNameInput,
                         metadata={"description": "add_name: the name (text defaults to the example)"})
    revision = fields.Integer(validate=validate.Range(1, MAX_STORED_INT),
                              metadata={"description": "add_name: the entity's revision you read"})


class DismissInput(Schema):
    action = fields.String(required=True, validate=validate.OneOf(("dismiss",)))
    keys = fields.List(fields.String(validate=validate.Length(max=1000)), required=True,
                       validate=validate.Length(min=1, max=100), metadata={"description": "item keys"})


class DismissedSchema(Schema):
    dismissed = fields.Integer(required=True, metadata={"description": "open items dismissed"})


class EditorNameSchema(NameSchema):
    id = fields.Integer(required=True, metadata={"description": "for DELETE .../names/<id>"})


class CuratedEntitySchema(EntitySchema):
    names = fields.List(fields.Nested(EditorNameSchema), required=True)
    deleted = fields.Boolean(required=True)


class AuditSchema(Schema):
    seq = fields.Integer(required=True, metadata={"description": "the gazetteer revision of the change"})
    entity_id = fields.String(required=True)
    revision = fields.Integer(required=True)
    action = fields.String(required=True)
    actor = fields.String(required=True, metadata={"description": "the token's name"})
    at = fields.String(required=True, metadata={"description": "ISO 8601, UTC"})
    diff = fields.Dict(required=True,
                       metadata={"description": "{field: {from, to}}, names: {removed, added}"})


class HistorySchema(Schema):
    items = fields.List(fields.Nested(AuditSchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class ChangesSchema(Schema):
    changes = fields.List(fields.Nested(AuditSchema), required=True)
    next = fields.Integer(required=True, metadata={"description": "pass as since for the next page"})
    revision = fields.Integer(required=True, metadata={"description": "the gazetteer revision now"})


class ReviewItemSchema(Schema):
    key = fields.String(required=True)
    example = fields.String(required=True)
    count = fields.Integer(required=True)
    first_seen = fields.String(required=True)
    last_seen = fields.String(required=True)
    statuses = fields.List(fields.String(), required=True)
    state = fields.String(required=True)
    settled_as = fields.Dict(allow_none=True)
    snippet = fields.String(allow_none=True, metadata={"description": "the text around the name, when "
                                                       "it was seen in a text (extraction)"})
    client = fields.String(allow_none=True, metadata={"description": "who sent it last: a token's name "
                                                      "or a user agent, and the route"})


class ReviewCardSchema(ReviewItemSchema):
    kind = fields.String(required=True, metadata={
        "description": "name: a name to add or create; role: a title with a country "
                       "(\"Ngoại trưởng Nhật Bản\"), role data for the office holder"})
    lang = fields.String(required=True, metadata={"description": "the language the text likely is in"})
    title = fields.String(allow_none=True, metadata={"description": "the title read off the text"})
    candidates = fields.List(fields.Nested(CandidateSchema), required=True,
                             metadata={"description": "open items: the closest entities now, best first"})
    suggestion = fields.Nested(SuggestionSchema, allow_none=True)


class ReviewPageSchema(Schema):
    items = fields.List(fields.Nested(ReviewCardSchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
