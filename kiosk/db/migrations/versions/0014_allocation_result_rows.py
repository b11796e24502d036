"""notices.status: an allocation result's 网办进度 entry is read from its inbox message

Publication day wrote, per applicant, a 网办进度 timeline entry, an inbox message and an SMS
(issue 3, item 8: 100,000 applicants in 1 s). Now it writes one row: the inbox message, which keeps
the phone its SMS went to (the outbox shows it as that SMS), and whose notice carries the status
of the timeline entry (预约成功 / 未安排): kiosk.services.applications reads the entry from it.
Rows written before keep their own SMS and timeline rows (their notices have no status).

Downgrade gives every such message its SMS row and its timeline entry back (appended: after any
entry written later), then drops the column.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 14:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

_RESULTS = ("FROM messages m JOIN notices n ON n.id = m.notice_id "
            "WHERE m.channel = 'inbox' AND n.status IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=20), nullable=True))


def downgrade() -> None:
    op.execute("INSERT INTO application_events (application_id, at, status, note, notice_id) "
               "SELECT a.id, m.created_at, n.status, '', n.id "
               f"{_RESULTS.replace('WHERE', 'JOIN applications a ON a.serial_no = m.ref AND a.account_id = m.account_id WHERE')} "
               "ORDER BY m.id")
    op.execute("INSERT INTO messages (channel, account_id, phone, title, body, created_at) "
               "SELECT 'sms', m.account_id, m.phone, '', '【交管12123】' || n.head || COALESCE(m.ref, '') || n.tail, "
               f"m.created_at {_RESULTS} AND m.phone IS NOT NULL ORDER BY m.id")
    op.execute("UPDATE messages SET phone = NULL WHERE channel = 'inbox'")
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_column('status')
