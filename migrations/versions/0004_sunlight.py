"""sunlight analyses (日照分析)

Revision ID: 0004_sunlight
Revises: 0003_money_bigint
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_sunlight"
down_revision = "0003_money_bigint"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sunlight_analyses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("elevator_project_id", sa.Integer(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_sunlight_analyses_created_by_id_users")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_sunlight_analyses_estate_id_estates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sunlight_analyses")),
    )
    with op.batch_alter_table("sunlight_analyses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sunlight_analyses_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sunlight_analyses_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sunlight_analyses_elevator_project_id"),
                              ["elevator_project_id"], unique=False)


def downgrade():
    with op.batch_alter_table("sunlight_analyses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sunlight_analyses_elevator_project_id"))
        batch_op.drop_index(batch_op.f("ix_sunlight_analyses_case_id"))
        batch_op.drop_index(batch_op.f("ix_sunlight_analyses_estate_id"))
    op.drop_table("sunlight_analyses")
