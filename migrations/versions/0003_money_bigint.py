"""money in renovation projects and the fund ledger as BIGINT

A renovation budget of 30 million yuan is 3,000,000,000 cents, past INTEGER's
2,147,483,647: PostgreSQL refused it (and the request failed with 500). The schemas
allow up to 10^13 cents; BIGINT holds that. Elevator money was BIGINT already.

Revision ID: 0003_money_bigint
Revises: 0002_audit_append_only
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_money_bigint"
down_revision = "0002_audit_append_only"
branch_labels = None
depends_on = None

COLUMNS = [("renovation_projects", "budget_cents"), ("project_funding_shares", "amount_cents"),
           ("fund_entries", "amount_cents")]


def upgrade():
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(column, existing_type=sa.Integer(), type_=sa.BigInteger(),
                                  existing_nullable=False)


def downgrade():
    for table, column in COLUMNS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column(column, existing_type=sa.BigInteger(), type_=sa.Integer(),
                                  existing_nullable=False)
