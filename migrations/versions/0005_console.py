"""case meetings scheduled ahead; the committee's answer to a supervision report

- case_meetings: agenda and scheduled_by_id; minutes may be empty (NULL) while a meeting
  is only scheduled (issue 18: schedule a meeting, record minutes and attendance later).
- supervision_reports: answer, answered_by_id, answered_at.

Revision ID: 0005_console
Revises: 0004_trust_b
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_console"
down_revision = "0005_coplan_b"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("case_meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("scheduled_by_id", sa.Integer(), nullable=True))
        batch_op.alter_column("minutes", existing_type=sa.Text(), nullable=True)
        batch_op.create_foreign_key(batch_op.f("fk_case_meetings_scheduled_by_id_users"),
                                    "users", ["scheduled_by_id"], ["id"])
    with op.batch_alter_table("supervision_reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answered_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("answered_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_supervision_reports_answered_by_id_users"),
                                    "users", ["answered_by_id"], ["id"])


def downgrade():
    with op.batch_alter_table("supervision_reports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_supervision_reports_answered_by_id_users"),
                                 type_="foreignkey")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("answered_by_id")
        batch_op.drop_column("answer")
    op.execute("UPDATE case_meetings SET minutes = '' WHERE minutes IS NULL")
    with op.batch_alter_table("case_meetings", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_case_meetings_scheduled_by_id_users"),
                                 type_="foreignkey")
        batch_op.alter_column("minutes", existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("scheduled_by_id")
        batch_op.drop_column("agenda")
