"""a consultation's electorate is kept with it from opening (issue 30, item 2)

consultation_electorate holds the flats, areas, owners and heads of every opened
consultation as the ledger had them then; consultations.electorate_at says when (the
ledger the vote counts on), electorate_residents the verified residents a residents'
survey counted at its 公示. Consultations already opened take the ledger as it is now (the best record there
is): from here on nothing the ledger does changes them.

Revision ID: 0006_integrity_electorate
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_integrity_electorate"
down_revision = "0006_heavy"
branch_labels = None
depends_on = None

_SCOPE = """(f.estate_id = c.estate_id AND CASE c.scope_type
    WHEN 'building' THEN f.building_id = c.scope_id
    WHEN 'stairwell' THEN f.stairwell_id = c.scope_id
    WHEN 'flats' THEN f.id IN (SELECT flat_id FROM consultation_flats WHERE consultation_id = c.id)
    ELSE 1 = 1 END)"""


def upgrade():
    op.create_table(
        "consultation_electorate",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("area_m2", sa.BigInteger(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("head", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"],
                                name=op.f("fk_consultation_electorate_consultation_id_consultations")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_consultation_electorate_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"],
                                name=op.f("fk_consultation_electorate_flat_id_flats")),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"],
                                name=op.f("fk_consultation_electorate_owner_id_owners")),
        sa.PrimaryKeyConstraint("consultation_id", "flat_id", name=op.f("pk_consultation_electorate")),
    )
    with op.batch_alter_table("consultation_electorate") as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_electorate_estate_id"), ["estate_id"],
                              unique=False)
    with op.batch_alter_table("consultations") as batch_op:
        batch_op.add_column(sa.Column("electorate_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("electorate_residents", sa.Integer(), nullable=True))
    opened = "c.status <> 'draft'"
    op.execute(f"""INSERT INTO consultation_electorate
        (consultation_id, flat_id, estate_id, area_m2, owner_id, head)
        SELECT c.id, f.id, f.estate_id, f.area_m2, f.owner_id, COALESCE(f.owner_id, -f.id)
        FROM consultations c JOIN flats f ON {_SCOPE} WHERE {opened}""")
    op.execute(f"""UPDATE consultations SET electorate_at = COALESCE(opened_at, created_at),
        electorate_residents = CASE WHEN voters = 'residents' AND status = 'published' THEN (
            SELECT COUNT(DISTINCT l.user_id) FROM flat_links l JOIN flats f ON f.id = l.flat_id
            JOIN consultations c ON c.id = consultations.id
            WHERE {_SCOPE} AND l.status = 'verified') END
        WHERE status <> 'draft'""")


def downgrade():
    with op.batch_alter_table("consultations") as batch_op:
        batch_op.drop_column("electorate_residents")
        batch_op.drop_column("electorate_at")
    with op.batch_alter_table("consultation_electorate") as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_electorate_estate_id"))
    op.drop_table("consultation_electorate")
