"""staff.must_change_password: a password set by an admin is a temporary one

A staff account made in 工作人员账户 (新建账户), or whose password an admin reset there (重置密码),
signs in with a password the admin knows: at its next sign-in the clerk sets their own before the
counter's workbench opens (kiosk.services.staff_password). Accounts that exist before this revision
(the demo's among them) are not made to: the column is false for them, as for every account made
otherwise (the demo data, ``kiosk staff add``).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 16:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
