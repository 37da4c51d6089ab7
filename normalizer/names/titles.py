"""Titles and honorifics that precede names in Vietnamese and English news.

Matched on folded tokens, so "Ngoai truong" without diacritics is a title too, except for the
one-syllable honorifics, which must keep their diacritics: folded "ba" is also "Ba Lan" (Poland).
"""

from __future__ import annotations

VIETNAMESE_TITLES = (
    "Ngoại trưởng", "Bộ trưởng Ngoại giao", "Bộ trưởng Bộ Ngoại giao", "Bộ trưởng Quốc phòng",
    "Bộ trưởng Bộ Quốc phòng", "Bộ trưởng Thương mại", "Bộ trưởng Tài chính", "Bộ trưởng",
    "Thứ trưởng Ngoại giao", "Thứ trưởng Bộ Ngoại giao", "Thứ trưởng", "Thủ tướng",
    "Phó Thủ tướng", "Thủ tướng Chính phủ", "Chủ tịch nước", "Chủ tịch Quốc hội", "Chủ tịch",
    "Phó Chủ tịch nước", "Phó Chủ tịch", "Tổng thống", "Phó Tổng thống", "Tổng Bí thư",
    "Tổng Thư ký", "Tổng thư ký Liên hợp quốc", "Đại sứ", "Đặc phái viên", "Đặc sứ",
    "Chánh văn phòng Nội các", "Chánh Văn phòng Nội các", "Người phát ngôn",
    "Người phát ngôn Bộ Ngoại giao", "Phát ngôn viên", "Phát ngôn viên Bộ Ngoại giao",
    "Quốc vương", "Nhà vua", "Vua", "Hoàng đế", "Nữ hoàng", "Thái tử", "Công chúa", "Hoàng tử",
    "Thống đốc", "Thị trưởng", "Thủ hiến", "Đại tướng", "Thượng tướng", "Trung tướng",
    "Thiếu tướng", "Tướng", "Đô đốc", "Tư lệnh", "Thượng nghị sĩ", "Hạ nghị sĩ", "Nghị sĩ",
    "Chủ tịch Hạ viện", "Giáo sư", "Tiến sĩ", "Nhà lãnh đạo", "Lãnh đạo", "Lãnh tụ",
    "Ủy viên Thường vụ Bộ Chính trị", "Ủy viên Bộ Chính trị", "Giáo hoàng", "Đức Giáo hoàng",
    "Đức Đạt Lai Lạt Ma", "Cố vấn", "Cố vấn An ninh Quốc gia", "Ngoại trưởng Mỹ",
    "Người đồng cấp", "Cựu", "Cố", "Tân", "Đương kim", "Nữ", "Ứng viên", "Ứng cử viên",
    "Giám đốc", "Tổng Giám đốc", "Phó Giám đốc", "Phó Tổng Giám đốc",
    # Khmer honorifics the press keeps: "Samdech Techo Hun Sen"
    "Samdech", "Samdech Techo",
    # headline abbreviations: Tổng Bí thư, Chủ tịch nước, Phó Thủ tướng, and "TT" (Thủ tướng or
    # Tổng thống: a person's title either way; "TT-Huế", "TT Huế" are names the gazetteer holds)
    "TBT", "CTN", "PTT", "TT",
    # coaches, academics, artists and executives, written out and abbreviated: "HLV Kim Sang-sik",
    # "GS.TS Nguyễn Văn A", "NSND Trần Thành", "CEO Phạm Nhật Vượng"
    "HLV", "Huấn luyện viên", "Huấn luyện viên trưởng", "GS", "PGS", "TS", "ThS", "GS.TS", "PGS.TS",
    "NSƯT", "NSND", "Nghệ sĩ Nhân dân", "Nghệ sĩ Ưu tú", "CEO", "Nhà sáng lập", "Đạo diễn",
)

# Titles that are also Chinese surnames in Hán-Việt: "Cố" (the late; 顾 Gu), "Tân" (new; 辛 Xin).
# Before a bare two-syllable given name ("Cố Bảo Mai", "Tân Hiểu Lộ") they are the surname.
SURNAME_TITLES = ("Cố", "Tân")

# One-syllable honorifics: stripped only when written with their diacritics.
HONORIFICS = ("ông", "bà", "ngài", "Ông", "Bà", "Ngài")

ENGLISH_TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "President", "Vice President",
    "Prime Minister", "Deputy Prime Minister", "PM", "Premier", "Foreign Minister", "Minister",
    "Minister of Foreign Affairs", "Minister of Defence", "Minister of Defense",
    "Defence Minister", "Defense Minister", "Chancellor", "King", "Queen", "Emperor", "Prince",
    "Princess", "Crown Prince", "Secretary of State", "Secretary-General", "Secretary General",
    "General Secretary", "Chairman", "Chairwoman", "Chair", "Ambassador", "Senator", "Sen",
    "Rep", "Representative", "Governor", "Mayor", "General", "Gen", "Admiral", "Spokesperson",
    "Spokesman", "Spokeswoman", "Chief Cabinet Secretary", "Former", "Late", "The late",
    "Supreme Leader", "Pope", "Director", "Director-General", "Director General",
)

# Nationality adjectives that may precede an English title ("Chinese Foreign Minister Wang Yi",
# "South Korean President Yoon Suk Yeol"): read with the title, never alone. The country is not
# kept as context (that needs the adjective's country, which the gazetteer does not record).
DEMONYMS = (
    "American", "US", "U.S.", "Chinese", "Japanese", "Korean", "South Korean", "North Korean",
    "Vietnamese", "Russian", "Indian", "British", "UK", "French", "German", "Italian", "Spanish",
    "Australian", "Canadian", "Thai", "Cambodian", "Lao", "Laotian", "Indonesian", "Malaysian",
    "Singaporean", "Philippine", "Filipino", "Taiwanese", "Ukrainian", "Israeli", "Iranian",
    "Pakistani", "Turkish", "Brazilian", "Mexican", "Egyptian", "Saudi", "EU",
)

# Titles that say the name is a person: the rest (Lãnh đạo, Tân ...) could precede anything.
PERSON_TITLES = frozenset(VIETNAMESE_TITLES + HONORIFICS + ENGLISH_TITLES) - {
    "Lãnh đạo", "Nhà lãnh đạo", "Cựu", "Cố", "Tân", "Đương kim", "Nữ", "Former", "Late",
}
