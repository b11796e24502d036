"""vehicles.transfer_in_on and transfer_in_kind: the day and the kind of the 过户 or 转入 that put the car in its owner's name

在用车选号 (本地二手车过户选号, 异地转（迁）入选号) is for a car that came to its owner by a 转移登记 in
the city (过户) or from another city (转入), and keeping its number counts from that day. The kiosk
took the day as the citizen typed it, so a car registered new in its owner's name (no transfer)
got a new number. The record now says it: kind 过户 or 转入 and the day; None for a car with no
transfer on record (registered new to its owner, or from before this revision: not known), which
在用车选号 refuses (该车没有过户或转入记录).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 10:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transfer_in_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('transfer_in_kind', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.drop_column('transfer_in_kind')
        batch_op.drop_column('transfer_in_on')
