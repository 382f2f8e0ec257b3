"""Telling the other systems (Art. 17(2), Art. 19): notices to the hooks.

A notice says what happened (``erasure``, ``restriction``, ``objection``,
or the lifting of one of the last two) and to which values. It is kept
sealed under a shredding key of its own until every hook subscribed to its
event has confirmed, so that retries can send it again; then key and notice
are destroyed and the store scrubbed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from gdprgate.errors import RightsError, VaultError
from gdprgate.policy import DeletionHook, Policy
from gdprgate.rights.footprint import Held
from gdprgate.rights.hooks import HookCalls
from gdprgate.rights.register import RightsRegister, RightsRequest
from gdprgate.rights.scrub import scrub_store, secure_delete
from gdprgate.rights.shred import ShredKeys
from gdprgate.store import Database, rights_requests

# Event -> (status when every hook confirmed, status while one has not).
AFTER = {
    "erasure": ("closed", "waiting_for_hooks"),
    "restriction": ("in_force", "in_force"),
    "objection": ("in_force", "in_force"),
    "restriction_lifted": ("closed", "closed"),
    "objection_lifted": ("closed", "closed"),
}
# Which subscription (a hook's ``events``) an event goes to.
SUBSCRIPTION = {
    "erasure": "erasure",
    "restriction": "restriction",
    "restriction_lifted": "restriction",
    "objection": "objection",
    "objection_lifted": "objection",
}


def notice(
    event: str, request: RightsRequest, held: Sequence[Held], values: dict[str, str]
) -> dict[str, Any]:
    """What the hooks are told: the event, the request, the values."""
    body: dict[str, Any] = {
        "event": event,
        "request_id": request.id,
        "tenant": request.tenant,
        "received_on": request.received_on.isoformat(),
        "values": [
            {"type": h.entity, "token": h.token, "value": values.get(h.token)}
            for h in held
        ],
    }
    if event != "erasure":
        body["purposes"] = list(request.purposes)  # empty: every purpose
    return body


class Notifier:
    """Prepares, sends and forgets the notices of one store."""

    def __init__(
        self,
        db: Database,
        register: RightsRegister,
        hook_calls: HookCalls,
        shred: ShredKeys,
        policy: Callable[[], Policy],
    ) -> None:
        self._db = db
        self._register = register
        self._calls = hook_calls
        self._shred = shred
        self._policy = policy

    def hooks_for(self, event: str) -> list[DeletionHook]:
        """The callable hooks subscribed to ``event``."""
        wanted = SUBSCRIPTION[event]
        return [
            hook
            for hook in self._policy().deletion_hooks
            if hook.callable and wanted in hook.events
        ]

    def prepare(self, request: RightsRequest, body: dict[str, Any]) -> bool:
        """Keep ``body`` sealed and mark its hooks pending; whether any is."""
        hooks = self.hooks_for(body["event"])
        if not hooks:
            return False
        scope = _scope(request.id)
        sealed = self._shred.seal(request.tenant, scope, json.dumps(body).encode())
        with self._db.engine.begin() as connection:
            connection.execute(
                sa.update(rights_requests)
                .where(rights_requests.c.id == request.id)
                .values(notice=sealed)
            )
        self._calls.prepare(request.id, hooks)
        return True

    def send(self, request: RightsRequest) -> dict[str, str]:
        """Call every hook of the kept notice that has not confirmed yet."""
        body = self._unseal(request)
        event = str(body["event"])
        statuses = self._calls.run(request.id, self.hooks_for(event), body)
        settled, waiting = AFTER[event]
        detail = {"event": event, **statuses}
        if all(status == "confirmed" for status in statuses.values()):
            self.forget(request)
            self._register.set_status(request.id, settled, "hooks_confirmed", detail)
        else:
            self._register.set_status(request.id, waiting, "hooks_pending", detail)
        return statuses

    def forget(self, request: RightsRequest) -> None:
        """Destroy the notice's key, drop the notice, scrub the store."""
        self._shred.destroy(request.tenant, [_scope(request.id)])
        with self._db.engine.begin() as connection:
            secure_delete(connection)
            result = connection.execute(
                sa.update(rights_requests)
                .where(
                    rights_requests.c.id == request.id,
                    rights_requests.c.notice.is_not(None),
                )
                .values(notice=None)
            )
        if result.rowcount:
            scrub_store(self._db)

    def _unseal(self, request: RightsRequest) -> dict[str, Any]:
        with self._db.engine.connect() as connection:
            sealed = connection.execute(
                sa.select(rights_requests.c.notice).where(
                    rights_requests.c.id == request.id
                )
            ).scalar_one_or_none()
        if sealed is None:
            raise RightsError("no notice is waiting for the hooks of this request")
        try:
            plain = self._shred.open(request.tenant, _scope(request.id), sealed)
        except VaultError as exc:
            raise RightsError("the notice can no longer be opened") from exc
        body: dict[str, Any] = json.loads(plain)
        return body


def _scope(request_id: str) -> str:
    return f"notice:{request_id}"
