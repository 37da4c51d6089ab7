"""POST /v1/csv: normalize one column of a CSV body, streaming the normalized CSV back.

The body is a CSV file sent as is (text/csv, or any non-multipart type) or as the `file` part of
a multipart/form-data upload. It is first spooled (memory, then a temporary file) so that every
refusal (413 past the size limit, 422 for an unknown column) is a JSON error before any output;
the response then streams chunk by chunk. An input that breaks part-way (an unclosed quote
making a field longer than the csv module's limit) breaks the response off: the client sees an
incomplete transfer, after the rows before it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from werkzeug.exceptions import BadRequest

from normalizer.api.context import service
from normalizer.api.errors import error_response
from normalizer.api.schemas import ErrorSchema
from normalizer.model import ENTITY_TYPES
from normalizer.service import CsvError, CsvJob, CsvOptions, CsvUsageError

log = logging.getLogger("normalizer.api")
SPOOL_IN_MEMORY = 8 * 1024 * 1024

csv_blp = Blueprint("csv", __name__, url_prefix="/v1",
                    description="Normalize one column of a CSV file.")


class CsvArgs(Schema):
    column = fields.String(required=True, validate=validate.Length(min=1), metadata={
        "description": "header name, or 1-based column number", "example": "name"})
    type = fields.String(validate=validate.OneOf(ENTITY_TYPES),
                         metadata={"description": "only entities of this type"})
    encoding = fields.String(load_default="auto", metadata={
        "description": "auto, utf-8, utf-8-sig, utf-16, utf-16-le, utf-16-be, cp1258 or cp1252"})
    delimiter = fields.String(load_default="auto",
                              metadata={"description": "auto, ',', ';', tab or '|'"})
    header = fields.Boolean(load_default=True, metadata={"description": "false: the first row is data"})
    safe_output = fields.Boolean(load_default=False, metadata={
        "description": "neutralize formula-like cells in every column, not only the appended ones"})


CSV_BODY = {"content": {
    "text/csv": {"schema": {"type": "string", "format": "binary"}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary"}}}},
}}


CSV_RESPONSE = {
    "description": "the input CSV as UTF-8, every row in order, with entity_id, entity_name, "
                   "entity_type, score, status, method and reason appended",
    "content": {"text/csv": {"schema": {"type": "string"}}},
}


def max_csv_bytes() -> int:
    """NORMALIZER_MAX_CSV_BYTES once Settings has it; this default until then."""
    return service().settings.max_csv_bytes


@csv_blp.route("/csv")
class NormalizeCsv(MethodView):
    @csv_blp.arguments(CsvArgs, location="query")
    @csv_blp.doc(requestBody=CSV_BODY, responses={"200": CSV_RESPONSE})
    @csv_blp.alt_response(400, schema=ErrorSchema, description="an empty body or upload")
    @csv_blp.alt_response(413, schema=ErrorSchema, description="past NORMALIZER_MAX_CSV_BYTES")
    def post(self, args: dict[str, Any]) -> Response:
        """Normalize one column of a CSV upload; every row comes back, in order, with results."""
        request.max_content_length = max_csv_bytes()  # this route's own limit, not the JSON one
        body = spooled_body()
        options = CsvOptions(column=args["column"], type=args.get("type"), encoding=args["encoding"],
                             delimiter=args["delimiter"], header=args["header"],
                             safe_output=args["safe_output"])
        try:
            job = service().open_csv(body, options)
        except CsvUsageError as exc:
            body.close()
            return usage_error(exc)
        return current_app.response_class(
            stream_with_context(stream(job, body)), mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="normalized.csv"'})


def spooled_body() -> IO[bytes]:
    """The uploaded bytes, rewound; 413 past the limit, 400 without any file."""
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file")
        if upload is None:
            raise BadRequest("send the CSV as the 'file' part of the multipart upload")
        source: IO[bytes] = upload.stream
    else:
        source = request.stream
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (closed by stream)
    try:
        shutil.copyfileobj(source, spool)  # past the limit, werkzeug raises 413 here
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool  # type: ignore[return-value]


def usage_error(exc: CsvUsageError) -> Response:
    if exc.field is None:
        return error_response(400, str(exc))
    return error_response(422, str(exc), {"query": {exc.field: [str(exc)]}})


def stream(job: CsvJob, body: IO[bytes]) -> Iterator[str]:
    try:
        yield from job.text_chunks()
    except CsvError as exc:
        # The status line is sent already: break the response off so that the client sees an
        # incomplete transfer instead of a short CSV that looks whole.
        log.warning("csv stream stopped: %s", exc)
        raise
    finally:
        body.close()
    log.info("csv normalized", extra={"fields": job.summary.to_dict()})
