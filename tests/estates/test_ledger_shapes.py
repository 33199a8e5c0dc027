"""Ledgers as people keep them (issue 33 items 1, 2, 3, 5): every shape imports with the
right flats, exact areas, heads and owners per flat; the preview writes nothing."""
import io
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.consultations.api import head_of
from app.estates.api import parse_ledger
from app.estates.api import Building, Flat, Owner, OwnerPerson, Stairwell
from app.extensions import db
from tests.estates.ledger_shapes import (
    CERT_101, LI, OFFICE, ZHANG, address_csv, office_xlsx, property_xls)
from tests.factories import auth
from tests.statements import brief, statements

#: a machine name such as area_m2 or owner_name, which no person should read
INTERNAL_NAME = re.compile(r"[a-z]+_[a-z0-9_]+")


def send(client, estate, user, data, filename, preview=False):
    # an import is the committee's statement on the file's ID numbers (preview writes nothing)
    query = "?preview=1" if preview else "?id_number_consent=true"
    return client.post(f"/api/v1/estates/{estate.id}/flats/import{query}", headers=auth(user),
                       data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def flat_at(estate_id, building, stairwell, room) -> Flat:
    return db.session.scalar(select(Flat).join(Building, Flat.building_id == Building.id)
                             .join(Stairwell, Flat.stairwell_id == Stairwell.id)
                             .where(Flat.estate_id == estate_id, Building.name == building,
                                    Stairwell.name == stairwell, Flat.room == room))


def heads(estate_id, building=None) -> int:
    query = select(func.count(func.distinct(head_of()))).where(Flat.estate_id == estate_id)
    if building:
        query = query.join(Building, Flat.building_id == Building.id).where(Building.name == building)
    return db.session.scalar(query)


def test_housing_office_workbook_imports_every_sheet_merged_cells_and_all(client, estate, committee):
    response = send(client, estate, committee, office_xlsx(), "台账.xlsx")
    assert response.status_code == 200, response.json
    assert response.json == {"created": 7, "updated": 0}
    for building, count in OFFICE["flats"].items():
        assert db.session.scalar(select(func.count(Flat.id)).join(Building, Flat.building_id == Building.id)
                                 .where(Building.name == building)) == count
    assert db.session.scalar(select(func.sum(Flat.area_m2)).where(Flat.estate_id == estate.id)) == OFFICE["area"]
    assert heads(estate.id) == OFFICE["heads"]  # 张三 counts once over both buildings
    assert heads(estate.id, "1号楼") == 4 and heads(estate.id, "2号楼") == 2

    zhang_a, zhang_b = flat_at(estate.id, "1号楼", "1单元", "101"), flat_at(estate.id, "2号楼", "1单元", "201")
    assert zhang_a.owner_id == zhang_b.owner_id and zhang_a.area_m2 == Decimal("56.30")
    assert zhang_a.floor == 1 and zhang_b.floor == 2
    co_owned = flat_at(estate.id, "1号楼", "1单元", "102")
    assert co_owned.owner.name == "李四、王五" and co_owned.owner.phone == "010-64012345"
    assert co_owned.owner.phone_kind == "landline"
    assert [p.name for p in co_owned.owner.people] == ["李四", "王五"]
    assert co_owned.owner.people[0].id_hash and LI not in co_owned.owner.people[0].id_hash
    with_column = flat_at(estate.id, "1号楼", "1单元", "201")
    assert [p.name for p in with_column.owner.people] == ["赵六", "钱七"]
    public_a, public_b = flat_at(estate.id, "1号楼", "2单元", "101"), flat_at(estate.id, "1号楼", "2单元", "102")
    assert public_a.owner_id == public_b.owner_id
    assert (public_a.owner.name, public_a.owner.kind) == ("东城区房管所", "organisation")
    assert (public_a.tenant_name, public_b.tenant_name) == ("孙八", "周九")
    assert public_a.property_kind == "直管公房"
    assert zhang_a.owner.phone_kind == "mobile" and zhang_a.certificate_hash
    stored = " ".join(str(v) for row in db.session.execute(select(Owner.__table__)).all() for v in row)
    stored += " ".join(str(v) for row in db.session.execute(select(Flat.__table__)).all() for v in row)
    assert ZHANG not in stored and CERT_101 not in stored


def test_a_property_company_xls_one_sheet_per_building_without_floor_column(client, estate, committee):
    response = send(client, estate, committee, property_xls(), "业主名册.xls")
    assert response.status_code == 200, response.json
    assert response.json == {"created": 4, "updated": 0}
    assert flat_at(estate.id, "3号楼", "1单元", "1201").floor == 12
    assert flat_at(estate.id, "3号楼", "1单元", "101").area_m2 == Decimal("60.25")
    assert flat_at(estate.id, "4号楼", "1单元", "301").floor == 3
    assert db.session.scalar(select(func.sum(Flat.area_m2)).where(Flat.estate_id == estate.id)) == \
        Decimal("60.25") + Decimal("61.25") + Decimal("62.25") + Decimal("60.25")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_address_only_rows_are_split_into_building_stairwell_and_room(client, estate, committee, encoding):
    response = send(client, estate, committee, address_csv(encoding), "名册.csv")
    assert response.status_code == 200, response.json
    assert flat_at(estate.id, "3号楼", "2单元", "301").floor == 3
    assert flat_at(estate.id, "3号楼", "2单元", "302").area_m2 == Decimal("1056.30")
    top = flat_at(estate.id, "3号楼", "1单元", "1502")
    assert (top.floor, top.area_m2, top.owner.phone, top.owner.phone_kind) == \
        (15, Decimal("88.00"), "01064012347", "landline")


def test_the_preview_says_what_would_happen_and_writes_nothing(client, estate, committee):
    with statements() as seen:
        response = send(client, estate, committee, office_xlsx(), "台账.xlsx", preview=True)
    assert response.status_code == 200, response.json
    writes = [s for s in seen if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.I)]
    assert not writes, brief(writes)
    assert db.session.scalar(select(func.count(Flat.id))) == 0
    preview = response.json
    assert [s["name"] for s in preview["sheets"]] == ["1号楼", "2号楼"]
    assert {"sheet": "说明", "row": None, "reason": "这张工作表没有找到台账的表头，没有读取"} in preview["skipped"]
    assert {"label": "建筑面积", "header": "建筑面积(㎡)"} in preview["columns"]
    assert {"label": "产权人（业主）", "header": "产权人"} in preview["columns"]
    assert {"sheet": "1号楼", "row": 7, "reason": "空行"} in preview["skipped"]
    assert {"sheet": "1号楼", "row": 10, "reason": "合计行"} in preview["skipped"]
    assert preview["buildings"] == [
        {"name": "1号楼", "flats": 5, "owners": 4, "area_m2": "271.75", "public": 2, "co_owned": 2},
        {"name": "2号楼", "flats": 2, "owners": 2, "area_m2": "140.00", "public": 0, "co_owned": 0}]
    assert preview["totals"] == {"flats": 7, "owners": 5, "area_m2": str(OFFICE["area"])}
    assert preview["owners_with_several_flats"] == [
        {"owner": "张*", "matched_by": "证件号码相同", "flats": ["1号楼 1单元 101", "2号楼 1单元 201"]},
        {"owner": "东城区房管所"[0] + "*" * 5, "matched_by": "产权单位名称相同",
         "flats": ["1号楼 2单元 101", "1号楼 2单元 102"]}]
    assert preview["changes"]["counts"] == {"added": 7, "changed": 0, "removed": 0}
    assert preview["problems"] == []


