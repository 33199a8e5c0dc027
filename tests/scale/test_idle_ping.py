"""Pooled connections: one just given back is handed out again without a ping (a round
trip saved on every request under load); one idle for a while is pinged, and a dead one
(the database restarted, the link dropped) is replaced before any request gets it."""
import importlib

import psycopg
from sqlalchemy import text

from app.extensions import db
from tests.conftest import PG_ADMIN_URL


def pings(monkeypatch):
    seen = []
    ping = db.engine.dialect.do_ping
    monkeypatch.setattr(db.engine.dialect, "do_ping", lambda conn: seen.append(1) or ping(conn))
    return seen


def one_request(value: int) -> int:
    try:
        return db.session.execute(text(f"SELECT {value}")).scalar()
    finally:
        db.session.remove()


def test_a_connection_just_used_is_not_pinged(app, monkeypatch):
    one_request(1)
    seen = pings(monkeypatch)
    assert [one_request(n) for n in range(2, 6)] == [2, 3, 4, 5]
    assert seen == []


def test_an_idle_connection_is_pinged_and_a_dead_one_replaced(app, backend, monkeypatch):
    one_request(1)
    seen = pings(monkeypatch)
    # every connection counts as idle (`app.db` the attribute is the SQLAlchemy object)
    monkeypatch.setattr(importlib.import_module("app.db"), "PING_AFTER_IDLE_S", 0.0)  # every connection counts as idle
    assert one_request(2) == 2 and len(seen) == 1
    if backend != "postgresql":
        return
    with db.engine.connect() as conn:  # the pooled connection, and its server process
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
    assert one_request(3) == 3  # the ping failed: a new connection served the request
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar() != pid
