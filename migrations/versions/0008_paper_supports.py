"""paper supports (issue 34 item 5): an application's support entered from a signed sheet;
a meeting's paper sign-ins

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
    op.create_table("case_meeting_sign_ins",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("estate_id", sa.Integer(), nullable=False),
    sa.Column("meeting_id", sa.Integer(), nullable=False),
    sa.Column("flat_id", sa.Integer(), nullable=False),
    sa.Column("channel", sa.String(length=10), server_default="paper", nullable=False),
    sa.Column("entered_by_id", sa.Integer(), nullable=False),
    sa.Column("evidence", sa.String(length=200), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["entered_by_id"], ["users.id"], name=op.f("fk_case_meeting_sign_ins_entered_by_id_users")),
    sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_case_meeting_sign_ins_estate_id_estates")),
    sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_case_meeting_sign_ins_flat_id_flats")),
    sa.ForeignKeyConstraint(["meeting_id"], ["case_meetings.id"], name=op.f("fk_case_meeting_sign_ins_meeting_id_case_meetings")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_case_meeting_sign_ins")),
    sa.UniqueConstraint("meeting_id", "flat_id", name=op.f("uq_case_meeting_sign_ins_meeting_id_flat_id"))
    )
    with op.batch_alter_table("case_meeting_sign_ins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_meeting_sign_ins_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_meeting_sign_ins_meeting_id"), ["meeting_id"], unique=False)
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
    op.drop_table("case_meeting_sign_ins")
    op.execute("DELETE FROM application_supports WHERE channel = 'paper'")
    with op.batch_alter_table("application_supports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_application_supports_support_has_author"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_application_supports_entered_by_id_users"), type_="foreignkey")
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("evidence")
        batch_op.drop_column("entered_by_id")
        batch_op.drop_column("channel")
