"""Ledgers shaped as housing offices and property companies keep them (issue 33): merged
title rows, two-level headers, buildings merged down, one sheet per building, .xls,
areas with units, landlines, addresses instead of columns, co-owners, 公房, 合计 rows.

Each builder returns the file's bytes; EXPECTED says what a correct reading finds.
"""
import io
from decimal import Decimal

from app.estates.api import with_check_digit as valid_id


ZHANG = valid_id("11010119500303003")  # owns 1号楼 1单元 101 and 2号楼 1单元 201
LI = valid_id("11010119520404004")
WANG = valid_id("11010119601010005")
CERT_101 = "京(2019)东城区不动产权第0001234号"
CERT_102 = "X京房权证东字第012345号"

TOP = ["房屋坐落", None, None, "所在层", "产权人", "共有人", "建筑面积(㎡)", "联系电话", "证件号码",
       "产权性质", "产权单位", "承租人", "不动产权证号"]
SUB = ["楼号", "单元", "房号"]


def office_xlsx() -> bytes:
    """Housing office style: a merged title, 房屋坐落 over 楼号/单元/房号, the building merged
    down its block, one sheet per building, units in areas, a landline, co-owners, 公房, 合计."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = "1号楼"
    _office_sheet(first, [
        ["1号楼", "1单元", 101, 1, "张三", None, "56.3㎡", "13900000001", ZHANG, "私产", None, None, CERT_101],
        [None, "1单元", 102, 1, "李四、王五", None, "56.30平方米", "010-64012345", f"{LI}、{WANG}",
         "私产", None, None, CERT_102],
        [None, "1单元", 201, 2, "赵六", "钱七", "62.15 m2", "64012346", None, "商品房", None, None, None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None],
        [None, "2单元", 101, 1, None, None, 48.5, None, None, "直管公房", "东城区房管所", "孙八", None],
        [None, "2单元", 102, 1, None, None, "48.50", None, None, "直管公房", "东城区房管所", "周九", None],
        ["合计", None, None, None, None, None, "271.75", None, None, None, None, None, None],
    ])
    second = book.create_sheet("2号楼")
    _office_sheet(second, [
        ["2号楼", "1单元", 201, 2, "张三", None, "70.00㎡", "13900000001", ZHANG, "私产", None, None, None],
        [None, "1单元", 202, 2, "吴十", None, "70", "13900000002", None, "私产", None, None, None],
    ])
    book.create_sheet("说明").append(["本表由房管所提供，仅供业主大会使用"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _office_sheet(sheet, rows) -> None:
    sheet.append(["和平里小区房屋产权台账（2026年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TOP))
    sheet.append(TOP)
    sheet.append(SUB)
    sheet.merge_cells("A2:C2")
    for column in range(4, len(TOP) + 1):  # the single-level headers span both header rows
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    for row in rows:
        sheet.append(row)
    block_end = 3 + next((i for i, r in enumerate(rows) if r[0] == "合计"), len(rows))
    if block_end > 4:
        sheet.merge_cells(start_row=4, start_column=1, end_row=block_end, end_column=1)


#: what office_xlsx holds: flats per building, the exact area sum, heads per building
OFFICE = {"flats": {"1号楼": 5, "2号楼": 2},
          "area": Decimal("56.30") + Decimal("56.30") + Decimal("62.15") + Decimal("48.50") * 2
          + Decimal("70.00") * 2,
          # 张三 (a flat in each building), 李四+王五, 赵六+钱七, 东城区房管所 (two flats), 吴十
          "heads": 5}


def property_xls() -> bytes:
    """A property company's .xls (BIFF8): one sheet per building named "3号楼", no building
    and no floor column (floors from room numbers), areas as numbers."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for building, rooms in (("3号楼", ["101", "102", "1201"]), ("4", ["301"])):
        sheet = book.add_sheet(building)
        sheet.write_merge(0, 0, 0, 4, f"{building} 业主名册")
        for column, text in enumerate(["单元", "房号", "业主姓名", "面积", "手机号"]):
            sheet.write(1, column, text)
        for index, room in enumerate(rooms):
            sheet.write(2 + index, 0, "1")
            sheet.write(2 + index, 1, int(room))
            sheet.write(2 + index, 2, f"{building}业主{index}")
            sheet.write(2 + index, 3, 60.25 + index)
            sheet.write(2 + index, 4, f"1380000{index:04d}")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def address_csv(encoding="gbk") -> bytes:
    """Address-only rows, as a street office's roster: no building, unit or room columns."""
    lines = ["房屋坐落,产权人,建筑面积,联系电话",
             "和平里东街11号院3号楼2单元301室,刘一,56.3 m2,13700000001",
             "3-2-302,陈二,\"1,056.30\",13700000002",
             "",
             "和平里东街11号院3号楼1单元1502室,杨三,88.00平米,(010)64012347",
             "合计,,1200.60,"]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
