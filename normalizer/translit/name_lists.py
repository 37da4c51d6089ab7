"""Word lists that tell a name's origin: surnames and given-name syllables that are typical of one
naming tradition as the Vietnamese press writes it. Keys are folded (no diacritics, lower case)
for Latin spellings and toned keys (normalizer.translit.syllables.toned_key) for Vietnamese ones.

The lists hold what is common in one tradition and rare in the other, not every name: the
classifier (normalizer.translit.origin) weighs them and falls back on the shape of the name.
"""

from __future__ import annotations

# Vietnamese surnames rare among Chinese people the Vietnamese press writes about (Phạm Băng
# Băng and Châu Tinh Trì exist, so Phạm and Châu lean Vietnamese, and are weighed less).
VIETNAMESE_SURNAMES = frozenset({
    "nguyễn", "huỳnh", "võ", "vũ", "bùi", "đinh", "đoàn", "kiều", "mai", "lã", "lò", "quàng",
    "vi", "nông", "ông", "khuất", "lại", "chử", "cù", "trưng", "thân",
})
# Surnames of Chinese people that Vietnamese people seldom carry.
CHINESE_SURNAMES = frozenset({
    "vương", "trương", "tôn", "chu", "diệp", "từ", "tào", "mạnh", "tiêu", "đường", "viên", "tống",
    "thẩm", "lục", "tưởng", "khổng", "cố", "mã", "hác", "bành", "bạch", "tần", "khương", "lôi",
    "nhạc", "tất", "cung", "hầu", "vạn", "đàm", "tiết", "thịnh", "kỷ", "mao", "chương", "nhiếp",
    "tả", "hạ", "âu", "tư", "quan", "yến", "giả", "tề", "diêu", "lạc", "văn", "phó",
    # The most common Chinese surnames, which some Vietnamese carry too but far fewer: about
    # 7 % of Chinese people are Lý (李), 5 % Lưu (刘), 2 % Triệu (赵), against well under 1 % of
    # Vietnamese people each (of 1,174 people in the gazetteer with a Vietnamese name: Lý 35
    # Chinese / 9 Vietnamese, Lưu 30 / 2, Triệu 12 / 1).
    "lý", "lưu", "triệu",
    # Chinese surnames outside the top of the surname table that no common Vietnamese surname
    # reads as: Tập (习), Nhậm (任), Miêu (苗), Dịch (易), Lâu (楼), Nghê (倪), Uông (汪),
    # Đổng (董), Cảnh (景), Ôn (温).
    "tập", "nhậm", "miêu", "dịch", "lâu", "nghê", "uông", "đổng", "cảnh", "ôn",
})
# Surnames both sides carry, more often Chinese people in the press.
CHINESE_LEANING_SURNAMES = frozenset({"quách", "phùng", "hứa", "giang", "lâm", "tạ", "hàn", "cao", "lương"})
# Vietnamese middle names that mark a Vietnamese person.
VIETNAMESE_MIDDLES = frozenset({"thị", "văn"})
# Given-name syllables common in Vietnamese names and rare in Chinese ones (non-Sino words,
# Vietnamese spellings of Sino words, names Chinese parents seldom give).
VIETNAMESE_GIVEN = frozenset({
    "vy", "ly", "nhi", "uyên", "trâm", "nhung", "thảo", "ngân", "loan", "oanh", "hương", "huyền",
    "duyên", "nga", "thư", "trang", "hạnh", "yến", "dung", "hùng", "dũng", "khoa", "tài", "lộc",
    "phúc", "sơn", "kiên", "tùng", "đạt", "thịnh", "hiếu", "nghĩa", "toàn", "thắng", "tâm", "khang",
    "thuận", "tín", "việt", "hậu", "chiến", "bình", "giang", "nam", "quyên", "cẩm",
    "thùy", "diệu", "khánh", "bích", "hữu", "duy", "trọng", "hoài", "anh", "quỳnh", "thu",
    "my", "thủy", "tiến", "công", "nhật", "vượng", "nhàn", "lài", "lụa", "kim",
})
# Given-name syllables typical of Chinese names, rare in Vietnamese ones.
CHINESE_GIVEN = frozenset({
    "tử", "hiểu", "tĩnh", "chấn", "vĩ", "lệ", "thục", "nhã", "diễm", "uyển", "dật", "thần", "hạo",
    "khiết", "hàm", "lỗi", "nghi", "dao", "triết", "nhiên", "viễn", "bằng", "kiến", "chí", "mẫn",
    "học", "di", "tình", "hàn", "cận", "nghị", "dĩnh", "phi", "diệc", "mịch",
    "bác", "thiến", "lôi", "kiệt", "hiên", "vãn", "nghiên", "oánh", "ký", "thừa", "đệ", "hâm", "kỳ",
    "khôn", "dĩ", "lạc", "trì", "tranh", "tường", "xán", "hạc", "ninh", "thiên", "đông", "tuyết",
    # in Chinese given names of the gazetteer and in none of its Vietnamese ones: 泽 超 昆 斌 佑
    # 涛 润 若 健
    "trạch", "siêu", "côn", "bân", "hựu", "thao", "nhuận", "nhược", "kiện",
})
# Given-name syllables typical of Chinese names only as the last syllable: Vietnamese men carry
# Đình as a middle name (Vương Đình Huệ), Chinese women 婷 as the end of theirs (Hiểu Đình).
CHINESE_FINAL_GIVEN = frozenset({"đình"})
# Chinese compound surnames (a 4-syllable Chinese name starts with one).
CHINESE_COMPOUND_SURNAMES = frozenset({
    ("âu", "dương"), ("tư", "mã"), ("gia", "cát"), ("tư", "đồ"), ("thượng", "quan"), ("hạ", "hầu"),
    ("công", "tôn"), ("đông", "phương"), ("mộ", "dung"), ("lệnh", "hồ"), ("hoàng", "phủ"),
})

