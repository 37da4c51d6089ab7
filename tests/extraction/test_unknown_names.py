"""Extraction of names the gazetteer does not hold (issue 21), on the real gazetteer: phonetic
transcriptions are linked by sound, unknown people are reported unlinked with a suggestion by
their origin, and title abbreviations are titles, not part of the name."""

from __future__ import annotations

import pytest

from normalizer.service import Normalizer


def linked(service: Normalizer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.resolution.match.id, m.resolution.match.method)
            for m in service.extract(text).mentions if m.resolution.match]


def unlinked(service: Normalizer, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.resolution.suggestion.text, m.resolution.suggestion.origin) if m.resolution.suggestion
            else (None, None) for m in service.extract(text).unlinked}


def test_a_transcription_is_linked_by_sound(service: Normalizer) -> None:
    found = linked(service, "Thủ tướng Ấn Độ gặp Cố vấn An ninh Quốc gia Adít Đôvan tại Hà Nội.")
    assert ("Adít Đôvan", "ajit-doval", "phonetic") in found


@pytest.mark.parametrize(("text", "name", "title_free"), [
    ("HLV Kim Sang-sik dẫn dắt đội tuyển.", "Kim Sang-sik", "kim-sang-sik"),
    ("CEO Phạm Nhật Vượng phát biểu.", "Phạm Nhật Vượng", "pham-nhat-vuong"),
    ("TT Donald Trump phát biểu.", "Donald Trump", "donald-trump"),
])
def test_title_abbreviations_are_titles(service: Normalizer, text: str, name: str, title_free: str) -> None:
    assert (name, title_free) in [(t, i) for t, i, _ in linked(service, text)]
    assert not any(n.startswith(("HLV", "CEO", "TT")) for n in unlinked(service, text))


def test_tt_is_a_title_but_tt_hue_is_a_place(service: Normalizer) -> None:
    found = linked(service, "Du khách đến TT Huế và TT-Huế. TT Trump nói.")
    assert [(t, i) for t, i, _ in found] == [("TT Huế", "hue"), ("TT-Huế", "hue")]
    assert "TT Trump" not in unlinked(service, "TT Trump nói.")


@pytest.mark.parametrize(("text", "name", "ident"), [
    ("Ông Biden nhậm chức.Hoa Kỳ sẽ rút khỏi hiệp định.", "Hoa Kỳ", "united-states"),
    ("Du khách Thái LanNhà nghỉ đông khách.", "Thái Lan", "thailand"),
])
def test_names_glued_to_punctuation_or_a_word_are_found(service: Normalizer, text: str, name: str,
                                                         ident: str) -> None:
    assert (name, ident) in [(t, i) for t, i, _ in linked(service, text)]


def test_unknown_people_are_unlinked_with_a_suggestion_by_origin(service: Normalizer) -> None:
    text = "Theo GS.TS Nguyễn Văn Khoa Tuấn và NSND Trần Thành Nam, ông Choo Sung Min sẽ đến."
    found = unlinked(service, text)
    assert found["Nguyễn Văn Khoa Tuấn"] == ("Nguyen Van Khoa Tuan", "vietnamese")
    assert found["Trần Thành Nam"] == ("Tran Thanh Nam", "vietnamese")
    assert found["Choo Sung Min"] == ("Choo Sung-min", "korean")
    assert linked(service, text) == []


def test_a_party_written_with_its_head_in_lower_case_is_found(service: Normalizer) -> None:
    text = "Thủ tướng Nhật Bản thuộc đảng Dân chủ Tự do cầm quyền."
    found = [(t, i) for t, i, _ in linked(service, text)]
    assert ("đảng Dân chủ Tự do", "liberal-democratic-party-japan") in found
    # another head in lower case is a description: the Cabinet's office, not the Cabinet Office
    found = [t for t, _, _ in linked(service, "Theo văn phòng Nội các Nhật Bản.")]
    assert "văn phòng Nội các Nhật Bản" not in found


def test_a_name_the_press_writes_in_lower_case_is_found_as_written(service: Normalizer) -> None:
    text = "Iran muốn khôi phục kế hoạch hành động toàn diện chung với Mỹ."
    assert ("kế hoạch hành động toàn diện chung", "jcpoa") in [(t, i) for t, i, _ in linked(service, text)]


@pytest.mark.parametrize(("text", "longer", "inner"), [
    ("Đội Đà Nẵng FC thắng trận.", "Đà Nẵng FC", "Đà Nẵng"),
    ("Giải Nhật Bản Mở rộng 2024 khởi tranh.", "Nhật Bản Mở rộng 2024", "Nhật Bản"),
    ("Phim đoạt giải tại LHP quốc tế Macau năm nay.", "LHP quốc tế Macau", "Macau"),
    ("Tuyển thủ dự giải Việt Nam Open.", "Việt Nam Open", "Việt Nam"),
])
def test_a_known_name_inside_a_longer_unknown_name_is_not_linked_alone(
        service: Normalizer, text: str, longer: str, inner: str) -> None:
    assert inner not in [t for t, _, _ in linked(service, text)]
    assert longer in unlinked(service, text)


def test_a_longer_name_the_gazetteer_holds_is_linked(service: Normalizer) -> None:
    assert ("Hà Nội FC", "hanoi-fc") in [(t, i) for t, i, _ in linked(service, "Đội Hà Nội FC thắng.")]
