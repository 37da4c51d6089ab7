"""Generate unknown_people.tsv: plausible person names that name nobody famous.

300 names written as Vietnamese news writes them: 120 Vietnamese (with diacritics), 100 Chinese
in Hán-Việt reading, 40 Korean and 40 Japanese in Latin letters. Names are drawn from common
surnames and given names with a fixed random seed, so the output is reproducible. Names of
well-known people are dropped through BLOCKLIST (names a check found to belong to someone
notable, or that are too close to a famous name); `--check` lists generated names that also
occur in the gazetteer, in seeds/translit_gold.tsv or in the devset mentions, so that they can
be added to BLOCKLIST by hand (the output never depends on those files, which other curators
are changing).

    python seeds/devset/make_unknown_people.py          # writes unknown_people.tsv
    python seeds/devset/make_unknown_people.py --check  # also reports collisions
"""
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20240601
COUNTS = {"vietnamese": 120, "chinese": 100, "korean": 40, "japanese": 40}

# --- Vietnamese ---------------------------------------------------------------------------
VI_SURNAMES = (["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng"] * 2
               + ["Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
                  "Lý", "Đinh", "Đào", "Mai", "Trịnh", "Lương", "Tạ", "Châu", "Cao", "Lâm",
                  "Quách", "Tô", "Thái", "La", "Kiều", "Triệu", "Hà", "Phùng", "Lưu", "Doãn"])
VI_MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân", "Ngọc", "Đình",
               "Tiến", "Quốc", "Gia", "Anh", "Trọng", "Thế", "Bảo", "Duy", "Hoài", "Khắc"]
VI_MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Bích", "Kim", "Thùy", "Phương", "Mỹ", "Hồng",
               "Khánh", "Diệu", "Bảo", "Cẩm", "Tuyết", "Quỳnh", "Hải", "Minh"]
# 4-syllable male names take a middle pair that reads naturally together
VI_MIDDLE_PAIRS_M = ["Văn Minh", "Hữu Thành", "Minh Đức", "Quang Minh", "Đức Anh", "Gia Bảo",
                     "Hoàng Gia", "Đình Trọng", "Quốc Anh", "Thế Anh", "Duy Anh", "Minh Quốc", "Văn Thành", "Hữu Tiến", "Ngọc Bảo", "Xuân Bảo"]
VI_GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Long", "Nam", "Phong", "Khải", "Bảo", "Huy", "Thịnh",
              "Trung", "Hiếu", "Khoa", "Tài", "Lộc", "Phúc", "Sơn", "Hải", "Quân", "Vinh",
              "Kiên", "Tùng", "Đạt", "Cường", "Hưng", "Nghĩa", "Toàn", "Thắng", "Tâm", "Khang",
              "Nhân", "Thuận", "Tín", "Việt", "Lâm", "Hòa", "Định", "Bình", "Chiến", "Hậu"]
VI_GIVEN_F = ["Lan", "Hương", "Nhung", "Trang", "Hạnh", "Ngân", "Thảo", "Vy", "Linh", "Mai",
              "Yến", "Hà", "Dung", "Giang", "Oanh", "Quyên", "Trâm", "Uyên", "Nhi", "Hằng",
              "Loan", "Xuân", "Huyền", "Tâm", "Châu", "Duyên", "Nga", "Thư", "Ly", "Hoa"]

# --- Chinese (Hán-Việt readings) -----------------------------------------------------------
ZH_SURNAMES = ["Lưu", "Trương", "Vương", "Lý", "Triệu", "Tôn", "Chu", "Ngô", "Hà", "Quách",
               "Tạ", "Diệp", "Từ", "Cao", "Đặng", "Hàn", "Tào", "Mạnh", "Tiêu", "Đường",
               "Hứa", "Phùng", "Viên", "Tống", "Giang", "Lâm", "Hoàng", "Trịnh", "Dương", "Trần",
               "Hồ", "Thẩm", "Lục", "Phan", "Đỗ", "Tưởng", "Khổng", "Cố", "Mã", "Lương"]
