"""heavy jobs: a durable record of sunlight analyses, scan reads and ledger imports (issue 31, item 8)

Revision ID: 0007_heavy_jobs
Revises: 0006_integrity_rules
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_heavy_jobs"
down_revision = "0006_integrity_rules"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "heavy_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("state", sa.Enum("queued", "running", "done", "failed", name="jobstate",
                                   native_enum=False, length=10), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("upload", sa.LargeBinary(), nullable=True),
        sa.Column("upload_name", sa.String(length=200), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("runner", sa.String(length=120), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_heavy_jobs_attempts_not_negative")),
        sa.CheckConstraint("state NOT IN ('done', 'failed') OR finished_at IS NOT NULL",
                           name=op.f("ck_heavy_jobs_ended_has_time")),
        sa.CheckConstraint("state != 'running' OR (runner IS NOT NULL AND lease_until IS NOT NULL)",
                           name=op.f("ck_heavy_jobs_running_has_lease")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_heavy_jobs_created_by_id_users")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_heavy_jobs_estate_id_estates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_heavy_jobs")),
    )
    with op.batch_alter_table("heavy_jobs") as batch_op:
        batch_op.create_index(batch_op.f("ix_heavy_jobs_estate_id"), ["estate_id"], unique=False)


def downgrade():
    with op.batch_alter_table("heavy_jobs") as batch_op:
        batch_op.drop_index(batch_op.f("ix_heavy_jobs_estate_id"))
    op.drop_table("heavy_jobs")
