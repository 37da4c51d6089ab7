"""A gazetteer name with brackets, commas or slashes matches across such marks only where the text
has the same ones: "V-League 2024/2025" is a name, "(V-League) 2024/2025" is not."""

from __future__ import annotations


def _found(service, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in service.extract(text).mentions
            if m.resolution.match is not None]


def test_a_name_with_a_slash_does_not_cross_a_bracket(service):
    text = "Giải bóng đá chuyên nghiệp Việt Nam (V-League) 2024/2025 đã khởi tranh tuần này."
    found = _found(service, text)
    assert not any(")" in surface for surface, _ in found), found
    assert ("V-League", "v-league-1") in found, found


def test_a_name_with_a_slash_still_matches_as_written(service):
    assert ("V-League 2024/2025", "v-league-1-2024-25") in _found(service, "V-League 2024/2025 khởi tranh.")
