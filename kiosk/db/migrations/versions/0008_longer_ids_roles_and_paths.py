"""columns wide enough for what the kiosk writes: role lists, terminal ids, photo paths

PostgreSQL refuses a value longer than its varchar (SQLite ignores the length), so on a shared
PostgreSQL database:

- ``audit_log.role`` (20) took the roles of a staff member joined by commas: the admin A0001
  (``admin,counter,review,exam_admin``, 31 characters) could not sign in at all. Now 100 (every
  role together is 38).
- ``terminals.id``, ``applications.terminal_id`` and ``audit_log.terminal_id`` (40) took the
  terminal's name (default ``kiosk-<hostname>``; a host name alone may be 64 characters): the kiosk
  stopped at start-up. Now 100, the maximum ``kiosk`` checks at start-up.
- ``driving_licences.photo`` (200) and ``photo_submissions.file_path`` (300) took the absolute
  path of a photo under the data folder, as long as that folder's path is. Now TEXT.

On PostgreSQL each change is an ALTER COLUMN TYPE that only widens (no table rewrite). On SQLite
batch mode rebuilds the tables (kiosk.db.migrate turns foreign keys off meanwhile, as SQLite
asks for such a rebuild, and checks them afterwards); the rebuilt audit_log gets its
append-only triggers again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 12:00:00.000000
"""
import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# (table, column, old type, new type, nullable)
CHANGES = (
    ('audit_log', 'role', sa.String(length=20), sa.String(length=100), False),
    ('audit_log', 'terminal_id', sa.String(length=40), sa.String(length=100), False),
    ('applications', 'terminal_id', sa.String(length=40), sa.String(length=100), False),
    ('terminals', 'id', sa.String(length=40), sa.String(length=100), False),
    ('driving_licences', 'photo', sa.String(length=200), sa.Text(), True),
    ('photo_submissions', 'file_path', sa.String(length=300), sa.Text(), False),
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _audit_triggers() -> None:
    """As migration 0001 made them: a batch rebuild of audit_log on SQLite drops its triggers."""
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb.lower()}")
        op.execute(f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                   "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")


def _alter(widen: bool) -> None:
    tables = dict.fromkeys(table for table, *_ in CHANGES)
    for table in tables:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, column, old, new, nullable in CHANGES:
                if name != table:
                    continue
                extra = {}
                if not widen and not _sqlite():  # values longer than the old width are cut to it
                    extra["postgresql_using"] = f"left({column}, {old.length})"
                batch_op.alter_column(column, existing_type=old if widen else new, type_=new if widen else old,
                                      existing_nullable=nullable, **extra)
    if _sqlite():
        _audit_triggers()


def upgrade() -> None:
    _alter(widen=True)


def downgrade() -> None:
    _alter(widen=False)
