"""new_vehicles and temporary_plates: 申请新车临时号牌

申请新车临时号牌 (seed 002, section 十五) is for a citizen's new vehicle not yet registered: the
DMV knows it from its 机动车整车出厂合格证 and 购车发票 (``new_vehicles``), and every 临时行驶车号牌
issued for it is kept (``temporary_plates``: at most 3 per vehicle, 公安部令第164号 Art. 54), its
number unique. Demo new vehicles come when the demo data is loaded or brought up to date.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 11:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'new_vehicles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('vin', sa.String(length=17), nullable=False),
        sa.Column('vehicle_type', sa.String(length=40), nullable=False),
        sa.Column('brand', sa.String(length=60), nullable=False),
        sa.Column('model', sa.String(length=60), nullable=False),
        sa.Column('invoice_date', sa.Date(), nullable=False),
        sa.Column('insurance_due', sa.Date(), nullable=False),
        sa.Column('plate_prefix', sa.String(length=4), nullable=False),
        sa.Column('registered_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['owner_id'], ['accounts.id'], name=op.f('fk_new_vehicles_owner_id_accounts')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_new_vehicles')),
        sa.UniqueConstraint('vin', name=op.f('uq_new_vehicles_vin')),
    )
    with op.batch_alter_table('new_vehicles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_new_vehicles_owner_id'), ['owner_id'], unique=False)
    op.create_table(
        'temporary_plates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=10), nullable=False),
        sa.Column('new_vehicle_id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('valid_to', sa.Date(), nullable=False),
        sa.Column('issued_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('valid_to >= valid_from', name=op.f('ck_temporary_plates_validity')),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_temporary_plates_application_id_applications')),
        sa.ForeignKeyConstraint(['new_vehicle_id'], ['new_vehicles.id'],
                                name=op.f('fk_temporary_plates_new_vehicle_id_new_vehicles')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_temporary_plates')),
        sa.UniqueConstraint('number', name=op.f('uq_temporary_plates_number')),
    )
    with op.batch_alter_table('temporary_plates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_temporary_plates_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_temporary_plates_new_vehicle_id'), ['new_vehicle_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('temporary_plates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_temporary_plates_new_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_temporary_plates_application_id'))
    op.drop_table('temporary_plates')
    with op.batch_alter_table('new_vehicles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_new_vehicles_owner_id'))
    op.drop_table('new_vehicles')