ZH_GIVEN_1 = ["Kiến", "Chí", "Vĩ", "Quốc", "Hải", "Đông", "Lệ", "Tuyết", "Mẫn", "Hiểu",
              "Tĩnh", "Vân", "Tử", "Gia", "Văn", "Thục", "Nhã", "Tuấn", "Học", "Hồng",
              "Xuân", "Minh", "Vĩnh", "Thiên", "Ngọc", "Bảo", "Chấn", "Thế", "Diễm", "Uyển"]
ZH_GIVEN_2 = ["Hoa", "Minh", "Cường", "Phong", "Huy", "Khải", "Dật", "Thần", "Hạo", "Vũ",
              "Di", "Lâm", "Bằng", "Khiết", "Hàm", "Lỗi", "Đình", "Quân", "Nghi", "Tình",
              "Ninh", "Hằng", "Dao", "Thông", "Lương", "Triết", "Nhiên", "Viễn", "Hàn", "Mai"]

# --- Korean (press romanisation, family name first) -----------------------------------------
KO_SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
               "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
               "Jeon", "Ko", "Moon", "Yang", "Bae", "Baek", "Heo", "Nam", "Noh", "Ha"]
KO_GIVEN_1 = ["Min", "Seo", "Ji", "Do", "Ha", "Jun", "Hyun", "Su", "Ye", "Da", "Eun", "Yeon",
              "Tae", "Woo", "Sang", "Dong", "Hye", "Jae", "Kyung", "Young", "Chae", "Na", "Gyu"]
KO_GIVEN_2 = ["jun", "yeon", "hoon", "woo", "rin", "bin", "ah", "seok", "min", "jin", "ho",
              "won", "hee", "kyu", "sol", "han", "chan", "yul", "hwan", "kyung", "seul", "eun"]

# --- Japanese (written given name first, as most Vietnamese papers do) ----------------------
JA_SURNAMES = ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto",
               "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto",
               "Inoue", "Kimura", "Hayashi", "Shimizu", "Yamaguchi", "Mori", "Ikeda", "Hashimoto",
               "Ishikawa", "Ogawa", "Okada", "Fujita", "Goto", "Maeda", "Murakami", "Kondo"]
JA_GIVEN = ["Haruto", "Yuki", "Sota", "Riku", "Kaito", "Hina", "Yui", "Aoi", "Mio", "Sakura",
            "Ren", "Daiki", "Kenta", "Naoki", "Ayumi", "Emi", "Kaori", "Takumi", "Shota",
            "Misaki", "Yuto", "Koharu", "Tsubasa", "Mayu", "Hiroki", "Nanami", "Ryota", "Asuka",
            "Kazuya", "Chihiro", "Tomoya", "Rina", "Shun", "Akane", "Kohei", "Yuna"]

