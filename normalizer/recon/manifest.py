"""The service manifest, for spec 0.2 and the 1.0 draft.

One manifest cannot serve both versions: `suggest` is an object of service URLs in 0.2 and an
object of booleans in 1.0-draft. The plain URL (GET /reconcile, the one people paste into
OpenRefine 3.x) is therefore the 0.2 manifest, with its suggest block (entity, type and property
services with their flyouts), preview and extend; `?version=0.2` says the same, and
`?version=1.0-draft` gives the draft's manifest (the draft's routes answer at the same
endpoint). The 0.2 templates write `{{id}}`; the 1.0-draft manifest uses RFC 6570's `{id}`.

`identifierSpace` and `schemaSpace` name the ids, not a server: they come from the settings
(stable defaults), so one service seen through two host names is one ID space. `view` opens an
entity's page in the editors' UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from normalizer.recon.errors import ReconError
from normalizer.recon.types import all_types
from normalizer.settings import Settings

VERSIONS = ("0.2", "1.0-draft")
NAME = "normalizer: Vietnamese news entities"
LIMIT_HELP = ("At most this many values per entity, the preferred first (1: one value per cell, "
              "e.g. the main native name); 0 for all")
PREVIEW_SIZE = {"width": 400, "height": 200}
# A Swagger 2.0 security scheme, as both schemas want: the token goes in the Authorization header.
BEARER = {"type": "apiKey", "in": "header", "name": "Authorization",
          "description": "send Authorization: Bearer <token>, a token of any role"}


@dataclass(frozen=True, slots=True)
class Spaces:
    """The URIs that name our ids (Settings.recon_identifier_space, recon_schema_space)."""

    identifiers: str = Settings.recon_identifier_space
    schema: str = Settings.recon_schema_space


def manifest(endpoint: str, root: str, version: str | None = None, batch_size: int = 1000,
             service_version: str = "", token_required: bool = False, spaces: Spaces = Spaces()
             ) -> dict[str, Any]:
    """The manifest of the service at `endpoint` (its /reconcile URL) on the server at `root`.
    `version` None gives the 0.2 manifest (what OpenRefine 3.x reads); an unknown one raises
    ReconError. `token_required` (NORMALIZER_READ_TOKEN_REQUIRED) adds the security scheme."""
    if version is not None and version not in VERSIONS:
        raise ReconError("version", f"unknown version {version!r}; versions: {', '.join(VERSIONS)}")
    draft = version == "1.0-draft"
    out: dict[str, Any] = {
        "versions": [version or "0.2"],
        "name": NAME,
        "identifierSpace": spaces.identifiers,
        "schemaSpace": spaces.schema,
        "documentation": f"{root}/docs",
        # RFC 6570's {id} in the draft, OpenRefine's {{id}} in 0.2
        "view": {"url": f"{root}/ui/entity/" + ("{id}" if draft else "{{id}}")},
        "defaultTypes": all_types(),
        "preview": {"url": f"{endpoint}/preview?id={{{{id}}}}", **PREVIEW_SIZE},
        "extend": _extend(endpoint, draft),
        "batchSize": batch_size,
        "standardizedScore": True,
        "lang": "en",
    }
    if service_version:
        out["serviceVersion"] = service_version
    if token_required:
        out["authentication"] = dict(BEARER)
    out["suggest"] = {"entity": True, "property": True, "type": True} if draft else _suggest_v02(endpoint)
    return out


def _extend(endpoint: str, draft: bool) -> dict[str, Any]:
    if draft:
        return {"proposeProperties": True, "propertySettings": [{
            "type": "number", "id": "limit", "name": "Values per cell", "default": 0,
            "helpText": LIMIT_HELP}]}
    return {"propose_properties": {"service_url": endpoint, "service_path": "/extend/propose"},
            "property_settings": [{"type": "number", "name": "limit", "label": "Values per cell",
                                   "default": 0, "help_text": LIMIT_HELP}]}


def _suggest_v02(endpoint: str) -> dict[str, Any]:
    def service(kind: str) -> dict[str, str]:
        return {"service_url": endpoint, "service_path": f"/suggest/{kind}",
                "flyout_service_url": endpoint, "flyout_service_path": f"/flyout/{kind}?id=${{id}}"}

    return {kind: service(kind) for kind in ("entity", "property", "type")}
