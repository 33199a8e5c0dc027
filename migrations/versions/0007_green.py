"""an estate's green-community checklist (绿色社区): one row per estate and criterion

Revision ID: 0007_green
Revises: 0007_approvals
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_green"
down_revision = "0007_approvals"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "green_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=40), nullable=False),
        sa.Column("status", sa.Enum("not_started", "in_progress", "met", name="greenstatus",
                                    native_enum=False, length=20), nullable=False),
        sa.Column("evidence", sa.String(length=500), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_green_checks_estate_id_estates")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"], name=op.f("fk_green_checks_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_green_checks")),
        sa.UniqueConstraint("estate_id", "criterion", name="uq_green_checks_criterion"),
    )
    with op.batch_alter_table("green_checks") as batch_op:
        batch_op.create_index(batch_op.f("ix_green_checks_estate_id"), ["estate_id"], unique=False)


def downgrade():
    op.drop_table("green_checks")
