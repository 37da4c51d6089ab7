"""Curation core: editors' changes (validated, conflict-checked, audited through the store), the
YAML <-> database sync, the review queue recorder and the index refresher. Only the service
imports it; the shells reach it through the service."""

from normalizer.curation.desk import Desk
from normalizer.curation.editor import Curator
from normalizer.curation.errors import CurationError, InvalidEntity, NameConflict, ReviewItemNotFound
from normalizer.curation.recorder import ReviewRecorder, review_key, seen_by, seen_in
from normalizer.curation.refresher import Refresher
from normalizer.curation.sync import GazetteerProblems, ensure_loaded, export_gazetteer, load_gazetteer

__all__ = [
    "CurationError", "Curator", "Desk", "GazetteerProblems", "InvalidEntity", "NameConflict", "Refresher",
    "ReviewItemNotFound", "ReviewRecorder", "ensure_loaded", "export_gazetteer", "load_gazetteer",
    "review_key", "seen_by", "seen_in",
]