# Generated names that belong to (or are too close to) well-known people; checked by hand.
BLOCKLIST = {
    # Vietnamese politicians, athletes, artists whose names the pools can produce
    "Nguyễn Văn Hùng", "Nguyễn Văn Nam", "Nguyễn Văn Bình", "Nguyễn Văn Thắng",
    "Nguyễn Văn Toàn", "Nguyễn Văn Quyết", "Nguyễn Quang Hải", "Nguyễn Tiến Linh",
    "Nguyễn Thị Kim Ngân", "Nguyễn Thị Bình", "Nguyễn Thị Thanh", "Nguyễn Thị Huyền",
    "Nguyễn Thị Oanh", "Nguyễn Thùy Linh", "Trần Văn Sơn", "Trần Đức Lương", "Trần Hồng Hà",
    "Phạm Minh Chính", "Phạm Văn Đồng", "Lê Văn Thành", "Lê Minh Hưng", "Lê Minh Khái",
    "Hoàng Trung Hải", "Vũ Đức Đam", "Võ Văn Kiệt", "Võ Văn Thưởng", "Đặng Văn Lâm",
    "Bùi Tiến Dũng", "Đỗ Hùng Dũng", "Nguyễn Công Phượng", "Lương Xuân Trường",
    "Nguyễn Hoàng Đức", "Quế Ngọc Hải", "Nguyễn Tiến Minh", "Vũ Thị Trang", "Mỹ Tâm",
    "Hồ Ngọc Hà", "Đàm Vĩnh Hưng", "Nguyễn Thị Hồng Nhung", "Trần Thành", "Lý Hải",
    "Nguyễn Thanh Tùng", "Nguyễn Thanh Hải", "Nguyễn Xuân Phúc", "Nguyễn Xuân Sơn",
    "Trần Thanh Mẫn", "Nguyễn Minh Triết", "Nguyễn Tấn Dũng", "Trương Tấn Sang",
    "Hoàng Xuân Vinh", "Trần Quốc Vượng", "Nguyễn Đức Chung", "Nguyễn Văn Thể",
    # Chinese figures (Hán-Việt)
    "Lưu Đức Hoa", "Trương Học Hữu", "Lê Minh", "Quách Phú Thành", "Lưu Diệc Phi",
    "Trương Vĩ", "Vương Vĩ", "Lý Cường", "Lý Minh", "Trương Minh", "Vương Phi", "Triệu Vy",
    "Triệu Lệ Dĩnh", "Dương Mịch", "Lâm Tâm Như", "Tôn Lệ", "Chu Tấn", "Hoàng Hiểu Minh",
    "Lưu Gia Linh", "Lương Triều Vỹ", "Trương Quốc Vinh", "Lâm Chí Linh", "Châu Tinh Trì",
    "Hà Cường", "Mã Vân", "Lôi Quân", "Đặng Luân", "Lý Hiểu Minh", "Lưu Hiểu Minh",
    "Trương Gia Huy", "Vương Nhất Bác", "Tiêu Chiến", "Lý Hiện", "Vương Hạc Đệ",
    "Trương Tử Di", "Chương Tử Di", "Củng Lợi", "Triệu Vi", "Cao Viên Viên", "Lâm Phong",
    "Tạ Đình Phong", "Hàn Hàn", "Tôn Hải Dương", "Hồ Ca", "Trương Hàn", "Lưu Đào",
    "Vương Kiến Lâm", "Mạnh Vãn Chu", "Lý Chí", "Tống Gia", "Trần Khôn", "Hoàng Hiên",
    "Dương Dương", "Trịnh Sảng", "Lâm Canh Tân", "Hồ Nhất Thiên", "Lưu Vũ Hân",
    # Korean figures
    "Kim Min-jae", "Kim Min-jun", "Kim Ji-won", "Kim Ji-soo", "Kim Yeon-koung",
    "Park Ji-sung", "Park Ji-min", "Park Seo-joon", "Park Bo-young", "Lee Min-ho",
    "Lee Ji-eun", "Lee Jae-myung", "Lee Jae-yong", "Lee Seung-woo", "Son Heung-min",
    "Song Hye-kyo", "Song Joong-ki", "Kim Tae-hee", "Jung Hae-in", "Kang Ha-neul",
    "Han So-hee", "Kim Seon-ho", "Kim Soo-hyun", "Kim Hye-yoon", "Cho Seung-woo",
    "Yoon Suk-yeol", "Moon Jae-in", "Kim Jong-un", "Kim Yo-jong", "Hwang In-youp",
    "Ahn Hyo-seop", "Seo Kang-joon", "Kim Ji-hoon", "Lee Do-hyun", "Park Eun-bin",
    "Kim Woo-bin", "Kim Da-mi", "Shin Min-a", "Kim Go-eun", "Park Min-young",
    "Han Ji-min", "Jang Won-young", "Kim Chae-won", "Kim Min-ji", "Kang Min-hyuk",
    "Lee Ji-hoon", "Kim Hyun-joong", "Park Hang-seo", "Kim Sang-sik", "Kim Min-seok",
    # Japanese figures
    "Yuki Kato", "Haruto Watanabe", "Takumi Minamino", "Kaoru Mitoma", "Ren Meguro",
    "Shota Sometani", "Ayumi Hamasaki", "Yui Aragaki", "Aoi Yamada", "Sakura Miyawaki",
    "Hina Yoshihara", "Riku Hagiwara", "Daiki Hashimoto", "Rina Kawaei", "Yuki Tsunoda",
    "Naoki Yamamoto", "Kenta Matsudaira", "Shun Oguri", "Takumi Kitamura", "Ryota Yamada",
    "Akane Yamaguchi", "Yuna Kato", "Kazuya Yamamoto", "Misaki Ito", "Kaito Takahashi",
    "Yuto Nagatomo", "Asuka Saito", "Mio Imada", "Hiroki Sakai", "Takumi Saito",
    "Nanami Sasaki", "Mayu Watanabe", "Yui Yokoyama", "Yui Kobayashi", "Koharu Kusumi",
    "Shota Aoki", "Yuki Suzuki", "Kohei Uchimura", "Emi Takei", "Tsubasa Ozora",
    "Chihiro Onitsuka", "Ayumi Ishida", "Kaori Ishikawa", "Aoi Miyazaki", "Daiki Ito",
    # found in the first draft of the list
    "Jang Dong-woo", "Yang Hyun-seok", "Kohei Tanaka", "Yuki Kobayashi",
}


