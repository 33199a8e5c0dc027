"""How long a 3,000-row ledger takes to import over HTTP: first import, re-import, XLSX.

    .venv/bin/python -m bench.ledger_import [ROWS]
"""
import io
import logging
import sys
import time

import requests

from bench import print_rows
from bench._databases import backends, committee_token, live_server

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


def timed_upload(url: str, estate_id: int, token: str, data: bytes, filename: str):
    started = time.perf_counter()
    # the committee states it may process the file's ID numbers (a separate consent)
    response = requests.post(f"{url}/api/v1/estates/{estate_id}/flats/import?id_number_consent=true",
                             headers={"Authorization": f"Bearer {token}"},
                             files={"file": (filename, data)}, timeout=300)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text
    return elapsed, response.json()


def _seed():
    from app.estates.api import create_estate

    ids = [create_estate(name, "东城区", "和平里街道", 1990).id for name in ("基准小区", "小小区")]
    return [(estate_id, committee_token(estate_id, phone=f"1380000000{n}"))
            for n, estate_id in enumerate(ids)]


def measure(count: int = 3000, small: int = 30) -> list[dict]:
    backend = backends()[-1]
    with live_server(_seed, backend) as (url, ((big_id, big_token), (small_id, small_token))):
        baseline_s, _ = timed_upload(url, small_id, small_token, csv_file(ledger(small)), "ledger.csv")
        first_s, first = timed_upload(url, big_id, big_token, csv_file(ledger(count)), "ledger.csv")
        again_s, again = timed_upload(url, big_id, big_token,
                                      csv_file(ledger(count, area_offset=1)), "ledger.csv")
        xlsx_s, _ = timed_upload(url, big_id, big_token, xlsx_file(ledger(count)), "ledger.xlsx")
    assert first["created"] == count and again["updated"] == count
    worst = max(first_s, again_s, xlsx_s)
    return [{"benchmark": f"ledger import, {count} rows ({backend}, HTTP)",
             "value": f"CSV first {first_s:.2f} s, CSV re-import {again_s:.2f} s, "
                      f"XLSX re-import {xlsx_s:.2f} s",
             "baseline": f"{small} rows {baseline_s * 1000:.0f} ms",
             "ratio": f"{first_s / baseline_s:.0f}× for {count // small}× the rows",
             "goal": "< 5 s", "met": worst < 5}]


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    print_rows(measure(int(argv[0]) if argv else 3000))


if __name__ == "__main__":
    main()
