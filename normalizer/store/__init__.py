"""The curation store: entities, names, audit, tokens and the review queue in SQL (SQLite by
default, PostgreSQL through NORMALIZER_DATABASE_URL). The only module that speaks SQL."""

from normalizer.store.errors import (
    DATABASE_UNAVAILABLE,
    EntityDeleted,
    EntityExists,
    EntityMerged,
    EntityNotFound,
    RevisionNotFound,
    StaleRevision,
    StoreError,
    TokenExists,
    TokenNotFound,
)
from normalizer.store.records import (
    AuditEntry,
    LiveDelta,
    LiveSet,
    LoadReport,
    ReviewItem,
    Sighting,
    StoredEntity,
    TokenInfo,
)
from normalizer.store.repo import Store, editorial_file
from normalizer.store.tokens import ROLES

__all__ = [
    "DATABASE_UNAVAILABLE", "ROLES", "AuditEntry", "EntityDeleted", "EntityExists", "EntityMerged",
    "EntityNotFound", "LiveDelta", "LiveSet", "LoadReport",
    "ReviewItem", "RevisionNotFound", "Sighting", "StaleRevision", "Store", "StoreError", "StoredEntity",
    "TokenExists", "TokenInfo", "TokenNotFound", "editorial_file",
]
