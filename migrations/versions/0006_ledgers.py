"""real ledgers and verified owners (issue 33): co-owners, 公房, phone kinds, certificate
hashes, identity attempts

Revision ID: 0006_ledgers
Revises: 0005_scale
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_ledgers"
down_revision = "0006_operate_a"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("owners") as batch_op:
        batch_op.add_column(sa.Column("phone_kind", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=12), nullable=False,
                                      server_default="person"))
    with op.batch_alter_table("flats") as batch_op:
        batch_op.add_column(sa.Column("property_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("tenant_name", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("certificate_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_flats_certificate_hash"), ["certificate_hash"], unique=False)
    op.create_table(
        "owner_people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_owner_people_estate_id_estates")),
        sa.ForeignKeyConstraint(["owner_id"], ["owners.id"], name=op.f("fk_owner_people_owner_id_owners")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owner_people")),
    )
    with op.batch_alter_table("owner_people") as batch_op:
        batch_op.create_index(batch_op.f("ix_owner_people_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_owner_people_owner_id"), ["owner_id"], unique=False)
    op.create_table(
        "identity_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=True),
        sa.Column("flat_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_identity_attempts_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_identity_attempts_flat_id_flats")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_identity_attempts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_attempts")),
    )
    with op.batch_alter_table("identity_attempts") as batch_op:
        batch_op.create_index(batch_op.f("ix_identity_attempts_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_identity_attempts_flat_id"), ["flat_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_identity_attempts_user_id"), ["user_id"], unique=False)
    op.create_table(
        "flat_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("old_owner_id", sa.Integer(), nullable=True),
        sa.Column("new_owner_id", sa.Integer(), nullable=False),
        sa.Column("evidence_key", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_flat_transfers_estate_id_estates")),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"], name=op.f("fk_flat_transfers_flat_id_flats")),
        sa.ForeignKeyConstraint(["old_owner_id"], ["owners.id"],
                                name=op.f("fk_flat_transfers_old_owner_id_owners")),
        sa.ForeignKeyConstraint(["new_owner_id"], ["owners.id"],
                                name=op.f("fk_flat_transfers_new_owner_id_owners")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_flat_transfers_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flat_transfers")),
    )
    with op.batch_alter_table("flat_transfers") as batch_op:
        batch_op.create_index(batch_op.f("ix_flat_transfers_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_flat_transfers_flat_id"), ["flat_id"], unique=False)


def downgrade():
    op.drop_table("flat_transfers")
    op.drop_table("identity_attempts")
    op.drop_table("owner_people")
    with op.batch_alter_table("flats") as batch_op:
        batch_op.drop_index(batch_op.f("ix_flats_certificate_hash"))
        batch_op.drop_column("certificate_hash")
        batch_op.drop_column("tenant_name")
        batch_op.drop_column("property_kind")
    with op.batch_alter_table("owners") as batch_op:
        batch_op.drop_column("kind")
        batch_op.drop_column("phone_kind")
