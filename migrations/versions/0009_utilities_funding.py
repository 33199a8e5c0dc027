"""utilities (专业经营单位: pipeline works, their money, handovers) and a project's public
money (公开资金: entries by source and stage, the ledger row a spend locks)

Revision ID: 0009_utilities_funding
Revises: 0009_contributions
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_utilities_funding'
down_revision = '0009_contributions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('funding_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('stage', sa.Enum('committed', 'received', 'spent', name='stage', native_enum=False, length=20), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('dated_on', sa.Date(), nullable=False),
    sa.Column('party', sa.String(length=100), nullable=False),
    sa.Column('document_no', sa.String(length=100), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('evidence_key', sa.String(length=200), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_funding_entries_amount_positive')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_funding_entries_created_by_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_funding_entries_estate_id_estates')),
    sa.ForeignKeyConstraint(['project_id'], ['renovation_projects.id'], name=op.f('fk_funding_entries_project_id_renovation_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_entries'))
    )
    with op.batch_alter_table('funding_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_entries_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_entries_project_id'), ['project_id'], unique=False)

    op.create_table('funding_ledgers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('spent_cents', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('spent_cents >= 0', name=op.f('ck_funding_ledgers_spent_not_negative')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_funding_ledgers_estate_id_estates')),
    sa.ForeignKeyConstraint(['project_id'], ['renovation_projects.id'], name=op.f('fk_funding_ledgers_project_id_renovation_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_ledgers')),
    sa.UniqueConstraint('project_id', name=op.f('uq_funding_ledgers_project_id'))
    )
    with op.batch_alter_table('funding_ledgers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_ledgers_estate_id'), ['estate_id'], unique=False)

    op.create_table('utility_contributions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('utility', sa.String(length=20), nullable=False),
    sa.Column('stage', sa.Enum('committed', 'received', name='moneystage', native_enum=False, length=20), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('dated_on', sa.Date(), nullable=False),
    sa.Column('document_no', sa.String(length=100), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount_cents > 0', name=op.f('ck_utility_contributions_amount_positive')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_utility_contributions_created_by_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_utility_contributions_estate_id_estates')),
    sa.ForeignKeyConstraint(['project_id'], ['renovation_projects.id'], name=op.f('fk_utility_contributions_project_id_renovation_projects')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_utility_contributions'))
    )
    with op.batch_alter_table('utility_contributions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_utility_contributions_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_utility_contributions_project_id'), ['project_id'], unique=False)

    op.create_table('utility_works',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('party', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('road', sa.String(length=100), nullable=False),
    sa.Column('stairwell_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'done', name='workstatus', native_enum=False, length=20), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_utility_works_ends_after_start')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_utility_works_estate_id_estates')),
    sa.ForeignKeyConstraint(['project_id'], ['renovation_projects.id'], name=op.f('fk_utility_works_project_id_renovation_projects')),
    sa.ForeignKeyConstraint(['stairwell_id'], ['stairwells.id'], name=op.f('fk_utility_works_stairwell_id_stairwells')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_utility_works_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_utility_works'))
    )
    with op.batch_alter_table('utility_works', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_utility_works_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_utility_works_project_id'), ['project_id'], unique=False)

    op.create_table('utility_handovers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('facilities', sa.String(length=500), nullable=False),
    sa.Column('receiver', sa.String(length=100), nullable=False),
    sa.Column('handed_on', sa.Date(), nullable=False),
    sa.Column('record_key', sa.String(length=200), nullable=False),
    sa.Column('photo_key', sa.String(length=200), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_utility_handovers_created_by_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_utility_handovers_estate_id_estates')),
    sa.ForeignKeyConstraint(['project_id'], ['renovation_projects.id'], name=op.f('fk_utility_handovers_project_id_renovation_projects')),
    sa.ForeignKeyConstraint(['work_id'], ['utility_works.id'], name=op.f('fk_utility_handovers_work_id_utility_works')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_utility_handovers')),
    sa.UniqueConstraint('work_id', name=op.f('uq_utility_handovers_work_id'))
    )
    with op.batch_alter_table('utility_handovers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_utility_handovers_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_utility_handovers_project_id'), ['project_id'], unique=False)



def downgrade():
    with op.batch_alter_table('utility_handovers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_utility_handovers_project_id'))
        batch_op.drop_index(batch_op.f('ix_utility_handovers_estate_id'))

    op.drop_table('utility_handovers')
    with op.batch_alter_table('utility_works', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_utility_works_project_id'))
        batch_op.drop_index(batch_op.f('ix_utility_works_estate_id'))

    op.drop_table('utility_works')
    with op.batch_alter_table('utility_contributions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_utility_contributions_project_id'))
        batch_op.drop_index(batch_op.f('ix_utility_contributions_estate_id'))

    op.drop_table('utility_contributions')
    with op.batch_alter_table('funding_ledgers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_ledgers_estate_id'))

    op.drop_table('funding_ledgers')
    with op.batch_alter_table('funding_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_entries_project_id'))
        batch_op.drop_index(batch_op.f('ix_funding_entries_estate_id'))

    op.drop_table('funding_entries')
