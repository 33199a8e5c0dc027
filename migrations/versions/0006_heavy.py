"""sunlight_analyses.design_hash: an unchanged design reuses its stored results (issue 31.1)

Revision ID: 0006_heavy
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_heavy"
down_revision = "0006_integrity_ballots"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sunlight_analyses") as batch_op:
        batch_op.add_column(sa.Column("design_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_sunlight_analyses_design_hash"), ["design_hash"], unique=False)


def downgrade():
    with op.batch_alter_table("sunlight_analyses") as batch_op:
        batch_op.drop_index(batch_op.f("ix_sunlight_analyses_design_hash"))
        batch_op.drop_column("design_hash")
