"""Editors' writes on /v1/entities: create, change, delete and undelete, names, merge, revert,
history, and the change feed. Writes to an existing entity need If-Match with its ETag."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Response, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import NotFound, PreconditionFailed, PreconditionRequired, ServiceUnavailable

from normalizer.api.auth import authorize_writes, require_editor
from normalizer.api.context import json_response, service
from normalizer.api.curation_schemas import (
    MAX_NAMES,
    MAX_ROLES,
    MAX_STORED_INT,
    ChangesArgs,
    ChangesSchema,
    CuratedEntitySchema,
    EditorNameInput,
    EntityCreateInput,
    EntityPatchInput,
    HistoryArgs,
    HistorySchema,
    MergeInput,
    RevertInput,
)
from normalizer.api.entities import entity_dict
from normalizer.api.errors import check_json_body, check_lengths, request_json
from normalizer.api.schemas import ErrorSchema
from normalizer.model import Entity
from normalizer.service import Desk, EntityMerged, StoredEntity

blp = Blueprint("curation", __name__, url_prefix="/v1",
                description="Editors' writes (Bearer token with the editor or admin role; If-Match).")
BODYLESS = frozenset({"curation.UndeleteEntity"})
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def check_body() -> None:
    """Bodies are JSON (415 otherwise), except on routes that take none, where none is fine; lists
    past their limit are refused by their length before the schema reads their items."""
    if request.endpoint in BODYLESS and not request.content_length:
        return
    check_json_body()
    if request.method in BODY_METHODS:
        check_lengths(request_json(), {"names": MAX_NAMES, "roles": MAX_ROLES}, "an entity")


blp.before_request(authorize_writes)  # first: an anonymous write costs no parsing or validation
blp.before_request(check_body)
WRITE_ERRORS = ((401, "no valid token"), (403, "the token's role cannot write"),
                (404, "no entity has this id"), (308, "the id was merged: Location has the survivor"),
                (412, "stale If-Match: the entity changed"), (428, "If-Match is required"),
                (422, "invalid fields"), (409, "a strong name of another entity"))


def redirect_merged() -> None:
    """A merged id answers 308 to its survivor before anything else (its body is not checked):
    every route of an entity but its history, which stays with the old id."""
    entity_id = (request.view_args or {}).get("entity_id")
    if entity_id and request.endpoint != "curation.EntityHistory":
        found = desk().get(entity_id)
        if found is not None and found.merged_into:
            raise EntityMerged(entity_id, service().canonical_id(entity_id) or found.merged_into)


blp.before_request(redirect_merged)


def desk() -> Desk:
    found = service().curation
    if found is None:
        raise ServiceUnavailable("curation needs the database (this service runs without a store)")
    return found


def entity_etag(entity: Entity) -> str:
    """The ETag GET /v1/entities/<id> sends: a hash of its JSON body (which holds the revision)."""
    body = json.dumps(entity_dict(entity), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def curated(found: StoredEntity, status: int = 200) -> Response:
    """The entity as editors see it (names with their ids, the deleted flag) and its ETag."""
    payload = entity_dict(found.entity)
    payload["names"] = [{"id": i, **n} for i, n in zip(found.name_ids, payload["names"], strict=True)]
    payload["deleted"] = found.deleted
    response = json_response(payload, status)
    response.set_etag(entity_etag(found.entity))
    return response


def current(entity_id: str) -> StoredEntity:
    """The stored entity; 404 if unknown, 308 to the survivor if merged."""
    found = desk().get(entity_id)
    if found is None:
        raise NotFound(f"no entity has the id {entity_id!r}")
    if found.merged_into:
        raise EntityMerged(entity_id, service().canonical_id(entity_id) or found.merged_into)
    return found


def expected_revision(found: StoredEntity) -> int:
    """The revision the editor read, proven by If-Match: 428 without it, 412 if it is stale."""
    if "If-Match" not in request.headers:
        raise PreconditionRequired("send If-Match with the entity's ETag (from GET or the last write)")
    etag = entity_etag(found.entity)
    if not (request.if_match.star_tag or request.if_match.contains(etag)):
        raise PreconditionFailed(f"the entity is at revision {found.revision}: GET it again")
    return found.revision


IF_MATCH = {"in": "header", "name": "If-Match", "required": True, "schema": {"type": "string"},
            "description": "the entity's ETag, from GET /v1/entities/<id>/names or the last write's answer"}


def _document(*codes: int) -> Any:
    """The refusals a write documents; one that needs If-Match (428 without it) declares it."""
    def wrap(view: Any) -> Any:
        for code, text in WRITE_ERRORS:
            if code in codes:
                schema = None if code == 308 else ErrorSchema
                view = blp.alt_response(code, schema=schema, description=text)(view)
        if 428 in codes:
            view = blp.doc(parameters=[IF_MATCH])(view)
        return view
    return wrap


@blp.route("/entities")
class CreateEntity(MethodView):
    @blp.arguments(EntityCreateInput)
    @blp.response(201, CuratedEntitySchema, description="created; Location and ETag headers")
    @_document(401, 403, 409, 422)
    def post(self, body: dict[str, Any]) -> Response:
        """Create an entity from `name`, `type` and `names` (the id defaults to a slug of the name)."""
        token = require_editor()
        found = desk().create(body, token.name)
        response = curated(found, 201)
        response.headers["Location"] = url_for("entities.EntityById", entity_id=found.entity.id)
        return response


@blp.route("/entities/<string:entity_id>")
class EditEntity(MethodView):
    @blp.arguments(EntityPatchInput)
    @blp.response(200, CuratedEntitySchema)
    @_document(401, 403, 404, 308, 409, 412, 422, 428)
    def patch(self, body: dict[str, Any], entity_id: str) -> Response:
        """Change fields; `names`, when sent, replaces every name. Needs If-Match."""
        token = require_editor()
        found = current(entity_id)
        if "names" in body:  # name ids, as GET .../names shows them, say nothing about the new list
            body["names"] = [{k: v for k, v in n.items() if k != "id"} for n in body["names"]]
        return curated(desk().update(entity_id, body, expected_revision(found), token.name))

    @blp.response(200, CuratedEntitySchema, description="deleted (softly: POST .../undelete restores it)")
    @_document(401, 403, 404, 308, 412, 428)
    def delete(self, entity_id: str) -> Response:
        """Delete softly: the entity leaves the index; its id is never reused. Needs If-Match."""
        token = require_editor()
        found = current(entity_id)
        return curated(desk().delete(entity_id, expected_revision(found), token.name))


@blp.route("/entities/<string:entity_id>/undelete")
class UndeleteEntity(MethodView):
    @blp.response(200, CuratedEntitySchema)
    @_document(401, 403, 404, 308, 409, 412, 428)
    def post(self, entity_id: str) -> Response:
        """Bring a deleted entity back. Needs If-Match."""
        token = require_editor()
        found = current(entity_id)
        return curated(desk().undelete(entity_id, expected_revision(found), token.name))


@blp.route("/entities/<string:entity_id>/names")
class EntityNames(MethodView):
    @blp.response(200, CuratedEntitySchema, description="the entity with name ids, and its ETag")
    @_document(404, 308)
    def get(self, entity_id: str) -> Response:
        """The entity as editors see it: every name with its id, and the deleted flag."""
        return curated(current(entity_id))

    @blp.arguments(EditorNameInput)
    @blp.response(200, CuratedEntitySchema)
    @_document(401, 403, 404, 308, 409, 412, 422, 428)
    def post(self, body: dict[str, Any], entity_id: str) -> Response:
        """Add one name. Needs If-Match."""
        token = require_editor()
        found = current(entity_id)
        body.pop("id", None)
        return curated(desk().add_name(entity_id, body, expected_revision(found), token.name))


@blp.route(f"/entities/<string:entity_id>/names/<int(max={MAX_STORED_INT}):name_id>")
class EntityName(MethodView):
    @blp.response(200, CuratedEntitySchema)
    @_document(401, 403, 404, 308, 412, 422, 428)
    def delete(self, entity_id: str, name_id: int) -> Response:
        """Remove one name by its id (an entity keeps at least one English name). Needs If-Match."""
        token = require_editor()
        found = current(entity_id)
        if name_id not in found.name_ids:
            raise NotFound(f"{entity_id!r} has no name with id {name_id}")
        return curated(desk().remove_name(entity_id, name_id, expected_revision(found), token.name))


@blp.route("/entities/<string:entity_id>/merge")
class MergeEntity(MethodView):
    @blp.arguments(MergeInput)
    @blp.response(200, CuratedEntitySchema, description="the survivor, with the merged names")
    @_document(401, 403, 404, 308, 412, 422, 428)
    def post(self, body: dict[str, Any], entity_id: str) -> Response:
        """Merge this entity into `into`: its names move there and its id redirects (308) there.
        If-Match is this entity's ETag."""
        token = require_editor()
        found = current(entity_id)
        target = service().canonical_id(body["into"]) or body["into"]
        return curated(desk().merge(entity_id, target, expected_revision(found), token.name))


