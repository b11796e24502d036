"""Electronic driving licence tables (issue 4). Imported at the bottom of kiosk.db.models.

``electronic_licences``: one row per account; ``state`` applied / issued / needs_reapply /
rejected. The snapshot columns keep the class, validity and issuing authority at issue time
(a change forces a re-application). ``photo_submissions``: every photo a citizen supplied
(camera, album/file, or the stored ID-card photo), with the automatic check results and the
staff review; ``photo_files``: the bytes of the photos they stored. ``terminal_keys``: the PUBLIC
half of every terminal's e-licence signing key, so that terminals sharing the database verify each
other's codes (kiosk.services.elicence_keys); private keys never leave the files under data_dir/keys.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ElectronicLicence(Base):
    __tablename__ = "electronic_licences"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), unique=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("driving_licences.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    classes: Mapped[str | None] = mapped_column(String(40))  # snapshot at issue
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    issuing_authority: Mapped[str | None] = mapped_column(String(100))
    reapply_reason: Mapped[str | None] = mapped_column(String(200))
    applied_at: Mapped[datetime]
    issued_at: Mapped[datetime | None]
    __table_args__ = (
        CheckConstraint("state IN ('applied', 'issued', 'needs_reapply', 'rejected')", name="state"),
    )


class PhotoFile(Base):
    """The bytes of a photo a terminal stored under its data_dir/photos, by that file's name
    (migration 0016): a terminal sharing the database but not the folder (the hall's counter that
    reviews it, another kiosk showing the card) reads the photo from here (services.photos.read)."""
    __tablename__ = "photo_files"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class PhotoSubmission(Base):
    __tablename__ = "photo_submissions"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(10))  # apply / change
    source: Mapped[str] = mapped_column(String(10))  # id_card / upload / camera
    file_path: Mapped[str] = mapped_column(Text)  # under data_dir/photos: as long as the data folder's path
    width: Mapped[int] = mapped_column(default=0)
    height: Mapped[int] = mapped_column(default=0)
    checks: Mapped[list] = mapped_column(default=list)  # check results shown to the reviewer
    state: Mapped[str] = mapped_column(String(10), index=True)  # pending / approved / rejected
    submitted_at: Mapped[datetime]
    reviewed_at: Mapped[datetime | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (
        CheckConstraint("source IN ('id_card', 'upload', 'camera')", name="source"),
        CheckConstraint("state IN ('pending', 'approved', 'rejected')", name="state"),
        CheckConstraint("purpose IN ('apply', 'change')", name="purpose"),
    )


class TerminalKey(Base):
    """A terminal's e-licence verification key: ``key_id`` (8 hex, as in the codes) and the Ed25519
    public key as PEM (SubjectPublicKeyInfo, what ``kiosk elicence export-key`` prints). Written by
    the terminal itself when it first signs with the key; read by every verifier on the database."""
    __tablename__ = "terminal_keys"
    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(200))
    terminal_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
