"""A deterministic synthetic gazetteer for benchmarks: realistic-looking names at any size.

`synthetic_entities(n_names, seed)` returns `model.Entity` values holding exactly n_names names,
mixed like the Vietnamese press: Vietnamese names with diacritics (family names Zipf-weighted,
so "Nguyễn" is everywhere, as in life), Chinese people in pinyin, Hán-Việt and characters,
Japanese and Korean romanizations in both orders, English and Vietnamese organization names with
abbreviations, Vietnamese and English place names. The same (n_names, seed) gives the same list.

No two entities share a folded key (see `fold_key`), so a query built from one name has exactly
one right answer; names of one entity may share one (pinyin and characters do).

The query helpers (`strip_diacritics`, `typo`, `swap_tokens`) make the lookups benchmarks time.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import accumulate

from normalizer.model import Entity, Name
from normalizer.text import fold

NameSpec = tuple[str, str, str, str | None]  # text, lang, kind, family name
Spec = tuple[str, str, list[NameSpec]]  # type, English name, names


def _words(text: str) -> list[str]:
    return text.split()


VI_FAMILY = _words(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Lương "
    "Đoàn Vương Trương Lâm Hà Cao Tạ Châu Quách Kiều Thái La Lưu Tôn Mạc Khúc Phùng Triệu Lại Chu"
)
VI_MIDDLE = _words(
    "Văn Thị Đức Minh Hữu Quang Thanh Ngọc Xuân Hoàng Kim Thu Bảo Gia Công Đình Quốc Mạnh Anh Phương"
)
VI_GIVEN = _words(
    "An Anh Bảo Bình Cường Chi Dũng Dung Duy Đạt Đông Giang Hà Hải Hạnh Hiền Hiếu Hòa Hồng Huệ "
    "Hùng Hưng Hương Huy Khang Khánh Khoa Kiên Lan Lâm Linh Long Lộc Mai Minh My Nam Nga Ngân Nghĩa "
    "Ngọc Nhung Ninh Oanh Phong Phúc Phương Quân Quang Quyên Sơn Tâm Thắng Thanh Thảo Thành Thịnh "
    "Thơ Thủy Tiến Toàn Trang Trí Trinh Trung Tú Tuấn Tùng Tuyết Uyên Vân Việt Vinh Vy Xuân Yến "
    "Khải Khuê Luân Nhân Quý Sang Thái Thiện Thuận Thư Tín Trọng Trường Tường Vũ Diệp Đào Giao "
    "Hậu Kha Lực Mẫn Ngà Phát Quế Sương Thoa Tuyền Ước Vượng Xương Yên Cúc Đoan Hằng Khôi Lợi"
)
VI_PLACE = _words(
    "Hòa Bình Long An Phú Thuận Hưng Yên Quảng Ninh Thái Hải Đông Sơn Tây Nam Bắc Giang Lâm Đồng "
    "Khánh Định Vĩnh Gia Lai Kiên Cà Mau Bạc Liêu Trà Vinh Sóc Trăng Đắk Lắk Nông Kon Tum Ngãi "
    "Trị Thừa Thiên Huế Cao Lạng Lào Điện Biên Hà Tĩnh Nghệ Thanh Hóa Phước Tiền Bến Tre Cần Thơ"
)
VI_PLACE_PREFIX = ("Tỉnh", "Huyện", "Xã", "Thành phố", "Quận", "Phường", "Thị trấn", "Làng")

# (pinyin, Hán-Việt, character): Chinese names with the readings the Vietnamese press uses.
CN_FAMILY = [tuple(t.split(":")) for t in _words(
    "wang:Vương:王 li:Lý:李 zhang:Trương:张 liu:Lưu:刘 chen:Trần:陈 yang:Dương:杨 huang:Hoàng:黄 "
    "zhao:Triệu:赵 wu:Ngô:吴 zhou:Chu:周 xu:Từ:徐 sun:Tôn:孙 ma:Mã:马 hu:Hồ:胡 guo:Quách:郭 he:Hà:何 "
    "lin:Lâm:林 gao:Cao:高 luo:La:罗 zheng:Trịnh:郑 liang:Lương:梁 xie:Tạ:谢 song:Tống:宋 tang:Đường:唐 "
    "han:Hàn:韩 feng:Phùng:冯 deng:Đặng:邓 cao:Tào:曹 peng:Bành:彭 zeng:Tăng:曾 xiao:Tiêu:萧 tian:Điền:田 "
    "dong:Đổng:董 pan:Phan:潘 yuan:Viên:袁 cai:Thái:蔡 jiang:Tưởng:蒋 du:Đỗ:杜 ye:Diệp:叶 cheng:Trình:程 "
    "wei:Ngụy:魏 su:Tô:苏 lu:Lục:陆 ding:Đinh:丁 ren:Nhậm:任 shen:Thẩm:沈 yao:Diêu:姚 xi:Tập:习 qin:Tần:秦"
)]
CN_GIVEN = [tuple(t.split(":")) for t in _words(
    "yi:Nghị:毅 jin:Cận:近 ping:Bình:平 qiang:Cường:强 ke:Khắc:克 hua:Hoa:华 ming:Minh:明 guo:Quốc:国 "
    "jian:Kiến:建 jun:Quân:军 hong:Hồng:红 wei:Vĩ:伟 dong:Đông:东 hai:Hải:海 tao:Đào:涛 feng:Phong:峰 "
    "bo:Ba:波 qing:Thanh:清 zhi:Chí:志 xin:Tâm:心 de:Đức:德 hui:Huy:辉 long:Long:龙 wen:Văn:文 "
    "yong:Dũng:勇 min:Mẫn:敏 jie:Kiệt:杰 kang:Khang:康 an:An:安 ning:Ninh:宁 xiang:Tường:祥 yu:Ngọc:玉 "
    "lan:Lan:兰 fang:Phương:芳 li:Lệ:丽 chun:Xuân:春 qiu:Thu:秋 shan:Sơn:山 he:Hòa:和 rui:Thụy:瑞 "
    "sheng:Thắng:胜 xiu:Tú:秀 zhong:Trung:忠 quan:Toàn:全 yun:Vân:云"
)]

JP_FAMILY_HEAD = _words(
    "Yama Kami Kishi Matsu Naka Hashi Fuji Ishi Taka Mori Kawa Saka Ike Hayashi Kuro Shira Ono Ota "
    "Kita Minami Nishi Higashi Ao Aki Haru Kiku Sugi Tachi Uchi Yoshi Iwa Hoshi Kano Mizu Tsuru"
)
JP_FAMILY_TAIL = _words("da moto mura kawa no shita zaki hara ta yama guchi uchi oka gawa numa saki be "
                        "zawa mi")
JP_GIVEN_HEAD = _words("Fumi Yoshi Hiro Taka Masa Kazu Nobu Haru Aki Ken Shin Tomo Yu Sato Yo Mitsu "
                       "Kiyo Tetsu")
JP_GIVEN_TAIL = _words("o ko hiko ro ta ki ya to mi ka e shi nori yuki aki hide")

KR_FAMILY = _words(
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
    "Moon Yang Ko Bae Baek Heo Nam Roh Jeon Chung"
)
KR_SYLLABLE = _words(
    "Jae In Hyun Min Soo Jin Young Ho Seok Woo Jun Hee Sung Kyung Dong Sang Chul Yeol Geun Hye "
    "Ji Eun Tae Won Yong Bok Gil Hwan Joon Ki Mi Na Ra Se Yeon Hoon Bin Gyu Hak Myung"
)

EN_ADJECTIVE = _words(
    "National International Pacific Asian Global United Central Southern Northern Eastern Western "
    "Federal Royal Metropolitan Coastal Atlantic Continental Allied Independent Democratic Popular "
    "Liberal Progressive Modern Advanced Strategic Regional Municipal Imperial Oriental Golden "
    "Silver Green Blue New First Great Greater Upper Lower"
)
EN_DOMAIN = _words(
    "Energy Shipping Aviation Mining Steel Petroleum Telecom Banking Insurance Rail Marine "
    "Agricultural Textile Chemical Pharmaceutical Medical Science Technology Defense Space Maritime "
    "Fisheries Forestry Water Power Electric Gas Oil Coal Rubber Cement Construction Logistics Trade "
    "Commerce Investment Development Research Education Broadcasting News Film Sports Tourism Hotel "
    "Food Dairy Coffee Rice Seafood Automotive Motor Software Semiconductor Solar Nuclear Hydro Wind"
)
EN_ORG_TYPE = _words(
    "Corporation Company Group Holdings Institute Association Federation Council Agency Authority "
    "Commission Bureau Foundation Alliance Union Society Partners Industries Enterprises Limited "
    "Bank University Academy Party Front"
)
EN_PLACE_HEAD = _words(
    "Ash Brook Clear Deer Elm Fair Glen Green Hazel High Kings Maple Mill North Oak Pine Red Rock "
    "Rose Silver South Spring Stone Sun West White Wild Wood Black Bridge Castle Cedar Cold Fox Gold "
    "Hill Iron Long Marsh Moss New Old Ridge Salt Sand Shore Star Swan Thorn Water Wind Winter"
)
EN_PLACE_TAIL = _words(
    "ford ton ville field wood bury port dale haven mouth ham worth stead by land chester minster "
    "wick ley mere stone bridge burg view crest"
)
EN_PLACE_WORD = _words("Port Mount Lake Fort Saint Cape Bay Island Valley Springs Falls Heights")

VI_ORG_PREFIX = (
    "Tổng công ty", "Công ty Cổ phần", "Ngân hàng Thương mại Cổ phần", "Trường Đại học", "Viện",
    "Bệnh viện", "Tập đoàn", "Hội", "Sở", "Ban Quản lý", "Liên đoàn", "Hiệp hội", "Trung tâm",
)
VI_ORG_DOMAIN = (
    "Điện lực", "Dầu khí", "Hàng không", "Bưu chính", "Viễn thông", "Xây dựng", "Thủy sản",
    "Cao su", "Than", "Khoáng sản", "Dệt may", "Vận tải", "Công nghệ", "Y tế", "Giáo dục",
    "Nông nghiệp", "Lâm nghiệp", "Hàng hải", "Du lịch", "Thương mại", "Đầu tư", "Phát triển",
    "Tài chính", "Bảo hiểm", "Chứng khoán", "Xi măng", "Thép", "Cà phê", "Lương thực", "Dược phẩm",
)


def _zipf(count: int, exponent: float = 1.1) -> list[float]:
    """Cumulative Zipf weights: the first item is by far the most common, as Nguyễn is."""
    return list(accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


_VI_FAMILY_CUM = _zipf(len(VI_FAMILY))


def _vietnamese_person(rng: random.Random) -> Spec:
    family = rng.choices(VI_FAMILY, cum_weights=_VI_FAMILY_CUM)[0]
    shape = rng.random()
    if shape < 0.45:
        parts = [family, rng.choice(VI_MIDDLE), rng.choice(VI_GIVEN)]
    elif shape < 0.8:
        parts = [family, rng.choice(VI_MIDDLE), rng.choice(VI_GIVEN), rng.choice(VI_GIVEN)]
    else:
        parts = [family, rng.choice(VI_GIVEN), rng.choice(VI_GIVEN)]
    text = " ".join(parts)
    return "person", strip_diacritics(text), [(text, "vi", "preferred", family)]


def _chinese_person(rng: random.Random) -> Spec:
    family = rng.choice(CN_FAMILY)
    given = [rng.choice(CN_GIVEN) for _ in range(rng.choice((1, 2, 2)))]
    pinyin = f"{family[0].title()} {''.join(g[0] for g in given).title()}"
    names: list[NameSpec] = [
        (pinyin, "zh-Latn-pinyin", "preferred", family[0].title()),
        (" ".join([family[1], *(g[1] for g in given)]), "vi", "alias", family[1]),
    ]
    if rng.random() < 0.5:
        names.append((family[2] + "".join(g[2] for g in given), "zh-Hans", "native", family[2]))
    return "person", pinyin, names


def _japanese_person(rng: random.Random) -> Spec:
    family = rng.choice(JP_FAMILY_HEAD) + rng.choice(JP_FAMILY_TAIL)
    given = rng.choice(JP_GIVEN_HEAD) + rng.choice(JP_GIVEN_TAIL)
    english = f"{given} {family}"
    return "person", english, [(english, "en", "preferred", family),
                               (f"{family} {given}", "ja-Latn", "alias", family)]


def _korean_person(rng: random.Random) -> Spec:
    first, second = rng.choice(KR_SYLLABLE), rng.choice(KR_SYLLABLE).lower()
    family = rng.choice(KR_FAMILY)
    english = f"{family} {first}-{second}"
    names: list[NameSpec] = [(english, "en", "preferred", family)]
    if rng.random() < 0.3:
        names.append((english.replace("-", " ").title(), "en", "alias", family))
    return "person", english, names


def _initials(words: list[str]) -> str:
    return "".join(strip_diacritics(w[0]).upper() if w[0] != "Đ" else "Đ" for w in words)


def _english_org(rng: random.Random) -> Spec:
    words = [rng.choice(EN_ADJECTIVE), rng.choice(EN_DOMAIN), rng.choice(EN_ORG_TYPE)]
    if rng.random() < 0.4:
        words += ["of", _english_place_name(rng)]
    english = " ".join(words)
    names: list[NameSpec] = [(english, "en", "preferred", None)]
    if rng.random() < 0.3:
        names.append((_initials([w for w in words if w != "of"]), "en", "abbreviation", None))
    return "organization", english, names


def _vietnamese_org(rng: random.Random) -> Spec:
    text = f"{rng.choice(VI_ORG_PREFIX)} {rng.choice(VI_ORG_DOMAIN)} {_vietnamese_place_name(rng)}"
    names: list[NameSpec] = [(text, "vi", "preferred", None)]
    if rng.random() < 0.3:
        names.append((_initials(text.split()), "vi", "abbreviation", None))
    return "organization", strip_diacritics(text), names


def _vietnamese_place_name(rng: random.Random) -> str:
    return " ".join(rng.choice(VI_PLACE) for _ in range(rng.choice((2, 2, 3))))


def _english_place_name(rng: random.Random) -> str:
    root = rng.choice(EN_PLACE_HEAD) + rng.choice(EN_PLACE_TAIL)
    shape = rng.random()
    if shape < 0.3:
        return f"{rng.choice(EN_PLACE_WORD)} {root}"
    if shape < 0.5:
        return f"{root} {rng.choice(EN_PLACE_HEAD)}{rng.choice(EN_PLACE_TAIL)}"
    return root


def _place(rng: random.Random) -> Spec:
    if rng.random() < 0.6:
        text = f"{rng.choice(VI_PLACE_PREFIX)} {_vietnamese_place_name(rng)}"
        return "place", strip_diacritics(text), [(text, "vi", "preferred", None)]
    english = _english_place_name(rng)
    return "place", english, [(english, "en", "preferred", None)]


MAKERS: list[tuple[Callable[[random.Random], Spec], float]] = [
    (_vietnamese_person, 0.35), (_chinese_person, 0.12), (_japanese_person, 0.10),
    (_korean_person, 0.08), (_english_org, 0.13), (_vietnamese_org, 0.10), (_place, 0.12),
]


def strip_diacritics(text: str) -> str:
    """Text without combining marks, "đ" as "d": what a keyboard without Vietnamese input gives."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


