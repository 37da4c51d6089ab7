"""DESIGN.md's import rules, checked on the source: each layer imports only the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "normalizer"
SHELLS = {"api", "ui", "cli", "web", "server"}
ALLOWED: dict[str, set[str]] = {
    "text": set(),
    "model": set(),
    "settings": set(),
    "names": {"text", "model"},
    "translit": {"text"},
    "gazetteer": {"text", "model"},
    "match": {"text", "names", "translit", "gazetteer", "model"},
    "store": {"model", "settings"},
    "extract": {"text", "names", "translit", "gazetteer", "match", "model", "extraction"},
    "extraction": {"text", "names", "translit", "gazetteer", "match", "model", "extraction"},
    "bulk": {"model", "settings", "bulk"},
    "evaluation": {"text", "names", "translit", "gazetteer", "match", "model", "extract", "extraction"},
    "devset": {"model"},
    "devset_pages": {"model", "devset"},
    "unknown_eval": {"model", "translit"},
    "curation": {"text", "names", "translit", "gazetteer", "match", "store", "model", "settings",
                 "curation"},
    "generation": {"text", "names", "translit", "gazetteer", "match", "store", "model", "extract",
                   "extraction"},
    "service": {"text", "names", "translit", "gazetteer", "match", "store", "model", "settings",
                "extract", "extraction", "bulk", "evaluation", "curation", "generation", "devset",
                "devset_pages", "snapshot", "unknown_eval"},
    "snapshot": {"gazetteer", "settings", "store", "model", "text"},
    "cluster": {"bulk", "gazetteer", "model", "settings", "service", "cluster"},
    "api": {"service", "model", "settings", "api", "recon"},
    "ui": {"service", "model", "settings", "ui"},
    "cli": {"service", "model", "settings", "gazetteer", "bulk", "evaluation", "server", "cluster"},
    "web": {"service", "model", "settings", "api", "ui", "recon"},
    "recon": {"service", "model", "settings", "recon"},
    "server": {"service", "model", "settings", "web"},
}


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "normalizer" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_module_keeps_to_its_layer():
    broken = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        if layer in ("__init__", "__main__"):
            continue
        allowed = ALLOWED.get(layer)
        assert allowed is not None, f"{path}: layer {layer!r} has no import rule; add one"
        for other in _imported_layers(path) - {layer} - allowed:
            broken.append(f"{path.relative_to(PACKAGE)} imports normalizer.{other}")
    assert not broken, "\n".join(broken)


def test_nothing_imports_a_shell():
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        if layer in SHELLS | {"__main__"}:
            continue
        assert not (_imported_layers(path) & SHELLS), f"{path} imports a shell"
