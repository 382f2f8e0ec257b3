"""The checkpoint signing key: Ed25519, kept in a file outside the database.

Whoever can write the database cannot forge a checkpoint without this key.
The file holds the base64 of the 32-byte private seed, mode 0600, created on
first use. Reviewers can verify with the public key alone (``audit
public-key`` prints it).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from gdprgate.errors import ConfigError

SIGNING_KEY_FILE = "audit-signing.key"
_SEED_BYTES = 32


def checkpoint_message(seq: int, entry_hash: str, created_at: datetime) -> bytes:
    """The bytes a checkpoint signature covers."""
    return (
        f"gdprgate audit checkpoint v1\x1f{seq}\x1f{entry_hash}\x1f"
        f"{created_at.isoformat(timespec='microseconds')}"
    ).encode("ascii")


@dataclass(frozen=True)
class Verifier:
    """Checks checkpoint signatures with a public key."""

    public_key: Ed25519PublicKey

    @classmethod
    def from_text(cls, text: str) -> Verifier:
        """A verifier from the base64 public key ``audit public-key`` prints."""
        raw = _b64(text.strip(), "the public key")
        try:
            return cls(Ed25519PublicKey.from_public_bytes(raw))
        except ValueError:
            msg = "the public key must be the base64 of 32 bytes"
            raise ConfigError(msg) from None

    @property
    def key_id(self) -> str:
        """A short fingerprint of the public key, stored with each checkpoint."""
        return hashlib.sha256(self.public_bytes).hexdigest()[:16]

    @property
    def public_bytes(self) -> bytes:
        return self.public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def public_text(self) -> str:
        return base64.b64encode(self.public_bytes).decode("ascii")

    def verify(self, signature: str, message: bytes) -> bool:
        """Whether ``signature`` (base64) signs ``message`` under this key."""
        try:
            self.public_key.verify(base64.b64decode(signature, validate=True), message)
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True


class Signer(Verifier):
    """Signs checkpoints; also verifies them."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        super().__init__(private_key.public_key())
        self._private = private_key

    def sign(self, message: bytes) -> str:
        """The base64 signature of ``message``."""
        return base64.b64encode(self._private.sign(message)).decode("ascii")


def load_signer(path: Path) -> Signer:
    """The signing key in ``path``, created (mode 0600) when missing.

    A file others can read is refused: anyone holding the key can forge
    checkpoints.
    """
    if not path.exists():
        _create(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        msg = f"{path} is readable by others (mode {mode:o}); run chmod 600 on it"
        raise ConfigError(msg)
    seed = _b64(path.read_text(encoding="ascii").strip(), str(path))
    if len(seed) != _SEED_BYTES:
        msg = f"{path} must hold a base64-encoded {_SEED_BYTES}-byte Ed25519 key"
        raise ConfigError(msg)
    return Signer(Ed25519PrivateKey.from_private_bytes(seed))


def _create(path: Path) -> None:
    # Written aside and linked into place, so that a second process starting
    # at the same moment sees either no file or a whole one.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    encoded = base64.b64encode(secrets.token_bytes(_SEED_BYTES)).decode("ascii")
    aside = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(encoded + "\n")
        os.link(aside, path)
    except FileExistsError:
        pass  # another process created it first; use theirs
    finally:
        aside.unlink()


def _b64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        msg = f"{where} is not valid base64"
        raise ConfigError(msg) from None
