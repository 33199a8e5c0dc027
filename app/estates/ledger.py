"""Reading a ledger (台账) file into checked rows: .xlsx, .xls, .ods (python-calamine) or
CSV (UTF-8, UTF-8 with BOM, GBK); every sheet; merged cells filled; titles, two-level headers,
blank and 合计 rows, addresses instead of columns (app/estates/ledger_cells.py reads the cells).

`parse_ledger(data, filename)` says everything about a file (the preview's material) and
writes nothing; `read_ledger` is the same, refusing a file with any bad row.
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from app.errors import BadRequest, DomainError
from app.estates import ledger_cells as cells
from app.estates import messages

MAX_ROWS = 20000
#: a title line or two (and a two-level header) above the data is common in committees' sheets
HEADER_SEARCH_ROWS = 10
#: rows read at most over all sheets, blank ones included (a sheet may claim a million)
MAX_SHEET_ROWS = 5 * MAX_ROWS
#: columns read at most; a ledger has eight to fourteen
MAX_COLUMNS = 64
#: an .xlsx is a zip: checked from its directory before anything is unpacked. A
#: 20,000-row ledger unpacks to about 10 MB and a dozen parts.
XLSX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024
XLSX_MAX_PARTS = 500
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: columns filled from the row above when left blank (a building written once per block)
FILLED_DOWN = ("building", "stairwell")
SHEET_IS_BUILDING = re.compile(r"^\d+$|号楼$|栋$|幢$")


@dataclass(frozen=True)
class LedgerRow:
    row: int  # the row number a spreadsheet shows, its first row being 1
    building: str
    stairwell: str
    room: str
    floor: int
    area_m2: Decimal
    owner_name: str  # everyone named, "张三、李四"; the unit's name for an organisation
    owner_phone: str | None
    owner_id_number: str | None
    sheet: str = ""
    #: the people of the flat one by one (co-owners); empty means owner_name alone
    people: tuple[str, ...] = ()
    #: the ID number of each person where the ledger gives one, in people's order
    id_numbers: tuple[str, ...] = ()
    owner_kind: str = "person"  # or "organisation" (a 公房's 产权单位)
    phone_kind: str | None = None  # "mobile" or "landline"; None: mobile when a phone is given
    tenant_name: str | None = None  # 承租人 of a 公房
    property_kind: str | None = None  # 产权性质 as written
    certificate_number: str | None = None  # 不动产权证号 / 房产证号
    floor_from_room: bool = False


@dataclass
class LedgerParse:
    """What a file holds: rows, and for the preview every sheet, column, skipped row, problem."""

    rows: list[LedgerRow] = field(default_factory=list)
    sheets: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)


def read_ledger(data: bytes, filename: str = "") -> list[LedgerRow]:
    """Checked rows, or BadRequest naming every bad row and column."""
    return rows_of(parse_ledger(data, filename))


def rows_of(parsed: "LedgerParse") -> list[LedgerRow]:
    """The rows of a parsed file with no problem, else BadRequest naming every one."""
    if parsed.problems:
        several = len(parsed.sheets) > 1
        rows = {}
        for problem in parsed.problems:
            key = f"{problem['sheet']}:{problem['row']}" if several else str(problem["row"])
            rows.setdefault(key, {})[problem["field"]] = problem["message"]
        first = parsed.problems[0]
        raise BadRequest(messages.LEDGER_HAS_ERRORS.format(
            count=len(parsed.problems), sheet=first["sheet"], row=first["row"],
            column=first["column"], message=first["message"]),
            code="ledger_invalid", fields={"rows": rows})
    return parsed.rows


def parse_ledger(data: bytes, filename: str = "") -> LedgerParse:
    parsed, closest, seen = LedgerParse(), None, {}
    sheets = _read_sheets(data, filename)
    for name, table in sheets:
        found = _find_header(table)
        if found[0] is None:
            missing = found[1]
            if missing is not None and (closest is None or len(missing) < len(closest[1])):
                closest = (name, missing, found[2])
            parsed.skipped.append({"sheet": name, "row": None, "reason": messages.SHEET_NO_HEADER})
            continue
        _read_sheet(parsed, name, table, found, seen)
    if not parsed.rows and not parsed.problems:
        if closest is not None and not any(s["rows"] for s in parsed.sheets):
            _refuse_missing(*closest)
        raise BadRequest(messages.LEDGER_EMPTY, code="ledger_empty")
    if len(parsed.rows) + len({p["row"] for p in parsed.problems}) > MAX_ROWS:
        raise BadRequest(messages.LEDGER_TOO_MANY_ROWS.format(max=MAX_ROWS), code="ledger_too_large")
    return parsed


def _refuse_missing(sheet: str, missing: list[str], index: int):
    labels = "、".join(messages.COLUMN_LABELS[name] for name in missing)
    raise BadRequest(messages.LEDGER_MISSING_COLUMNS.format(sheet=sheet, row=index + 1, columns=labels),
                     code="ledger_missing_columns",
                     fields={"rows": {str(index + 1): {name: messages.COLUMN_MISSING
                                                       for name in missing}}})


def _read_sheet(parsed: LedgerParse, name: str, table: list[list], found, seen: dict) -> None:
    header_index, columns, headers = found
    sheet_building = (cells.building_name(name.strip()) if SHEET_IS_BUILDING.search(name.strip())
                      else None)
    report = {"name": name, "rows": 0, "header_row": header_index + 1,
              "columns": [{"label": messages.COLUMN_LABELS[f], "header": headers[f]} for f in columns],
              "floor_from_room": "floor" not in columns,
              "building_from_sheet": "building" not in columns and sheet_building is not None}
    parsed.sheets.append(report)
    above, blanks = {}, []
    for number, raw in enumerate(table[header_index + 1:], start=header_index + 2):
        if _blank(raw):
            blanks.append(number)
            continue
        parsed.skipped.extend({"sheet": name, "row": n, "reason": messages.SKIPPED_BLANK}
                              for n in blanks)
        blanks = []
        if cells.is_total(raw):
            parsed.skipped.append({"sheet": name, "row": number, "reason": messages.SKIPPED_TOTAL})
            continue
        values = {f: cells.cell_text(raw[i]) if i < len(raw) else "" for f, i in columns.items()}
        if not any(values.get(f) for f in ("room", "address", "area_m2")):
            parsed.skipped.append({"sheet": name, "row": number, "reason": messages.SKIPPED_NOT_FLAT})
            continue
        for f in FILLED_DOWN:
            if f in columns and not values[f]:
                values[f] = above.get(f, "")
        above = {f: values[f] for f in FILLED_DOWN if f in columns}
        row, errors = _check_row(name, number, values, sheet_building)
        if row is not None:
            place = (row.building, row.stairwell, row.room)
            if place in seen:
                first_sheet, first_row = seen[place]
                where = messages.ROW.format(row=first_row) if first_sheet == name else \
                    messages.SHEET_ROW.format(sheet=first_sheet, row=first_row)
                errors["room"] = messages.DUPLICATE_ROOM.format(where=where)
            else:
                seen[place] = (name, number)
        for f, message in errors.items():
            parsed.problems.append({"sheet": name, "row": number, "field": f,
                                    "column": messages.COLUMN_LABELS[f], "message": message})
        if not errors:
            parsed.rows.append(row)
            report["rows"] += 1


def _blank(row: list) -> bool:
    return not any(cells.cell_text(cell) for cell in row)


def _read_sheets(data: bytes, filename: str) -> list[tuple[str, list[list]]]:
    """(name, rows) of every sheet, merged cells filled with their value; a CSV is one sheet."""
    if not data.strip():
        raise BadRequest(messages.LEDGER_EMPTY, code="ledger_empty")
    if data[:4] == b"PK\x03\x04":
        _check_zip(data)
        return _read_workbook(data)
    if data[:8] == XLS_MAGIC:
        return _read_workbook(data)
    if b"\x00" in data[:4096]:  # pictures, PDFs
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable")
    text = _decode(data)
    try:
        return [(filename.rsplit(".", 1)[0] or "CSV", _take(csv.reader(io.StringIO(text)), 0))]
    except csv.Error as error:
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error


def _take(rows, taken: int) -> list[list]:
    """Rows as lists (blank ones as []); `taken` rows were read from earlier sheets."""
    table = []
    for row in rows:
        if taken + len(table) == MAX_SHEET_ROWS:
            raise BadRequest(messages.LEDGER_TOO_MANY_SHEET_ROWS.format(max=MAX_SHEET_ROWS),
                             code="ledger_too_large")
        table.append([] if _blank(row) else list(row[:MAX_COLUMNS]))
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
    from its directory alone, before the workbook reader opens it."""
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


