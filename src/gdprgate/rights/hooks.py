"""Deletion hooks: telling the other systems that must erase too
(Art. 17(2), Art. 19).

An HTTP hook gets ``POST`` with a JSON body and the header
``X-Gdprgate-Signature: t=<unix time>,v1=<hex HMAC-SHA256>`` computed over
``"<t>." + body`` with the secret from the hook's ``secret_env`` variable;
any 2xx answer confirms. A Python hook (``entry_point``) is called with the
body as a dict; returning without an exception (and not ``False``) confirms.
Each hook is tried a few times with growing pauses; what is still not
confirmed is tried again by ``gdprgate rights hooks``.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import sqlalchemy as sa

from gdprgate.policy import DeletionHook
from gdprgate.store import Database, rights_hook_calls

logger = logging.getLogger("gdprgate.rights")

SIGNATURE_HEADER = "x-gdprgate-signature"


class HookFailed(Exception):
    """A hook did not confirm; ``reason`` is a short code, never a value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def sign(secret: bytes, body: bytes, timestamp: int) -> str:
    """The signature header value for ``body`` sent at ``timestamp``."""
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret, message, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(secret: bytes, body: bytes, header: str) -> bool:
    """Whether ``header`` is a valid signature of ``body`` (for receivers)."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp = parts.get("t", "")
    if not timestamp.isdigit():
        return False
    expected = sign(secret, body, int(timestamp))
    return hmac.compare_digest(expected, header.strip())


@dataclass
class HookOptions:
    """How hard to try: attempts per run, first pause (doubling), timeout."""

    attempts: int = 3
    backoff: float = 0.5
    timeout: float = 10.0
    environ: Mapping[str, str] | None = None
    sleep: Callable[[float], None] = time.sleep


def call_hook(hook: DeletionHook, notice: dict[str, Any], options: HookOptions) -> None:
    """Call one hook once; raise :class:`HookFailed` unless it confirms."""
    if hook.entry_point is not None:
        _call_entry_point(hook.entry_point, notice)
        return
    assert hook.url is not None
    assert hook.secret_env is not None
    environ = os.environ if options.environ is None else options.environ
    secret = environ.get(hook.secret_env)
    if not secret:
        raise HookFailed("missing_secret")
    body = json.dumps(notice, sort_keys=True, separators=(",", ":")).encode()
    headers = {
        "content-type": "application/json",
        SIGNATURE_HEADER: sign(secret.encode(), body, int(time.time())),
    }
    try:
        answer = httpx.post(
            hook.url, content=body, headers=headers, timeout=options.timeout
        )
    except httpx.TimeoutException:
        raise HookFailed("timeout") from None
    except httpx.HTTPError:
        raise HookFailed("connect_error") from None
    if not 200 <= answer.status_code < 300:
        raise HookFailed(f"http_{answer.status_code}")


def _call_entry_point(entry_point: str, notice: dict[str, Any]) -> None:
    module_name, _, attribute = entry_point.partition(":")
    try:
        target: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError):
        raise HookFailed("entry_point_not_found") from None
    try:
        confirmed = target(dict(notice))
    except Exception as exc:
        # The hook's own message may hold data: keep only its type.
        raise HookFailed(f"raised_{type(exc).__name__}"[:64]) from None
    if confirmed is False:
        raise HookFailed("refused")


class HookCalls:
    """Calls a request's hooks and keeps each one's status in the store."""

    def __init__(self, db: Database, options: HookOptions | None = None) -> None:
        self._db = db
        self.options = options or HookOptions()

    def prepare(self, request_id: str, hooks: Sequence[DeletionHook]) -> None:
        """Mark every callable hook pending for ``request_id``."""
        for hook in hooks:
            if hook.callable:
                self._save(request_id, hook.name, "pending", 0, None)

    def run(
        self, request_id: str, hooks: Sequence[DeletionHook], notice: dict[str, Any]
    ) -> dict[str, str]:
        """Call every hook not yet confirmed; the status of each afterwards."""
        done = self.statuses(request_id)
        result = {}
        for hook in hooks:
            if not hook.callable:
                continue
            if done.get(hook.name, (None, 0))[0] == "confirmed":
                result[hook.name] = "confirmed"
                continue
            result[hook.name] = self._try(request_id, hook, notice, done)
        return result

    def statuses(self, request_id: str) -> dict[str, tuple[str, int]]:
        """Each hook's status and attempts so far."""
        query = sa.select(rights_hook_calls).where(
            rights_hook_calls.c.request_id == request_id
        )
        with self._db.engine.connect() as connection:
            return {
                row.hook: (row.status, row.attempts)
                for row in connection.execute(query)
            }

    def _try(
        self,
        request_id: str,
        hook: DeletionHook,
        notice: dict[str, Any],
        done: dict[str, tuple[str, int]],
    ) -> str:
        attempts = done.get(hook.name, ("pending", 0))[1]
        pause = self.options.backoff
        reason = "not_called"
        for attempt in range(self.options.attempts):
            if attempt:
                self.options.sleep(pause)
                pause *= 2
            attempts += 1
            try:
                call_hook(hook, notice, self.options)
            except HookFailed as failed:
                reason = failed.reason
                logger.warning("deletion hook %s failed: %s", hook.name, reason)
                continue
            self._save(request_id, hook.name, "confirmed", attempts, None)
            return "confirmed"
        self._save(request_id, hook.name, "failed", attempts, reason)
        return "failed"

    def _save(
        self, request_id: str, hook: str, status: str, attempts: int, error: str | None
    ) -> None:
        key = (rights_hook_calls.c.request_id == request_id) & (
            rights_hook_calls.c.hook == hook
        )
        row = {
            "request_id": request_id,
            "hook": hook,
            "status": status,
            "attempts": attempts,
            "last_error": error,
            "updated_at": datetime.now(UTC),
        }
        with self._db.engine.begin() as connection:
            connection.execute(sa.delete(rights_hook_calls).where(key))
            connection.execute(sa.insert(rights_hook_calls), row)
