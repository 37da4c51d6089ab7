"""POST /v1/extract: every entity mention of a document, as `normalizer extract --json` prints it."""

from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from normalizer.api.context import json_response, service
from normalizer.api.errors import check_json_body, request_json
from normalizer.api.observability import count_outcomes
from normalizer.api.schemas import ErrorSchema, ExtractionSchema, ExtractRequest

blp = Blueprint("extract", __name__, url_prefix="/v1", description="Find the entity mentions of a text.")
blp.before_request(check_json_body)
REQUEST = ExtractRequest()


@blp.route("/extract")
class Extract(MethodView):
    @blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": ExtractRequest}}})
    @blp.response(200, ExtractionSchema)
    @blp.alt_response(413, schema=ErrorSchema, description="the text is over NORMALIZER_MAX_TEXT_BYTES")
    @blp.alt_response(422, schema=ErrorSchema, description="invalid input: see errors.json")
    def post(self) -> Response:
        """Mentions of entities in a document: each span with its resolution (status, match,
        candidates), its title and, for partial references, the mention it refers to; and the
        name-like spans nothing matched (`unlinked`), with a suggestion where one fits."""
        args = REQUEST.load(request_json())
        found = service().extract(args["text"], args.get("types"), args.get("date"))
        count_outcomes([m.resolution for m in found.mentions])
        return json_response(found.to_dict())
