"""GET /v1/entities (search and browse, paginated) and GET /v1/entities/<id> (with an ETag)."""

from __future__ import annotations

import hashlib
from typing import Any

from flask import redirect, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import NotFound
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
    def get(self, entity_id: str) -> Response:
        """One entity with all its names, roles and identifiers."""
        canonical = service().canonical_id(entity_id)
        entity = service().entity(canonical) if canonical else None
        if entity is None or canonical is None:
            raise NotFound(f"no entity has the id {entity_id!r}")
        if canonical != entity_id:
            return redirect(url_for("entities.EntityById", entity_id=canonical), 308)
        response = json_response(entity_dict(entity))
        response.set_etag(hashlib.sha256(response.get_data()).hexdigest()[:32])
        response.headers["Cache-Control"] = "no-cache"
        return response.make_conditional(request)
