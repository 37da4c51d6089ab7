"""A name's source may be a long article URL: the real gazetteer cites some over 100 characters,
which PostgreSQL refused before migration 0004."""

from __future__ import annotations

from normalizer.curation import load_gazetteer
from tests.gazetteers import write_yaml

URL = "https://example.vn/" + "cac-tap-doan-dia-oc-hang-dau-cua-trung-quoc-" * 6 + ".html"
ENTITY = f"""\
- id: vanke
  type: organization
  name: Vanke
  names:
  - {{text: Vanke, lang: en, kind: preferred, source: '{URL}'}}
"""


def test_a_long_source_loads_and_reads_back(empty_store, tmp_path):
    assert len(URL) > 200
    load_gazetteer(empty_store, write_yaml(tmp_path / "gazetteer", ENTITY))
    stored = empty_store.get("vanke")
    assert stored is not None
    assert [n.source for n in stored.entity.names] == [URL]
