"""Mention extraction against the real gazetteer: the hard cases of issue 5."""

from __future__ import annotations

import pytest

from normalizer.extract import Extraction
from normalizer.model import Mention
from normalizer.service import InvalidQuery, Normalizer, TextTooLarge
from normalizer.settings import Settings


def links(result: Extraction) -> list[tuple[str, str]]:
    return [(m.text, m.resolution.match.id) for m in result.mentions if m.resolution.match]


def match_id(mention: Mention) -> str | None:
    return mention.resolution.match.id if mention.resolution.match else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Đảng Cộng sản Trung Quốc họp.", [("Đảng Cộng sản Trung Quốc", "chinese-communist-party")]),
    ("phi hạt nhân hóa Bán đảo Triều Tiên.", [("Bán đảo Triều Tiên", "korean-peninsula")]),
    ("khóa họp Đại hội đồng Liên hợp quốc", [("Đại hội đồng Liên hợp quốc", "un-general-assembly")]),
    ("quan hệ Nhật Bản-Hàn Quốc", [("Nhật Bản", "japan"), ("Hàn Quốc", "south-korea")]),
    # a geographic head in lower case, as the press often writes it
    ("căng thẳng trên bán đảo Triều Tiên", [("bán đảo Triều Tiên", "korean-peninsula")]),
    ("tàu cá ở vùng biển Nhật Bản", [("biển Nhật Bản", "sea-of-japan")]),
])
def test_longest_match_wins(service: Normalizer, text: str, expected: list[tuple[str, str]]) -> None:
    assert links(service.extract(text)) == expected


