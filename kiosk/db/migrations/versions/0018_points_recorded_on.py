"""driving_licences.points_recorded_on: the day the points were last recorded or changed

The licence holds one number of points; this day tells which 记分周期 they belong to, so that a new
cycle starts from 0 (L163 Art 15: below 12 and no 违法未处理, the points of an ended cycle are
cleared; kiosk.domain.points.points_now). Licences from before this revision get None: the kiosk
does not know when their points were recorded and counts them as the current cycle's, as before.
New demo data records its points on the day it is loaded.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 11:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('driving_licences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('points_recorded_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('driving_licences', schema=None) as batch_op:
        batch_op.drop_column('points_recorded_on')