_TOKEN_KEYS: dict[str, str] = {}


def fold_key(text: str) -> str:
    """The normalizer's folded key of a name, token by token with a cache (tokens repeat a lot)."""
    out = []
    for token in text.split():
        key = _TOKEN_KEYS.get(token)
        if key is None:
            key = _TOKEN_KEYS[token] = fold(token) or ""
        out.append(key)
    return " ".join(k for k in out if k)


def _specs(rng: random.Random) -> Iterator[Spec]:
    makers = [m for m, _ in MAKERS]
    cum = list(accumulate(w for _, w in MAKERS))
    while True:
        yield rng.choices(makers, cum_weights=cum)[0](rng)


def synthetic_entities(n_names: int, seed: int = 0) -> list[Entity]:
    """Entities holding exactly n_names names; no folded key belongs to two entities.

    People's names carry their family name, as the curated gazetteer's do."""
    rng = random.Random(seed)
    owner: dict[str, int] = {}
    entities: list[Entity] = []
    left = n_names
    for type_, english, names in _specs(rng):
        if left <= 0:
            break
        number = len(entities)
        keys = [fold_key(spec[0]) for spec in names]
        if not keys[0] or owner.get(keys[0], number) != number:
            continue  # the preferred name is taken: draw another entity
        kept = [n for n, k in zip(names, keys, strict=True) if k and owner.setdefault(k, number) == number]
        kept = kept[:left]
        entity_names = tuple(Name(text, lang, kind, "synthetic", family) for text, lang, kind, family in kept)
        entities.append(Entity(f"{type_[:3]}-{number}", type_, english, entity_names))
        left -= len(kept)
    return entities


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(text: str, rng: random.Random, edits: int) -> str:
    """text with this many random typing errors: substitution, insertion, deletion, transposition."""
    chars = list(text)
    for _ in range(edits):
        kind = rng.choice(("sub", "ins", "del", "swap"))
        i = rng.randrange(len(chars))
        if kind == "sub":
            chars[i] = rng.choice(_LETTERS)
        elif kind == "ins":
            chars.insert(i, rng.choice(_LETTERS))
        elif kind == "del" and len(chars) > 1:
            del chars[i]
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return re.sub(r"\s+", " ", "".join(chars)).strip()


def swap_tokens(text: str, rng: random.Random) -> str:
    """text with its last token moved to the front ("Kishida Fumio" for "Fumio Kishida")."""
    tokens = text.split()
    if len(tokens) < 2:
        return text
    cut = rng.randrange(1, len(tokens))
    return " ".join(tokens[cut:] + tokens[:cut])
