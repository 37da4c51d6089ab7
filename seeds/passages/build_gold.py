"""Writes the passages and their gold (hand-annotated below: surface, id, optional text just before) in order."""
import json, re, unicodedata, sys
from pathlib import Path
OUT = Path(__file__).resolve().parent
P = {}
P["p01_anh_uk_vs_pronoun"] = ("Thủ tướng Anh Keir Starmer ngày 12/3 đã tiếp người đồng cấp Nhật Bản Ishiba Shigeru tại London. Hai bên nhất trí tăng cường hợp tác quốc phòng. \"Anh ấy là một người bạn tốt của Nhật Bản\", ông Ishiba nói về người đồng cấp. Anh và Nhật Bản sẽ tổ chức đối thoại 2+2 vào cuối năm.\n",
 [("Anh","united-kingdom"),("Keir Starmer","keir-starmer"),("Nhật Bản","japan"),("Ishiba Shigeru","shigeru-ishiba"),("London","london"),("Nhật Bản","japan"),("Ishiba","shigeru-ishiba"),("Anh","united-kingdom"),("Nhật Bản","japan")])
P["p02_plain_everyday"] = ("Anh ấy làm việc tại một trung tâm dịch vụ ở quận Cầu Giấy. Mỗi tháng, anh Đức và chị Lan Anh dành một phần thu nhập mua mỹ phẩm cho mẹ. Theo quy định của pháp luật, người lao động được nghỉ phép năm. Em Trung học lớp 9, còn chị Nga làm ở trung tâm y tế huyện. Anh em trong nhà luôn giữ gìn đạo đức và sống có trách nhiệm.\n", [("quận Cầu Giấy","cau-giay")])
P["p03_plain_vietnamese_names"] = ("Ông Nguyễn Văn Đức, Chủ tịch UBND xã, cho biết năm nay xã có 120 hộ thoát nghèo. Bà Trần Thị Mỹ, giáo viên trường tiểu học, được tặng bằng khen. Cháu Lê Đức Anh đạt giải nhất cuộc thi tiếng Anh cấp tỉnh, còn em Phạm Nhật Minh giành huy chương vàng môn tiếng Nhật. Gia đình anh Hoàng Trung Kiên vừa khánh thành nhà mới.\n", [])
P["p04_plain_vietnamese_places"] = ("Đoàn công tác của tỉnh Lào Cai đã làm việc với thành phố Mỹ Tho về liên kết du lịch. Sau đó, đoàn đến thăm huyện Đức Phổ, huyện Nga Sơn và làng hoa Nhật Tân ở ngoại thành. Pháp Vân là tên một ngôi chùa cổ.\n", [("tỉnh Lào Cai","lao-cai"),("thành phố Mỹ Tho","my-tho"),("huyện Nga Sơn","vn-former-district-401")])
P["p05_laos_vs_labour"] = ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội đã tiếp Đại sứ Lào tại Việt Nam. Hai bên trao đổi về hợp tác lao động giữa Việt Nam và Lào, trong đó có việc đào tạo nghề cho người lao động Lào tại Hà Nội. Lao động là lĩnh vực hợp tác quan trọng.\n",
 [("Bộ Lao động - Thương binh và Xã hội","vietnam-ministry-of-labour-invalids-and-social-affairs"),("Lào","laos"),("Việt Nam","vietnam"),("Việt Nam","vietnam"),("Lào","laos"),("Lào","laos"),("Hà Nội","hanoi")])
P["p06_france_vs_law"] = ("Pháp luật của Pháp cho phép người lao động đình công. Tổng thống Pháp Emmanuel Macron hôm 5/6 tuyên bố sẽ sửa đổi luật hưu trí. Các chuyên gia pháp lý tại Paris cho rằng cải cách này cần được Quốc hội Pháp thông qua.\n",
 [("Pháp","france","của "),("Pháp","france"),("Emmanuel Macron","emmanuel-macron"),("Paris","paris"),("Quốc hội Pháp","french-national-assembly")])
P["p07_germany_vs_given_name"] = ("Đức Giáo hoàng Phanxicô đã tiếp Thủ tướng Đức Olaf Scholz. Ông Đức, một linh mục người Việt, làm phiên dịch cho cuộc gặp. Đức và châu Âu cần một tiếng nói chung về di cư, ông Scholz nói.\n",
 [("Đức Giáo hoàng Phanxicô","pope-francis"),("Đức","germany"),("Olaf Scholz","olaf-scholz"),("Đức","germany","gặp. "),("châu Âu","europe"),("Scholz","olaf-scholz")])
