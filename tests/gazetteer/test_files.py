from pathlib import Path

import yaml

from normalizer.gazetteer import check_dir, format_dir, format_entities, load_dir
from normalizer.settings import Settings
from tests.gazetteers import write_yaml

GOOD = """\
- id: japan
  type: country
  name: Japan
  names:
  - {text: Japan, lang: en, kind: preferred, source: cldr}
  - {text: Nhật Bản, lang: vi, kind: preferred, source: cldr}

- id: fumio-kishida
  type: person
  name: Fumio Kishida
  country: japan
  roles:
  - {title: Prime Minister, of: japan, start: '2021-10-04', end: '2024-10-01'}
  names:
  - {text: Fumio Kishida, lang: en, kind: preferred, family: Kishida, source: editorial}
"""


def _write(tmp_path: Path, text: str) -> Path:
    return write_yaml(tmp_path, text, "a.yaml")


def test_a_canonical_file_checks_clean(tmp_path):
    loaded, problems = check_dir(_write(tmp_path, GOOD))
    assert problems == []
    assert [e.id for e in loaded.entities] == ["japan", "fumio-kishida"]


def test_format_round_trips_byte_for_byte(tmp_path):
    loaded = load_dir(_write(tmp_path, GOOD))
    assert format_entities(loaded.entities) == GOOD
    assert format_dir(tmp_path) == []


def test_problems_name_file_and_line(tmp_path):
    bad = GOOD.replace("country: japan", "country: nippon").replace("lang: vi", "lang: Vietnamese")
    bad += "\n- id: Bad Id\n  type: thing\n  name: ''\n  names: []\n"
    _, problems = check_dir(_write(tmp_path, bad))
    text = "\n".join(map(str, problems))
    assert "a.yaml:6: name 'Nhật Bản': bad language tag" in text
    assert "unknown entity 'nippon'" in text
    assert "id must be a lowercase ASCII slug" in text
    assert "type must be one of" in text


def test_colliding_strong_names_need_both_marked(tmp_path):
    other = (
        "\n- id: nippon\n  type: country\n  name: Nippon\n  names:\n"
        "  - {text: Japan, lang: en, kind: alias, source: editorial}\n"
    )
    _, problems = check_dir(_write(tmp_path, GOOD + other))
    assert any("shared by japan, nippon" in p.message for p in problems)


def test_fmt_never_rewrites_a_file_that_did_not_load(tmp_path):
    broken = GOOD.replace("type: person", "type: human")
    _write(tmp_path, broken)
    assert format_dir(tmp_path) == []
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == broken


def test_the_shipped_gazetteer_is_valid_and_canonical():
    loaded, problems = check_dir(Settings().gazetteer_dir)
    assert problems == [], "\n".join(map(str, problems[:20]))
    assert len(loaded.entities) >= 1000


def test_generated_files_parse_as_plain_yaml():
    for path in sorted(Settings().gazetteer_dir.rglob("*.yaml")):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        assert isinstance(yaml.load(path.read_text(encoding="utf-8"), Loader=loader), list), path
