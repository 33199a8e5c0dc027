"""ballots' audit entries wait in audit_pending until sealed into their chain (issue 24)

A ballot inserts one row here instead of locking its estate's audit head, so an
estate's ballots no longer commit one after another; `flask audit seal` and the
server's sealer move the rows into audit_entries, chained as before. TRUNCATE is
refused as on the other audit tables (PostgreSQL).

Revision ID: 0005_scale
Revises: 0004_trust_b
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_scale"
down_revision = "0005_comanage_b"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "audit_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain", sa.String(length=40), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("subject_type", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_pending")),
    )
    with op.batch_alter_table("audit_pending") as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_pending_chain"), ["chain"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""CREATE OR REPLACE FUNCTION audit_pending_refuse_truncate() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'audit tables cannot be truncated' USING ERRCODE = 'insufficient_privilege';
        END;
        $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_pending_refuse_truncate()")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_pending_no_truncate ON audit_pending")
        op.execute("DROP FUNCTION IF EXISTS audit_pending_refuse_truncate()")
    with op.batch_alter_table("audit_pending") as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_pending_chain"))
    op.drop_table("audit_pending")
