"""GET /v1/resolve (one name) and POST /v1/resolve (a batch, in input order)."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import EXCLUDE

from normalizer.api.context import json_text_response, result_json, service
from normalizer.api.errors import check_json_body, check_lengths, request_json
from normalizer.api.observability import count_outcomes
from normalizer.api.schemas import (
    BatchRequest,
    BatchResponse,
    ErrorSchema,
    Query,
    ResolutionSchema,
    fast_batch,
    fast_query,
    query_args,
)

blp = Blueprint("resolve", __name__, url_prefix="/v1", description="Resolve names to entities.")
blp.before_request(check_json_body)
# Built once: a schema instance per request would deep-copy its fields each time.
QUERY, BATCH = Query(), BatchRequest()


@blp.route("/resolve")
class Resolve(MethodView):
    @blp.doc(parameters=[{"in": "query", "schema": Query}])
    @blp.response(200, ResolutionSchema)
    @blp.alt_response(422, schema=ErrorSchema, description="invalid input: see errors.query")
    def get(self) -> Response:
        """Resolve one name.

        The result says `matched` (with `match`), `ambiguous` (close candidates, no `match`) or
        `unmatched` (maybe with a `suggestion`), and explains every candidate's score.
        """
        result = service().resolve(*(fast_query(request.args) or self.load_query()))
        count_outcomes([result])
        return json_text_response(result_json()(result))

    @staticmethod
    def load_query() -> tuple[Any, ...]:
        """The query string through the schema: raises ValidationError (a 422) naming the field."""
        return query_args(QUERY.load(request.args.to_dict(), unknown=EXCLUDE))

    @blp.doc(requestBody={"required": True, "content": {"application/json": {"schema": BatchRequest}}})
    @blp.response(200, BatchResponse)
    @blp.alt_response(422, schema=ErrorSchema, description="invalid input: see errors.json")
    def post(self) -> Response:
        """Resolve a batch of names; `results[i]` answers `queries[i]`."""
        body = request_json()
        check_lengths(body, {"queries": service().settings.max_batch}, "a batch")  # before any item
        items: list[tuple[Any, ...]] | None = fast_batch(body)  # type: ignore[assignment]
        if items is None:  # let the schema say precisely what is wrong
            items = [query_args(q) for q in BATCH.load(body)["queries"]]
        results = service().resolve_batch(items)
        count_outcomes(results)
        to_json = result_json()
        return json_text_response('{"results":[' + ",".join(to_json(r) for r in results) + "]}")