P["p08_us_vs_cosmetics"] = ("Thị trường mỹ phẩm Việt Nam thu hút nhiều nhà đầu tư từ Mỹ, Hàn Quốc và Nhật Bản. Các sản phẩm mỹ phẩm xuất xứ châu Mỹ chiếm 15% thị phần, theo Reuters. Mỹ là thị trường xuất khẩu lớn nhất của Việt Nam.\n",
 [("Việt Nam","vietnam"),("Mỹ","united-states"),("Hàn Quốc","south-korea"),("Nhật Bản","japan"),("châu Mỹ","americas"),("Reuters","reuters"),("Mỹ","united-states"),("Việt Nam","vietnam")])
P["p09_korean_peninsula"] = ("Tình hình Bán đảo Triều Tiên tiếp tục căng thẳng sau khi Triều Tiên phóng tên lửa đạn đạo ra Biển Nhật Bản. Bộ Quốc phòng Hàn Quốc cho biết Bình Nhưỡng đã phóng hai quả tên lửa tầm ngắn vào sáng 14/5.\n",
 [("Bán đảo Triều Tiên","korean-peninsula"),("Triều Tiên","north-korea"),("Biển Nhật Bản","sea-of-japan"),("Bộ Quốc phòng Hàn Quốc","south-korea-defense-ministry"),("Bình Nhưỡng","pyongyang")])
P["p10_party_vs_country"] = ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình khẳng định Đảng Cộng sản Trung Quốc sẽ tiếp tục thúc đẩy cải cách. Phát biểu tại Bắc Kinh, ông Tập cho rằng Trung Quốc cần mở cửa hơn nữa.\n",
 [("Trung Quốc","china"),("Tập Cận Bình","xi-jinping"),("Đảng Cộng sản Trung Quốc","chinese-communist-party"),("Bắc Kinh","beijing"),("Tập","xi-jinping"),("Trung Quốc","china")])
P["p11_general_assembly"] = ("Tổng Thư ký Liên hợp quốc António Guterres phát biểu khai mạc phiên thảo luận chung của Đại hội đồng Liên hợp quốc tại New York. Ông Guterres kêu gọi các nước thành viên LHQ tăng cường hợp tác ứng phó biến đổi khí hậu.\n",
 [("Liên hợp quốc","united-nations"),("António Guterres","antonio-guterres"),("Đại hội đồng Liên hợp quốc","un-general-assembly"),("New York","new-york-city"),("Guterres","antonio-guterres"),("LHQ","united-nations")])
P["p12_coref_wang_yi"] = ("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị ngày 3/4 đã điện đàm với Ngoại trưởng Mỹ. Trong cuộc điện đàm, ông Vương nhấn mạnh vấn đề Đài Loan là lợi ích cốt lõi của Trung Quốc. Vương cũng đề nghị Washington thận trọng.\n",
 [("Trung Quốc","china"),("Vương Nghị","wang-yi"),("Ngoại trưởng","antony-blinken"),("Mỹ","united-states"),("Vương","wang-yi"),("Đài Loan","taiwan"),("Trung Quốc","china"),("Vương","wang-yi"),("Washington","washington-dc")])
P["p13_coref_anwar"] = ("Thủ tướng Malaysia Anwar Ibrahim đã có chuyến thăm chính thức Việt Nam. Tại Hà Nội, Thủ tướng Anwar gặp gỡ cộng đồng doanh nghiệp. Ông Anwar cho biết Malaysia muốn nâng kim ngạch thương mại song phương lên 18 tỷ USD.\n",
 [("Malaysia","malaysia"),("Anwar Ibrahim","anwar-ibrahim"),("Việt Nam","vietnam"),("Hà Nội","hanoi"),("Anwar","anwar-ibrahim"),("Anwar","anwar-ibrahim"),("Malaysia","malaysia")])
P["p14_partial_without_antecedent"] = ("Theo nguồn tin từ Bắc Kinh, ông Vương sẽ dẫn đầu phái đoàn tới Hà Nội vào tuần tới. Bà Kamikawa cũng được mời tham dự hội nghị, còn ông Tập chưa xác nhận.\n",
 [("Bắc Kinh","beijing"),("Hà Nội","hanoi")])
