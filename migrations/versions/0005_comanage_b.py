"""co-managing (issue 20, comanage-b): property service rating rounds, the public income
ledger, 片区 with their surveys and spare resources (comments, proposals, one vote per
resident), notices and explainers with who read them.

Revision ID: 0005_comanage_b
Revises: 0004_trust_b
"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005_comanage_b'
down_revision = "0005_comanage_a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('neighbourhoods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('district', sa.String(length=50), nullable=False),
    sa.Column('street', sa.String(length=50), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_neighbourhoods_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_neighbourhoods'))
    )
    op.create_table('neighbourhood_estates',
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_neighbourhood_estates_estate_id_estates')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_neighbourhood_estates_neighbourhood_id_neighbourhoods')),
    sa.PrimaryKeyConstraint('neighbourhood_id', 'estate_id', name=op.f('pk_neighbourhood_estates')),
    sa.UniqueConstraint('estate_id', name=op.f('uq_neighbourhood_estates_estate_id'))
    )
    op.create_table('neighbourhood_surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('template_key', sa.String(length=48), nullable=False),
    sa.Column('closes_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_neighbourhood_surveys_created_by_id_users')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_neighbourhood_surveys_neighbourhood_id_neighbourhoods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_neighbourhood_surveys'))
    )
    with op.batch_alter_table('neighbourhood_surveys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_neighbourhood_surveys_neighbourhood_id'), ['neighbourhood_id'], unique=False)

    op.create_table('notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=True),
    sa.Column('scope_type', sa.String(length=15), nullable=False),
    sa.Column('scope_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_notices_author_id_users')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_notices_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_notices_estate_id_estates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices'))
    )
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notices_consultation_id'), ['consultation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notices_estate_id'), ['estate_id'], unique=False)

    op.create_table('public_income_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('memo', sa.String(length=200), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_public_income_entries_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_public_income_entries_created_by_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_public_income_entries_estate_id_estates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_public_income_entries'))
    )
    with op.batch_alter_table('public_income_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_public_income_entries_estate_id'), ['estate_id'], unique=False)

    op.create_table('service_rating_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_service_rating_rounds_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_service_rating_rounds_estate_id_estates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_rating_rounds')),
    sa.UniqueConstraint('consultation_id', name=op.f('uq_service_rating_rounds_consultation_id')),
    sa.UniqueConstraint('estate_id', 'period', name=op.f('uq_service_rating_rounds_estate_id_period'))
    )
    with op.batch_alter_table('service_rating_rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_rating_rounds_estate_id'), ['estate_id'], unique=False)

    op.create_table('spare_resources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('area_m2', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_spare_resources_created_by_id_users')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_spare_resources_neighbourhood_id_neighbourhoods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spare_resources'))
    )
    with op.batch_alter_table('spare_resources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spare_resources_neighbourhood_id'), ['neighbourhood_id'], unique=False)

    op.create_table('neighbourhood_survey_parts',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_neighbourhood_survey_parts_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_neighbourhood_survey_parts_estate_id_estates')),
    sa.ForeignKeyConstraint(['survey_id'], ['neighbourhood_surveys.id'], name=op.f('fk_neighbourhood_survey_parts_survey_id_neighbourhood_surveys')),
    sa.PrimaryKeyConstraint('survey_id', 'estate_id', name=op.f('pk_neighbourhood_survey_parts')),
    sa.UniqueConstraint('consultation_id', name=op.f('uq_neighbourhood_survey_parts_consultation_id'))
    )
    op.create_table('notice_reads',
    sa.Column('notice_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_notice_reads_notice_id_notices')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notice_reads_user_id_users')),
    sa.PrimaryKeyConstraint('notice_id', 'user_id', name=op.f('pk_notice_reads'))
    )
    op.create_table('resource_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_resource_comments_author_id_users')),
    sa.ForeignKeyConstraint(['resource_id'], ['spare_resources.id'], name=op.f('fk_resource_comments_resource_id_spare_resources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_comments'))
    )
    with op.batch_alter_table('resource_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_comments_resource_id'), ['resource_id'], unique=False)

    op.create_table('resource_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_resource_proposals_proposed_by_id_users')),
    sa.ForeignKeyConstraint(['resource_id'], ['spare_resources.id'], name=op.f('fk_resource_proposals_resource_id_spare_resources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_proposals'))
    )
    with op.batch_alter_table('resource_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_proposals_resource_id'), ['resource_id'], unique=False)

    op.create_table('resource_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resource_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_id'], ['resource_proposals.id'], name=op.f('fk_resource_votes_proposal_id_resource_proposals')),
    sa.ForeignKeyConstraint(['resource_id'], ['spare_resources.id'], name=op.f('fk_resource_votes_resource_id_spare_resources')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_resource_votes_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_votes')),
    sa.UniqueConstraint('resource_id', 'user_id', name=op.f('uq_resource_votes_resource_id_user_id'))
    )
    with op.batch_alter_table('resource_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_votes_resource_id'), ['resource_id'], unique=False)



def downgrade():
    with op.batch_alter_table('resource_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_votes_resource_id'))

    op.drop_table('resource_votes')
    with op.batch_alter_table('resource_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_proposals_resource_id'))

    op.drop_table('resource_proposals')
    with op.batch_alter_table('resource_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_comments_resource_id'))

    op.drop_table('resource_comments')
    op.drop_table('notice_reads')
    op.drop_table('neighbourhood_survey_parts')
    with op.batch_alter_table('spare_resources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_spare_resources_neighbourhood_id'))

    op.drop_table('spare_resources')
    with op.batch_alter_table('service_rating_rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_rating_rounds_estate_id'))

    op.drop_table('service_rating_rounds')
    with op.batch_alter_table('public_income_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_public_income_entries_estate_id'))

    op.drop_table('public_income_entries')
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notices_estate_id'))
        batch_op.drop_index(batch_op.f('ix_notices_consultation_id'))

    op.drop_table('notices')
    with op.batch_alter_table('neighbourhood_surveys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_neighbourhood_surveys_neighbourhood_id'))

    op.drop_table('neighbourhood_surveys')
    op.drop_table('neighbourhood_estates')
    op.drop_table('neighbourhoods')
