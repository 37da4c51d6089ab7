"""The UI's two languages: messages are written in English in the templates and code, and this
catalog gives their Vietnamese. The language is kept in the session (default: Vietnamese)."""

# ruff: noqa: E501  (a catalog reads best with one message and its translation per line)
from __future__ import annotations

import re
from typing import Any

from flask import has_request_context, session

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT = "vi"

VI: dict[str, str] = {
    # navigation and sign-in
    "Search": "Tìm kiếm",
    "Review queue": "Hàng chờ duyệt",
    "Try it": "Thử nghiệm",
    "Sign in": "Đăng nhập",
    "Sign out": "Đăng xuất",
    "Editor token": "Mã truy cập biên tập viên",
    "Ask an administrator for a token: normalizer token create --role editor NAME":
        "Hãy xin quản trị viên một mã truy cập: normalizer token create --role editor TÊN",
    "This token is unknown or revoked.": "Mã truy cập này không tồn tại hoặc đã bị thu hồi.",
    "sign in with an editor token": "Hãy đăng nhập bằng mã truy cập biên tập viên.",
    "sign in to see the review queue": "Hãy đăng nhập để xem hàng chờ duyệt.",
    "sign in to read the gazetteer": "Hãy đăng nhập để xem danh mục.",
    "your token was revoked or changed: sign in again": "Mã truy cập của bạn đã bị thu hồi hoặc thay đổi: hãy đăng nhập lại.",
    "viewer": "người xem", "editor": "biên tập viên", "admin": "quản trị viên",
    # search
    "Search the gazetteer": "Tìm trong danh mục thực thể",
    "A name in any language: Vương Nghị, TTXVN, Dokdo...": "Một tên bằng bất kỳ ngôn ngữ nào: Vương Nghị, TTXVN, Dokdo...",
    "All types": "Mọi loại",
    "%(n)s entities": "%(n)s thực thể",
    "Nothing found.": "Không tìm thấy gì.",
    "Previous": "Trước", "Next": "Sau", "Newer": "Mới hơn", "Older": "Cũ hơn",
    "Back to search": "Quay lại tìm kiếm",
    # entity page
    "revision": "phiên bản", "deleted": "đã xoá", "History": "Lịch sử", "Edit": "Sửa", "Merge": "Gộp",
    "Country": "Quốc gia", "Roles": "Chức vụ", "now": "nay", "Names": "Các tên", "Name": "Tên",
    "Kind": "Loại tên", "Used by": "Dùng bởi", "Source": "Nguồn", "Remove": "Xoá", "remove": "xoá",
    "ambiguous": "mơ hồ", "Language": "Ngôn ngữ", "Add a name": "Thêm tên", "Add the name": "Thêm tên này",
    "Already a name of %(name)s (%(id)s)": "Đã là tên của %(name)s (%(id)s)",
    "“%(text)s” is already a strong name of": "“%(text)s” đã là tên chính thức của",
    "Add it anyway, marked ambiguous, if both entities really go by this name.":
        "Nếu cả hai thực thể đều thật sự mang tên này, vẫn có thể thêm và đánh dấu là mơ hồ.",
    "Mark ambiguous and add": "Đánh dấu mơ hồ và thêm",
    "This entity changed since you opened it (now revision %(actual)s). Nothing was saved; check the page below and try again.":
        "Thực thể này đã thay đổi từ khi bạn mở trang (nay là phiên bản %(actual)s). Chưa có gì được lưu; "
        "hãy xem lại trang dưới đây rồi thử lại.",
    "Name added: %(text)s": "Đã thêm tên: %(text)s",
    "Name removed.": "Đã xoá tên.",
    # edit
    "English name": "Tên tiếng Anh", "Type": "Loại", "Description": "Mô tả", "Family name": "Họ",
    "New entity": "Thực thể mới", "Vietnamese name": "Tên tiếng Việt", "Created %(id)s.": "Đã tạo %(id)s.",
    "Restored.": "Đã khôi phục.", "Deleted. It can be restored from its page.": "Đã xoá. Có thể khôi phục từ trang của nó.",
    "This entity is deleted: it is no longer in the index.": "Thực thể này đã bị xoá: nó không còn trong chỉ mục.",
    "Restore": "Khôi phục", "Delete this entity": "Xoá thực thể này",
    "Deleting takes the entity out of the index; its id is never reused, and it can be restored.":
        "Xoá sẽ đưa thực thể ra khỏi chỉ mục; mã của nó không bao giờ được dùng lại, và có thể khôi phục.",
    "New name": "Tên mới", "New role": "Chức vụ mới", "Role": "Chức vụ", "Title": "Chức danh",
    "Of (entity id or name)": "Của (mã hoặc tên thực thể)", "From": "Từ", "To": "Đến", "Save": "Lưu", "Cancel": "Huỷ", "Saved.": "Đã lưu.",
    "Please correct the fields marked below.": "Vui lòng sửa các trường được đánh dấu dưới đây.",
    "Someone changed this entity since you opened the form (you read revision %(expected)s, it is now at %(actual)s). Your changes were NOT saved, so that theirs are not overwritten.":
        "Có người đã sửa thực thể này từ khi bạn mở biểu mẫu (bạn đọc phiên bản %(expected)s, nay là %(actual)s). "
        "Thay đổi của bạn CHƯA được lưu, để không ghi đè lên thay đổi của họ.",
    "Open the current version": "Mở phiên bản hiện tại",
    "Tick “ambiguous” on that name to keep it on purpose.": "Đánh dấu “mơ hồ” cho tên đó nếu muốn giữ nó.",
    # history
    "%(n)s changes": "%(n)s thay đổi", "Merged into": "Đã gộp vào", "Revert to this revision": "Khôi phục phiên bản này",
    "Reverted to revision %(revision)s.": "Đã khôi phục về phiên bản %(revision)s.", "name": "tên",
    "create": "tạo mới", "update": "cập nhật", "name_add": "thêm tên", "name_remove": "xoá tên",
    "merge": "gộp", "revert": "khôi phục", "delete": "xoá", "undelete": "khôi phục sau xoá", "load": "nạp từ YAML",
    "type": "loại", "description": "mô tả", "country": "quốc gia", "external_ids": "mã định danh ngoài",
    "roles": "chức vụ", "merged_into": "gộp vào",
    # merge
    "Merging retires this entity: its names move to the entity you choose, and its id redirects there.":
        "Gộp sẽ cho thực thể này nghỉ: các tên của nó chuyển sang thực thể bạn chọn, và mã của nó chuyển hướng về đó.",
    "Merge into": "Gộp vào", "Merge into (entity id or name)": "Gộp vào (mã hoặc tên thực thể)",
    "Preview": "Xem trước", "Names that move": "Các tên sẽ chuyển sang",
    "Names the survivor already has": "Các tên thực thể giữ lại đã có", "none": "không có",
    "Confirm the merge": "Xác nhận gộp", "Merged %(merged)s into %(survivor)s.": "Đã gộp %(merged)s vào %(survivor)s.",
    # review queue
    "%(n)s names, most often seen first": "%(n)s tên, xuất hiện nhiều nhất trước",
    "last seen": "lần cuối", "Add as name of": "Thêm làm tên của", "entity id or name": "mã hoặc tên thực thể",
    "Add": "Thêm", "New entity, English name": "Thực thể mới, tên tiếng Anh", "Create": "Tạo",
    "Dismiss": "Bỏ qua", "The queue is empty.": "Hàng chờ trống.",
    "Settled: %(example)s": "Đã xử lý: %(example)s", "Dismissed: %(example)s": "Đã bỏ qua: %(example)s",
    "open": "đang chờ", "settled": "đã xử lý", "dismissed": "đã bỏ qua",
    "add_name": "thêm tên", "new_entity": "thực thể mới", "dismiss": "bỏ qua", "resolved": "đã tự nhận diện",
    "all on this page": "tất cả trên trang này", "Dismiss the ticked items": "Bỏ qua các mục đã chọn",
    "tick": "chọn", "times seen": "số lần xuất hiện", "role reference": "chỉ chức vụ", "Seen in": "Xuất hiện trong",
    "A title with a country (“%(title)s” + %(country)s) names whoever holds the office: it belongs in a role on that person, not in the names.":
        "Chức danh kèm quốc gia (“%(title)s” + %(country)s) chỉ người đang giữ chức: hãy ghi vào chức vụ của người đó, không thêm làm tên.",
    "Closest entities": "Thực thể gần nhất", "Add as a name of %(name)s": "Thêm làm tên của %(name)s",
    "or": "hoặc", "Create entity “%(name)s”": "Tạo thực thể “%(name)s”",
    "Other entity, new entity or dismiss": "Thực thể khác, thực thể mới hoặc bỏ qua", "automatic": "tự động",
    "Tick the items to dismiss first.": "Hãy chọn các mục cần bỏ qua trước.", "Dismissed %(n)s items.": "Đã bỏ qua %(n)s mục.",
    "translit": "phiên âm", "unaccented": "bỏ dấu", "phonetic": "phiên âm theo âm đọc",
    # a suggestion's origin (normalizer.translit.origin)
    "vietnamese": "tên Việt", "chinese": "tên Trung Quốc (Hán-Việt)", "korean": "tên Hàn Quốc",
    "korean-hanviet": "tên Hàn Quốc (Hán-Việt)", "japanese": "tên Nhật Bản",
    # try it
    "A name, e.g. Ngoại trưởng Vương Nghị": "Một tên, ví dụ Ngoại trưởng Vương Nghị",
    "Resolve": "Nhận diện", "title": "chức danh", "Suggestion": "Gợi ý", "Entity": "Thực thể",
    "Score": "Điểm", "Matched name": "Tên khớp", "Why": "Lý do", "No candidates.": "Không có ứng viên.",
    "Find the names in a paragraph": "Tìm các tên trong một đoạn văn", "Paragraph": "Đoạn văn",
    "Paste a paragraph of news text": "Dán một đoạn tin tức", "Find names": "Tìm tên",
    "Mention": "Đề cập", "not in the gazetteer": "chưa có trong danh mục",
    "matched": "khớp", "unmatched": "không khớp",
    # types and kinds
    "person": "người", "place": "địa danh", "organization": "tổ chức", "event": "sự kiện",
    "preferred": "tên chính", "alias": "tên khác", "abbreviation": "viết tắt", "historic": "tên cũ",
    "misspelling": "viết sai", "native": "nguyên ngữ",
    # errors
    "The form has expired or did not come from this site. Reload the page and try again.":
        "Biểu mẫu đã hết hạn hoặc không đến từ trang này. Hãy tải lại trang rồi thử lại.",
    "Error": "Lỗi", "Something went wrong. It was logged.": "Đã xảy ra lỗi. Lỗi đã được ghi lại.",
    "The database is unavailable. Try again in a moment.":
        "Cơ sở dữ liệu tạm thời không truy cập được. Hãy thử lại sau giây lát.",
}
CATALOGS = {"vi": VI, "en": {}}