P["p15_decomposed_diacritics"] = (unicodedata.normalize("NFD", "Ngoại trưởng Nhật Bản Yoko Kamikawa gặp Bộ trưởng Ngoại giao Trung Quốc Vương Nghị tại Bắc Kinh. Bà Kamikawa đề nghị ông Vương nối lại nhập khẩu hải sản.\n"),
 [("Nhật Bản","japan"),("Yoko Kamikawa","yoko-kamikawa"),("Trung Quốc","china"),("Vương Nghị","wang-yi"),("Bắc Kinh","beijing"),("Kamikawa","yoko-kamikawa"),("Vương","wang-yi")])
P["p16_invisible_and_lookalikes"] = ("Thủ tướng Nhật Bản Kishi\u200bda Fumio đã tới Seoul\u00a0để hội đàm với Tổng thống Hàn\u200b Quốc Yoon Suk Yeol. Sau đó, ông Kishida trở về Tokу\u043e.\n",
 [("Nhật Bản","japan"),("Kishi\u200bda Fumio","fumio-kishida"),("Seoul","seoul"),("Hàn\u200b Quốc","south-korea"),("Yoon Suk Yeol","yoon-suk-yeol"),("Kishida","fumio-kishida"),("Tokу\u043e","tokyo")])
P["p17_contested_names"] = ("Nhật Bản gọi nhóm đảo này là Takeshima, còn Hàn Quốc gọi là Dokdo. Tương tự, quần đảo Senkaku/Điếu Ngư trên Biển Hoa Đông đang là đối tượng tranh chấp giữa Nhật Bản và Trung Quốc.\n",
 [("Nhật Bản","japan"),("Takeshima","liancourt-rocks"),("Hàn Quốc","south-korea"),("Dokdo","liancourt-rocks"),("quần đảo Senkaku","senkaku-islands"),("Điếu Ngư","senkaku-islands"),("Biển Hoa Đông","east-china-sea"),("Nhật Bản","japan"),("Trung Quốc","china")])
P["p18_abbreviations"] = ("HÀ NỘI (TTXVN) - Các nước ASEAN và EU đã nhất trí thúc đẩy hợp tác. Tại hội nghị bên lề G20, đại diện NATO và IMF cũng có mặt. Theo AFP, LHQ hoan nghênh kết quả này.\n",
 [("HÀ NỘI","hanoi"),("TTXVN","vietnam-news-agency"),("ASEAN","asean"),("EU","european-union"),("G20","g20"),("NATO","nato"),("IMF","imf"),("AFP","afp"),("LHQ","united-nations")])
P["p19_russia_vs_given_name"] = ("Tổng thống Nga Vladimir Putin và Tổng thống Ukraine Volodymyr Zelensky chưa có kế hoạch gặp nhau. Điện Kremlin cho biết Mát-xcơ-va sẵn sàng đàm phán, trong khi Kiev yêu cầu Nga rút quân. Chị Nga, một người dân ở Hà Nội, theo dõi sát tin tức.\n",
 [("Nga","russia"),("Vladimir Putin","vladimir-putin"),("Ukraine","ukraine"),("Volodymyr Zelensky","volodymyr-zelensky"),("Điện Kremlin","kremlin"),("Mát-xcơ-va","moscow"),("Kiev","kyiv"),("Nga","russia"),("Hà Nội","hanoi")])
P["p20_japan_vs_diary"] = ("Nhật cam kết viện trợ thêm cho Philippines. Trong nhật ký công tác, ông Ishiba ghi lại chuyến đi Manila. Nhật ký này được Nikkei đăng tải.\n",
 [("Nhật","japan"),("Philippines","philippines"),("Manila","manila"),("Nikkei","nikkei-shimbun")])
P["p21_sino_vietnamese_coref"] = ("Thủ tướng Trung Quốc Lý Cường đã hội kiến Tổng thống Indonesia Prabowo Subianto tại Jakarta. Ông Lý khẳng định Bắc Kinh coi trọng quan hệ với Jakarta. Vấn đề Đài Loan không được đề cập.\n",
 [("Trung Quốc","china"),("Lý Cường","li-qiang"),("Indonesia","indonesia"),("Prabowo Subianto","prabowo-subianto"),("Jakarta","jakarta"),("Lý","li-qiang"),("Bắc Kinh","beijing"),("Jakarta","jakarta"),("Đài Loan","taiwan")])
