"""plate_selections, new_vehicles.plate_kind and fuel: 新车选号 and 在用车选号

新车选号 (seed 002, section 十二) is for a citizen's new car of the kinds 小型汽车, 小型新能源汽车
and 大型新能源汽车: ``new_vehicles`` now says its 号牌种类 (rows from before: 小型汽车, what the demo's
new car is) and its 燃料种类 (a new-energy number has D for 纯电动, F otherwise; rows from before:
汽油). Every number chosen, for a new car or by 在用车选号 (section 十三) for a registered one, is
kept in ``plate_selections``: one per car, each number once.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 14:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('new_vehicles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plate_kind', sa.String(length=20), server_default='小型汽车', nullable=False))
        batch_op.add_column(sa.Column('fuel', sa.String(length=20), server_default='汽油', nullable=False))
    op.create_table(
        'plate_selections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=10), nullable=False),
        sa.Column('new_vehicle_id', sa.Integer(), nullable=True),
        sa.Column('vehicle_id', sa.Integer(), nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('business', sa.String(length=20), nullable=False),
        sa.Column('way', sa.String(length=10), nullable=False),
        sa.Column('chosen_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('(new_vehicle_id IS NULL) <> (vehicle_id IS NULL)',
                           name=op.f('ck_plate_selections_one_car')),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_plate_selections_application_id_applications')),
        sa.ForeignKeyConstraint(['new_vehicle_id'], ['new_vehicles.id'],
                                name=op.f('fk_plate_selections_new_vehicle_id_new_vehicles')),
        sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'],
                                name=op.f('fk_plate_selections_vehicle_id_vehicles')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plate_selections')),
        sa.UniqueConstraint('number', name=op.f('uq_plate_selections_number')),
        sa.UniqueConstraint('new_vehicle_id', name=op.f('uq_plate_selections_new_vehicle_id')),
        sa.UniqueConstraint('vehicle_id', name=op.f('uq_plate_selections_vehicle_id')),
    )
    with op.batch_alter_table('plate_selections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plate_selections_application_id'), ['application_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plate_selections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plate_selections_application_id'))
    op.drop_table('plate_selections')
    with op.batch_alter_table('new_vehicles', schema=None) as batch_op:
        batch_op.drop_column('fuel')
        batch_op.drop_column('plate_kind')
