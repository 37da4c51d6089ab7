"""The validator the other tests use is the right one: the spec's own valid examples pass and its
invalid examples fail, for every schema and both versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.recon import specs

pytestmark = pytest.mark.skipif(not specs.available(), reason=specs.SKIP_REASON)

# Example folders checked against a whole schema file.
BY_SCHEMA = ["manifest", "reconciliation-query-batch", "reconciliation-result-batch", "data-extension-query",
             "data-extension-response", "data-extension-property-proposal", "suggest-entities-response",
             "suggest-properties-response", "suggest-types-response"]
# Example folders that have no schema of their own: the part of a schema that describes them.
BY_POINTER = {
    "preview-metadata": ("manifest", "/properties/preview"),
    "data-extension-metadata": ("manifest", "/properties/extend"),
}
# Not "security-scheme": its http_basic_auth.json example is OpenAPI 3 ({"type": "http"}) while the
# manifest's authentication refers to Swagger 2.0 ({"type": "basic"}), so the spec disagrees with itself.


def _cases(valid: bool) -> list[tuple[str, str, Path]]:
    cases = []
    if specs.available():
        for version in specs.VERSIONS:
            for kind in [*BY_SCHEMA, *BY_POINTER]:
                cases += [(version, kind, path) for path in specs.examples(version, kind, valid)]
    return cases


def _name(value: object) -> str:
    return getattr(value, "name", str(value))


def _errors(version: str, kind: str, path: Path) -> list[str]:
    name, pointer = BY_POINTER.get(kind, (kind, ""))
    return specs.errors(version, name, specs.load(path), pointer)


@pytest.mark.parametrize(("version", "kind", "path"), _cases(valid=True), ids=_name)
def test_valid_examples_pass(version: str, kind: str, path: Path) -> None:
    assert _errors(version, kind, path) == []


@pytest.mark.parametrize(("version", "kind", "path"), _cases(valid=False), ids=_name)
def test_invalid_examples_fail(version: str, kind: str, path: Path) -> None:
    assert _errors(version, kind, path), f"{path} should break the {version} {kind} schema"


def test_there_are_examples_of_both_kinds_for_both_versions() -> None:
    for version in specs.VERSIONS:
        assert len([c for c in _cases(True) if c[0] == version]) >= 20
        assert len([c for c in _cases(False) if c[0] == version]) >= 10


@pytest.mark.parametrize("version", specs.VERSIONS)
def test_every_schema_is_a_valid_draft_2020_12_schema(version: str) -> None:
    for path in sorted((specs.SPECS / version / "schemas").glob("*.json")):
        Draft202012Validator.check_schema(specs.load(path))


@pytest.mark.parametrize("version", specs.VERSIONS)
def test_references_between_files_resolve(version: str) -> None:
    # type.json (defaultTypes) and the Swagger schema (authentication) are other files.
    manifest = {"versions": [version], "name": "x", "identifierSpace": "x", "schemaSpace": "x",
                "view": {"url": "x/{{id}}"}, "defaultTypes": [{"id": "t"}],
                "authentication": {"type": "apiKey", "name": "k", "in": "query"}}
    problems = specs.errors(version, "manifest", manifest)
    assert any("'name' is a required property" in p for p in problems), problems
    manifest["defaultTypes"] = [{"id": "t", "name": "T"}]
    assert specs.errors(version, "manifest", manifest) == []
    manifest["authentication"] = {"type": "apiKey", "name": "k", "in": "nowhere"}
    assert specs.errors(version, "manifest", manifest)