P["p22_plain_economy"] = ("Giá vàng trong nước hôm nay tăng nhẹ, trung bình 80 triệu đồng mỗi lượng. Ngân hàng trung ương cho biết tỷ giá trung tâm ổn định. Người lao động tại các khu công nghiệp được tăng lương tối thiểu. Ông Trung, giám đốc một doanh nghiệp mỹ nghệ, cho biết đơn hàng đã tăng trở lại. Vương quốc cà phê của vùng cao nguyên đang vào vụ thu hoạch.\n", [])
P["p23_india_australia"] = ("Thủ tướng Ấn Độ Narendra Modi có bài phát biểu ấn tượng tại Canberra. Úc và Ấn Độ nhất trí nâng cấp quan hệ, trong khi các doanh nghiệp Úc muốn mở rộng đầu tư.\n",
 [("Ấn Độ","india"),("Narendra Modi","narendra-modi"),("Canberra","canberra"),("Úc","australia"),("Ấn Độ","india"),("Úc","australia")])
P["p24_italy_vs_opinion"] = ("Ý kiến của các chuyên gia cho thấy Ý đang đối mặt nguy cơ suy thoái. Thủ tướng Ý Giorgia Meloni cho biết chính phủ sẽ giảm thuế, và bà Meloni muốn Liên minh châu Âu linh hoạt hơn.\n",
 [("Ý","italy","thấy "),("Ý","italy"),("Giorgia Meloni","giorgia-meloni"),("Meloni","giorgia-meloni"),("Liên minh châu Âu","european-union")])

def bounded(text, s, e):
    before = text[s-1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not (before.isalnum()) and not (after.isalnum())

# Article dates (YYYY-MM-DD): `normalizer eval` extracts with them; role references depend on them.
DATES = {"p12_coref_wang_yi": "2024-04-03", "p25_roles_and_context": "2024-05-27"}
P["p25_roles_and_context"] = ("Thủ tướng Nhật Bản Kishida Fumio và Tổng thống Hàn Quốc Yoon Suk Yeol đã gặp Thủ tướng Trung Quốc Lý Cường tại Seoul. Thủ tướng Kishida cho rằng hợp tác Trung - Nhật - Hàn cần được khôi phục. Quốc hội Hàn Quốc hoan nghênh kết quả hội nghị, trong khi Ngoại trưởng Mỹ chưa bình luận.\nTại Hà Nội, Thủ tướng chủ trì phiên họp Chính phủ. Quốc hội sẽ xem xét dự luật vào tháng tới, người phát ngôn Bộ Ngoại giao cho biết. Anh Tom Cruise cũng đến Hà Nội; anh cho biết rất thích học tiếng Trung Quốc.\n",
 [("Nhật Bản","japan"),("Kishida Fumio","fumio-kishida"),("Hàn Quốc","south-korea"),("Yoon Suk Yeol","yoon-suk-yeol"),("Trung Quốc","china"),("Lý Cường","li-qiang"),("Seoul","seoul"),("Kishida","fumio-kishida"),("Trung","china"),("Nhật","japan"),("Hàn","south-korea"),("Quốc hội Hàn Quốc","national-assembly-south-korea"),("Ngoại trưởng","antony-blinken"),("Mỹ","united-states"),("Hà Nội","hanoi"),("Thủ tướng","pham-minh-chinh"),("Chính phủ","vietnam-government"),("Quốc hội","national-assembly-vietnam"),("Tom Cruise","tom-cruise"),("Hà Nội","hanoi")])

for name, (text, marks) in P.items():
    cursor = 0; ms = []
    for surface, ident, *before in marks:
        if unicodedata.is_normalized("NFD", text) and not unicodedata.is_normalized("NFC", text):
            surface = unicodedata.normalize("NFD", surface)
        prefix = before[0] if before else ""
        i = text.find(prefix + surface, cursor)
        while i >= 0 and not bounded(text, i + len(prefix), i + len(prefix) + len(surface)):
            i = text.find(prefix + surface, i+1)
        i = i + len(prefix) if i >= 0 else i
        if i < 0: sys.exit(f"{name}: {surface!r} not found after {cursor}")
        ms.append({"start": i, "end": i+len(surface), "surface": surface, "id": ident})
        cursor = i + len(surface)
    (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
    (OUT / f"{name}.json").write_text(json.dumps({"document": f"{name}.txt", **({"date": DATES[name]} if name in DATES else {}), "mentions": ms}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(P), "passages")
