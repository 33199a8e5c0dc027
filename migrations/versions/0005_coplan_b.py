"""co-planning to co-building (issue 19, part b): content votes within means, items with
progress and a timeline, the joint acceptance, objections to a preliminary result

- consultations.budget_cap_cents: a content vote's budget cap (量力而行).
- project_items: estimated cost, each flat's contribution, status and progress;
  project_item_updates: each item's timeline.
- renovation_projects.evaluation_id, shared_at: 共评 and 共享.
- joint_acceptances, acceptance_signatures: 联合验收 with resident representatives.
- result_objections: 询异 on a closed vote's preliminary result.

Revision ID: 0005_coplan_b
Revises: 0004_trust_b
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_coplan_b"
down_revision = "0005_coplan_a"
branch_labels = None
depends_on = None

ITEM_STATUS = sa.Enum("planned", "in_progress", "completed", "cancelled", name="itemstatus",
                      native_enum=False, length=20)


def upgrade():
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("budget_cap_cents", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("renovation_projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evaluation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("shared_at", sa.DateTime(), nullable=True))
        batch_op.create_index("uq_renovation_projects_content_vote", ["content_vote_id"], unique=True)
    with op.batch_alter_table("project_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("estimated_cost_cents", sa.BigInteger(), server_default="0",
                                      nullable=False))
        batch_op.add_column(sa.Column("flat_contribution_cents", sa.BigInteger(), server_default="0",
                                      nullable=False))
        batch_op.add_column(sa.Column("status", ITEM_STATUS, server_default="planned", nullable=False))
        batch_op.add_column(sa.Column("progress_percent", sa.Integer(), server_default="0",
                                      nullable=False))
    op.create_table(
        "project_item_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("status", ITEM_STATUS, nullable=False),
        sa.Column("progress_percent", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"]),
        sa.ForeignKeyConstraint(["item_id"], ["project_items.id"]),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"]),
        sa.PrimaryKeyConstraint("id"))
    with op.batch_alter_table("project_item_updates", schema=None) as batch_op:
        for column in ("item_id", "project_id", "estate_id"):
            batch_op.create_index(batch_op.f(f"ix_project_item_updates_{column}"), [column], unique=False)
    op.create_table(
        "joint_acceptances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("units", sa.String(length=300), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"]),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"]),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("project_id"))
    with op.batch_alter_table("joint_acceptances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_joint_acceptances_estate_id"), ["estate_id"], unique=False)
    op.create_table(
        "acceptance_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("acceptance_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["acceptance_id"], ["joint_acceptances.id"]),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"]),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("acceptance_id", "flat_id"))
    with op.batch_alter_table("acceptance_signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acceptance_signatures_acceptance_id"), ["acceptance_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_acceptance_signatures_estate_id"), ["estate_id"], unique=False)
    op.create_table(
        "result_objections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("flat_id", sa.Integer(), nullable=False),
        sa.Column("filed_by_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.Enum("open", "resolved", name="objectionstatus", native_enum=False,
                                    length=10), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["consultation_id"], ["consultations.id"]),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"]),
        sa.ForeignKeyConstraint(["filed_by_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["flat_id"], ["flats.id"]),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consultation_id", "flat_id"))
    with op.batch_alter_table("result_objections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_result_objections_consultation_id"), ["consultation_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_result_objections_estate_id"), ["estate_id"], unique=False)


def downgrade():
    op.drop_table("result_objections")
    op.drop_table("acceptance_signatures")
    op.drop_table("joint_acceptances")
    op.drop_table("project_item_updates")
    with op.batch_alter_table("project_items", schema=None) as batch_op:
        for column in ("progress_percent", "status", "flat_contribution_cents", "estimated_cost_cents"):
            batch_op.drop_column(column)
    with op.batch_alter_table("renovation_projects", schema=None) as batch_op:
        batch_op.drop_index("uq_renovation_projects_content_vote")
        batch_op.drop_column("shared_at")
        batch_op.drop_column("evaluation_id")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_column("budget_cap_cents")
