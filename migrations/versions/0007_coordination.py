"""joint meetings (联席会议) and their responsibility list (责任清单)

Revision ID: 0007_coordination
Revises: 0007_green
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_coordination"
down_revision = "0007_green"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "joint_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("agenda", sa.String(length=1000), nullable=False),
        sa.Column("attending_orgs", sa.JSON(), nullable=False),
        sa.Column("decisions", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_joint_meetings_created_by_id_users")),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_joint_meetings_estate_id_estates")),
        sa.ForeignKeyConstraint(["project_id"], ["renovation_projects.id"],
                                name=op.f("fk_joint_meetings_project_id_renovation_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joint_meetings")),
    )
    with op.batch_alter_table("joint_meetings") as batch_op:
        batch_op.create_index(batch_op.f("ix_joint_meetings_estate_id"), ["estate_id"], unique=False)
    op.create_table(
        "responsibility_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("estate_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(length=300), nullable=False),
        sa.Column("org", sa.String(length=30), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.Enum("open", "in_progress", "done", name="taskstatus", native_enum=False,
                                    length=20), nullable=False),
        sa.Column("evidence", sa.String(length=500), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["estate_id"], ["estates.id"], name=op.f("fk_responsibility_tasks_estate_id_estates")),
        sa.ForeignKeyConstraint(["meeting_id"], ["joint_meetings.id"],
                                name=op.f("fk_responsibility_tasks_meeting_id_joint_meetings")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["users.id"],
                                name=op.f("fk_responsibility_tasks_updated_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_responsibility_tasks")),
    )
    with op.batch_alter_table("responsibility_tasks") as batch_op:
        batch_op.create_index(batch_op.f("ix_responsibility_tasks_estate_id"), ["estate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_responsibility_tasks_meeting_id"), ["meeting_id"], unique=False)


def downgrade():
    op.drop_table("responsibility_tasks")
    op.drop_table("joint_meetings")
