"""How long the poster PDF of an estate with 100 stairwells takes over HTTP from a real server,
beside the PDF of a one-stairwell estate from the same server.

    .venv/bin/python -m bench.posters [STAIRWELLS]
"""
import logging
import sys
import time

import requests

from bench import print_rows
from bench._databases import backends, committee_token, live_server

BUILDINGS = 20  # stairwells are spread over 20 buildings
GOAL_S = 5


def seed_estate(name: str, count: int) -> tuple[int, str]:
    from app.estates.api import LedgerRow
    from app.estates.api import create_estate, import_ledger

    estate = create_estate(name, "东城区", "和平里街道", 1990)
    per_building = -(-count // BUILDINGS)
    rows = [LedgerRow(row=n + 2, building=f"{n // per_building + 1}号楼",
                      stairwell=f"{n % per_building + 1}单元", room="101", floor=1,
                      area_m2=60, owner_name=f"业主{n}", owner_phone=None,
                      owner_id_number=f"{name}{n}") for n in range(count)]
    import_ledger(estate.id, rows)
    return estate.id, committee_token(estate.id, phone=f"1380000{count:04d}")


def fetch_posters(url: str, estate_id: int, token: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = requests.get(f"{url}/api/v1/estates/{estate_id}/qr-posters.pdf",
                            headers={"Authorization": f"Bearer {token}"}, timeout=120)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed, len(response.content)


def measure(count: int = 100) -> list[dict]:
    backend = backends()[-1]

    def seed():
        return seed_estate("基准小区", count), seed_estate("单楼小区", 1)

    with live_server(seed, backend, PUBLIC_BASE_URL="https://gongzhi.example.cn") as (url, seeded):
        (big_id, big_token), (one_id, one_token) = seeded
        fetch_posters(url, one_id, one_token)  # warm up fonts and imports
        one_s, _ = fetch_posters(url, one_id, one_token)
        big_s, size = fetch_posters(url, big_id, big_token)
    return [{"benchmark": f"QR poster PDF, {count} stairwells ({backend}, HTTP)",
             "value": f"{big_s:.2f} s, {size / 1024:.0f} KiB",
             "baseline": f"1 stairwell {one_s * 1000:.0f} ms",
             "ratio": f"{big_s / one_s:.0f}× ({big_s / one_s / count:.2f}× per page)",
             "goal": f"< {GOAL_S} s", "met": big_s < GOAL_S}]


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    print_rows(measure(int(argv[0]) if argv else 100))


if __name__ == "__main__":
    main()
