"""The W3C Entity Reconciliation Service API (spec 0.2 and the 1.0 draft) over the Normalizer.

The core of /reconcile: the manifest, query batches -> candidates (types, limit, a country
property), suggest services, preview cards and data extension. The REST blueprint
(normalizer.api.reconcile) only reads requests and writes responses.
"""

from normalizer.recon.batches import reconcile_single, reconcile_v02, reconcile_v10
from normalizer.recon.errors import ReconError
from normalizer.recon.extend import extend_v02, extend_v10, parse_extend, propose
from normalizer.recon.jsonp import check_callback, wrap
from normalizer.recon.manifest import VERSIONS, Spaces, manifest
from normalizer.recon.preview import any_flyout, flyout, preview_html, property_flyout, type_flyout
from normalizer.recon.queries import load_json
from normalizer.recon.suggest import suggest_entities, suggest_properties, suggest_types

__all__ = [
    "VERSIONS", "ReconError", "Spaces", "any_flyout", "check_callback", "extend_v02", "extend_v10", "flyout",
    "load_json", "manifest", "parse_extend", "preview_html", "property_flyout", "propose", "reconcile_single",
    "reconcile_v02", "reconcile_v10", "suggest_entities", "suggest_properties", "suggest_types",
    "type_flyout", "wrap",
]
