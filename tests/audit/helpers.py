"""Lifting the database's append-only guard for a test that tampers on purpose."""
import importlib.util
from contextlib import contextmanager
from pathlib import Path

from app.extensions import db

VERSIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"
#: the hand-written migrations whose triggers guard the audit tables
GUARDS = ("0002_audit_append_only.py", "0004_trust_b.py")


def _migration(name: str):
    """A hand-written migration itself, so tests use its trigger SQL, not a copy."""
    spec = importlib.util.spec_from_file_location(f"audit_guard_{name[:4]}", VERSIONS / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def guard_lifted():
    """Drop the triggers, yield, and put them back whatever happens."""
    migrations = [_migration(name) for name in GUARDS]
    db.session.rollback()
    with db.engine.begin() as connection:
        for migration in migrations:
            migration.remove_triggers(connection)
    try:
        yield
    finally:
        db.session.rollback()
        with db.engine.begin() as connection:
            for migration in migrations:
                migration.install_triggers(connection)


def as_attacker(*statements: tuple[str, dict]) -> None:
    """Run SQL past the guards as a database superuser would: on PostgreSQL with triggers
    switched off for the transaction (session_replication_role = replica), on SQLite
    (no such switch) by dropping the triggers around it."""
    from sqlalchemy import text

    db.session.rollback()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for sql, params in statements:
                connection.execute(text(sql), params)
    else:
        with guard_lifted():
            for sql, params in statements:
                tamper(sql, **params)
    db.session.rollback()


def tamper(sql: str, **params) -> None:
    from sqlalchemy import text

    with db.engine.begin() as connection:
        connection.execute(text(sql), params)
    db.session.rollback()  # forget what the session cached before the tampering
