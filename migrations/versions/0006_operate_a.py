"""the SMS outbox for every message (kinds, status, receipts), WeChat subscriptions and
the scheduler's job_runs (issue 35, items 1-3)

Revision ID: 0006_operate_a
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_operate_a"
down_revision = "0005_scale"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="text"))
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("status", sa.Enum("queued", "sent", "delivered", "failed",
                                                        name="smsstatus", native_enum=False, length=10),
                                      nullable=False, server_default="sent"))
        batch_op.add_column(sa.Column("provider", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("provider_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("error", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("receipt_at", sa.DateTime(), nullable=True))
        batch_op.alter_column("sent_at", existing_type=sa.DateTime(), nullable=True)
        batch_op.create_index(batch_op.f("ix_sms_outbox_provider_id"), ["provider_id"], unique=False)
        batch_op.create_index("ix_sms_outbox_status_kind", ["status", "kind"], unique=False)
    op.execute("UPDATE sms_outbox SET created_at = sent_at")
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)
        batch_op.alter_column("kind", server_default=None)
        batch_op.alter_column("status", server_default=None)
        batch_op.alter_column("attempts", server_default=None)
    op.create_table(
        "wechat_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("remaining >= 0", name=op.f("ck_wechat_subscriptions_remaining_not_negative")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_wechat_subscriptions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wechat_subscriptions")),
        sa.UniqueConstraint("user_id", "template_id", name=op.f("uq_wechat_subscriptions_user_id_template_id")),
    )
    with op.batch_alter_table("wechat_subscriptions") as batch_op:
        batch_op.create_index(batch_op.f("ix_wechat_subscriptions_user_id"), ["user_id"], unique=False)
    op.create_table(
        "job_runs",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=500), nullable=True),
        sa.Column("ok", sa.Boolean(), nullable=True),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_runs")),
    )


def downgrade():
    op.drop_table("job_runs")
    with op.batch_alter_table("wechat_subscriptions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_wechat_subscriptions_user_id"))
    op.drop_table("wechat_subscriptions")
    with op.batch_alter_table("sms_outbox") as batch_op:
        batch_op.drop_index("ix_sms_outbox_status_kind")
        batch_op.drop_index(batch_op.f("ix_sms_outbox_provider_id"))
        for column in ("receipt_at", "created_at", "error", "attempts", "provider_id", "provider",
                       "status", "kind", "params"):
            batch_op.drop_column(column)