# The core's refusals are English sentences with values in them: each pattern gives the
# Vietnamese with the same values (an unknown message stays as it is).
VI_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"^no entity has the id or name (?P<v>.+)$", "không có thực thể nào có mã hoặc tên \\g<v>"),
    (r"^no entity has the id (?P<v>.+)$", "không có thực thể nào có mã \\g<v>"),
    (r"^(?P<v>.+) names several entities \((?P<w>.+)\): give the id$",
     "\\g<v> là tên của nhiều thực thể (\\g<w>): hãy nhập mã"),
    (r"^give the entity's id or one of its names$", "hãy nhập mã hoặc một tên của thực thể"),
    (r"^the name (?P<v>.+) is a strong name of (?P<w>.+); mark it ambiguous .*$",
     "tên \\g<v> đã là tên chính thức của \\g<w>; đánh dấu mơ hồ để vẫn thêm, hoặc chọn loại tên yếu "
     "(viết tắt, viết sai)"),
    (r"^(?P<v>.+) is at revision (?P<a>\d+), not (?P<e>\d+): read it again$",
     "\\g<v> đang ở phiên bản \\g<a>, không phải \\g<e>: hãy tải lại"),
    (r"^(?P<v>.+) is deleted: undelete it before changing it$", "\\g<v> đã bị xoá: hãy khôi phục trước khi sửa"),
    (r"^(?P<v>.+) \((?P<l>.+)\) is listed twice$", "\\g<v> (\\g<l>) bị liệt kê hai lần"),
    (r"^a name needs letters$", "tên phải có chữ cái"),
    (r"^no review item has the key (?P<v>.+)$", "không có mục duyệt nào có khoá \\g<v>"),
    (r"^must be one of (?P<v>.+)$", "phải là một trong: \\g<v>"),
    (r"^an entity cannot be merged into itself$", "không thể gộp một thực thể vào chính nó"),
    (r"^(?P<v>.+) is (?P<w>merged|deleted)$", "\\g<v> đã bị gộp hoặc xoá"),
    (r"^every entity needs an English name.*$", "mỗi thực thể cần một tên tiếng Anh"),
))
FIELD_NAMES_VI = {"entity": "thực thể", "name": "tên", "names": "các tên", "type": "loại", "lang": "ngôn ngữ",
                  "kind": "loại tên", "text": "tên", "into": "gộp vào", "keys": "các mục", "action": "thao tác"}


def translate_error(message: str, lang: str) -> str:
    """A core refusal in the UI's language: Vietnamese by the patterns above, else as it is."""
    if lang != "vi":
        return message
    for pattern, vietnamese in VI_ERRORS:
        if pattern.match(message):
            return pattern.sub(vietnamese, message)
    return message


def language() -> str:
    """The session's language, or Vietnamese."""
    chosen = session.get("lang") if has_request_context() else None
    return chosen if chosen in LANGUAGES else DEFAULT


def translate(message: str, lang: str, **values: Any) -> str:
    """The message in `lang` (English, the message itself, when the catalog lacks it), with
    %(name)s placeholders filled from values."""
    text = CATALOGS.get(lang, {}).get(message, message)
    return text % values if values else text
