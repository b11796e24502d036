"""learner permits and bookings carry the city of their 发证机关 (exam sites of that city only)

A learner is examined by the DMV of the city that accepted the application: a Chongqing learner
books Chongqing sites, not those of 连云港. NULL (rows from before, tests' learners) keeps the
old behaviour: every site.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 23:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('learner_permits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('city', sa.String(length=20), nullable=True))
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('city', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_column('city')
    with op.batch_alter_table('learner_permits', schema=None) as batch_op:
        batch_op.drop_column('city')
