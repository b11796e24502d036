"""photo_files: the bytes of the photos the terminals store, shared through the database

A photo a citizen supplies for the e-licence is copied under the kiosk's data_dir/photos, and
``photo_submissions.file_path`` / ``driving_licences.photo`` name that copy. A hall whose
terminals share one database on several machines could not read it anywhere else: the counter
reviewing it showed （无法读取照片）, another kiosk showed the card （无照片）. The bytes are now kept
in the database as well, by the file's name. Photos stored before this revision are copied in
from the machine that runs the upgrade, where their files are.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 14:00:00.000000
"""
from pathlib import Path

import sqlalchemy as sa
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        'photo_files',
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_photo_files')),
    )
    conn = op.get_bind()
    stored = {p for (p,) in conn.execute(sa.text("SELECT file_path FROM photo_submissions"))}
    stored |= {p for (p,) in conn.execute(sa.text("SELECT photo FROM driving_licences WHERE photo IS NOT NULL"))}
    files = {Path(p).name: Path(p) for p in stored if p and Path(p).is_absolute() and Path(p).is_file()}
    for name, path in sorted(files.items()):  # one at a time: a hall's photos need not fit in memory at once
        conn.execute(table.insert().values(name=name, data=path.read_bytes()))


def downgrade() -> None:
    op.drop_table('photo_files')
