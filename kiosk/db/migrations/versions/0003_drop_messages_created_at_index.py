"""drop ix_messages_created_at (issue 3, item 8)

No query filters or sorts messages by created_at: the inbox reads by account_id, the outbox by
phone, both newest first by id. The index only cost writes: publication-day allocation inserts
two messages per applicant, and this index was 8 MB (6 % of the pages written) at 100,000.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:00:00.000000
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_created_at'))


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_created_at'), ['created_at'], unique=False)
