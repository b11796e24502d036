"""notices: the text of a bulk notification stored once, referred to by its messages and timeline entries

Publication day sends 100,000s of results made of a few thousand texts (one per session, one per
reason). Each inbox message and SMS kept its own copy (about 270 bytes, twice per applicant) and
each 网办进度 entry another. Now the text is one ``notices`` row; a message keeps the serial
number (``ref``) that goes inside it, a timeline entry only the reference. Rows written before keep
their own text (``notice_id`` NULL).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 00:30:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=100), nullable=False),
        sa.Column('head', sa.String(length=200), nullable=False),
        sa.Column('tail', sa.String(length=400), nullable=False),
        sa.Column('note', sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notices')),
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('ref', sa.String(length=24), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_messages_notice_id_notices'), 'notices', ['notice_id'], ['id'])
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_application_events_notice_id_notices'), 'notices',
                                    ['notice_id'], ['id'])


def downgrade() -> None:
    # the rows that referred to a notice get their own copy of its text back
    op.execute("UPDATE messages SET title = (SELECT title FROM notices WHERE notices.id = messages.notice_id), "
               "body = (SELECT head || COALESCE(messages.ref, '') || tail FROM notices "
               "WHERE notices.id = messages.notice_id) WHERE notice_id IS NOT NULL")
    op.execute("UPDATE application_events SET note = (SELECT note FROM notices "
               "WHERE notices.id = application_events.notice_id) WHERE notice_id IS NOT NULL")
    with op.batch_alter_table('application_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_application_events_notice_id_notices'), type_='foreignkey')
        batch_op.drop_column('notice_id')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_messages_notice_id_notices'), type_='foreignkey')
        batch_op.drop_column('ref')
        batch_op.drop_column('notice_id')
    op.drop_table('notices')
