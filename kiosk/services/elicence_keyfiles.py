"""Where the e-licence's signing keys live: PEM files of a folder (KeyStore). The key a terminal
signs its QR codes with (kiosk.services.elicence_codec.encode) and the public keys it verifies
them with (decode_and_verify's keyring)."""
from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .elicence_codec import key_id_of
from .files import private_folder


class KeyStore:
    """Ed25519 signing keys as PEM files in ``directory`` (a private key never goes into a database;
    kiosk.services.elicence_keys registers the public one there for the other terminals).

    Files: ``<kid>.key.pem`` (PKCS#8 private key, mode 0600), ``<kid>.pub.pem`` (public key)
    and ``current`` (the kid used for signing). A key pair is created on first use;
    :meth:`rotate` adds a new one. Old public keys stay in :meth:`keyring`, so codes signed
    with a rotated key still verify.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    # -- signing side
    def private_key(self) -> Ed25519PrivateKey:
        return self._current()[1]

    @property
    def key_id(self) -> str:
        return self._current()[0]

    def rotate(self) -> str:
        """Create a new key pair, make it current and return its key id."""
        return self._create()

    def export_public_pem(self) -> str:
        return self._public_pem(self.private_key().public_key()).decode("ascii")

    # -- verifying side
    def keyring(self) -> dict[str, Ed25519PublicKey]:
        ring: dict[str, Ed25519PublicKey] = {}
        if not self.directory.is_dir():
            return ring
        for path in sorted(self.directory.glob("*.pem")):
            try:
                data = path.read_bytes()
                if path.name.endswith(".key.pem"):
                    key = serialization.load_pem_private_key(data, password=None).public_key()
                else:
                    key = serialization.load_pem_public_key(data)
            except (OSError, ValueError, TypeError):
                continue  # unreadable or foreign file: skip it
            if isinstance(key, Ed25519PublicKey):
                ring[key_id_of(key)] = key
        return ring

    # -- internals
    @staticmethod
    def _public_pem(key: Ed25519PublicKey) -> bytes:
        return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)

    def _current(self) -> tuple[str, Ed25519PrivateKey]:
        pointer = self.directory / "current"
        if not pointer.exists():
            self._create()
        kid = pointer.read_text(encoding="ascii").strip()
        data = (self.directory / f"{kid}.key.pem").read_bytes()
        key = serialization.load_pem_private_key(data, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{kid}.key.pem is not an Ed25519 private key")
        return kid, key

    def _create(self) -> str:
        private_folder(self.directory)
        key = Ed25519PrivateKey.generate()
        kid = key_id_of(key.public_key())
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd = os.open(self.directory / f"{kid}.key.pem", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        (self.directory / f"{kid}.pub.pem").write_bytes(self._public_pem(key.public_key()))
        tmp = self.directory / f"current.{os.getpid()}.tmp"
        tmp.write_text(kid + "\n", encoding="ascii")
        os.replace(tmp, self.directory / "current")
        return kid
