"""Reading one ledger cell the way committees write it: areas with units, landlines,
addresses instead of columns, co-owners in one cell, 公房 rows. Plain functions, no I/O."""
import re
from decimal import Decimal, InvalidOperation

from app.estates import messages

# Every header a committee's spreadsheet may use for each column (compared without spaces,
# case or a trailing unit in brackets: 建筑面积(㎡) reads as 建筑面积).
HEADERS = {
    "building": ["building", "楼栋", "楼号", "楼栋号", "幢号", "楼幢", "栋号", "幢"],
    "stairwell": ["stairwell", "单元", "单元号"],
    "room": ["room", "房号", "房间号", "门牌号", "室号", "户号"],
    "floor": ["floor", "楼层", "所在楼层", "所在层", "层次", "层"],
    "area_m2": ["area_m2", "建筑面积", "面积", "专有面积", "房屋面积", "产权面积"],
    "address": ["房屋坐落", "坐落", "房屋地址", "地址", "房屋坐落地址"],
    "owner_name": ["owner_name", "业主姓名", "业主", "姓名", "产权人", "产权人姓名", "权利人",
                   "所有权人", "业主名称"],
    "co_owners": ["共有人", "共有权人", "共有人姓名"],
    "owner_phone": ["owner_phone", "联系电话", "电话", "手机号", "手机", "联系方式", "手机号码"],
    "owner_id_number": ["owner_id_number", "身份证号", "身份证号码", "证件号码", "证件号",
                        "身份证"],
    "property_kind": ["产权性质", "房屋性质", "房屋产权性质"],
    "property_unit": ["产权单位", "公房产权单位", "管理单位"],
    "tenant": ["承租人", "承租人姓名"],
    "certificate": ["不动产权证号", "房产证号", "产权证号", "不动产权证书号", "房屋所有权证号",
                    "不动产权证书号码", "房产证号码"],
}
# the lengths the registry's columns hold (app/estates/models.py)
MAX_LENGTHS = {"building": 50, "stairwell": 50, "room": 20, "owner_name": 100, "tenant": 100,
               "property_unit": 100}
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,5})?$")
AREA_UNIT_RE = re.compile(r"\s*(㎡|m²|m2|平方米|平米|平方)\s*$", re.IGNORECASE)
#: "3-2-301", "3号楼-2-301"
DASHED_RE = re.compile(r"^(?P<b>[0-9A-Za-z]+)(?:号楼|栋|幢)?[-－—](?P<s>\d+)(?:单元)?[-－—]"
                       r"(?P<r>[0-9A-Za-z]+)(?:室|号)?$")
#: "和平里东街11号院3号楼2单元301室": searched inside the whole address
WRITTEN_RE = re.compile(r"(?P<b>[0-9A-Za-z]+)(?P<bs>号楼|栋|幢)(?P<s>\d+)(?:单元|门)"
                        r"(?P<r>[0-9A-Za-z]+)(?:室|号)?$")
NAME_SEPARATORS = re.compile(r"[、，,;；/\s]+")
PHONE_SEPARATORS = re.compile(r"[、，,;；/]+")
TOTAL_WORDS = ("合计", "总计", "小计", "共计")
PUBLIC_WORD = "公房"


def normalize_header(value) -> str:
    text = re.sub(r"\s+", "", str(value or "")).lower()
    return re.sub(r"[（(][^（()）]*[)）]$", "", text)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def building_name(text: str) -> str:
    """"3" and "3号楼" name one building: bare numbers get 号楼."""
    return f"{text}号楼" if text.isdigit() else text


def stairwell_name(text: str) -> str:
    return f"{text}单元" if text.isdigit() else text


def split_address(text: str) -> tuple[str, str, str] | None:
    """(building, stairwell, room) of an address, or None when it names no flat."""
    compact = re.sub(r"\s+", "", text)
    dashed = DASHED_RE.match(compact)
    if dashed:
        return building_name(dashed["b"]), stairwell_name(dashed["s"]), dashed["r"]
    written = WRITTEN_RE.search(compact)
    if written:
        return written["b"] + written["bs"], stairwell_name(written["s"]), written["r"]
    return None


def floor_of(text: str) -> tuple[int | None, str | None]:
    """An integer floor from "3", "3层" or "-1"."""
    try:
        floor = int(re.sub(r"(层|楼)$", "", text))
    except ValueError:
        return None, messages.FLOOR_NOT_INT
    if not -5 <= floor <= 200:
        return None, messages.FLOOR_RANGE
    return floor, None


def floor_from_room(room: str) -> int | None:
    """301 is on floor 3, 1502 on floor 15: a room number's leading digits."""
    return int(room[:-2]) if room.isdigit() and len(room) >= 3 and int(room[:-2]) > 0 else None


def area_of(text: str) -> tuple[Decimal | None, str | None]:
    """An exact area from "56.3", "56.3㎡", "56.30平方米" or "56.3 m2"."""
    try:
        area = Decimal(AREA_UNIT_RE.sub("", text.replace(",", "")))
    except InvalidOperation:
        return None, messages.AREA_NOT_NUMBER
    if not area.is_finite():
        return None, messages.AREA_NOT_NUMBER
    if area <= 0:
        return None, messages.AREA_NOT_POSITIVE
    if -area.as_tuple().exponent > 2:
        return None, messages.AREA_PLACES
    if area >= 100000:
        return None, messages.AREA_TOO_LARGE
    return area, None


def phone_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(number, kind, error): the first mobile of the cell, else its first landline.

    Landlines are kept as contact numbers; text messages go only to kind "mobile"."""
    if not text:
        return None, None, None
    mobile = landline = None
    for number in _phone_parts(text):
        digits = re.sub(r"^(\+?86)", "", number.replace("-", ""))
        if PHONE_RE.match(digits):
            mobile = mobile or digits
        elif LANDLINE_RE.match(number):
            landline = landline or number
        elif number:
            return None, None, messages.PHONE_INVALID
    if mobile:
        return mobile, "mobile", None
    return landline, "landline", None


def _phone_parts(text: str) -> list[str]:
    """Numbers of a cell: "010 6401 2345" is one number, "139… 138…" two."""
    parts = []
    for part in PHONE_SEPARATORS.split(text):
        whole = re.sub(r"[\s()（）]", "", part)
        digits = re.sub(r"^(\+?86)", "", whole.replace("-", ""))
        if PHONE_RE.match(digits) or LANDLINE_RE.match(whole):
            parts.append(whole)
        else:
            parts.extend(part.split())
    return parts


def names_of(*cells: str) -> list[str]:
    """Everyone named in 产权人 ("张三、李四") and 共有人, each once, in order."""
    names = []
    for cell in cells:
        for name in NAME_SEPARATORS.split(cell or ""):
            if name and name not in names:
                names.append(name)
    return names


def id_numbers_of(text: str) -> list[str]:
    return [part.upper() for part in NAME_SEPARATORS.split(text or "") if part]


def is_public(kind: str) -> bool:
    return PUBLIC_WORD in (kind or "")


def is_total(row: list) -> bool:
    return any(cell_text(cell).replace(" ", "").startswith(TOTAL_WORDS) for cell in row)


ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def with_check_digit(first17: str) -> str:
    """An ID number completed with its GB 11643 check digit (for demo and test ledgers)."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def id_number_valid(text: str) -> bool:
    """An 18-character resident ID number whose last character is its GB 11643 check digit."""
    number = (text or "").strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    return with_check_digit(number[:17]) == number


def certificate_of(text: str) -> str:
    """A certificate number as typed or printed: spaces and case do not matter."""
    return re.sub(r"\s+", "", text or "").upper()
