"""Migration 0005 carries each estate's balance so far into its flats' sub-accounts, by area,
so the estate balance stays the sum of the sub-accounts (SQLite; the SQL is portable)."""
from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.conftest import make_config

NOW = "2026-01-01 00:00:00"


def test_existing_balances_are_carried_over_by_area(tmp_path):
    app = create_app(make_config(f"sqlite:///{tmp_path / 'old.sqlite'}"))
    with app.app_context():
        upgrade(revision="0004_trust_b")
        run = lambda sql, **values: db.session.execute(text(sql), values)  # noqa: E731
        run("INSERT INTO users (id, phone, token_version, created_at) VALUES (1, '13800000000', 0, :t)",
            t=NOW)
        run("INSERT INTO estates (id, name, district, street, built_year, created_at) "
            "VALUES (1, '老小区', '东城区', '和平里街道', 1990, :t)", t=NOW)
        run("INSERT INTO buildings (id, estate_id, name) VALUES (1, 1, '1号楼')")
        run("INSERT INTO stairwells (id, estate_id, building_id, name) VALUES (1, 1, 1, '1单元')")
        for flat_id, area in ((1, 5000), (2, 6350), (3, 7125)):  # hundredths of m²
            run("INSERT INTO flats (id, estate_id, building_id, stairwell_id, room, floor, area_m2) "
                "VALUES (:i, 1, 1, 1, :r, 1, :a)", i=flat_id, r=f"10{flat_id}", a=area)
        for kind, cents in (("collected", 100_000), ("used", 30_001), ("topped_up", 5)):
            run("INSERT INTO fund_entries (estate_id, kind, amount_cents, occurred_on, memo, "
                "entered_by_id, created_at) VALUES (1, :k, :c, '2025-01-01', 'x', 1, :t)",
                k=kind, c=cents, t=NOW)
        db.session.commit()
        upgrade()
        accounts = dict(run("SELECT flat_id, balance_cents FROM fund_accounts ORDER BY flat_id").all())
        postings = run("SELECT flat_id, amount_cents, entry_id FROM fund_postings").all()
        scopes = {row[0] for row in run("SELECT scope_type FROM fund_entries").all()}
        db.session.remove()
        db.engine.dispose()
    assert sum(accounts.values()) == 100_000 - 30_001 + 5
    # 70,004 cents by area 50.00 : 63.50 : 71.25 (184.75 m²): 18,945.6 / 24,061.0 / 26,997.4
    assert accounts == {1: 18_946, 2: 24_061, 3: 26_997}
    assert sorted((f, c) for f, c, _ in postings) == sorted(accounts.items())
    assert {entry for _, _, entry in postings} == {None} and scopes == {"estate"}
