"""Curation refusals the shells turn into HTTP answers (the store's own errors pass through too)."""

from __future__ import annotations

from typing import Any


class CurationError(Exception):
    """Base of the curation refusals."""


class InvalidEntity(CurationError):
    """Field errors of a payload: {"names": {"3": {"lang": ["bad language tag 'x'"]}}, "type": [...]}."""

    def __init__(self, errors: dict[str, Any], message: str = "invalid entity: see errors"):
        super().__init__(message)
        self.errors = errors


class NameConflict(CurationError):
    """A strong name another entity already holds (allowed only when marked ambiguous on purpose)."""

    def __init__(self, text: str, holder: str):
        super().__init__(f"the name {text!r} is a strong name of {holder!r}; mark it ambiguous "
                         "to add it on purpose, or use a weak kind (abbreviation, misspelling)")
        self.text = text
        self.holder = holder


class ReviewItemNotFound(CurationError):
    def __init__(self, key: str):
        super().__init__(f"no review item has the key {key!r}")
        self.key = key
