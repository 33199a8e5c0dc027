"""audit entries are append-only: the database refuses UPDATE and DELETE

Hand-written (models cannot express triggers). PostgreSQL row triggers do not
fire on TRUNCATE, so the test suite's per-test TRUNCATE still works; SQLite has
no TRUNCATE and the suite copies a fresh file per test.

Revision ID: 0002_audit_append_only
Revises: 0001
"""
from alembic import op

revision = "0002_audit_append_only"
down_revision = "0001"
branch_labels = None
depends_on = None

MESSAGE = "audit_entries is append-only"

POSTGRESQL_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION audit_entries_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change()""",
]
POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries",
    "DROP FUNCTION IF EXISTS audit_entries_refuse_change()",
]
SQLITE_INSTALL = [
    f"""CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_entries_no_update",
    "DROP TRIGGER IF EXISTS audit_entries_no_delete",
]


def _statements(connection, install: bool) -> list[str]:
    if connection.dialect.name == "postgresql":
        return POSTGRESQL_INSTALL if install else POSTGRESQL_REMOVE
    if connection.dialect.name == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_REMOVE
    raise RuntimeError(f"no append-only triggers for {connection.dialect.name}")


def install_triggers(connection) -> None:
    """Also used by the audit tests to put the guard back after tampering on purpose."""
    for statement in _statements(connection, install=True):
        connection.exec_driver_sql(statement)


def remove_triggers(connection) -> None:
    for statement in _statements(connection, install=False):
        connection.exec_driver_sql(statement)


def upgrade():
    install_triggers(op.get_bind())


def downgrade():
    remove_triggers(op.get_bind())
