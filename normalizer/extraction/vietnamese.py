"""Vietnamese words that decide whether a one-syllable name in running text is a name.

Many country names are also ordinary syllables: "Anh" (the UK; a pronoun; a given name), "Pháp"
(France; "pháp luật", law), "Mỹ" (the USA; "mỹ phẩm", cosmetics), "Đức" (Germany; a given
name; "Đức Giáo hoàng", His Holiness), "Nhật" (Japan; "nhật ký", diary), "Áo" (Austria; a
garment, "Áo dài"), "Nga" (Russia; a given name), "Trung" (China in "Hàn - Nhật - Trung";
"trung tâm", centre). All words are lower case with their diacritics, compared with casefolded
text.
"""

from __future__ import annotations


def _words(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


# A one-syllable name followed by one of these forms a compound word, not a name.
COMPOUND_AFTER: dict[str, frozenset[str]] = {
    key: frozenset(words.split())
    for key, words in {
        "anh": "ấy ta em chị hùng dũng minh tài trai rể họ ruột cả hai ba đào ngữ văn thư linh "
               "kiệt tuấn hào quân túc vũ khí",
        "pháp": "luật lí lý chế nhân quyền định sư môn danh trường y bảo lệnh điển thuật",
        "mỹ": "phẩm thuật nghệ mãn quan viện nhân vị học tục lệ miều từ cảm ý nữ kim",
        "mĩ": "phẩm thuật nghệ mãn quan viện nhân vị học tục lệ miều từ cảm ý nữ kim",
        "đức": "tin tính độ hạnh phật mẹ chúa thánh cha vua ông bà giáo tăng",
        "nhật": "kí ký báo thực trình dụng lệnh kì kỳ tụng",
        "trung": "tâm bình ương thành lập thu học tuần đoàn đội niên gian tướng tá úy uý sĩ cấp "
                  "hậu thực kiên tín chuyển khu lưu tính",
        "nga": "mi my",
        "lào": "xào",
        "hàn": "gắn xì lâm huyên",
        "ý": "kiến nghĩa chí thức tưởng định muốn",
        "úc": "châu",
        "thái": "độ tử bình cực quá",
        "ấn": "tượng định phẩm",
        "bỉ": "ổi",
        "séc": "bạc",
        # "Áo" (Austria) is also a garment: "Áo dài", "Áo khoác", "Áo sơ mi" at a sentence's start
        "áo": "dài khoác sơ len phông thun mưa giáp ấm gió vest cưới choàng lót ngực yếm tắm bào "
              "quần cà tơi bông phao dạ gile cộc lính trắng đen xanh đỏ hoa mới cũ",
    }.items()
}

# Words that make the following capitalized syllable a given name or a language: "anh Đức",
# "chị Anh", "tiếng Nhật", "châu Mỹ" (the Americas, not the United States).
BLOCKING_BEFORE = _words(
    "anh chị em cô chú bác dì cậu mợ thím cháu con bạn thầy cụ nàng chàng bé út tiếng chữ ",
    "giọng châu ông bà ngài",
)

# Generic words at the head of a geographic name, which the press writes in either case:
# "Bán đảo Triều Tiên" and "bán đảo Triều Tiên", "Biển Nhật Bản" and "biển Nhật Bản".
GEOGRAPHIC_HEADS = _words(
    "biển đảo vịnh sông núi hồ cao nguyên sa mạc đồng bằng",
)
GEOGRAPHIC_HEAD_PAIRS = ("bán đảo", "quần đảo", "eo biển", "dãy núi", "bãi cạn", "bãi đá")

# Words that make the following capitalized words a person's name, whatever they also name:
# "bà Nam Tư" is a woman, not Yugoslavia; "ông Việt Nam" a man.
PERSON_BEFORE = _words(
    "anh chị cô chú bác cụ cháu ông bà ngài",
)

# Common Vietnamese family and middle names: a one-syllable name right after one of these,
# capitalized, is part of a Vietnamese personal name ("Nguyễn Đức", "Trần Anh").
VIETNAMESE_NAME_PARTS = _words(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lí lý đinh đoàn trịnh ",
    "lâm mai tô hà cao lương tạ chu lưu trương văn thị hữu đình xuân quang ngọc thanh thu kim ",
    "minh bảo gia công quốc mạnh phương tuấn thế duy khánh",
)

# Frequent words that start a sentence and so are capitalized without being names.
SENTENCE_WORDS = _words(
    "trong theo ngày tại với về do vì nhưng tuy còn cùng một hai ba bốn năm các những cả đây đó ",
    "khi sau trước từ của và hay hoặc nếu để thì là có không đã đang sẽ được bị cho ông bà anh ",
    "chị người phía nước bên hôm sáng chiều tối đêm tuần tháng năm ngoài nhằm qua bởi mặc dù ",
    "riêng tuy nhiên đồng thời ngoài ra bên cạnh hiện nay thế song vậy chính phủ nhà tin ảnh ",
    "nguồn video xem mời chia đọc",
)
