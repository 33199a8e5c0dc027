"""a payment recorded by mistake is voided (作废), never deleted: who voided it, when and why;
its voucher reference is unique only among the payments that stand

Revision ID: 0010_payment_voids
Revises: 0009_utilities_funding
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0010_payment_voids"
down_revision = "0009_utilities_funding"
branch_labels = None
depends_on = None

STANDING = "voided_at IS NULL"


def upgrade():
    with op.batch_alter_table("contribution_payments") as batch_op:
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("voided_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_contribution_payments_voided_by_id_users"), "users",
                                    ["voided_by_id"], ["id"])
        batch_op.create_check_constraint(batch_op.f("ck_contribution_payments_voided_by_whom"),
                                         "(voided_at IS NULL) = (voided_by_id IS NULL)")
        batch_op.drop_constraint(batch_op.f("uq_contribution_payments_reference"), type_="unique")
    with op.batch_alter_table("contribution_payments") as batch_op:
        batch_op.create_index("uq_contribution_payments_reference", ["estate_id", "reference"], unique=True,
                              postgresql_where=sa.text(STANDING), sqlite_where=sa.text(STANDING))


def downgrade():
    with op.batch_alter_table("contribution_payments") as batch_op:
        batch_op.drop_index("uq_contribution_payments_reference", postgresql_where=sa.text(STANDING),
                            sqlite_where=sa.text(STANDING))
    with op.batch_alter_table("contribution_payments") as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_contribution_payments_reference"),
                                          ["estate_id", "reference"])
        batch_op.drop_constraint(batch_op.f("ck_contribution_payments_voided_by_whom"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_contribution_payments_voided_by_id_users"), type_="foreignkey")
        batch_op.drop_column("void_reason")
        batch_op.drop_column("voided_by_id")
        batch_op.drop_column("voided_at")
