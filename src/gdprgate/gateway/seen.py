"""Findings of request texts this gateway has read before.

A conversation is sent again in full on every turn. :class:`SeenTexts`
answers texts a tenant sent before from memory, without a detector call
(its thread hand-off, digest and cache lock), and hands the detector only
the others, in one batch, scoped to the tenant (so the detector's cache
does not answer one tenant's text from another's entry either).

Texts are remembered by a keyed digest (BLAKE2b under a random key of this
process) of the tenant and the text, never by their content or an unkeyed
hash of it. What is kept are findings (offsets, types, scores), as in the
detector's own cache. A tenant's texts are remembered apart from another's.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence

from gdprgate.detect import Finding
from gdprgate.protect.output import Analyzer

DEFAULT_SIZE = 8192


class SeenTexts:
    """A bounded, thread-safe memory of the findings of texts; 0 turns it off."""

    def __init__(self, maxsize: int = DEFAULT_SIZE) -> None:
        self.maxsize = maxsize
        self._key = secrets.token_bytes(32)
        self._entries: OrderedDict[bytes, tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def analyze(
        self, detector: Analyzer, tenant: str, texts: Sequence[str]
    ) -> list[list[Finding]]:
        """The findings of each text: those remembered for ``tenant``, and the
        detector's for the rest (one call for all; none when all are known).

        Errors of the detector pass through and nothing is remembered.
        """
        scope = self._scope(tenant)
        digests = [self._digest(scope, text) for text in texts]
        found = self._recall(digests)
        missing = [index for index, known in enumerate(found) if known is None]
        if missing:
            fresh = detector.analyze_batch(
                [texts[index] for index in missing], scope=tenant
            )
            for index, findings in zip(missing, fresh, strict=True):
                found[index] = tuple(findings)
            self._remember({digests[index]: found[index] for index in missing})
        return [list(findings or ()) for findings in found]

    def clear(self) -> None:
        """Forget every text."""
        with self._lock:
            self._entries.clear()

    def _scope(self, tenant: str) -> bytes:
        data = tenant.encode("utf-8", "surrogatepass")
        return len(data).to_bytes(4, "big") + data

    def _digest(self, scope: bytes, text: str) -> bytes:
        digest = hashlib.blake2b(key=self._key, digest_size=16)
        digest.update(scope)
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def _recall(self, digests: Sequence[bytes]) -> list[tuple[Finding, ...] | None]:
        with self._lock:
            found = [self._entries.get(digest) for digest in digests]
            for digest, known in zip(digests, found, strict=True):
                if known is not None:
                    self._entries.move_to_end(digest)
        return found

    def _remember(self, fresh: dict[bytes, tuple[Finding, ...] | None]) -> None:
        if self.maxsize <= 0:
            return
        with self._lock:
            for digest, findings in fresh.items():
                if findings is not None:
                    self._entries[digest] = findings
                    self._entries.move_to_end(digest)
            while len(self._entries) > self.maxsize:
                self._entries.popitem(last=False)
