"""The ledger rules without HTTP: reading files into checked rows, and importing rows."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import create_app
from app.config import TestConfig
from app.errors import BadRequest
from app.estates.api import MAX_ROWS, LedgerRow, read_ledger
from app.estates.api import Flat
from app.estates.api import create_estate, import_ledger, owner_key
from tests.estates.ledgers import CHINESE, csv_bytes, ledger_rows, xlsx_bytes


def refusal(data: bytes, filename="ledger.csv") -> BadRequest:
    with pytest.raises(BadRequest) as caught:
        read_ledger(data, filename)
    return caught.value


def test_rows_come_back_exact_and_numbered_as_the_spreadsheet_shows():
    rows = ledger_rows(floors=1)
    rows[0][4] = "63.5"
    data = csv_bytes(rows[:1], CHINESE, "gbk") + b",,,,,,,\r\n" + \
        csv_bytes(rows[1:], CHINESE, "gbk").split(b"\r\n", 1)[1]
    read = read_ledger(data, "台账.csv")
    assert [r.row for r in read] == [2] + list(range(4, 4 + len(rows) - 1))
    assert read[0].area_m2 == Decimal("63.5") and isinstance(read[0].floor, int)
    assert (read[0].building, read[0].stairwell, read[0].room) == tuple(rows[0][:3])


def test_title_rows_and_blank_rows_above_the_header_are_skipped():
    rows = ledger_rows(floors=1)
    read = read_ledger(xlsx_bytes(rows, title="和平里小区房屋台账"), "台账.xlsx")
    assert [r.row for r in read] == list(range(3, 3 + len(rows)))
    blank_first = b"\r\n" + "小区台账\r\n".encode("gbk") + csv_bytes(rows, CHINESE, "gbk")
    assert [r.row for r in read_ledger(blank_first)][0] == 4


def test_the_header_missing_fewest_columns_is_the_one_reported():
    text = "和平里小区台账\n楼栋,单元,房号,楼层,业主姓名\n1号楼,1单元,101,1,张三\n"
    error = refusal(text.encode("utf-8"))
    assert error.fields == {"rows": {"2": {"area_m2": "缺少这一列"}}}


def test_more_rows_than_allowed_are_refused_before_checking_them():
    row = "1号楼,1单元,{},1,60.00,业主\n"
    body = "".join(row.format(n) for n in range(MAX_ROWS + 1))
    error = refusal(("building,stairwell,room,floor,area_m2,owner_name\n" + body).encode())
    assert error.code == "ledger_too_large"


def test_an_id_number_with_lower_case_x_is_the_same_owner():
    app = create_app(TestConfig)
    base = dict(row=2, building="1号楼", stairwell="1单元", room="101", floor=1,
                area_m2=Decimal("60"), owner_name="张三", owner_phone=None)
    upper = read_ledger(csv_bytes([["1号楼", "1单元", "101", "1", "60", "张三", "", "11010119800101123X"]]))
    lower = read_ledger(csv_bytes([["1号楼", "1单元", "101", "1", "60", "张三", "", "11010119800101123x"]]))
    assert upper[0].owner_id_number == lower[0].owner_id_number == "11010119800101123X"
    with app.app_context():
        assert owner_key(upper[0]) == owner_key(lower[0])
        assert owner_key(LedgerRow(**base, owner_id_number=None)) != \
            owner_key(LedgerRow(**{**base, "room": "102"}, owner_id_number=None))


def test_a_corrected_owner_name_counts_as_an_update(app):
    estate = create_estate("测试小区", "东城区", "和平里街道", 1990)
    rows = read_ledger(csv_bytes(ledger_rows(buildings=(("1号楼", 1),), floors=2)))
    assert import_ledger(estate.id, rows) == {"created": 4, "updated": 0}
    corrected = [LedgerRow(**{**vars(r), "owner_name": "王秀英"}) if r.room == "101" else r
                 for r in rows]
    assert import_ledger(estate.id, corrected) == {"created": 0, "updated": 1}
    flat = app.extensions["sqlalchemy"].session.scalar(select(Flat).where(Flat.room == "101"))
    assert flat.owner.name == "王秀英"
    assert import_ledger(estate.id, corrected) == {"created": 0, "updated": 0}
