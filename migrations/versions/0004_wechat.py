"""WeChat mini-program identities and one-time login tickets

users gain the mini-program openid and the unionid (one person across our WeChat
apps); login_tickets hold a first mini-program login waiting for its phone number,
and the one-time links that open the web pages signed in.

Revision ID: 0004_wechat
Revises: 0003_money_bigint
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_wechat"
down_revision = "0004_sunlight"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("wechat_mini_openid", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("wechat_unionid", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_wechat_mini_openid"), ["wechat_mini_openid"])
        batch_op.create_unique_constraint(batch_op.f("uq_users_wechat_unionid"), ["wechat_unionid"])
    op.create_table(
        "login_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.Enum("wechat_phone", "web", name="ticketpurpose",
                                     native_enum=False, length=20), nullable=False),
        sa.Column("ticket_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("wechat_mini_openid", sa.String(length=64), nullable=True),
        sa.Column("wechat_unionid", sa.String(length=64), nullable=True),
        sa.Column("next_path", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_login_tickets_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_tickets")),
        sa.UniqueConstraint("ticket_hash", name=op.f("uq_login_tickets_ticket_hash")),
    )
    with op.batch_alter_table("login_tickets") as batch_op:
        batch_op.create_index(batch_op.f("ix_login_tickets_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_tickets_expires_at"), ["expires_at"], unique=False)


def downgrade():
    op.drop_table("login_tickets")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_wechat_unionid"), type_="unique")
        batch_op.drop_constraint(batch_op.f("uq_users_wechat_mini_openid"), type_="unique")
        batch_op.drop_column("wechat_unionid")
        batch_op.drop_column("wechat_mini_openid")
