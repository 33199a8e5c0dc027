"""paper supports (issue 34 item 5): an application's support entered from a signed sheet

Revision ID: 0008_paper_supports
Revises: 0007_reach_a
"""
from alembic import op
import sqlalchemy as sa


revision = "0008_paper_supports"
down_revision = "0007_reach_a"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("application_supports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel", sa.Enum("online", "paper", name="supportchannel",
                                                         native_enum=False, length=10),
                                      server_default="online", nullable=False))
        batch_op.add_column(sa.Column("entered_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("evidence", sa.String(length=200), nullable=True))
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(batch_op.f("fk_application_supports_entered_by_id_users"),
                                    "users", ["entered_by_id"], ["id"])
        batch_op.create_check_constraint(
            "support_has_author",
            "(channel = 'online' AND user_id IS NOT NULL) OR (channel = 'paper' "
            "AND entered_by_id IS NOT NULL AND evidence IS NOT NULL)")


def downgrade():
    op.execute("DELETE FROM application_supports WHERE channel = 'paper'")
    with op.batch_alter_table("application_supports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_application_supports_support_has_author"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_application_supports_entered_by_id_users"), type_="foreignkey")
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("evidence")
        batch_op.drop_column("entered_by_id")
        batch_op.drop_column("channel")