def _key(name: str) -> str:
    s = unicodedata.normalize("NFD", name).replace("đ", "d").replace("Đ", "D")
    return re.sub(r"[\u0300-\u036f\-\s]", "", s).casefold()


BLOCK_KEYS = {_key(n) for n in BLOCKLIST}


def _vi(rng: random.Random) -> str:
    sur = rng.choice(VI_SURNAMES)
    four = rng.random() < 0.7  # most names have four syllables: fewer famous namesakes
    if rng.random() < 0.5:
        if four:  # e.g. Nguyễn Thị Hồng Nhung
            return f"{sur} Thị {rng.choice(VI_MIDDLE_F)} {rng.choice(VI_GIVEN_F)}"
        return f"{sur} {rng.choice(VI_MIDDLE_F)} {rng.choice(VI_GIVEN_F)}"
    if four:
        return f"{sur} {rng.choice(VI_MIDDLE_PAIRS_M)} {rng.choice(VI_GIVEN_M)}"
    return f"{sur} {rng.choice(VI_MIDDLE_M)} {rng.choice(VI_GIVEN_M)}"


def _zh(rng: random.Random) -> str:
    return f"{rng.choice(ZH_SURNAMES)} {rng.choice(ZH_GIVEN_1)} {rng.choice(ZH_GIVEN_2)}"


def _ko(rng: random.Random) -> str:
    return f"{rng.choice(KO_SURNAMES)} {rng.choice(KO_GIVEN_1)}-{rng.choice(KO_GIVEN_2)}"


def _ja(rng: random.Random) -> str:
    return f"{rng.choice(JA_GIVEN)} {rng.choice(JA_SURNAMES)}"


def _ok(name: str) -> bool:
    parts = name.replace("-", " ").casefold().split()
    if len(set(parts)) < len(parts):  # no repeated syllable ("Minh Minh", "Han Han-...")
        return False
    if name.startswith("Hoàng Tử "):  # reads as "Prince ..." in Vietnamese
        return False
    return _key(name) not in BLOCK_KEYS


def generate() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    makers = {"vietnamese": _vi, "chinese": _zh, "korean": _ko, "japanese": _ja}
    out, seen = [], set()
    for origin, n in COUNTS.items():
        got = 0
        while got < n:
            name = makers[origin](rng)
            if name in seen or not _ok(name):
                continue
            seen.add(name)
            out.append((name, origin))
            got += 1
    return out


def _collisions(names: list[tuple[str, str]]) -> list[str]:
    root = HERE.parent.parent
    known = set()
    for path in (root / "gazetteer" / "entities").rglob("*.yaml"):
        for m in re.finditer(r"text: ([^,}]+)", path.read_text(encoding="utf-8")):
            known.add(_key(m.group(1).strip().strip("'\"")))
    gold = root / "seeds" / "translit_gold.tsv"
    if gold.exists():
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                known.update(_key(c) for c in line.split("\t")[:2])
    mentions = HERE / "mentions.tsv"
    if mentions.exists():
        for line in mentions.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            known.update(_key(c) for c in (cols[4], cols[5].split(" (")[0]))
    return [n for n, _ in names if _key(n) in known]


def main() -> int:
    names = generate()
    with open(HERE / "unknown_people.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("name\torigin\n")
        for name, origin in names:
            f.write(f"{name}\t{origin}\n")
    print(f"wrote {len(names)} names")
    if "--check" in sys.argv:
        hits = _collisions(names)
        print("collisions:", ", ".join(hits) if hits else "none")
        return 1 if hits else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