def _read_workbook(data: bytes) -> list[tuple[str, list[list]]]:
    from python_calamine import CalamineWorkbook

    sheets, taken = [], 0
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            table = _take(sheet.iter_rows(), taken)
            taken += len(table)
            _fill_merged(table, sheet.merged_cell_ranges or [])
            sheets.append((name, table))
    except DomainError:
        raise
    except Exception as error:  # noqa: BLE001 - any file that is not a readable workbook
        raise BadRequest(messages.LEDGER_UNREADABLE, code="ledger_unreadable") from error
    return sheets


def _fill_merged(table: list[list], ranges) -> None:
    """Every cell of a merged range holds the range's value, as a person reads the sheet."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(table) or left >= MAX_COLUMNS or left >= len(table[top]):
            continue
        value = table[top][left]
        for r in range(top, min(bottom, len(table) - 1) + 1):
            row = table[r]
            if not row:
                continue  # a merged cell alone on a row is still a blank row
            row.extend([""] * (min(right, MAX_COLUMNS - 1) + 1 - len(row)))
            for c in range(left, min(right, MAX_COLUMNS - 1) + 1):
                row[c] = value


def _map_columns(header: list) -> tuple[dict[str, int], dict[str, str]]:
    """Column positions by field, and the header text each came from."""
    positions, texts = {}, {}
    for index, cell in enumerate(header):
        key = cells.normalize_header(cell)
        if key and key not in positions:
            positions[key], texts[key] = index, cells.cell_text(cell)
    columns, headers = {}, {}
    for name, aliases in cells.HEADERS.items():
        key = next((cells.normalize_header(a) for a in aliases
                    if cells.normalize_header(a) in positions), None)
        if key is not None and positions[key] not in columns.values():
            columns[name], headers[name] = positions[key], texts[key]
    return columns, headers


def _missing(columns: dict) -> list[str]:
    """Fields a sheet cannot do without; a place may be one address column instead of three."""
    missing = [f for f in ("area_m2",) if f not in columns]
    if "owner_name" not in columns and "property_unit" not in columns:
        missing.append("owner_name")
    if "address" not in columns:
        missing += [f for f in ("room", "stairwell") if f not in columns]
    return missing


def _find_header(table: list[list]):
    """(index, columns, headers) of the header row, the row above filling its blank cells (a
    two-level header: 房屋坐落 over 楼号/单元/房号); or (None, closest missing, its index)."""
    best, closest = None, (None, None, 0)
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        if _blank(row):
            continue
        upper = table[index - 1] if index else []
        merged = [cell if cells.cell_text(cell) else (upper[i] if i < len(upper) else "")
                  for i, cell in enumerate(row)] + list(upper[len(row):])
        columns, headers = _map_columns(merged)
        missing = _missing(columns)
        if not missing and (best is None or len(columns) > len(best[1])):
            best = (index, columns, headers)
        elif missing and (closest[1] is None or len(missing) < len(closest[1])):
            closest = (None, missing, index)
    return best or closest


def _place(values: dict, sheet_building: str | None, errors: dict) -> tuple[str, str, str]:
    building = cells.building_name(values.get("building", "")) or sheet_building or ""
    stairwell = cells.stairwell_name(values.get("stairwell", ""))
    room = values.get("room", "")
    if values.get("address") and not room:
        split = cells.split_address(values["address"])
        if split is None:
            errors["address"] = messages.ADDRESS_UNREADABLE
            return building, stairwell, room
        building, stairwell, room = (building if values.get("building") else split[0],
                                     stairwell or split[1], split[2])
    for name, value in (("building", building), ("stairwell", stairwell), ("room", room)):
        if not value:
            errors[name] = messages.EMPTY
    return building, stairwell, room


def _check_row(sheet: str, number: int, values: dict, sheet_building: str | None):
    errors = {}
    building, stairwell, room = _place(values, sheet_building, errors)
    values = {**values, "building": building, "stairwell": stairwell, "room": room}
    for name, longest in cells.MAX_LENGTHS.items():
        if len(values.get(name) or "") > longest:
            errors[name] = messages.TOO_LONG.format(max=longest)
    floor, from_room = None, not values.get("floor")
    if values.get("floor"):
        floor, floor_error = cells.floor_of(values["floor"])
        if floor_error:
            errors["floor"] = floor_error
    elif room:
        floor = cells.floor_from_room(room)
        if floor is None:
            errors["floor"] = messages.FLOOR_UNKNOWN
    area, area_error = cells.area_of(values["area_m2"]) if values.get("area_m2") else (None, messages.EMPTY)
    if area_error:
        errors["area_m2"] = area_error
    phone, phone_kind, phone_error = cells.phone_of(values.get("owner_phone", ""))
    if phone_error:
        errors["owner_phone"] = phone_error
    people, kind = cells.names_of(values.get("owner_name", ""), values.get("co_owners", "")), "person"
    public, unit = cells.is_public(values.get("property_kind", "")), values.get("property_unit", "")
    if unit and (public or not people):
        people, kind = [unit], "organisation"
    elif public:
        errors["property_unit"] = messages.PUBLIC_NEEDS_UNIT
    if not people:
        errors["owner_name"] = messages.EMPTY
    owner_name = "、".join(people)
    if len(owner_name) > 100:
        errors["owner_name"] = messages.TOO_LONG.format(max=100)
    if errors:
        return None, errors
    id_numbers = tuple(cells.id_numbers_of(values.get("owner_id_number", ""))) if kind == "person" else ()
    return LedgerRow(
        row=number, building=building, stairwell=stairwell, room=room, floor=floor, area_m2=area,
        owner_name=owner_name, owner_phone=phone, owner_id_number=id_numbers[0] if id_numbers else None,
        sheet=sheet, people=tuple(people), id_numbers=id_numbers, owner_kind=kind,
        phone_kind=phone_kind, tenant_name=values.get("tenant") or None,
        property_kind=values.get("property_kind") or None,
        certificate_number=cells.certificate_of(values.get("certificate", "")) or None,
        floor_from_room=from_room,
    ), {}
