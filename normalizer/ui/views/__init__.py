"""The UI's pages, one module per area; importing this package registers them on the blueprint."""

from normalizer.ui.views import auth, create, edit, entity, history, merge, review, search, tryit

__all__ = ["auth", "create", "edit", "entity", "history", "merge", "review", "search", "tryit"]
