"""How long a 3,000-row ledger takes to import over HTTP: first import, re-import, XLSX.

    .venv/bin/python -m bench.ledger_import [ROWS]
"""
import io
import logging
import sys
import time

from bench._databases import backends, scratch_app

FLOORS, DOORS = 6, 4  # 24 flats per stairwell


def ledger(rows: int, area_offset: int = 0) -> list[list]:
    """`rows` flats in 10 buildings, each owner with an ID number."""
    out, index = [], 0
    while len(out) < rows:
        building, rest = divmod(index, rows // 10 + FLOORS * DOORS)
        stairwell, flat = divmod(rest, FLOORS * DOORS)
        floor, door = divmod(flat, DOORS)
        index += 1
        out.append([f"{building + 1}号楼", f"{stairwell + 1}单元", f"{floor + 1}0{door + 1}",
                    floor + 1, f"{55 + (index + area_offset) % 40}.{index % 100:02d}",
                    f"业主{index}", f"139{index:08d}", f"11010119{50 + index % 40}0101{index:04d}"])
    return out


def csv_file(rows) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["楼栋", "单元", "房号", "楼层", "建筑面积", "业主姓名", "联系电话", "身份证号"])
    writer.writerows(rows)
    return out.getvalue().encode("gbk")


def xlsx_file(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["楼栋", "单元", "房号", "楼层", "建筑面积", "业主姓名", "联系电话", "身份证号"])
    for row in rows:
        sheet.append(row[:4] + [float(row[4])] + row[5:])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed_upload(client, estate_id, headers, data, filename):
    started = time.perf_counter()
    response = client.post(f"/api/v1/estates/{estate_id}/flats/import", headers=headers,
                           data={"file": (io.BytesIO(data), filename)},
                           content_type="multipart/form-data")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.get_json()
    return elapsed, response.get_json()


def run(backend: str, count: int) -> None:
    from app.auth.models import Role
    from app.auth.services import get_or_create_user, grant_role
    from app.auth.tokens import issue
    from app.estates.services import create_estate
    from app.extensions import db

    with scratch_app(backend) as app:
        estate = create_estate("基准小区", "东城区", "和平里街道", 1990)
        user = get_or_create_user("13800000009")
        grant_role(user, Role.committee, estate.id)
        db.session.commit()
        headers = {"Authorization": f"Bearer {issue(user, 'access')}"}
        client = app.test_client()
        first = csv_file(ledger(count))
        again = csv_file(ledger(count, area_offset=1))
        for label, data, name in (("csv, first import", first, "ledger.csv"),
                                  ("csv, re-import changing every area", again, "ledger.csv"),
                                  ("xlsx, re-import", xlsx_file(ledger(count)), "ledger.xlsx")):
            elapsed, result = timed_upload(client, estate.id, headers, data, name)
            print(f"{backend:10} {count} rows, {label:36} {elapsed:6.2f} s  {result}", flush=True)


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 3000
    for backend in backends():
        run(backend, count)


if __name__ == "__main__":
    main()
