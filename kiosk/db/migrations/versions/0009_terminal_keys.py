"""terminal_keys: the public e-licence signing key of every terminal on this database

Each terminal signs e-licence codes with its own Ed25519 key (files in <data dir>/keys). A
verifier on another machine trusted only the keys in its own folder, so a counter refused the
codes a citizen kiosk showed (未知的签发密钥). Terminals now register the PUBLIC half of their
key here when they first sign with it, and verify against their folder and this table
(kiosk.services.elicence_keys). Private keys are never stored in the database.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'terminal_keys',
        sa.Column('key_id', sa.String(length=8), nullable=False),
        sa.Column('public_key', sa.String(length=200), nullable=False),
        sa.Column('terminal_id', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key_id', name=op.f('pk_terminal_keys')),
    )


def downgrade() -> None:
    op.drop_table('terminal_keys')
