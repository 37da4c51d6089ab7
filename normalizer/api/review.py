"""The review queue: GET /v1/review (items, most seen first, with candidates), POST /v1/review
(dismiss several), POST /v1/review/<key> (settle one)."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from normalizer.api.auth import WRITE_METHODS, require_editor, require_reader
from normalizer.api.context import json_response
from normalizer.api.curation import desk
from normalizer.api.curation_schemas import (
    DismissedSchema,
    DismissInput,
    ReviewArgs,
    ReviewItemSchema,
    ReviewPageSchema,
    SettleInput,
)
from normalizer.api.errors import check_json_body
from normalizer.api.schemas import ErrorSchema

blp = Blueprint("review", __name__, url_prefix="/v1",
                description="Names the service could not resolve, counted, for editors to settle.")


def authorize() -> None:
    """First: reading the queue needs a token of any role (it holds clients' raw queries);
    settling an item, an editor's. Checked before the body is read."""
    if request.method in WRITE_METHODS:
        require_editor()
    else:
        require_reader()


blp.before_request(authorize)
blp.before_request(check_json_body)


@blp.route("/review")
class ReviewQueue(MethodView):
    @blp.arguments(ReviewArgs, location="query")
    @blp.response(200, ReviewPageSchema)
    @blp.alt_response(401, schema=ErrorSchema, description="no valid token (any role reads the queue)")
    def get(self, args: dict[str, Any]) -> Response:
        """Unmatched and ambiguous queries by normalized key (case, diacritics, title and spacing
        variants together), most often seen first, each with its closest candidates and the
        suggestion. Open items that resolve by now are closed first (settled as "resolved").
        Needs a token (viewer, editor or admin): the items are clients' queries as written."""
        cards, total = desk().review_cards(args["state"], args["page"], args["per_page"])
        return json_response({"items": [c.to_dict() for c in cards], "total": total,
                              "page": args["page"], "per_page": args["per_page"]})

    @blp.arguments(DismissInput)
    @blp.response(200, DismissedSchema)
    @blp.alt_response(401, schema=ErrorSchema, description="no valid token")
    @blp.alt_response(403, schema=ErrorSchema, description="the token's role cannot write")
    @blp.alt_response(422, schema=ErrorSchema, description="invalid fields")
    def post(self, body: dict[str, Any]) -> Response:
        """Dismiss several open items at once: {"action": "dismiss", "keys": [...]} (at most 100)."""
        token = require_editor()
        return json_response({"dismissed": desk().dismiss_many(body["keys"], token.name)})


@blp.route("/review/<path:key>")
class SettleItem(MethodView):
    @blp.arguments(SettleInput)
    @blp.response(200, ReviewItemSchema)
    @blp.alt_response(401, schema=ErrorSchema, description="no valid token")
    @blp.alt_response(403, schema=ErrorSchema, description="the token's role cannot write")
    @blp.alt_response(404, schema=ErrorSchema, description="no item (or entity) has this key (id)")
    @blp.alt_response(409, schema=ErrorSchema, description="the name is a strong name of another entity")
    @blp.alt_response(422, schema=ErrorSchema, description="invalid fields")
    def post(self, body: dict[str, Any], key: str) -> Response:
        """Settle an item: `add_name` to an entity, `new_entity`, or `dismiss`."""
        token = require_editor()
        return json_response(desk().settle(key, body, token.name).to_dict())
