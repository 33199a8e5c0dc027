"""How long the poster PDF of an estate with 100 stairwells takes, over HTTP and in the service.

    .venv/bin/python -m bench.posters [STAIRWELLS]
"""
import logging
import sys
import time

from bench._databases import scratch_app

BUILDINGS = 20  # stairwells are spread over 20 buildings


def run(count: int) -> None:
    from app.auth.models import Role
    from app.auth.services import get_or_create_user, grant_role
    from app.auth.tokens import issue
    from app.estates.ledger import LedgerRow
    from app.estates.services import create_estate, import_ledger
    from app.extensions import db
    from app.qr.services import estate_posters

    with scratch_app("sqlite", PUBLIC_BASE_URL="https://gongzhi.example.cn") as app:
        estate = create_estate("基准小区", "东城区", "和平里街道", 1990)
        per_building = -(-count // BUILDINGS)
        rows = [LedgerRow(row=n + 2, building=f"{n // per_building + 1}号楼",
                          stairwell=f"{n % per_building + 1}单元", room="101", floor=1,
                          area_m2=60, owner_name=f"业主{n}", owner_phone=None,
                          owner_id_number=f"ID{n}") for n in range(count)]
        import_ledger(estate.id, rows)
        user = get_or_create_user("13800000009")
        grant_role(user, Role.committee, estate.id)
        db.session.commit()
        headers = {"Authorization": f"Bearer {issue(user, 'access')}"}
        client = app.test_client()

        started = time.perf_counter()
        response = client.get(f"/api/v1/estates/{estate.id}/qr-posters.pdf", headers=headers)
        http_s = time.perf_counter() - started
        assert response.status_code == 200, response.get_json()

        started = time.perf_counter()
        body = estate_posters(estate.id)
        service_s = time.perf_counter() - started
        print(f"{count} stairwell posters: HTTP {http_s:5.2f} s, service {service_s:5.2f} s, "
              f"PDF {len(body) / 1024:.0f} KiB ({len(body) / count / 1024:.1f} KiB a page)", flush=True)


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    run(int(argv[0]) if argv else 100)


if __name__ == "__main__":
    main()
