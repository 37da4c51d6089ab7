"""The service manifest, for spec 0.2 and the 1.0 draft.

One manifest can carry both versions except for one field: `suggest` is an object of service
URLs in 0.2 and an object of booleans in 1.0-draft, so no manifest with `suggest` validates
against both schemas. The default manifest (GET /reconcile) therefore lists both versions and
leaves `suggest` out; `?version=0.2` and `?version=1.0-draft` return a manifest for that version
alone, with its form of `suggest` (OpenRefine 3.x reads the 0.2 one). Every route is the same in
all three. The 0.2 templates write `{{id}}`, which the 1.0 schema also accepts; the
1.0-draft manifest alone uses RFC 6570's `{id}`.
"""

from __future__ import annotations

from typing import Any

from normalizer.recon.errors import ReconError
from normalizer.recon.types import all_types

VERSIONS = ("0.2", "1.0-draft")
NAME = "normalizer: Vietnamese news entities"
PREVIEW_SIZE = {"width": 400, "height": 200}
# A Swagger 2.0 security scheme, as both schemas want: the token goes in the Authorization header.
BEARER = {"type": "apiKey", "in": "header", "name": "Authorization",
          "description": "send Authorization: Bearer <token>, a token of any role"}


def manifest(endpoint: str, root: str, version: str | None = None, batch_size: int = 1000,
             service_version: str = "", token_required: bool = False) -> dict[str, Any]:
    """The manifest of the service at `endpoint` (its /reconcile URL) on the server at `root`.
    `version` None gives the manifest for both versions; an unknown one raises ReconError.
    `token_required` (NORMALIZER_READ_TOKEN_REQUIRED) adds the security scheme clients need."""
    if version is not None and version not in VERSIONS:
        raise ReconError("version", f"unknown version {version!r}; versions: {', '.join(VERSIONS)}")
    out: dict[str, Any] = {
        "versions": [version] if version else list(VERSIONS),
        "name": NAME,
        "identifierSpace": f"{root}/v1/entities/",
        "schemaSpace": f"{endpoint}/suggest/type",
        "documentation": f"{root}/docs",
        "view": {"url": f"{root}/v1/entities/{{{{id}}}}"},
        "defaultTypes": all_types(),
        "preview": {"url": f"{endpoint}/preview?id={{{{id}}}}", **PREVIEW_SIZE},
        "extend": {
            "propose_properties": {"service_url": endpoint, "service_path": "/extend/propose"},
            "proposeProperties": True,
        },
        "batchSize": batch_size,
        "standardizedScore": True,
        "lang": "en",
    }
    if service_version:
        out["serviceVersion"] = service_version
    if token_required:
        out["authentication"] = dict(BEARER)
    if version == "0.2":
        out["suggest"] = _suggest_v02(endpoint)
    elif version == "1.0-draft":
        out["suggest"] = {"entity": True, "property": True, "type": True}
        out["view"] = {"url": f"{root}/v1/entities/{{id}}"}  # RFC 6570, as the draft says
    return out


def _suggest_v02(endpoint: str) -> dict[str, Any]:
    def service(kind: str) -> dict[str, str]:
        return {"service_url": endpoint, "service_path": f"/suggest/{kind}",
                "flyout_service_url": endpoint, "flyout_service_path": "/flyout?id=${id}"}

    return {kind: service(kind) for kind in ("entity", "property", "type")}
