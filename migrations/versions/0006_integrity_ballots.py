"""ballots voided or corrected after an upheld objection (issue 30 item 4)

Revision ID: 0006_integrity_ballots
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_integrity_ballots"
down_revision = "0006_ledgers"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ballot_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("objection_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version_before", sa.Integer(), nullable=False),
        sa.Column("receipt_before", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_ballot_corrections_actor_id_users")),
        sa.ForeignKeyConstraint(["ballot_id"], ["ballots.id"], name=op.f("fk_ballot_corrections_ballot_id_ballots")),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"],
                                name=op.f("fk_ballot_corrections_consultation_id_consultations")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_ballot_corrections_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_ballot_corrections_flat_id_flats")),
        sa.ForeignKeyConstraint(["objection_id"], ["result_objections.id"],
                                name=op.f("fk_ballot_corrections_objection_id_result_objections")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot_corrections")),
        sa.UniqueConstraint("objection_id", name=op.f("uq_ballot_corrections_objection_id")),
    )
    with op.batch_alter_table("ballot_corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballot_corrections_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ballot_corrections_estate_id"), ["estate_id"], unique=False)


def downgrade():
    op.drop_table("ballot_corrections")
