"""used_car_invoices, other_vehicles and vehicles.vin: 机动车转籍申请, 备案非本人机动车

机动车转籍申请 (seed 002, section 十四) checks the 转入地 against the 二手车销售统一发票 of the sale
(``used_car_invoices``); 备案非本人机动车 (section 十) keeps the vehicles a citizen drives that
are in another person's name (``other_vehicles``), proved by the last 6 characters of the
vehicle's 车辆识别代号 (``vehicles.vin``, NULL for a vehicle whose VIN is not on record).
Demo invoices and VINs come when the demo data is loaded or brought up to date.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 14:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('vin', sa.String(length=17), nullable=True))
        batch_op.create_index(batch_op.f('ix_vehicles_vin'), ['vin'], unique=True)
    op.create_table(
        'used_car_invoices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('invoice_code', sa.String(length=12), nullable=False),
        sa.Column('invoice_no', sa.String(length=8), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('vehicle_id', sa.Integer(), nullable=False),
        sa.Column('plate', sa.String(length=10), nullable=False),
        sa.Column('seller_name', sa.String(length=100), nullable=False),
        sa.Column('seller_id_number', sa.String(length=18), nullable=False),
        sa.Column('buyer_name', sa.String(length=100), nullable=False),
        sa.Column('buyer_id_number', sa.String(length=18), nullable=False),
        sa.Column('price', sa.Integer(), nullable=False),
        sa.Column('dest_prefix', sa.String(length=4), nullable=False),
        sa.Column('voided', sa.Boolean(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.CheckConstraint('price > 0', name=op.f('ck_used_car_invoices_price')),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_used_car_invoices_application_id_applications')),
        sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_used_car_invoices_vehicle_id_vehicles')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_used_car_invoices')),
        sa.UniqueConstraint('invoice_code', 'invoice_no', name=op.f('uq_used_car_invoices_invoice_code')),
    )
    with op.batch_alter_table('used_car_invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_used_car_invoices_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_used_car_invoices_vehicle_id'), ['vehicle_id'], unique=False)
    op.create_table(
        'other_vehicles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('vehicle_id', sa.Integer(), nullable=False),
        sa.Column('plate_kind', sa.String(length=10), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_other_vehicles_account_id_accounts')),
        sa.ForeignKeyConstraint(['application_id'], ['applications.id'],
                                name=op.f('fk_other_vehicles_application_id_applications')),
        sa.ForeignKeyConstraint(['vehicle_id'], ['vehicles.id'], name=op.f('fk_other_vehicles_vehicle_id_vehicles')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_other_vehicles')),
        sa.UniqueConstraint('account_id', 'vehicle_id', name=op.f('uq_other_vehicles_account_id')),
    )
    with op.batch_alter_table('other_vehicles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_other_vehicles_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_other_vehicles_vehicle_id'), ['vehicle_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('other_vehicles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_other_vehicles_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_other_vehicles_account_id'))
    op.drop_table('other_vehicles')
    with op.batch_alter_table('used_car_invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_used_car_invoices_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_used_car_invoices_application_id'))
    op.drop_table('used_car_invoices')
    with op.batch_alter_table('vehicles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicles_vin'))
        batch_op.drop_column('vin')
