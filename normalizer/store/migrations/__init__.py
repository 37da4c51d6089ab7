"""Alembic migrations of the curation store, shipped in the package."""