@blp.route("/entities/<string:entity_id>/revert")
class RevertEntity(MethodView):
    @blp.arguments(RevertInput)
    @blp.response(200, CuratedEntitySchema)
    @_document(401, 403, 404, 308, 409, 412, 422, 428)
    def post(self, body: dict[str, Any], entity_id: str) -> Response:
        """Restore the entity as it was at an earlier revision (a new revision records it)."""
        token = require_editor()
        found = current(entity_id)
        return curated(desk().revert(entity_id, body["revision"], expected_revision(found), token.name))


@blp.route("/entities/<string:entity_id>/history")
class EntityHistory(MethodView):
    @blp.arguments(HistoryArgs, location="query")
    @blp.response(200, HistorySchema)
    @_document(404)
    def get(self, args: dict[str, Any], entity_id: str) -> Response:
        """Every change of the entity, newest first: action, token name, time and diff. A merged
        id keeps its own history here (no redirect)."""
        items, total = desk().history(entity_id, args["page"], args["per_page"])
        if not total:
            raise NotFound(f"no entity has the id {entity_id!r}")
        return json_response({"items": [e.to_dict() for e in items], "total": total,
                              "page": args["page"], "per_page": args["per_page"]})


@blp.route("/changes")
class Changes(MethodView):
    @blp.arguments(ChangesArgs, location="query")
    @blp.response(200, ChangesSchema)
    def get(self, args: dict[str, Any]) -> Response:
        """Changes after gazetteer revision `since`, oldest first, for downstream caches: poll with
        since=next until `changes` is empty."""
        found = desk().changes(args["since"], args["limit"])
        return json_response({"changes": [e.to_dict() for e in found],
                              "next": found[-1].seq if found else args["since"],
                              "revision": desk().revision()})