def test_the_preview_of_an_updated_ledger_lists_added_changed_and_missing_flats(client, estate, committee):
    assert send(client, estate, committee, office_xlsx(), "台账.xlsx").status_code == 200
    updated = address_csv("utf-8").replace(b"3-2-302", b"1-1-101")
    preview = send(client, estate, committee, updated, "新台账.csv", preview=True).json
    assert preview["changes"]["counts"] == {"added": 2, "changed": 1, "removed": 6}
    changed = preview["changes"]["changed"][0]
    assert changed["flat"] == "1号楼 1单元 101" and changed["row"] == 3
    assert "面积 56.30 → 1056.30 平方米" in changed["changes"]
    assert any(c.startswith("业主 张* → 陈*") for c in changed["changes"])
    assert {"flat": "2号楼 1单元 202"} in preview["changes"]["removed"]
    assert send(client, estate, committee, updated, "新台账.csv").json == {"created": 2, "updated": 1}
    assert db.session.scalar(select(func.count(Flat.id))) == 9  # missing flats are kept


def test_problems_are_named_by_sheet_and_row_in_plain_chinese(client, estate, committee):
    data = office_xlsx()
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    book["2号楼"]["G5"] = "七十平"
    book["1号楼"]["H4"] = "12345"
    out = io.BytesIO()
    book.save(out)
    preview = send(client, estate, committee, out.getvalue(), "台账.xlsx", preview=True).json
    assert [(p["sheet"], p["row"], p["column"]) for p in preview["problems"]] == [
        ("1号楼", 4, "联系电话"), ("2号楼", 5, "建筑面积")]
    refused = send(client, estate, committee, out.getvalue(), "台账.xlsx")
    assert refused.status_code == 400
    assert "工作表「1号楼」第 4 行「联系电话」" in refused.json["error"]["message"]
    for text in [refused.json["error"]["message"]] + [p["message"] for p in preview["problems"]]:
        assert not INTERNAL_NAME.search(text), text
    assert db.session.scalar(select(func.count(Flat.id))) == 0


def test_a_missing_column_is_named_in_chinese_only(client, estate, committee):
    data = "楼栋,单元,房号,楼层,业主姓名\r\n1号楼,1单元,101,1,张三\r\n".encode()
    refused = send(client, estate, committee, data, "ledger.csv")
    assert refused.status_code == 400
    message = refused.json["error"]["message"]
    assert "建筑面积" in message and not INTERNAL_NAME.search(message), message


def test_reading_is_plain_functions_without_a_database():
    parsed = parse_ledger(office_xlsx(), "台账.xlsx")
    assert len(parsed.rows) == 7 and not parsed.problems
    co_owned = next(r for r in parsed.rows if r.room == "102" and r.stairwell == "1单元")
    assert co_owned.people == ("李四", "王五") and co_owned.id_numbers[0] == LI
    assert next(r for r in parsed.rows if r.room == "201" and r.building == "1号楼").people == ("赵六", "钱七")
    assert {(s["name"], s["floor_from_room"]) for s in parse_ledger(property_xls(), "a.xls").sheets} == \
        {("3号楼", True), ("4", True)}