# Korean surnames as Korean people spell them in Latin letters.
KOREAN_LATIN_SURNAMES = frozenset({
    "kim", "lee", "yi", "rhee", "park", "pak", "bak", "choi", "choe", "jung", "jeong", "chung", "kang",
    "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh", "shin", "kwon",
    "hwang", "ahn", "song", "yoo", "ryu", "yu", "hong", "jeon", "chun", "ko", "moon", "mun", "yang",
    "bae", "baek", "paik", "heo", "huh", "nam", "noh", "roh", "ha", "choo", "chu", "woo", "min", "na",
    "koo", "ku", "sung", "seong", "cha", "joo", "ju", "won", "byun", "byeon", "pyo", "ki", "ji", "yeo",
    "chae", "eom", "um", "do", "so", "jin", "bang", "gong", "hyun", "maeng", "tak", "ban", "yeom",
    "son", "seol", "sul", "gil", "kil", "myung", "wi", "ok", "pyun", "ryoo", "kye", "goh", "kook",
})
# Letter groups that Korean romanizations have and Vietnamese, pinyin and Japanese lack.
KOREAN_MARKS = ("eo", "eu", "ae", "yeo", "oo", "ee", "hy", "ky", "gy", "yeo", "wo", "ye", "kk", "jj",
                "ss", "ng-", "seok", "hyeon")

# Japanese surnames (the common ones) and given names, to tell the order of a Latin name.
JAPANESE_SURNAMES = frozenset({
    "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura", "kobayashi",
    "kato", "yoshida", "yamada", "sasaki", "matsumoto", "inoue", "kimura", "hayashi", "shimizu",
    "yamaguchi", "mori", "ikeda", "hashimoto", "ishikawa", "ogawa", "okada", "fujita", "goto",
    "maeda", "murakami", "kondo", "abe", "ishii", "saito", "sakamoto", "endo", "aoki", "fujii",
    "nishimura", "fukuda", "ota", "miura", "fujiwara", "okamoto", "matsuda", "nakagawa", "nakano",
    "harada", "ono", "tamura", "takeuchi", "kaneko", "wada", "nakayama", "ishida", "ueda", "morita",
    "hara", "shibata", "sakai", "kudo", "yokoyama", "miyazaki", "miyamoto", "uchida", "takagi",
    "ando", "taniguchi", "ohno", "maruyama", "imai", "takada", "fujimoto", "takeda", "murata",
    "ueno", "sugiyama", "masuda", "sugawara", "hirano", "otsuka", "chiba", "kubo", "matsui",
    "iwasaki", "sakurai", "kinoshita", "noguchi", "matsuo", "nomura", "kikuchi", "sano", "onishi",
    "sugimoto", "arai", "hamada", "ichikawa", "furukawa", "mizuno", "komatsu", "shimada", "kojima",
    "takano", "yamashita", "ishihara", "kishida", "suga", "koizumi", "hatoyama", "motegi",
    "kamikawa", "takaichi", "ishiba", "kono", "nishida", "oda", "honda", "toyoda",
    "miyake", "kawaguchi", "kawasaki", "kawamura", "nagai", "yasuda", "hirata", "kuroda",
    "nakajima", "okabe", "yoshimura", "tsuchiya", "hoshino", "shimomura", "yamazaki",
})
JAPANESE_GIVEN = frozenset({
    "haruto", "yuki", "sota", "riku", "kaito", "hina", "yui", "aoi", "mio", "sakura", "ren", "daiki",
    "kenta", "naoki", "ayumi", "emi", "kaori", "takumi", "shota", "misaki", "yuto", "koharu",
    "tsubasa", "mayu", "hiroki", "nanami", "ryota", "asuka", "kazuya", "chihiro", "tomoya", "rina",
    "shun", "akane", "kohei", "yuna", "shinzo", "fumio", "yoshihide", "shigeru", "taro", "jiro",
    "ichiro", "hiroshi", "takeshi", "akira", "kenji", "satoshi", "makoto", "yoko", "yumi", "keiko",
    "naomi", "haruki", "sanae", "toshimitsu", "katsunobu", "yoshimasa", "kenichi", "masato",
    "shinji", "keisuke", "daisuke", "yusuke", "kosuke", "sho", "ryo", "kei", "jun", "nao", "ai",
    "mai", "rie", "eri", "saki", "miki", "yoshiko", "kumiko", "junko", "hiromi", "tomoko", "mariko",
    "shinsuke", "takuya", "tetsuya", "kazuki", "yuma", "haruka", "minami", "momoka",
    "yuzuru", "ryusei", "wataru", "masahiro", "noriko", "akiko", "sayaka", "ayaka",
})
