"""who pays (居民出资): a project's charges, the payments received, WeChat Pay orders

Revision ID: 0009_contributions
Revises: 0008_paper_supports
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_contributions"
down_revision = "0008_paper_supports"
branch_labels = None
depends_on = None

KINDS = ("elevator", "agreed", "fund_use")
METHODS = ("transfer", "cash", "provident_fund", "maintenance_fund", "wechat")


def upgrade():
    op.create_table(
        "contribution_charges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(*KINDS, name="chargekind", native_enum=False, length=20), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("elevator_project_id", sa.Integer(), nullable=True),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("per_flat_cents", sa.BigInteger(), nullable=True),
        sa.Column("total_cents", sa.BigInteger(), nullable=True),
        sa.Column("fund_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("per_flat_cents IS NULL OR per_flat_cents > 0",
                           name=op.f("ck_contribution_charges_per_flat_positive")),
        sa.CheckConstraint("total_cents IS NULL OR total_cents > 0",
                           name=op.f("ck_contribution_charges_total_positive")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_contribution_charges_created_by_id_users")),
        sa.ForeignKeyConstraint(["elevator_project_id"], ["elevator_projects.id"],
                                name=op.f("fk_contribution_charges_elevator_project_id_elevator_projects")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_contribution_charges_estate_id_estates")),
        sa.ForeignKeyConstraint(["fund_entry_id"], ["fund_entries.id"],
                                name=op.f("fk_contribution_charges_fund_entry_id_fund_entries")),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"],
                                name=op.f("fk_contribution_charges_project_id_renovation_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_charges")),
        sa.UniqueConstraint("project_id", "elevator_project_id", name="uq_contribution_charges_elevator"),
        sa.UniqueConstraint("project_id", "consultation_id", name="uq_contribution_charges_decision"),
        sa.UniqueConstraint("project_id", "fund_entry_id", name="uq_contribution_charges_fund_entry"),
    )
    with op.batch_alter_table("contribution_charges") as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_charges_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_charges_project_id"), ["project_id"], unique=False)

    op.create_table(
        "contribution_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("charge_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.Enum(*METHODS, name="method", native_enum=False, length=20), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("payer_name", sa.String(length=50), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("over_decision_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("paid_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_contribution_payments_amount_positive")),
        sa.ForeignKeyConstraint(["charge_id"], ["contribution_charges.id"],
                                name=op.f("fk_contribution_payments_charge_id_contribution_charges")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_contribution_payments_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_contribution_payments_flat_id_flats")),
        sa.ForeignKeyConstraint(["paid_by_id"], ["users.id"], name=op.f("fk_contribution_payments_paid_by_id_users")),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"],
                                name=op.f("fk_contribution_payments_project_id_renovation_projects")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_contribution_payments_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_payments")),
        sa.UniqueConstraint("estate_id", "reference", name="uq_contribution_payments_reference"),
    )
    with op.batch_alter_table("contribution_payments") as batch_op:
        for column in ("estate_id", "project_id", "charge_id", "flat_id"):
            batch_op.create_index(batch_op.f(f"ix_contribution_payments_{column}"), [column], unique=False)

    op.create_table(
        "contribution_wechat_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("charge_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("out_trade_no", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["charge_id"], ["contribution_charges.id"],
                                name=op.f("fk_contribution_wechat_orders_charge_id_contribution_charges")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_contribution_wechat_orders_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_contribution_wechat_orders_flat_id_flats")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_contribution_wechat_orders_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution_wechat_orders")),
        sa.UniqueConstraint("out_trade_no", name=op.f("uq_contribution_wechat_orders_out_trade_no")),
    )
    with op.batch_alter_table("contribution_wechat_orders") as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_wechat_orders_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contribution_wechat_orders_charge_id"), ["charge_id"], unique=False)


def downgrade():
    op.drop_table("contribution_wechat_orders")
    op.drop_table("contribution_payments")
    op.drop_table("contribution_charges")
