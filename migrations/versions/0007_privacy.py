"""consents (PIPL): the version of the processing rules a person agreed to, every consent
with its version, time and channel, and how each sign-in was made (issue 35, item 5)

Revision ID: 0007_privacy
Revises: 0007_coordination
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_privacy"
down_revision = "0007_coordination"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_consents_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
        sa.UniqueConstraint("user_id", "kind", "version", name=op.f("uq_consents_user_id_kind_version")),
    )
    op.create_index(op.f("ix_consents_user_id"), "consents", ["user_id"], unique=False)
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("privacy_version", sa.String(length=20), nullable=True))
    with op.batch_alter_table("auth_sessions") as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table("auth_sessions") as batch_op:
        batch_op.drop_column("channel")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("privacy_version")
    op.drop_index(op.f("ix_consents_user_id"), table_name="consents")
    op.drop_table("consents")
