"""one phone per registered account, enforced by a partial unique index

``auth.check_phone_free`` refused a phone bound to another registered account, but two kiosks or
counters binding the same number at the same moment could both pass it. The index lets the
database decide.

Accounts that already share a phone (bound before the check existed): the account registered
first keeps it; each later one is unbound (its sign-in codes would reach someone else's phone)
with an audit entry, and at sign-in is sent to a counter for 绑定手机号变更
(kiosk.services.auth: NO_PHONE). Nothing else of those accounts changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 02:50:00.000000
"""

import sqlalchemy as sa
from alembic import op

from kiosk.domain.clock import beijing_now


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_WHERE = sa.text("registered_at IS NOT NULL")


def upgrade() -> None:
    conn = op.get_bind()
    later = conn.execute(sa.text(
        "SELECT a.id, a.phone FROM accounts a WHERE a.registered_at IS NOT NULL AND a.phone IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM accounts b WHERE b.phone = a.phone AND b.registered_at IS NOT NULL "
        "AND (b.registered_at < a.registered_at OR (b.registered_at = a.registered_at AND b.id < a.id))) "
        "ORDER BY a.id")).all()
    now = beijing_now()  # the kiosk keeps 北京时间 whatever the host's zone
    for account_id, phone in later:
        conn.execute(sa.text("UPDATE accounts SET phone = NULL WHERE id = :id"), {"id": account_id})
        conn.execute(sa.text(
            "INSERT INTO audit_log (at, actor, role, terminal_id, account_id, action, detail) "
            "VALUES (:at, 'system', '', 'migration', :id, 'phone_unbound', :detail)"),
            {"at": now, "id": account_id,
             "detail": f"手机号{phone[:3]}****{phone[-4:]}已绑定先注册的账户，本账户解除绑定，须到窗口办理绑定手机号变更"})
    op.create_index('uq_accounts_registered_phone', 'accounts', ['phone'], unique=True,
                    sqlite_where=_WHERE, postgresql_where=_WHERE)


def downgrade() -> None:
    op.drop_index('uq_accounts_registered_phone', table_name='accounts')
