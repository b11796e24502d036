"""vehicles: 初次登记日期 (registered_on) and 使用性质 (use_nature)

免检车申领检验标志 (seed 002, section 九) is for a 非营运小微型载客汽车 in the 6th and the 10th
year from its first registration (kiosk.domain.inspection_exempt), so a vehicle now carries both.

Rows from before: ``use_nature`` becomes 非营运 (the server default: the vehicles of citizens are
private cars, and a truck or a bus is refused by its type anyway); ``registered_on`` stays NULL,
"not on record", rather than a made-up date: such a vehicle is sent to an inspection station.
Demo vehicles get theirs when the demo data is brought up to date (kiosk.services.demo.after_upgrade).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 09:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registered_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('use_nature', sa.String(length=10), server_default='非营运', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.drop_column('use_nature')
        batch_op.drop_column('registered_on')
