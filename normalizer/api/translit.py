"""GET /v1/transliterate: Sino-Vietnamese <-> pinyin / Chinese characters, Sino-Korean <-> Hangul."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.exceptions import NotImplemented as NotAvailable

from normalizer.api.context import json_response, service
from normalizer.api.schemas import ErrorSchema, TransliterateArgs, TransliterationSchema

blp = Blueprint("transliterate", __name__, url_prefix="/v1", description="Transliterate names.")


def plain(value: Any) -> Any:
    """JSON-ready form of whatever the service returns: to_dict(), a dataclass, a sequence, a str."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


@blp.route("/transliterate")
class Transliterate(MethodView):
    @blp.arguments(TransliterateArgs(), location="query")
    @blp.response(200, TransliterationSchema)
    @blp.alt_response(501, schema=ErrorSchema, description="this build has no transliteration")
    def get(self, args: dict[str, Any]) -> Response:
        """Renderings of q in another script or romanization, best first."""
        transliterate = getattr(service(), "transliterate", None)
        if transliterate is None:
            raise NotAvailable("transliteration is not available in this build")
        found = plain(transliterate(args["q"], args["source"], args["target"], args["limit"]))
        results = found if isinstance(found, list) else [found]
        return json_response({"query": args["q"], "from": args["source"], "to": args["target"],
                              "results": results})
