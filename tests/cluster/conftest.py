"""The bulk suite's small gazetteer and service, shared."""

from tests.bulk.conftest import small_service  # noqa: F401
