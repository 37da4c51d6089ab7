"""The one error a reconciliation request can raise: bad input, with where it is."""

from __future__ import annotations


class ReconError(ValueError):
    """A request the reconciliation service refuses. `path` names the offending field with dots
    ("queries.q0.limit"), `status` is the HTTP status a shell should answer with."""

    def __init__(self, path: str, message: str, status: int = 400):
        super().__init__(message)
        self.path = path
        self.status = status
