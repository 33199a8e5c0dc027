"""how a project's flats pay without the app (收款方式): where and when, the account, whom to
call, as the committee writes it for the owners

Revision ID: 0011_paying_instructions
Revises: 0010_payment_voids
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0011_paying_instructions"
down_revision = "0010_payment_voids"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contribution_paying_instructions",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"],
                                name=op.f("fk_contribution_paying_instructions_estate_id_estates")),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"],
                                name=op.f("fk_contribution_paying_instructions_project_id_renovation_projects")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"],
                                name=op.f("fk_contribution_paying_instructions_updated_by_id_users")),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_contribution_paying_instructions")),
    )
    with op.batch_alter_table("contribution_paying_instructions") as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_paying_instructions_estate_id"), ["estate_id"],
                              unique=False)


def downgrade():
    with op.batch_alter_table("contribution_paying_instructions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_paying_instructions_estate_id"))
    op.drop_table("contribution_paying_instructions")
