"""The W3C reconciliation specs' JSON Schemas (../shared/recon-specs beside the clone) as validators.

Every schema declares "$schema": "http://json-schema.org/schema#", the URI of the latest draft,
so they are read as Draft 2020-12. Each version gets its own registry: both versions reuse some
$ids (0.2's data-extension-property-proposal.json carries the draft's $id), and `$ref`s between
files ("lang.json", "type.json", the Swagger 2.0 schema in openapi.json) resolve against the
referring schema's $id inside that registry.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPECS = Path(__file__).resolve().parents[2] / ".." / "shared" / "recon-specs"
VERSIONS = ("0.2", "1.0-draft")
SKIP_REASON = f"the reconciliation specs are not at {SPECS} (CI keeps ../shared beside the clone)"


def available() -> bool:
    return all((SPECS / v / "schemas").is_dir() for v in VERSIONS)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def registry(version: str) -> Registry:
    resources = []
    for path in sorted((SPECS / version / "schemas").glob("*.json")):
        contents = _load(path)
        resources.append((contents["$id"].rstrip("#"), DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


def schema_id(version: str, name: str) -> str:
    """The $id of schemas/<name>.json of a version."""
    return str(_load(SPECS / version / "schemas" / f"{name}.json")["$id"]).rstrip("#")


def validator(version: str, name: str, pointer: str = "") -> Draft202012Validator:
    """A validator for schemas/<name>.json of a version, or for the part of it at a JSON pointer."""
    return Draft202012Validator({"$ref": f"{schema_id(version, name)}#{pointer}"}, registry=registry(version))


def errors(version: str, name: str, instance: Any, pointer: str = "") -> list[str]:
    """Every way the instance breaks the schema, one line each; [] when it is valid."""
    found = validator(version, name, pointer).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


def assert_valid(version: str, name: str, instance: Any, pointer: str = "") -> None:
    problems = errors(version, name, instance, pointer)
    assert not problems, f"{version} {name}{pointer}:\n" + "\n".join(problems)


def examples(version: str, kind: str, valid: bool) -> list[Path]:
    """The spec's own example files of a kind (e.g. "manifest"), valid or invalid ones."""
    folder = SPECS / version / "examples" / kind / ("valid" if valid else "invalid")
    return sorted(folder.glob("*.json"))


def load(path: Path) -> Any:
    return _load(path)
