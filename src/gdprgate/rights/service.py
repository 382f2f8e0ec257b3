"""The one tool for data-subject requests: open, answer, erase, restrict.

:class:`Rights` ties the register, the subject links, the vault, the audit
log, the blocks and the deletion hooks together. The CLI and the admin API
are thin layers over it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.errors import RightsError
from gdprgate.policy import Policy
from gdprgate.rights.blocks import Blocks
from gdprgate.rights.footprint import Footprint, find_person
from gdprgate.rights.hooks import HookCalls, HookOptions
from gdprgate.rights.interfaces import (
    DatasetIndex,
    NoDatasets,
    NoPayloads,
    PayloadStore,
    PersonKeys,
)
from gdprgate.rights.notify import Notifier, notice
from gdprgate.rights.register import RightsRegister, RightsRequest
from gdprgate.rights.report import access_report, portability_export
from gdprgate.rights.scrub import scrub_store, secure_delete
from gdprgate.rights.shred import ShredKeys, request_scope, subject_scope
from gdprgate.rights.subjects import Identifier, Subjects
from gdprgate.store import Database, subject_links, vault_entries
from gdprgate.vault import Keyring, Vault

logger = logging.getLogger("gdprgate.rights")


class Rights:
    """Data-subject requests across everything gdprgate holds."""

    def __init__(
        self,
        db: Database,
        keyring: Keyring,
        audit: AuditLog,
        policy: Callable[[], Policy],
        *,
        payloads: PayloadStore | None = None,
        datasets: DatasetIndex | None = None,
        hooks: HookOptions | None = None,
        today: Callable[[], date] | None = None,
        holidays: Collection[date] = (),
    ) -> None:
        self._db = db
        self._keyring = keyring
        self._vault = Vault(db, keyring)
        self._audit = audit
        self._policy = policy
        self.payloads: PayloadStore = payloads or NoPayloads()
        self.datasets: DatasetIndex = datasets or NoDatasets()
        self.register = RightsRegister(db, today, holidays)
        self.subjects = Subjects(db, keyring)
        self.blocks = Blocks(db, keyring)
        self.hook_calls = HookCalls(db, hooks)
        self.shred = ShredKeys(db, keyring)
        self.notifier = Notifier(db, self.register, self.hook_calls, self.shred, policy)

    def open(
        self,
        *,
        kind: str,
        tenant: str,
        subject_id: str | None = None,
        identifiers: Sequence[tuple[str, str]] = (),
        purposes: Sequence[str] = (),
        received_on: date | None = None,
    ) -> RightsRequest:
        """Register a request; ``identifiers`` are (kind, value) pairs such as
        ("email", ...); only their keyed hashes are kept."""
        policy = self._policy()
        if not policy.has_tenant(tenant):
            raise RightsError("the tenant is not in the policy in force")
        unknown = [p for p in purposes if policy.purpose(p) is None]
        if unknown:
            raise RightsError(f"unknown purpose(s): {', '.join(sorted(unknown))}")
        if purposes and kind not in {"restrict", "object"}:
            raise RightsError("purposes apply to restriction and objection only")
        subject_hash = (
            None
            if subject_id is None
            else self.subjects.subject_hash(tenant, subject_id)
        )
        found: list[Identifier] = []
        for id_kind, value in identifiers:
            if not value.strip():
                raise RightsError(f"the {id_kind} identifier is empty")
            found.extend(self.subjects.identifiers(tenant, id_kind, value))
        request = self.register.open(
            tenant=tenant,
            kind=kind,
            subject_hash=subject_hash,
            identifiers=found,
            purposes=purposes,
            received_on=received_on,
        )
        logger.info("rights request opened", extra={"fields": _log(request)})
        return request

    def footprint(self, request: RightsRequest) -> Footprint:
        """Everything held about the person the request names."""
        return find_person(
            self._db,
            self.subjects,
            self._audit,
            request.tenant,
            request.subject_hash,
            request.identifiers,
        )

    def execute(self, request_id: str) -> dict[str, Any]:
        """Carry out a request by its kind; the answer (report, export or receipt)."""
        request = self.register.get(request_id)
        if request.status != "open":
            raise RightsError(f"the request is {request.status}, not open")
        actions = {
            "access": self.access,
            "export": self.export,
            "erase": self.erase,
            "restrict": self.restrict,
            "object": self.restrict,
        }
        return actions[request.kind](request)

    def access(self, request: RightsRequest) -> dict[str, Any]:
        """The Art. 15 report; closes the request."""
        footprint = self.footprint(request).own()
        values = self._vault.resolve(request.tenant, footprint.tokens)
        person = footprint.person_keys()
        report = access_report(
            request,
            footprint,
            values,
            self._policy(),
            self.payloads.stored_for(request.tenant, person.request_ids),
            self.datasets.datasets_with(person),
            datetime.now(UTC),
        )
        self.register.set_status(
            request.id, "closed", "answered", {"values": len(report["data"])}
        )
        self._receipt(request, values, _counted(footprint), "access", "answered")
        return report

    def export(self, request: RightsRequest) -> dict[str, Any]:
        """The Art. 20 export; closes the request."""
        footprint = self.footprint(request).own()
        values = self._vault.resolve(request.tenant, footprint.tokens)
        export = portability_export(request, footprint, values, datetime.now(UTC))
        self.register.set_status(
            request.id, "closed", "exported", {"items": len(export["items"])}
        )
        self._receipt(request, values, _counted(footprint), "export", "exported")
        return export

    def restrict(self, request: RightsRequest) -> dict[str, Any]:
        """Block the person's identifiers (Art. 18 or 21) until lifted."""
        footprint = self.footprint(request).own()
        identifiers = [Identifier(h.entity, h.blind_index) for h in footprint.held]
        identifiers += list(request.identifiers)
        count = self.blocks.add(
            request.tenant, identifiers, request.kind, request.id, request.purposes
        )
        detail = {"identifiers": count, "purposes": list(request.purposes) or "all"}
        self.register.set_status(request.id, "in_force", "blocked", detail)
        self._receipt(
            request, footprint.tokens, _counted(footprint), request.kind, "blocked"
        )
        event = "restriction" if request.kind == "restrict" else "objection"
        statuses = self._tell(event, request, footprint)
        return {
            "request_id": request.id,
            "status": "in_force",
            "hooks": statuses,
            **detail,
        }

    def lift(self, request_id: str) -> RightsRequest:
        """Lift a restriction or objection, and tell the subscribed hooks."""
        request = self.register.get(request_id)
        if request.kind not in {"restrict", "object"} or request.status != "in_force":
            raise RightsError("only a restriction or objection in force can be lifted")
        lifted = self.blocks.lift(request_id)
        self.register.set_status(
            request_id, "closed", "lifted", {"identifiers": lifted}
        )
        footprint = self.footprint(request).own()
        self._receipt(request, footprint.tokens, _counted(footprint), "lift", "lifted")
        event = "restriction" if request.kind == "restrict" else "objection"
        self._tell(f"{event}_lifted", request, footprint)
        return self.register.get(request_id)

    def _tell(
        self, event: str, request: RightsRequest, footprint: Footprint
    ) -> dict[str, str]:
        """Send the subscribed hooks a notice of ``event`` (Art. 19)."""
        values = self._vault.resolve(request.tenant, footprint.tokens)
        body = notice(event, request, footprint.held, values)
        if not self.notifier.prepare(request, body):
            return {}
        return self.notifier.send(request)

    def erase(self, request: RightsRequest) -> dict[str, Any]:
        """Art. 17: delete the person's vault entries, payloads and links,
        shred their keys, leave a tombstone and a receipt, then tell the
        deletion hooks."""
        footprint = self.footprint(request)
        erasable = footprint.own().held
        tokens = [h.token for h in erasable]
        values = self._vault.resolve(request.tenant, tokens)
        # Kept sealed first, so that the hooks can be told even after the
        # values are gone here.
        waiting = self.notifier.prepare(
            request, notice("erasure", request, erasable, values)
        )
        if self._policy().rights.tombstone_erased:
            # First, so that a request arriving meanwhile cannot store the
            # values again between their deletion and the tombstone.
            erased = [Identifier(h.entity, h.blind_index) for h in erasable]
            self.blocks.add(
                request.tenant, [*erased, *request.identifiers], "erased", request.id
            )
        self._delete_rows(request, tokens)
        elsewhere = self._erase_elsewhere(request, footprint.person_keys())
        scrub_store(self._db)
        self._receipt(request, tokens, Counter(h.entity for h in erasable))
        kept = len(footprint.held) - len(erasable)
        detail = {"values": len(tokens), "kept_shared": kept, **elsewhere}
        self.register.record(request.id, "erased", detail)
        if waiting:
            statuses = self.notifier.send(request)
        else:
            statuses = {}
            self.register.set_status(request.id, "closed", "closed", {})
        return {
            "request_id": request.id,
            "erased_values": len(tokens),
            "erased_payloads": elsewhere["payloads"],
            "shredded_keys": elsewhere["shredded_keys"],
            "kept_shared_values": kept,
            "datasets_holding_the_person": elsewhere["datasets"],
            "hooks": statuses,
            "status": self.register.get(request.id).status,
        }

    def _delete_rows(self, request: RightsRequest, tokens: list[str]) -> None:
        """Vault entries and subject links go, in one transaction."""
        with self._db.engine.begin() as connection:
            secure_delete(connection)
            connection.execute(
                sa.delete(vault_entries).where(
                    vault_entries.c.tenant == request.tenant,
                    vault_entries.c.token.in_(tokens),
                )
            )
            if request.subject_hash is not None:
                connection.execute(
                    sa.delete(subject_links).where(
                        subject_links.c.tenant == request.tenant,
                        subject_links.c.subject_hash == request.subject_hash,
                    )
                )

    def _erase_elsewhere(
        self, request: RightsRequest, person: PersonKeys
    ) -> dict[str, Any]:
        """Payloads deleted, shredding keys destroyed, data sets named."""
        payloads = self.payloads.erase(person)
        scopes = {request_scope(rid) for rid in person.request_ids}
        if request.subject_hash is not None:
            scopes.add(subject_scope(request.subject_hash))
        shredded = self.shred.destroy(request.tenant, scopes)
        # Scrubbed data sets cannot be edited from here: name them, so that
        # their owners rebuild them without the person.
        datasets = [hit.name for hit in self.datasets.datasets_with(person)]
        return {"payloads": payloads, "shredded_keys": shredded, "datasets": datasets}

    def retry_hooks(self, request_id: str) -> dict[str, str]:
        """Call again the hooks that have not confirmed a request's notice."""
        request = self.register.get(request_id)
        statuses = self.hook_calls.statuses(request_id)
        if all(status == "confirmed" for status, _ in statuses.values()):
            raise RightsError("no hook is waiting for this request")
        return self.notifier.send(request)

    def _receipt(
        self,
        request: RightsRequest,
        tokens: Collection[str],
        counts: Counter[str],
        action: str = "erase",
        outcome: str = "erased",
    ) -> None:
        """An audit entry for carrying out ``request``: route ``rights/<action>``.

        Tokens only: they say whose data was read, exported, blocked or
        erased; once the vault forgot them, they identify no one.
        """
        self._audit.append(
            AuditEntry(
                request_id=request.id,
                tenant=request.tenant,
                route=f"rights/{action}",
                status=200,
                outcome=outcome,
                latency_ms=0.0,
                entity_counts=dict(counts),
                tokens=sorted(tokens),
            )
        )


def _counted(footprint: Footprint) -> Counter[str]:
    """How many of the person's held values there are, per entity type."""
    return Counter(held.entity for held in footprint.held)


def _log(request: RightsRequest) -> dict[str, Any]:
    return {"request_id": request.id, "kind": request.kind, "tenant": request.tenant}
