"""GET /v1/entities (search and browse, paginated) and GET /v1/entities/<id> (with an ETag)."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import redirect, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import NotFound, PreconditionFailed
from werkzeug.wrappers import Response

from normalizer.api.context import json_response, service
from normalizer.api.schemas import EntitiesArgs, EntityPageSchema, EntitySchema, ErrorSchema
from normalizer.model import Entity

blp = Blueprint("entities", __name__, url_prefix="/v1", description="Read the gazetteer's entities.")


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {**entity.to_dict(), "revision": entity.revision}


@blp.route("/entities")
class Entities(MethodView):
    @blp.arguments(EntitiesArgs(), location="query")
    @blp.response(200, EntityPageSchema)
    def get(self, args: dict[str, Any]) -> Response:
        """Search entities by name, or browse them all by id; one page at a time."""
        page = service().search_entities(args.get("q"), args.get("type"), args["page"], args["per_page"])
        return json_response({
            "items": [entity_dict(e) for e in page.items],
            "total": page.total, "page": page.page, "per_page": page.per_page,
        })


@blp.route("/entities/<string:entity_id>")
class EntityById(MethodView):
    @blp.response(200, EntitySchema, description="the entity; send its ETag in If-None-Match to revalidate")
    @blp.alt_response(304, description="not modified since the ETag sent in If-None-Match")
    @blp.alt_response(308, description="the id was merged: Location has the surviving entity")
    @blp.alt_response(404, schema=ErrorSchema, description="no entity has this id")
    @blp.alt_response(412, schema=ErrorSchema, description="If-Match names another version")
    def get(self, entity_id: str) -> Response:
        """One entity with all its names, roles and identifiers."""
        canonical = service().canonical_id(entity_id)
        entity = service().entity(canonical) if canonical else None
        if entity is None or canonical is None:
            raise NotFound(f"no entity has the id {entity_id!r}")
        if canonical != entity_id:
            return redirect(url_for("entities.EntityById", entity_id=canonical), 308)
        response = json_response(entity_dict(entity))
        etag = hashlib.sha256(response.get_data()).hexdigest()[:32]
        response.set_etag(etag)
        response.headers["Cache-Control"] = "no-cache"
        return conditional(response, etag)


def conditional(response: Response, etag: str) -> Response:
    """If-Match that names another version: 412 in the error shape (never the body); If-None-Match
    that names this one: 304. (werkzeug's make_conditional answers 412 with the body, even to
    If-Match: *.)"""
    if "If-Match" in request.headers and not (request.if_match.star_tag or request.if_match.contains(etag)):
        raise PreconditionFailed("the entity is not at the version If-Match names: GET it again")
    if request.if_none_match.star_tag or request.if_none_match.contains_weak(etag):
        return Response(status=304, headers={"ETag": response.headers["ETag"],
                                             "Cache-Control": "no-cache"})
    return response
