"""Lifting the database's append-only guard for a test that tampers on purpose."""
import importlib.util
from contextlib import contextmanager
from pathlib import Path

from app.extensions import db

MIGRATION = (Path(__file__).resolve().parents[2] / "migrations" / "versions"
             / "0002_audit_append_only.py")


def append_only_migration():
    """The hand-written migration itself, so tests use its trigger SQL, not a copy."""
    spec = importlib.util.spec_from_file_location("audit_append_only_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def guard_lifted():
    """Drop the triggers, yield, and put them back whatever happens."""
    migration = append_only_migration()
    db.session.rollback()
    with db.engine.begin() as connection:
        migration.remove_triggers(connection)
    try:
        yield
    finally:
        db.session.rollback()
        with db.engine.begin() as connection:
            migration.install_triggers(connection)


def tamper(sql: str, **params) -> None:
    from sqlalchemy import text

    with db.engine.begin() as connection:
        connection.execute(text(sql), params)
    db.session.rollback()  # forget what the session cached before the tampering
