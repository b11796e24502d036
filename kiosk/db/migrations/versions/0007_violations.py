"""violations: traffic violations recorded against a vehicle, unhandled until handled_at is set

补领检验合格标志 is refused while the vehicle has an unhandled violation (seed 002, RULES.md
"inspection mark needs valid 交强险 and handled violations"). Demo vehicles get theirs when the
demo data is loaded or brought up to date (kiosk.services.demo.after_upgrade).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'violations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vehicle_id', sa.Integer(), nullable=False),
        sa.Column('occurred_at', sa.DateTime(), nullable=False),
        sa.Column('place', sa.String(length=100), nullable=False),
        sa.Column('behaviour', sa.String(length=100), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('fine', sa.Integer(), nullable=False),
        sa.Column('handled_at', sa.DateTime(), nullable=True),
        sa.CheckConstraint('points >= 0 AND fine >= 0', name=op.f('ck_violations_points_and_fine')),
        sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_violations_vehicle_id_vehicles')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_violations')),
    )
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_violations_vehicle_id'), ['vehicle_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_violations_vehicle_id'))
    op.drop_table('violations')
