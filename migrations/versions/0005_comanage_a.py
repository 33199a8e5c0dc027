"""the maintenance fund per flat (分户账) and the Art. 278 item of each consultation

- consultations.civil_code_item: the item of 民法典第二百七十八条 a consultation decides.
- fund_entries.scope_type / scope_ids: whose sub-accounts an entry goes to (列支范围).
- fund_accounts: one sub-account per flat, never below zero (a CHECK); fund_postings:
  each flat's part of an entry.
- Existing ledgers: each estate's balance so far is carried over into its flats'
  sub-accounts, apportioned by area (largest remainder, exact to the cent), as postings
  without an entry, so the estate balance stays the sum of the sub-accounts.

Revision ID: 0005_comanage_a
Revises: 0004_trust_b
"""
from fractions import Fraction

import sqlalchemy as sa
from alembic import op

revision = "0005_comanage_a"
down_revision = "0005_console"
branch_labels = None
depends_on = None


def _split(amount: int, weights: list[int]) -> list[int]:
    """Largest remainder, as app/money.py (copied: a migration must not change with the app)."""
    total = sum(weights)
    quotas = [Fraction(amount * w, total) for w in weights]
    whole = [q.numerator // q.denominator for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - whole[i]), -weights[i], i))
    for i in order[:amount - sum(whole)]:
        whole[i] += 1
    return whole


def _carry_over(bind) -> None:
    balances = bind.execute(sa.text(
        "SELECT estate_id, SUM(CASE WHEN kind = 'used' THEN -amount_cents ELSE amount_cents END) "
        "FROM fund_entries GROUP BY estate_id")).all()
    for estate_id, balance in balances:
        balance = int(balance or 0)
        flats = bind.execute(sa.text("SELECT id, area_m2 FROM flats WHERE estate_id = :e ORDER BY id"),
                             {"e": estate_id}).all()
        if balance <= 0 or not flats or not sum(int(area) for _, area in flats):
            continue
        for (flat_id, _), cents in zip(flats, _split(balance, [int(area) for _, area in flats])):
            bind.execute(sa.text("INSERT INTO fund_accounts (flat_id, estate_id, balance_cents) "
                                 "VALUES (:f, :e, :c)"), {"f": flat_id, "e": estate_id, "c": cents})
            bind.execute(sa.text("INSERT INTO fund_postings (flat_id, estate_id, amount_cents) "
                                 "VALUES (:f, :e, :c)"), {"f": flat_id, "e": estate_id, "c": cents})


def upgrade():
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("civil_code_item", sa.SmallInteger(), nullable=True))
    with op.batch_alter_table("fund_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope_type", sa.String(length=12), nullable=False,
                                      server_default="estate"))
        batch_op.add_column(sa.Column("scope_ids", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("fund_entries", schema=None) as batch_op:
        batch_op.alter_column("scope_type", server_default=None)
        batch_op.alter_column("scope_ids", server_default=None)

    op.create_table(
        "fund_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("balance_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("balance_cents >= 0", name=op.f("ck_fund_accounts_balance_not_negative")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_fund_accounts_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_fund_accounts_flat_id_flats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_accounts")),
        sa.UniqueConstraint("flat_id", name=op.f("uq_fund_accounts_flat_id")),
    )
    with op.batch_alter_table("fund_accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_accounts_estate_id"), ["estate_id"], unique=False)

    op.create_table(
        "fund_postings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["fund_entries.id"],
                                name=op.f("fk_fund_postings_entry_id_fund_entries")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_fund_postings_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_fund_postings_flat_id_flats")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_postings")),
    )
    with op.batch_alter_table("fund_postings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_postings_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fund_postings_flat_id"), ["flat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_fund_postings_estate_id"), ["estate_id"], unique=False)
    _carry_over(op.get_bind())


def downgrade():
    op.drop_table("fund_postings")
    op.drop_table("fund_accounts")
    with op.batch_alter_table("fund_entries", schema=None) as batch_op:
        batch_op.drop_column("scope_ids")
        batch_op.drop_column("scope_type")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_column("civil_code_item")
