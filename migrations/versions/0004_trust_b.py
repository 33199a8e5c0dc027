"""revocable sign-ins, "one" enforced by the database, and a guarded audit head

- auth_sessions: one row per sign-in (web cookie or API refresh-token family) that
  logout, "log out everywhere" and refresh-token reuse revoke (issue 16, item 5).
- uq_flat_proxies_active: one active proxy per flat and relative; uq_role_grants_global:
  one staff/admin grant per person (NULL estates are distinct in the older constraint)
  (item 6).
- The audit tables refuse TRUNCATE, and audit_heads only moves forward: a head is
  created at seq 0, its seq only grows, it is never deleted (item 8). Hand-written:
  models cannot express triggers. A superuser can still switch triggers off
  (session_replication_role = replica); that is what the published head is for.

Revision ID: 0004_trust_b
Revises: 0003_money_bigint
"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0004_trust_b"
down_revision = "0004_paper"
branch_labels = None
depends_on = None

TRUNCATE_MESSAGE = "audit tables cannot be truncated"
HEAD_MESSAGE = "audit_heads only moves forward"
GENESIS = "0" * 64

POSTGRESQL_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{TRUNCATE_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()""",
    """CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate()""",
    f"""CREATE OR REPLACE FUNCTION audit_heads_forward_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE'
           OR (TG_OP = 'INSERT' AND (NEW.seq <> 0 OR NEW.hash <> '{GENESIS}'))
           OR (TG_OP = 'UPDATE' AND (NEW.chain <> OLD.chain OR NEW.seq <= OLD.seq)) THEN
            RAISE EXCEPTION '{HEAD_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_heads_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_heads
    FOR EACH ROW EXECUTE FUNCTION audit_heads_forward_only()""",
]
POSTGRESQL_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_heads_forward_only ON audit_heads",
    "DROP FUNCTION IF EXISTS audit_heads_forward_only()",
    "DROP TRIGGER IF EXISTS audit_heads_no_truncate ON audit_heads",
    "DROP TRIGGER IF EXISTS audit_entries_no_truncate ON audit_entries",
    "DROP FUNCTION IF EXISTS audit_refuse_truncate()",
]
# SQLite has no TRUNCATE: an unqualified DELETE is refused by 0002's row trigger (SQLite
# skips its truncate optimisation on a table with triggers).
SQLITE_INSTALL = [
    f"""CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_heads_start_at_zero BEFORE INSERT ON audit_heads
    WHEN NEW.seq <> 0 OR NEW.hash <> '{GENESIS}'
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_heads_forward_only BEFORE UPDATE ON audit_heads
    WHEN NEW.chain <> OLD.chain OR NEW.seq <= OLD.seq
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_heads_no_delete",
    "DROP TRIGGER IF EXISTS audit_heads_start_at_zero",
    "DROP TRIGGER IF EXISTS audit_heads_forward_only",
]


def _statements(connection, install: bool) -> list[str]:
    if connection.dialect.name == "postgresql":
        return POSTGRESQL_INSTALL if install else POSTGRESQL_REMOVE
    if connection.dialect.name == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_REMOVE
    raise RuntimeError(f"no audit guards for {connection.dialect.name}")


def install_triggers(connection) -> None:
    """Also used by the audit tests to put the guard back after tampering on purpose."""
    for statement in _statements(connection, install=True):
        connection.exec_driver_sql(statement)


def remove_triggers(connection) -> None:
    for statement in _statements(connection, install=False):
        connection.exec_driver_sql(statement)


def upgrade():
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("refresh_jti", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("rotated_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_reason", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_auth_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
    )
    with op.batch_alter_table("auth_sessions") as batch_op:
        batch_op.create_index(batch_op.f("ix_auth_sessions_user_id"), ["user_id"], unique=False)
    # duplicates a double submit made before: keep the oldest of each, as the app would have
    op.get_bind().execute(sa.text(
        "UPDATE flat_proxies SET revoked_at = :now WHERE revoked_at IS NULL AND id NOT IN "
        "(SELECT min(id) FROM flat_proxies WHERE revoked_at IS NULL GROUP BY flat_id, proxy_user_id)"),
        {"now": datetime.now(timezone.utc).replace(tzinfo=None)})
    op.get_bind().execute(sa.text(
        "DELETE FROM role_grants WHERE estate_id IS NULL AND id NOT IN "
        "(SELECT min(id) FROM role_grants WHERE estate_id IS NULL GROUP BY user_id, role)"))
    with op.batch_alter_table("flat_proxies") as batch_op:
        batch_op.create_index("uq_flat_proxies_active", ["flat_id", "proxy_user_id"], unique=True,
                              postgresql_where=sa.text("revoked_at IS NULL"),
                              sqlite_where=sa.text("revoked_at IS NULL"))
    with op.batch_alter_table("role_grants") as batch_op:
        batch_op.create_index("uq_role_grants_global", ["user_id", "role"], unique=True,
                              postgresql_where=sa.text("estate_id IS NULL"),
                              sqlite_where=sa.text("estate_id IS NULL"))
    install_triggers(op.get_bind())


def downgrade():
    remove_triggers(op.get_bind())
    with op.batch_alter_table("role_grants") as batch_op:
        batch_op.drop_index("uq_role_grants_global")
    with op.batch_alter_table("flat_proxies") as batch_op:
        batch_op.drop_index("uq_flat_proxies_active")
    with op.batch_alter_table("auth_sessions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_auth_sessions_user_id"))
    op.drop_table("auth_sessions")
