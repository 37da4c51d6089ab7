import pytest
from unidecode import unidecode

from normalizer.names import is_person_title, parse, split_alternatives
from normalizer.names.titles import ENGLISH_TITLES, VIETNAMESE_TITLES


@pytest.mark.parametrize(
    ("query", "title", "name"),
    [
        ("Ngoại trưởng Vương Nghị", "Ngoại trưởng", "Vương Nghị"),
        ("ngoai truong vuong nghi", "ngoai truong", "vuong nghi"),
        ("Bộ trưởng Bộ Ngoại giao Nhật Kamikawa", "Bộ trưởng Bộ Ngoại giao", "Nhật Kamikawa"),
        ("cựu Đại sứ Shin Kak Soo", "cựu Đại sứ", "Shin Kak Soo"),
        ("bà Kamikawa", "bà", "Kamikawa"),
        ("President Joe Biden", "President", "Joe Biden"),
        ("Chánh văn phòng Nội các Hirokazu Matsuno", "Chánh văn phòng Nội các", "Hirokazu Matsuno"),
        ("Ba Lan", None, "Ba Lan"),  # folded "ba" is not the honorific "bà"
        ("Thủ tướng", None, "Thủ tướng"),  # a title alone is kept as the name
        # titles are found by folded form, but a word with other diacritics is another word
        ("Chủ tịch Tần Cương", "Chủ tịch", "Tần Cương"),  # Tần (Qin), not Tân (new)
        ("Thủ tướng Tưởng Giới Thạch", "Thủ tướng", "Tưởng Giới Thạch"),  # not Tướng (general)
        ("Tân Đại sứ Marc Knapper", "Tân Đại sứ", "Marc Knapper"),
        # "Cố" (the late) and "Tân" (new) are also surnames (顾 Gu, 辛 Xin) before a bare given name
        ("Cố Bảo Mai", None, "Cố Bảo Mai"),
        ("Tân Hiểu Lộ", None, "Tân Hiểu Lộ"),
        ("Cố Lý Quang Diệu", "Cố", "Lý Quang Diệu"),
        ("Cố Kim Jong-il", "Cố", "Kim Jong-il"),
        ("Cố Chủ tịch Hồ Chí Minh", "Cố Chủ tịch", "Hồ Chí Minh"),
        ("Ngoại truong Vương Nghị", "Ngoại truong", "Vương Nghị"),  # some marks lost
        ("DAI SU Marc Knapper", "DAI SU", "Marc Knapper"),
        ("Dai sư Marc Knapper", "Dai sư", "Marc Knapper"),
        ("Dương Kim Anh", None, "Dương Kim Anh"),  # a family name, not the title "Đương kim"
        ("duong kim Tong thong Joe Biden", "duong kim Tong thong", "Joe Biden"),
        # a person's title after a comma reads as one before the name
        ("Tập Cận Bình, Chủ tịch", "Chủ tịch", "Tập Cận Bình"),
        ("Kishida Fumio, Thủ tướng Nhật Bản", "Thủ tướng", "Nhật Bản Kishida Fumio"),
        ("Ông Tập Cận Bình, Chủ tịch Trung Quốc", "Ông Chủ tịch", "Trung Quốc Tập Cận Bình"),
        ("Wang Yi,Foreign Minister", "Foreign Minister", "Wang Yi"),
        ("Vương Nghị - Ngoại trưởng Trung Quốc", "Ngoại trưởng", "Trung Quốc Vương Nghị"),
        ("Vương Nghị – Ngoại trưởng", "Ngoại trưởng", "Vương Nghị"),  # clean makes it "-"
        ("Kim Jong-un", None, "Kim Jong-un"),
        # a nationality before an English title is read with it
        ("Chinese Foreign Minister Wang Yi", "Chinese Foreign Minister", "Wang Yi"),
        ("South Korean President Yoon Suk Yeol", "South Korean President", "Yoon Suk Yeol"),
        ("U.S. Secretary of State Antony Blinken", "U.S. Secretary of State", "Antony Blinken"),
        ("South Korea", None, "South Korea"),  # never alone
        ("Chinese Taipei", None, "Chinese Taipei"),
        ("Thái Tổng thống", None, "Thái Tổng thống"),  # "Thai" only with an English title
        # a country's possessive before a person's title
        ("China's Foreign Minister Wang Yi", "Foreign Minister", "China Wang Yi"),
        ("South Korea’s President Yoon Suk Yeol", "President", "South Korea Yoon Suk Yeol"),
        ("People's Daily", None, "People's Daily"),
        ("China's Wang Yi", None, "China's Wang Yi"),
        ("Japan's", None, "Japan's"),  # nothing after it (hypothesis found the crash)
        # other text after a comma stays where it is
        ("Korea, Republic of", None, "Korea, Republic of"),
        ("Hàn Quốc, Nhật Bản", None, "Hàn Quốc, Nhật Bản"),
        ("Urumqi, Tân Cương", None, "Urumqi, Tân Cương"),  # "Tân" is a title, not a person's
        ("Vương Nghị, Chủ tịch, Ngoại trưởng", None, "Vương Nghị, Chủ tịch, Ngoại trưởng"),
    ],
)
def test_titles_are_split_off(query, title, name):
    parsed = parse(query)
    assert (parsed.title, parsed.name) == (title, name)


@pytest.mark.parametrize(
    ("text", "alternatives"),
    [
        ("Takeshima/Dokdo", ("Takeshima", "Dokdo")),
        ("Quách Gia Côn (Guo Jiakun)", ("Quách Gia Côn", "Guo Jiakun")),
        ("Senkaku hay Điếu Ngư", ("Senkaku", "Điếu Ngư")),
        ("Vương Nghị", ()),
    ],
)
def test_alternatives(text, alternatives):
    assert split_alternatives(text) == alternatives


def test_person_titles():
    assert is_person_title("Ngoại trưởng")
    assert is_person_title("U.S. President") and is_person_title("Chinese Foreign Minister")
    assert is_person_title("cựu Đại sứ")
    assert not is_person_title("Cựu")
    assert not is_person_title(None)


def test_nothing_left_is_none():
    assert parse("") is None
    assert parse("\u200b") is None


@pytest.mark.parametrize("title", VIETNAMESE_TITLES + ENGLISH_TITLES)
def test_every_title_is_found_with_or_without_its_diacritics(title):
    for written in (title, title.upper(), unidecode(title), unidecode(title).lower()):
        assert parse(f"{written} Marc Knapper").name == "Marc Knapper", written