@pytest.mark.parametrize("text", [
    "Anh ấy mua mỹ phẩm cho chị Lan Anh.",
    "Pháp luật bảo vệ người lao động.",
    "Ông Nguyễn Văn Đức dạy tiếng Nhật ở trung tâm.",
    "Cháu Lê Đức Anh học tiếng Anh; chị Nga ở Nga Sơn, anh Trung ở quê.",
    "Nhật ký của Vương quốc cà phê. Đức tin và đạo đức.",
    "VTV.vn - Video đang HOT",
    # "Hàn" and "Trung" are country forms only in a dashed list of countries
    "Mưa lớn ở miền Trung. Trung, 30 tuổi, làm kỹ sư. Hàn là nghề vất vả.",
    "Ba miền Bắc - Trung - Nam cùng đón Tết Trung thu.",
    "Nhiều người sống ở Trung Hòa.",  # a ward of Hanoi: "Trung Hoa" (China) has no grave accent
    "Ông Lê Đông Đức và bà Nam Tư đi chợ.",  # people, not East Germany and Yugoslavia
    "Anh Thái Lan và cô Phần Lan là bạn. Chị Nguyễn Thị Hà Lan đi làm.",  # people, not countries
    "Bão đổ bộ vào bờ biển Đông Nam Bộ. Vùng biển Đông Bắc có sóng lớn.",  # not the South China Sea
    "Áo dài là trang phục truyền thống. Áo khoác mới rất đẹp. Áo sơ mi trắng.",  # garments
])
def test_plain_vietnamese_links_nothing(service: Normalizer, text: str) -> None:
    assert links(service.extract(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Thủ tướng Anh Keir Starmer", [("Anh", "united-kingdom"), ("Keir Starmer", "keir-starmer")]),
    ("Pháp luật của Pháp.", [("Pháp", "france")]),
    ("tại Hamburg, Đức.", [("Hamburg", "hamburg"), ("Đức", "germany")]),
    ("Ban Thời sự/TTXVN-Chủ nhật", [("TTXVN", "vietnam-news-agency")]),
    ("đường dây nóng an ninh Hàn - Nhật - Trung",
     [("Hàn", "south-korea"), ("Nhật", "japan"), ("Trung", "china")]),
    ("Thương mại Mỹ-Trung căng thẳng.", [("Mỹ", "united-states"), ("Trung", "china")]),
    ("Tại Áo, bầu cử diễn ra. Quan hệ Việt Nam - Áo phát triển.",
     [("Áo", "austria"), ("Việt Nam", "vietnam"), ("Áo", "austria")]),
    # the Vietnamese province, not Laos ("Lào") nor China ("Trung")
    ("Chị Nga ở Nga Sơn, anh Trung ở Lào Cai.", [("Lào Cai", "lao-cai")]),
    ("Liên Xô tan rã năm 1991; Đông Đức và Tây Đức thống nhất năm 1990.",
     [("Liên Xô", "soviet-union"), ("Đông Đức", "east-germany"), ("Tây Đức", "west-germany")]),
])
def test_one_syllable_names_in_context(
    service: Normalizer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert links(service.extract(text)) == expected


def test_partial_references_link_to_an_earlier_full_mention(service: Normalizer) -> None:
    text = ("Ngoại trưởng Nhật Bản Yoko Kamikawa gặp Chủ tịch Tập Cận Bình. "
            "Bà Kamikawa nói. Kamikawa cười. Ông Tập đáp.")
    result = service.extract(text)
    corefs = [(m.text, match_id(m), m.title) for m in result.mentions if m.coref]
    assert corefs == [("Kamikawa", "yoko-kamikawa", "Bà"), ("Kamikawa", "yoko-kamikawa", None),
                      ("Tập", "xi-jinping", "Ông")]
    kamikawa = next(m for m in result.mentions if m.text == "Yoko Kamikawa")
    assert kamikawa.title == "Ngoại trưởng"
    assert result.mentions[-1].to_dict()["antecedent"] == text.index("Tập Cận Bình")


def test_partial_reference_without_antecedent_stays_unlinked(service: Normalizer) -> None:
    result = service.extract("Theo Bắc Kinh, ông Vương sẽ tới. Bà Kamikawa cũng vậy.")
    assert links(result) == [("Bắc Kinh", "beijing")]
    unlinked = {m.text: m for m in result.unlinked}
    assert set(unlinked) == {"Vương", "Kamikawa"}
    assert all(m.resolution.status != "matched" for m in unlinked.values())


def test_a_lone_name_introduced_with_title_and_its_country_is_linked(service: Normalizer) -> None:
    result = service.extract("Tổng thống Nga Putin và Thủ tướng Ấn Độ Modi hội đàm.")
    assert links(result) == [("Nga", "russia"), ("Putin", "vladimir-putin"),
                             ("Ấn Độ", "india"), ("Modi", "narendra-modi")]
    wrong_country = service.extract("Tổng thống Mỹ Putin phát biểu.")
    assert links(wrong_country) == [("Mỹ", "united-states")]
    assert [m.text for m in wrong_country.unlinked] == ["Putin"]


def test_offsets_are_exact_in_messy_text(service: Normalizer) -> None:
    text = "Ngoa\u0323i trươ\u0309ng Kishi\u200bda Fumio tới Tokу\u043e và Hàn\u200b Quốc.\ud800"
    result = service.extract(text)
    assert [(text[m.start:m.end], match_id(m)) for m in result.mentions] == [
        ("Kishi\u200bda Fumio", "fumio-kishida"), ("Tokу\u043e", "tokyo"), ("Hàn\u200b Quốc", "south-korea"),
    ]
    assert result.mentions[0].title is not None


@pytest.mark.parametrize(
    "text", ["", "   \n\t ", "12/11/2023 06:31 +7 !!!", "\ud800\udfff", "Москва 北京 서울"]
)
def test_bad_or_empty_input_never_crashes(service: Normalizer, text: str) -> None:
    result = service.extract(text).to_dict()
    assert set(result) == {"mentions", "unlinked"}


def test_types_filter_and_validation(service: Normalizer) -> None:
    text = "Chủ tịch Trung Quốc Tập Cận Bình tới Hà Nội."
    assert links(service.extract(text, types=["person"])) == [("Tập Cận Bình", "xi-jinping")]
    with pytest.raises(InvalidQuery):
        service.extract(text, types=["planet"])
    with pytest.raises(InvalidQuery):
        service.extract(text, date="26/11/2023")
    with pytest.raises(InvalidQuery):
        service.extract(b"bytes")  # type: ignore[arg-type]


def test_text_over_the_limit_is_refused(service: Normalizer) -> None:
    small = Normalizer(service.index, Settings(max_text_bytes=100))
    small.extract("Hà Nội " * 10)  # 100 bytes of UTF-8: fine
    with pytest.raises(TextTooLarge):
        small.extract("Hà Nội " * 10 + "x")
