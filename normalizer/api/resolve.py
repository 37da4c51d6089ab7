"""GET /v1/resolve (one name) and POST /v1/resolve (a batch, in input order)."""

from __future__ import annotations

from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from normalizer.api.context import json_text_response, result_json, service
from normalizer.api.errors import check_json_body, request_json
from normalizer.api.observability import count_outcomes
from normalizer.api.schemas import (
    BatchRequest,
    BatchResponse,
    ErrorSchema,
    Query,
    ResolutionSchema,
    fast_batch,
)

blp = Blueprint("resolve", __name__, url_prefix="/v1", description="Resolve names to entities.")
blp.before_request(check_json_body)
# Instances, not classes: webargs would build a new schema (and deep-copy its fields) per request.
QUERY, BATCH = Query(), BatchRequest()


@blp.route("/resolve")
class Resolve(MethodView):
    @blp.arguments(QUERY, location="query")
    @blp.response(200, ResolutionSchema)
    def get(self, args: dict[str, Any]) -> Response:
        """Resolve one name.

        The result says `matched` (with `match`), `ambiguous` (close candidates, no `match`) or
        `unmatched` (maybe with a `suggestion`), and explains every candidate's score.
        """
        result = service().resolve(args["q"], args.get("type"), args["limit"])
        count_outcomes([result])
        return json_text_response(result_json()(result))

    @blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": BatchRequest}}})
    @blp.response(200, BatchResponse)
    @blp.alt_response(422, schema=ErrorSchema, description="invalid input: see errors.json")
    def post(self) -> Response:
        """Resolve a batch of names; `results[i]` answers `queries[i]`."""
        body = request_json()
        triples = fast_batch(body)
        if triples is None:  # let the schema say precisely what is wrong
            loaded = BATCH.load(body)
            triples = [(q["q"], q.get("type"), q["limit"]) for q in loaded["queries"]]
        results = service().resolve_batch(triples)
        count_outcomes(results)
        to_json = result_json()
        return json_text_response('{"results":[' + ",".join(to_json(r) for r in results) + "]}")
