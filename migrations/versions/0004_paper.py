"""paper ballot scans: photos of printed sheets, their draft reading and the committee's decision

Revision ID: 0004_paper
Revises: 0003_money_bigint
"""
import sqlalchemy as sa
from alembic import op

revision = '0004_paper'
down_revision = '0004_wechat'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('paper_ballot_scans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('flat_id', sa.Integer(), nullable=False),
    sa.Column('stairwell_id', sa.Integer(), nullable=False),
    sa.Column('sheet_version', sa.String(length=16), nullable=False),
    sa.Column('page', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'confirmed', 'rejected', name='scanstatus', native_enum=False, length=10), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('uncertain', sa.JSON(), nullable=False),
    sa.Column('marks', sa.JSON(), nullable=False),
    sa.Column('image_key', sa.String(length=200), nullable=False),
    sa.Column('aligned_key', sa.String(length=200), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('duplicate_ballot_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('ballot_id', sa.Integer(), nullable=True),
    sa.Column('receipt', sa.String(length=16), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['ballot_id'], ['ballots.id'], name=op.f('fk_paper_ballot_scans_ballot_id_ballots')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_paper_ballot_scans_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_paper_ballot_scans_decided_by_id_users')),
    sa.ForeignKeyConstraint(['duplicate_ballot_id'], ['ballots.id'], name=op.f('fk_paper_ballot_scans_duplicate_ballot_id_ballots')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['paper_ballot_scans.id'], name=op.f('fk_paper_ballot_scans_duplicate_of_id_paper_ballot_scans')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_paper_ballot_scans_estate_id_estates')),
    sa.ForeignKeyConstraint(['flat_id'], ['flats.id'], name=op.f('fk_paper_ballot_scans_flat_id_flats')),
    sa.ForeignKeyConstraint(['stairwell_id'], ['stairwells.id'], name=op.f('fk_paper_ballot_scans_stairwell_id_stairwells')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_paper_ballot_scans_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_ballot_scans'))
    )
    with op.batch_alter_table('paper_ballot_scans', schema=None) as batch_op:
        batch_op.create_index('ix_paper_ballot_scans_consultation_flat', ['consultation_id', 'flat_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_paper_ballot_scans_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_paper_ballot_scans_stairwell_id'), ['stairwell_id'], unique=False)



def downgrade():
    with op.batch_alter_table('paper_ballot_scans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_paper_ballot_scans_stairwell_id'))
        batch_op.drop_index(batch_op.f('ix_paper_ballot_scans_estate_id'))
        batch_op.drop_index('ix_paper_ballot_scans_consultation_flat')

    op.drop_table('paper_ballot_scans')
