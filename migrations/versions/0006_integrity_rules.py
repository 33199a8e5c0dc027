"""an application keeps what its support threshold counts: flats or owners (issue 30, item 7)

Revision ID: 0006_integrity_rules
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_integrity_rules"
down_revision = "0006_integrity_electorate"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("applications") as batch_op:
        batch_op.add_column(sa.Column("support_basis", sa.Enum("flats", "owners", name="supportbasis",
                                                               native_enum=False, length=10),
                                      server_default="flats", nullable=False))


def downgrade():
    with op.batch_alter_table("applications") as batch_op:
        batch_op.drop_column("support_basis")
