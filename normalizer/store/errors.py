"""What a store operation can refuse, with what the caller needs to answer well."""

from __future__ import annotations

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# What a database that refuses connections, hangs past a timeout, is locked past the busy
# timeout, is full or read-only raises: the service is unavailable, not broken (shells: 503).
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError, PoolTimeout)


class StoreError(Exception):
    """Base of the store's refusals."""


class EntityNotFound(StoreError):
    def __init__(self, entity_id: str):
        super().__init__(f"no entity has the id {entity_id!r}")
        self.entity_id = entity_id


class EntityMerged(StoreError):
    """The id was merged into another entity: callers redirect to `into`."""

    def __init__(self, entity_id: str, into: str):
        super().__init__(f"{entity_id!r} was merged into {into!r}")
        self.entity_id = entity_id
        self.into = into


class EntityDeleted(StoreError):
    """The entity is deleted: it takes no change but its undeletion (or a revert)."""

    def __init__(self, entity_id: str):
        super().__init__(f"{entity_id!r} is deleted: undelete it before changing it")
        self.entity_id = entity_id


class EntityExists(StoreError):
    def __init__(self, entity_id: str):
        super().__init__(f"the id {entity_id!r} is taken (ids are never reused)")
        self.entity_id = entity_id


class StaleRevision(StoreError):
    """The entity moved on since the revision the writer read (optimistic concurrency)."""

    def __init__(self, entity_id: str, expected: int, actual: int):
        super().__init__(f"{entity_id!r} is at revision {actual}, not {expected}: read it again")
        self.entity_id = entity_id
        self.expected = expected
        self.actual = actual


class RevisionNotFound(StoreError):
    def __init__(self, entity_id: str, revision: int):
        super().__init__(f"{entity_id!r} has no revision {revision}")
        self.entity_id = entity_id
        self.revision = revision


class TokenExists(StoreError):
    def __init__(self, name: str):
        super().__init__(f"a token named {name!r} exists")
        self.name = name


class TokenNotFound(StoreError):
    def __init__(self, name: str):
        super().__init__(f"no token is named {name!r}")
        self.name = name
