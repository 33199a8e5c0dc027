"""co-planning, part a (issue 19): residents' applications and their support, the street's
reserve and annual plans, plan versions with sections and comments, heritage reviews, and
the heritage flag of buildings.

- application_supports: one support per flat (unique application_id, flat_id).
- uq_applications_live: one live application per estate.
- annual_plan_entries: an estate is planned once (unique estate_id); the plan's capacity is
  kept by a row lock in the service.

Revision ID: 0005_coplan_a
Revises: 0004_trust_b
"""
import sqlalchemy as sa
from alembic import op


revision = "0005_coplan_a"
down_revision = "0004_trust_b"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('annual_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('district', sa.String(length=50), nullable=False),
    sa.Column('capacity_cents', sa.BigInteger(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_annual_plans_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_plans')),
    sa.UniqueConstraint('year', 'district', name=op.f('uq_annual_plans_year_district'))
    )
    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('status', sa.Enum('collecting', 'submitted', name='applicationstatus', native_enum=False, length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_support', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_applications_estate_id_estates')),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_applications_started_by_id_users')),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['users.id'], name=op.f('fk_applications_submitted_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications'))
    )
    with op.batch_alter_table('applications') as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index('uq_applications_live', ['estate_id'], unique=True, postgresql_where=sa.text("status IN ('collecting', 'submitted')"), sqlite_where=sa.text("status IN ('collecting', 'submitted')"))
    op.create_table('heritage_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=64), nullable=False),
    sa.Column('decision', sa.Enum('approved', 'refused', name='reviewdecision', native_enum=False, length=10), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_heritage_reviews_estate_id_estates')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_heritage_reviews_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_heritage_reviews')),
    sa.UniqueConstraint('estate_id', 'item_code', name=op.f('uq_heritage_reviews_estate_id_item_code'))
    )
    op.create_table('plan_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('item_codes', sa.JSON(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('publicity_started_at', sa.DateTime(), nullable=True),
    sa.Column('publicity_days', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_plan_versions_author_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_plan_versions_estate_id_estates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_versions')),
    sa.UniqueConstraint('estate_id', 'number', name=op.f('uq_plan_versions_estate_id_number'))
    )
    with op.batch_alter_table('plan_versions') as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_versions_estate_id'), ['estate_id'], unique=False)
    op.create_table('annual_plan_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('cost_cents', sa.BigInteger(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_annual_plan_entries_added_by_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_annual_plan_entries_estate_id_estates')),
    sa.ForeignKeyConstraint(['plan_id'], ['annual_plans.id'], name=op.f('fk_annual_plan_entries_plan_id_annual_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_plan_entries')),
    sa.UniqueConstraint('estate_id', name=op.f('uq_annual_plan_entries_estate_id'))
    )
    with op.batch_alter_table('annual_plan_entries') as batch_op:
        batch_op.create_index(batch_op.f('ix_annual_plan_entries_plan_id'), ['plan_id'], unique=False)
    op.create_table('plan_sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_plan_sections_estate_id_estates')),
    sa.ForeignKeyConstraint(['version_id'], ['plan_versions.id'], name=op.f('fk_plan_sections_version_id_plan_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_sections')),
    sa.UniqueConstraint('version_id', 'key', name=op.f('uq_plan_sections_version_id_key'))
    )
    with op.batch_alter_table('plan_sections') as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_sections_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_sections_version_id'), ['version_id'], unique=False)
    op.create_table('reserve_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('estimated_cost_cents', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('added_by_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_reserve_entries_added_by_id_users')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_reserve_entries_application_id_applications')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_reserve_entries_estate_id_estates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reserve_entries')),
    sa.UniqueConstraint('estate_id', name=op.f('uq_reserve_entries_estate_id'))
    )
    op.create_table('plan_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('quote', sa.String(length=500), nullable=False),
    sa.Column('body', sa.String(length=2000), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('answer', sa.String(length=2000), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_plan_comments_answered_by_id_users')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_plan_comments_author_id_users')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_plan_comments_estate_id_estates')),
    sa.ForeignKeyConstraint(['section_id'], ['plan_sections.id'], name=op.f('fk_plan_comments_section_id_plan_sections')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_comments'))
    )
    with op.batch_alter_table('plan_comments') as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_comments_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_comments_section_id'), ['section_id'], unique=False)
    op.create_table('application_supports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estate_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('flat_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_supports_application_id_applications')),
    sa.ForeignKeyConstraint(['estate_id'], ['estates.id'], name=op.f('fk_application_supports_estate_id_estates')),
    sa.ForeignKeyConstraint(['flat_id'], ['flats.id'], name=op.f('fk_application_supports_flat_id_flats')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_application_supports_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_supports')),
    sa.UniqueConstraint('application_id', 'flat_id', name=op.f('uq_application_supports_application_id_flat_id'))
    )
    with op.batch_alter_table('application_supports') as batch_op:
        batch_op.create_index(batch_op.f('ix_application_supports_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_supports_estate_id'), ['estate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_supports_flat_id'), ['flat_id'], unique=False)
    with op.batch_alter_table('buildings') as batch_op:
        batch_op.add_column(sa.Column('heritage', sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table('buildings') as batch_op:
        batch_op.drop_column('heritage')
    with op.batch_alter_table('application_supports') as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_supports_flat_id'))
        batch_op.drop_index(batch_op.f('ix_application_supports_estate_id'))
        batch_op.drop_index(batch_op.f('ix_application_supports_application_id'))
    op.drop_table('application_supports')
    with op.batch_alter_table('plan_comments') as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_comments_section_id'))
        batch_op.drop_index(batch_op.f('ix_plan_comments_estate_id'))
    op.drop_table('plan_comments')
    op.drop_table('reserve_entries')
    with op.batch_alter_table('plan_sections') as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_sections_version_id'))
        batch_op.drop_index(batch_op.f('ix_plan_sections_estate_id'))
    op.drop_table('plan_sections')
    with op.batch_alter_table('annual_plan_entries') as batch_op:
        batch_op.drop_index(batch_op.f('ix_annual_plan_entries_plan_id'))
    op.drop_table('annual_plan_entries')
    with op.batch_alter_table('plan_versions') as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_versions_estate_id'))
    op.drop_table('plan_versions')
    op.drop_table('heritage_reviews')
    with op.batch_alter_table('applications') as batch_op:
        batch_op.drop_index('uq_applications_live', postgresql_where=sa.text("status IN ('collecting', 'submitted')"), sqlite_where=sa.text("status IN ('collecting', 'submitted')"))
        batch_op.drop_index(batch_op.f('ix_applications_estate_id'))
    op.drop_table('applications')
    op.drop_table('annual_plans')
