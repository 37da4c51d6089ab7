"""The UI's small parts: the message catalog, highlighting segments, form errors, the secret key."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from normalizer.model import ENTITY_TYPES, NAME_KINDS, Mention, Resolution
from normalizer.ui.forms import EntityForm, field_errors
from normalizer.ui.highlight import segments
from normalizer.ui.i18n import VI, translate
from normalizer.ui.secret import secret_key
from normalizer.ui.session import CsrfFailed

UI = Path(__file__).resolve().parents[2] / "normalizer" / "ui"


def used_messages() -> set[str]:
    found: set[str] = set()
    for path in (UI / "templates").glob("*.html"):
        found |= set(re.findall(r"_\('((?:[^'\\]|\\.)*)'", path.read_text(encoding="utf-8")))
    for path in UI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'notify\("([^"]+)"', source))
        found |= set(re.findall(r'Editor(?:Required)?\("([^"]+)"\)', source))
    return found


def test_every_message_of_the_pages_has_a_vietnamese_translation() -> None:
    messages = used_messages() | set(ENTITY_TYPES) | set(NAME_KINDS) | {CsrfFailed.description}
    assert len(messages) > 80
    missing = sorted(m for m in messages if m not in VI)
    assert not missing, missing


def test_translations_keep_their_placeholders() -> None:
    for message, vietnamese in VI.items():
        placeholders = [sorted(re.findall(r"%\((\w+)\)s", m)) for m in (message, vietnamese)]
        assert placeholders[0] == placeholders[1], message


def test_translate_fills_values_and_falls_back_to_english() -> None:
    assert translate("%(n)s entities", "vi", n=3) == "3 thực thể"
    assert translate("%(n)s entities", "en", n=3) == "3 entities"
    assert translate("no such message", "vi") == "no such message"


def mention(start: int, end: int, text: str) -> Mention:
    return Mention(start, end, text[start:end], Resolution(text[start:end], "unmatched", None))


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(max_size=60))
    offset = st.integers(0, len(text) + 3)
    spans = draw(st.lists(st.tuples(offset, offset), max_size=8))
    return text, spans


@given(text_and_spans())
def test_segments_cover_the_text_exactly_once(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    parts = segments(text, [mention(a, b, text) for a, b in spans])
    assert "".join(p.text for p in parts) == text
    at = 0
    for part in parts:
        if part.mention is not None:
            assert (part.mention.start, part.mention.end) == (at, at + len(part.text))
        at += len(part.text)


def test_segments_keep_markup_as_plain_text() -> None:
    text = "<b>Vương Nghị</b> và Tập Cận Bình"
    parts = segments(text, [mention(3, 13, text), mention(21, 33, text)])
    assert [p.text for p in parts] == ["<b>", "Vương Nghị", "</b> và ", "Tập Cận Bình"]


def test_field_errors_are_placed_by_form_row() -> None:
    errors = {"names": {"1": {"lang": ["bad tag"]}, "_schema": ["needs an en name"]}, "type": ["bad type"]}
    assert field_errors(errors, rows={"names": [0, 2]}) == {
        "names-2-lang": ["bad tag"], "names": ["needs an en name"], "type": ["bad type"]}


def test_the_edit_form_reads_rows_and_the_new_name() -> None:
    form = EntityForm.read({"name": " Wang Yi ", "type": "person", "revision": "7", "names-count": "2",
                            "names-0-text": "Wang Yi", "names-0-lang": "en", "names-0-kind": "preferred",
                            "names-1-text": "Old", "names-1-lang": "en", "names-1-remove": "1",
                            "names-new-text": "Vương Nghị", "names-new-lang": "vi",
                            "names-new-used_by": "china, , japan"})
    payload, rows = form.changes()
    assert form.revision == 7 and payload["name"] == "Wang Yi" and rows == {"names": [0, 2], "roles": []}
    assert payload["names"][1] == {"text": "Vương Nghị", "lang": "vi", "kind": "alias", "source": "editorial",
                                   "used_by": ["china", "japan"]}
    assert EntityForm.read({"names-count": "99999999999999", "revision": "x"}).revision == 0
    assert EntityForm.read({"names-count": "²", "revision": "³"}).revision == 0


def test_a_configured_secret_key_wins(tmp_path: Path) -> None:
    assert secret_key("configured-key", tmp_path / "key") == "configured-key"
    assert not (tmp_path / "key").exists()


def test_the_secret_key_file_is_private_and_shared(tmp_path: Path) -> None:
    path = tmp_path / "var" / "ui_secret_key"
    keys: list[str] = []
    threads = [threading.Thread(target=lambda: keys.append(secret_key("", path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and len(keys[0]) >= 32
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert secret_key("", path) == keys[0]
    assert [p.name for p in path.parent.iterdir()] == ["ui_secret_key"]  # no temporary file left
