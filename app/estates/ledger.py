"""Reading a ledger (台账) file: CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX, into checked rows.

Parsing is separate from saving so that a bad file is refused before anything is written.
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from app.errors import BadRequest, DomainError
from app.estates import messages

MAX_ROWS = 20000
#: a title line or two above the header is common in committees' spreadsheets
HEADER_SEARCH_ROWS = 10
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")

# Every header a committee's spreadsheet may use for each column.
HEADERS = {
    "building": ["building", "楼栋", "楼号", "楼栋号"],
    "stairwell": ["stairwell", "单元", "单元号"],
    "room": ["room", "房号", "房间号", "门牌号"],
    "floor": ["floor", "楼层", "所在楼层"],
    "area_m2": ["area_m2", "建筑面积", "面积", "专有面积", "建筑面积(㎡)", "建筑面积（㎡）"],
    "owner_name": ["owner_name", "业主姓名", "业主", "姓名"],
    "owner_phone": ["owner_phone", "联系电话", "电话", "手机号"],
    "owner_id_number": ["owner_id_number", "身份证号", "身份证号码", "证件号码"],
}
# the lengths the registry's columns hold (app/estates/models.py)
MAX_LENGTHS = {"building": 50, "stairwell": 50, "room": 20, "owner_name": 100}
REQUIRED = ["building", "stairwell", "room", "floor", "area_m2", "owner_name"]
# enough filled rows to find the header and to tell that a file has more than MAX_ROWS
_MOST_FILLED_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS + 1
#: rows read at most, blank ones included (a sheet may claim a million empty rows)
MAX_SHEET_ROWS = 5 * MAX_ROWS
#: columns read at most; a ledger has eight, a committee's copy a few more
MAX_COLUMNS = 64
#: an .xlsx is a zip: checked from its directory before anything is unpacked. A
#: 20,000-row ledger unpacks to about 10 MB and a dozen parts.
XLSX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
XLSX_MAX_PARTS = 500


@dataclass(frozen=True)
class LedgerRow:
    row: int  # the row number a spreadsheet shows, the header being row 1
    building: str
    stairwell: str
    room: str
    floor: int
    area_m2: Decimal
    owner_name: str
    owner_phone: str | None
    owner_id_number: str | None


def read_ledger(data: bytes, filename: str = "") -> list[LedgerRow]:
    """Checked rows, or BadRequest naming every bad row and column."""
    table = _read_table(data, filename)
    header_index, columns = _find_header(table)
    body = [(number, row) for number, row in enumerate(table[header_index + 1:],
                                                       start=header_index + 2)
            if not _blank(row)]
    if not body:
        raise BadRequest(messages.LEDGER_EMPTY, code="ledger_empty")
    if len(body) > MAX_ROWS:
        raise BadRequest(messages.LEDGER_TOO_MANY_ROWS.format(max=MAX_ROWS), code="ledger_too_large")
    rows, errors, seen = [], {}, {}
    for number, raw in body:
        values = {name: _cell(raw, index) for name, index in columns.items()}
        row, row_errors = _check_row(number, values)
        if row is not None:
            place = (row.building, row.stairwell, row.room)
            if place in seen:
                row_errors["room"] = messages.DUPLICATE_ROOM.format(row=seen[place])
            else:
                seen[place] = number
        if row_errors:
            errors[str(number)] = row_errors
        else:
            rows.append(row)
    if errors:
        first_row = next(iter(errors))
        first_column, first_message = next(iter(errors[first_row].items()))
        raise BadRequest(
            messages.LEDGER_HAS_ERRORS.format(
                count=sum(len(e) for e in errors.values()), row=first_row,
                column=messages.COLUMN_LABELS[first_column], message=first_message),
            code="ledger_invalid", fields={"rows": errors})
    return rows


def _blank(row: list) -> bool:
    return not any(str(cell).strip() for cell in row if cell is not None)


def _read_table(data: bytes, filename: str) -> list[list]:
    """The rows of the file as lists of cells, at most enough to tell it is too long."""
    if not data.strip():
        raise BadRequest(messages.LEDGER_EMPTY, code="ledger_empty")
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if b"\x00" in data[:4096]:  # pictures, PDFs, old .xls files
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable")
    text = _decode(data)
    try:
        return _take(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error


def _take(rows) -> list[list]:
    """Rows as lists (blank ones as []), stopping once there are too many to import."""
    table, filled = [], 0
    for row in rows:
        if len(table) == MAX_SHEET_ROWS:
            raise BadRequest(messages.LEDGER_TOO_MANY_SHEET_ROWS.format(max=MAX_SHEET_ROWS),
                             code="ledger_too_large")
        row = row[:MAX_COLUMNS]
        if _blank(row):
            table.append([])
            continue
        table.append(list(row))
        filled += 1
        if filled > _MOST_FILLED_ROWS:
            break
    return table


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any(ch in text for ch in "\ufffd\x01\x02\x03\x04\x05\x06\x07\x08"):
            return text
    raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable")


def _check_zip(data: bytes) -> None:
    """Refuse a zip that would unpack too large or into too many parts (a zip bomb),
    from its directory alone. zipfile never unpacks an entry past its declared size."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error
    if len(parts) > XLSX_MAX_PARTS:
        raise DomainError(messages.LEDGER_TOO_MANY_PARTS.format(max=XLSX_MAX_PARTS),
                          status=413, code="ledger_too_large")
    if sum(part.file_size for part in parts) > XLSX_MAX_UNPACKED_BYTES:
        raise DomainError(messages.LEDGER_UNPACKED_TOO_LARGE.format(
            max_mb=XLSX_MAX_UNPACKED_BYTES // (1024 * 1024)), status=413, code="ledger_too_large")


def _read_xlsx(data: bytes) -> list[list]:
    _check_zip(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any zip that is not a readable workbook
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error
    try:
        sheet = book.worksheets[0]
        # min_row=1 keeps blank leading rows, so row numbers match what Excel shows;
        # the caps keep a sheet that claims a huge size from being padded out to it
        return _take(sheet.iter_rows(min_row=1, max_row=MAX_SHEET_ROWS + 1, max_col=MAX_COLUMNS,
                                     values_only=True))
    except DomainError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged sheet inside a valid zip
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error
    finally:
        book.close()


def _normalize_header(value) -> str:
    return re.sub(r"\s+", "", str(value or "")).lower()


def _map_columns(header: list) -> tuple[dict[str, int], list[str]]:
    """Column positions by canonical name, and the required names not found."""
    positions = {}
    for index, cell in enumerate(header):
        positions.setdefault(_normalize_header(cell), index)
    columns, missing = {}, []
    for name, aliases in HEADERS.items():
        index = next((positions[_normalize_header(a)] for a in aliases
                      if _normalize_header(a) in positions), None)
        if index is not None:
            columns[name] = index
        elif name in REQUIRED:
            missing.append(name)
    return columns, missing


def _find_header(table: list[list]) -> tuple[int, dict[str, int]]:
    """The header row: the first of the first rows that names every required column."""
    closest = None  # (missing, index) of the row that comes nearest
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        if _blank(row):
            continue
        columns, missing = _map_columns(row)
        if not missing:
            return index, columns
        if closest is None or len(missing) < len(closest[0]):
            closest = (missing, index)
    if closest is None:
        raise BadRequest(messages.LEDGER_EMPTY, code="ledger_empty")
    missing, index = closest
    labels = "、".join(f"{messages.COLUMN_LABELS[name]}（{name}）" for name in missing)
    raise BadRequest(messages.LEDGER_MISSING_COLUMNS.format(row=index + 1, columns=labels),
                     code="ledger_missing_columns",
                     fields={"rows": {str(index + 1): {name: messages.COLUMN_MISSING
                                                       for name in missing}}})


def _cell(row: list, index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_row(number: int, values: dict) -> tuple[LedgerRow | None, dict]:
    errors = {}
    for name in REQUIRED:
        if not values.get(name):
            errors[name] = messages.EMPTY
    for name, longest in MAX_LENGTHS.items():
        if len(values.get(name, "")) > longest:
            errors[name] = messages.TOO_LONG.format(max=longest)
    floor = area = None
    if values.get("floor"):
        try:
            floor = int(values["floor"])
        except ValueError:
            errors["floor"] = messages.FLOOR_NOT_INT
        else:
            if not -5 <= floor <= 200:
                errors["floor"] = messages.FLOOR_RANGE
    if values.get("area_m2"):
        area, area_error = _area(values["area_m2"])
        if area_error:
            errors["area_m2"] = area_error
    phone = values.get("owner_phone") or None
    if phone and not PHONE_RE.match(phone):
        errors["owner_phone"] = messages.PHONE_INVALID
    if errors:
        return None, errors
    return LedgerRow(
        row=number, building=values["building"], stairwell=values["stairwell"],
        room=values["room"], floor=floor, area_m2=area, owner_name=values["owner_name"],
        owner_phone=phone, owner_id_number=(values.get("owner_id_number") or "").upper() or None,
    ), {}


def _area(text: str) -> tuple[Decimal | None, str | None]:
    try:
        area = Decimal(text)
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
