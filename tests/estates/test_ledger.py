"""Ledger (台账) import over HTTP and the CLI: all rows or none, in the encodings committees use."""
import io
from decimal import Decimal

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.audit.api import AuditEntry
from app.estates.api import Building, Flat, Owner, Stairwell
from app.estates.api import create_estate
from app.extensions import db
from tests.estates.ledgers import CHINESE, ENGLISH, csv_bytes, ledger_rows, xlsx_bytes
from tests.factories import auth, make_user


def upload(client, estate, user, data: bytes, filename="ledger.csv"):
    """An import, with the committee's statement on the file's ID numbers."""
    return client.post(f"/api/v1/estates/{estate.id}/flats/import?id_number_consent=true", headers=auth(user),
                       data={"file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def snapshot(estate_id):
    """Everything an import may write, to show a refused file wrote nothing."""
    flats = db.session.execute(
        select(Flat.id, Flat.room, Flat.floor, Flat.area_m2, Flat.owner_id)
        .where(Flat.estate_id == estate_id).order_by(Flat.id)).all()
    return (flats,
            db.session.scalar(select(func.count(Building.id)).where(Building.estate_id == estate_id)),
            db.session.scalar(select(func.count(Stairwell.id)).where(Stairwell.estate_id == estate_id)),
            db.session.scalar(select(func.count(Owner.id)).where(Owner.estate_id == estate_id)),
            db.session.scalar(select(func.count(AuditEntry.id))))


@pytest.mark.parametrize("header,encoding", [
    (ENGLISH, "utf-8"), (CHINESE, "utf-8"), (CHINESE, "utf-8-sig"), (CHINESE, "gbk"),
    (ENGLISH, "utf-8-sig"),
])
def test_good_csv_imports_every_row(client, estate, committee, header, encoding):
    rows = ledger_rows(buildings=(("1号楼", 2), ("2号楼", 1)))
    response = upload(client, estate, committee, csv_bytes(rows, header, encoding))
    assert response.status_code == 200, response.json
    assert response.json == {"created": len(rows), "updated": 0}
    flats = db.session.scalars(select(Flat).where(Flat.estate_id == estate.id)).all()
    assert len(flats) == len(rows)
    by_place = {(f.building.name, f.stairwell.name, f.room): f for f in flats}
    for building, stairwell, room, floor, area, name, phone, _ in rows:
        flat = by_place[(building, stairwell, room)]
        assert flat.floor == int(floor)
        assert flat.area_m2 == Decimal(area)
        assert (flat.owner.name, flat.owner.phone) == (name, phone)
    assert {b.name for b in db.session.scalars(select(Building))} == {"1号楼", "2号楼"}


def test_id_numbers_are_never_stored_and_one_owner_of_two_flats_is_one_owner(client, estate, committee):
    rows = ledger_rows(floors=2)
    rows[3][5:8] = rows[0][5:8]  # the same person owns flats 1 and 4
    assert upload(client, estate, committee, csv_bytes(rows)).status_code == 200
    owners = db.session.scalars(select(Owner).where(Owner.estate_id == estate.id)).all()
    assert len(owners) == len(rows) - 1
    stored = " ".join(str(value) for owner in owners for value in vars(owner).values())
    assert not any(row[7] in stored for row in rows)
    first, fourth = (db.session.scalar(select(Flat).where(Flat.room == row[2],
                                                          Flat.stairwell.has(name=row[1])))
                     for row in (rows[0], rows[3]))
    assert first.owner_id == fourth.owner_id


def test_same_name_without_id_or_phone_are_different_owners(client, estate, committee):
    rows = ledger_rows(floors=1)
    for row in rows:
        row[5], row[6], row[7] = "张伟", "", ""
    assert upload(client, estate, committee, csv_bytes(rows)).status_code == 200
    assert db.session.scalar(select(func.count(Owner.id))) == len(rows)


def test_xlsx_with_numbers_and_a_title_row_imports(client, estate, committee):
    rows = ledger_rows(buildings=(("3号楼", 1),))
    rows[0][4] = "63.5"
    data = xlsx_bytes(rows, title="和平里小区房屋台账（2026年）")
    response = upload(client, estate, committee, data, "台账.xlsx")
    assert response.status_code == 200, response.json
    assert response.json == {"created": len(rows), "updated": 0}
    flat = db.session.scalar(select(Flat).where(Flat.room == rows[0][2]))
    assert flat.area_m2 == Decimal("63.50") and flat.floor == 1
    assert flat.owner.phone == rows[0][6]


def test_xlsx_error_names_the_row_excel_shows(client, estate, committee):
    rows = ledger_rows(floors=2)
    rows[2][4] = "-3"
    response = upload(client, estate, committee, xlsx_bytes(rows, title="台账"), "台账.xlsx")
    assert response.status_code == 400
    # title row 1, header row 2, first flat row 3: the bad third flat is on row 5
    assert response.json["error"]["fields"] == {"rows": {"5": {"area_m2": "面积要大于 0"}}}
    assert "第 5 行「建筑面积」" in response.json["error"]["message"]


def test_reimport_updates_in_place(client, estate, committee):
    rows = ledger_rows(buildings=(("1号楼", 1),), floors=3)
    assert upload(client, estate, committee, csv_bytes(rows)).json == {"created": 6, "updated": 0}
    ids_before = dict(db.session.execute(select(Flat.room, Flat.id)
                                         .where(Flat.stairwell.has(name="1单元"))).all())
    rows[0][4] = "99.99"  # area corrected
    rows[1][5:8] = ["新业主", "13700000009", "110101198001019999"]  # flat sold
    rows.append(["1号楼", "1单元", "701", "7", "45.00", "顶楼业主", "", "110101198001018888"])
    response = upload(client, estate, committee, csv_bytes(rows, CHINESE, "gbk"))
    assert response.json == {"created": 1, "updated": 2}
    db.session.expire_all()
    ids_after = dict(db.session.execute(select(Flat.room, Flat.id)
                                        .where(Flat.stairwell.has(name="1单元"))).all())
    assert {room: ids_after[room] for room in ids_before} == ids_before
    assert db.session.get(Flat, ids_before[rows[0][2]]).area_m2 == Decimal("99.99")
    assert db.session.get(Flat, ids_before[rows[1][2]]).owner.name == "新业主"
    assert db.session.scalar(select(func.count(Flat.id))) == 7
    again = upload(client, estate, committee, csv_bytes(rows))
    assert again.json == {"created": 0, "updated": 0}


def _with(rows, index, column, value):
    rows[index][ENGLISH.index(column)] = value
    return rows


BAD_ROWS = {
    "negative area": (lambda r: _with(r, 1, "area_m2", "-12.50"), "3", "area_m2", "面积要大于 0"),
    "zero area": (lambda r: _with(r, 1, "area_m2", "0"), "3", "area_m2", "面积要大于 0"),
    "area not a number": (lambda r: _with(r, 2, "area_m2", "六十"), "4", "area_m2", "面积应为数字"),
    "area with three places": (lambda r: _with(r, 2, "area_m2", "60.125"), "4", "area_m2", "两位小数"),
    "floor not a number": (lambda r: _with(r, 4, "floor", "三楼"), "6", "floor", "楼层应为整数"),
    "floor with a fraction": (lambda r: _with(r, 4, "floor", "2.5"), "6", "floor", "楼层应为整数"),
    "duplicate room": (lambda r: _with(r, 3, "room", r[0][2]), "5", "room", "与第 2 行重复"),
    "empty owner": (lambda r: _with(r, 5, "owner_name", " "), "7", "owner_name", "不能为空"),
    "bad phone": (lambda r: _with(r, 5, "owner_phone", "12345"), "7", "owner_phone", "电话号码格式不对"),
    "room too long": (lambda r: _with(r, 5, "room", "1" * 21), "7", "room", "最多 20 个字"),
}


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_bad_row_is_refused_naming_row_and_column_and_nothing_is_written(
        client, estate, committee, case):
    spoil, row, column, words = BAD_ROWS[case]
    assert upload(client, estate, committee, csv_bytes(ledger_rows(floors=2))).status_code == 200
    before = snapshot(estate.id)
    rows = ledger_rows(floors=4)  # would update 4 and create 4, if it were good
    for changed in rows:
        changed[4] = "77.77"
    response = upload(client, estate, committee, csv_bytes(spoil(rows), CHINESE, "gbk"))
    assert response.status_code == 400
    error = response.json["error"]
    assert error["code"] == "ledger_invalid"
    assert words in error["fields"]["rows"][row][column]
    assert f"第 {row} 行" in error["message"] and "没有导入任何数据" in error["message"]
    db.session.expire_all()
    assert snapshot(estate.id) == before


def test_every_bad_row_is_reported_at_once(client, estate, committee):
    rows = ledger_rows(floors=3)
    rows[0][4], rows[2][3], rows[4][2] = "-1", "x", rows[3][2]
    response = upload(client, estate, committee, csv_bytes(rows))
    assert response.json["error"]["fields"]["rows"] == {
        "2": {"area_m2": "面积要大于 0"}, "4": {"floor": "楼层应为整数"},
        "6": {"room": "房号与第 5 行重复"}}
    assert "3 处错误" in response.json["error"]["message"]


def test_a_bad_last_row_of_a_long_ledger_writes_nothing(client, estate, committee):
    rows = ledger_rows(buildings=(("1号楼", 5), ("2号楼", 5)), floors=6)
    rows[-1][3] = "顶层"
    response = upload(client, estate, committee, csv_bytes(rows))
    assert response.status_code == 400
    assert list(response.json["error"]["fields"]["rows"]) == [str(len(rows) + 1)]
    assert snapshot(estate.id)[0] == []


def test_missing_column_is_refused_naming_it(client, estate, committee):
    header = [h for h in CHINESE if h != "建筑面积"]
    rows = [row[:4] + row[5:] for row in ledger_rows()]
    response = upload(client, estate, committee, csv_bytes(rows, header, "utf-8-sig"))
    assert response.status_code == 400
    error = response.json["error"]
    assert error["code"] == "ledger_missing_columns"
    assert "建筑面积" in error["message"] and "第 1 行" in error["message"]
    assert error["fields"] == {"rows": {"1": {"area_m2": "缺少这一列"}}}
    assert snapshot(estate.id)[:4] == ([], 0, 0, 0)


def test_unknown_extra_columns_are_ignored(client, estate, committee):
    rows = [row + ["备注内容"] for row in ledger_rows(buildings=(("1号楼", 1),), floors=1)]
    response = upload(client, estate, committee, csv_bytes(rows, CHINESE + ["备注"]))
    assert response.json == {"created": 2, "updated": 0}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _zip_that_is_not_a_workbook() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize("name,data,filename,code", [
    ("png renamed csv", _png(), "ledger.csv", "ledger_unreadable"),
    ("zip renamed xlsx", _zip_that_is_not_a_workbook(), "ledger.xlsx", "ledger_unreadable"),
    ("truncated xlsx", xlsx_bytes(ledger_rows())[:600], "ledger.xlsx", "ledger_unreadable"),
    ("empty file", b"", "ledger.csv", "ledger_empty"),
    ("blank lines", b"\r\n \r\n", "ledger.csv", "ledger_empty"),
    ("header only", csv_bytes([], CHINESE, "utf-8-sig"), "ledger.csv", "ledger_empty"),
])
def test_unreadable_or_empty_files_are_refused(client, estate, committee, name, data, filename, code):
    response = upload(client, estate, committee, data, filename)
    assert response.status_code == 400
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    assert snapshot(estate.id)[:4] == ([], 0, 0, 0)


def test_no_file_is_a_field_error(client, estate, committee):
    response = client.post(f"/api/v1/estates/{estate.id}/flats/import", headers=auth(committee),
                           data={}, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "file" in response.json["error"]["fields"]


def test_only_the_committee_of_the_estate_imports(client, estate, committee):
    data = csv_bytes(ledger_rows())
    other = create_estate(name="别的小区", district="西城区", street="月坛街道", built_year=1995)
    outsider = make_user(roles=[("committee", other.id)])
    moderator = make_user(roles=[("moderator", estate.id)])
    staff = make_user(roles=[("staff", None)])
    assert upload(client, estate, outsider, data).status_code == 404
    assert upload(client, estate, moderator, data).status_code == 403
    anonymous = client.post(f"/api/v1/estates/{estate.id}/flats/import",
                            data={"file": (io.BytesIO(data), "ledger.csv")},
                            content_type="multipart/form-data")
    assert anonymous.status_code == 401
    assert snapshot(estate.id)[0] == []
    assert upload(client, estate, staff, data).status_code == 200


def test_cli_imports_and_reimports(runner, estate, tmp_path):
    path = tmp_path / "台账.csv"
    rows = ledger_rows()
    path.write_bytes(csv_bytes(rows, CHINESE, "gbk"))
    result = runner.invoke(args=["estates", "import", str(estate.id), str(path)])
    assert result.exit_code == 0, result.output
    assert f"created {len(rows)}, updated 0" in result.output
    rows[0][4] = "10.01"
    path.write_bytes(xlsx_bytes(rows))
    result = runner.invoke(args=["estates", "import", str(estate.id), str(path)])
    assert result.exit_code == 0, result.output
    assert "created 0, updated 1" in result.output


def test_cli_refuses_a_bad_file_and_names_each_row(runner, estate, tmp_path):
    path = tmp_path / "ledger.csv"
    rows = ledger_rows()
    rows[1][4], rows[6][3] = "-5", "五"
    path.write_bytes(csv_bytes(rows))
    result = runner.invoke(args=["estates", "import", str(estate.id), str(path)])
    assert result.exit_code == 1
    assert "第 3 行「建筑面积」：面积要大于 0" in result.output
    assert "第 8 行「楼层」：楼层应为整数" in result.output
    assert "没有导入任何数据" in result.output
    assert snapshot(estate.id)[0] == []


def test_cli_unknown_estate(runner, app, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(csv_bytes(ledger_rows()))
    result = runner.invoke(args=["estates", "import", "999", str(path)])
    assert result.exit_code == 1
    assert "没有找到" in result.output


def test_dry_run_previews_counts_and_writes_nothing(client, estate, committee):
    rows = ledger_rows(buildings=(("1号楼", 1),))
    before = snapshot(estate.id)
    preview = client.post(f"/api/v1/estates/{estate.id}/flats/import?dry_run=true", headers=auth(committee),
                          data={"file": (io.BytesIO(csv_bytes(rows, CHINESE, "utf-8")), "ledger.csv")},
                          content_type="multipart/form-data")
    assert preview.status_code == 200, preview.json
    assert preview.json == {"created": len(rows), "updated": 0, "dry_run": True}
    assert snapshot(estate.id) == before
    assert upload(client, estate, committee, csv_bytes(rows, CHINESE, "utf-8")).json == {
        "created": len(rows), "updated": 0}
    again = client.post(f"/api/v1/estates/{estate.id}/flats/import?dry_run=1", headers=auth(committee),
                        data={"file": (io.BytesIO(csv_bytes(rows, CHINESE, "utf-8")), "ledger.csv")},
                        content_type="multipart/form-data")
    assert again.json == {"created": 0, "updated": 0, "dry_run": True}
