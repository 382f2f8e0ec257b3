"""A bounded cache of findings, keyed by digests and never by text."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from gdprgate.detect.finding import Finding


def cache_key(language: str, text: str, fingerprint: str, scope: str = "") -> bytes:
    """A sha256 digest of the language, the configuration, the text and the
    scope (a tenant: its texts are never answered from another's entries).

    Each part is length-prefixed so two different tuples never hash the same
    bytes. The digest, not the text, is what the cache holds.
    """
    digest = hashlib.sha256()
    for part in (language, fingerprint, text, scope):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.digest()


class FindingsCache:
    """A thread-safe LRU from digest to findings; size 0 turns it off."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get(self, key: bytes) -> tuple[Finding, ...] | None:
        """The findings stored under ``key``, marking them recently used."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: bytes, findings: tuple[Finding, ...]) -> None:
        """Store findings, evicting the least recently used beyond the size."""
        if self.maxsize <= 0:
            return

        with self._lock:
            self._entries[key] = findings
            self._entries.move_to_end(key)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
