"""Ledger files for tests, built the way committees' spreadsheets come."""
import csv
import io

ENGLISH = ["building", "stairwell", "room", "floor", "area_m2", "owner_name", "owner_phone",
           "owner_id_number"]
CHINESE = ["楼栋", "单元", "房号", "楼层", "建筑面积", "业主姓名", "联系电话", "身份证号"]


def ledger_rows(buildings=(("1号楼", 2),), floors=6, doors=2, id_prefix="1101011960"):
    """Rows as lists in ENGLISH column order; every flat its own owner."""
    rows, index = [], 0
    for building, stairwells in buildings:
        for s in range(1, stairwells + 1):
            for floor in range(1, floors + 1):
                for door in range(1, doors + 1):
                    index += 1
                    rows.append([building, f"{s}单元", f"{floor}0{door}", str(floor),
                                 f"{50 + index % 30}.{index % 100:02d}", f"业主{index}",
                                 f"139{index:08d}", f"{id_prefix}{index:08d}"])
    return rows


def csv_bytes(rows, header=ENGLISH, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, header=CHINESE, title=None) -> bytes:
    """An Excel workbook; numbers stored as numbers, as Excel does."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        building, stairwell, room, floor, area, name, phone, id_number = row
        sheet.append([building, stairwell, int(room) if room.isdigit() else room,
                      int(floor) if floor.lstrip("-").isdigit() else floor,
                      float(area) if _is_number(area) else area, name,
                      int(phone) if phone.isdigit() else phone, id_number])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
