"""a renovation project's approvals (审批): one row per project and kind

Revision ID: 0007_approvals
Revises: 0007_heavy_jobs
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_approvals"
down_revision = "0007_heavy_jobs"
branch_labels = None
depends_on = None

KINDS = ("project_approval", "land_use", "planning", "construction_permit", "joint_review")
STATUSES = ("not_started", "submitted", "returned", "approved", "not_needed")


def upgrade():
    op.create_table(
        "project_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(*KINDS, name="approvalkind", native_enum=False, length=30), nullable=False),
        sa.Column("status", sa.Enum(*STATUSES, name="approvalstatus", native_enum=False, length=20),
                  nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("document_no", sa.String(length=100), nullable=False),
        sa.Column("document_key", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_project_approvals_estate_id_estates")),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"],
                                name=op.f("fk_project_approvals_project_id_renovation_projects")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"],
                                name=op.f("fk_project_approvals_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_approvals")),
        sa.UniqueConstraint("project_id", "kind", name="uq_project_approvals_kind"),
    )
    with op.batch_alter_table("project_approvals") as batch_op:
        batch_op.create_index(batch_op.f("ix_project_approvals_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_approvals_project_id"), ["project_id"], unique=False)


def downgrade():
    op.drop_table("project_approvals")
