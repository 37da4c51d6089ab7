"""A small gazetteer, a service over it, and helpers to run a bulk job on bytes."""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest

from normalizer.service import CsvJob, CsvOptions, Normalizer
from normalizer.settings import Settings
from tests.gazetteers import load_index, write_yaml

GAZETTEER = """\
- id: china
  type: country
  name: China
  names:
  - {text: China, lang: en, kind: preferred, source: cldr}
  - {text: Trung Quốc, lang: vi, kind: preferred, source: cldr}
- id: south-korea
  type: country
  name: South Korea
  names:
  - {text: South Korea, lang: en, kind: preferred, source: cldr}
  - {text: Hàn Quốc, lang: vi, kind: preferred, source: cldr}
- id: north-korea
  type: country
  name: North Korea
  names:
  - {text: North Korea, lang: en, kind: preferred, source: cldr}
  - {text: Triều Tiên, lang: vi, kind: preferred, source: cldr}
- id: wang-yi
  type: person
  name: Wang Yi
  country: china
  names:
  - {text: Wang Yi, lang: en, kind: preferred, family: Wang, source: editorial}
  - {text: Vương Nghị, lang: vi, kind: preferred, family: Vương, source: editorial}
- id: xi-jinping
  type: person
  name: Xi Jinping
  country: china
  names:
  - {text: Xi Jinping, lang: en, kind: preferred, family: Xi, source: editorial}
  - {text: Tập Cận Bình, lang: vi, kind: preferred, family: Tập, source: editorial}
"""
TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.fixture(scope="session")
def small_service(tmp_path_factory: pytest.TempPathFactory) -> Normalizer:
    root = write_yaml(tmp_path_factory.mktemp("gazetteer"), GAZETTEER)
    return Normalizer(load_index(root), Settings(gazetteer_dir=root))


def to_1258(text: str) -> bytes:
    """Encode like Windows-1258 editors do: a tone as a combining mark after its vowel."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


def run_job(service: Normalizer, data: bytes, **options: object) -> tuple[CsvJob, list[list[str]]]:
    """Run a job over `data`; the job and its output parsed back into rows."""
    options.setdefault("column", "name")
    job = service.open_csv(io.BytesIO(data), CsvOptions(**options))  # type: ignore[arg-type]
    sink = io.StringIO(newline="")
    job.write(sink)
    return job, list(csv.reader(io.StringIO(sink.getvalue(), newline="")))
