"""The hash chain: how an entry's hash is computed from its content.

Each entry's hash is SHA-256 over a version label, the previous entry's hash
and the entry's content as canonical JSON (sorted keys, no spaces, UTF-8).
The first entry follows :data:`GENESIS`. Changing any field of any entry,
removing one, adding one or moving one breaks a link that
:mod:`gdprgate.audit.verify` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64
_LABEL = b"gdprgate audit v1\x1f"


def canonical(content: Mapping[str, Any]) -> bytes:
    """``content`` as canonical JSON bytes."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def entry_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    """The hash of an entry with ``content`` that follows ``prev_hash``."""
    digest = hashlib.sha256(_LABEL)
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\x1f")
    digest.update(canonical(content))
    return digest.hexdigest()
