"""The record of processing activities (Art. 30), from policy and traffic.

:func:`build_record` returns a plain, JSON-ready mapping: the controller's
record (Art. 30(1)(a)-(g)), the processor's record (Art. 30(2)) when the
policy names a processor, the registers, and the gaps found. Renderers in
:mod:`gdprgate.records.render` turn it into Markdown or HTML.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from gdprgate.policy.legal import ART9_CONDITIONS, LEGAL_BASES, SAFEGUARDS
from gdprgate.policy.model import Controller
from gdprgate.policy.principal import Principal
from gdprgate.records.categories import NOT_PERSONAL, category_of
from gdprgate.records.draft import DraftPolicy, DraftPurpose
from gdprgate.records.gaps import find_gaps
from gdprgate.records.observed import NO_PURPOSE, Observed
from gdprgate.records.registers import NothingRegistered, Registers

NONE_REGISTERED = "none registered"

# What the gateway itself does to protect the data (Art. 32), always listed.
GATEWAY_MEASURES = (
    "Personal data detected in requests is replaced by keyed pseudonyms "
    "(Art. 4(5)) before it reaches the model.",
    "Original values are kept in a vault, encrypted with AES-GCM under a data "
    "key per pseudonymisation domain, wrapped by a master key.",
    "Every model call is authenticated with an API key (stored hashed) bound "
    "to a tenant, roles and declared purposes; only the reidentify role gets "
    "original values back.",
    "Answers are checked for personal data the model produced itself.",
    "Every request is audited with counts, types and pseudonyms, never a "
    "raw value; logs and metrics carry metadata only.",
)

Record = dict[str, Any]


def policy_digest(text: bytes) -> str:
    """SHA-256 of the policy file in force (not personal data: no key needed)."""
    return hashlib.sha256(text).hexdigest()


def build_record(
    policy: DraftPolicy,
    observed: Observed,
    registers: Registers | None = None,
    *,
    principals: Sequence[Principal] = (),
    policy_sha256: str | None = None,
    now: datetime | None = None,
) -> Record:
    """The whole record, with its gaps. ``principals`` (the API keys) name the
    client applications of each tenant and purpose."""
    registers = registers or NothingRegistered()
    now = now or datetime.now(UTC)
    record: Record = {
        "generated_at": now.isoformat(timespec="seconds"),
        "period": {
            "since": _iso(observed.since),
            "until": _iso(observed.until),
            "requests": observed.requests,
        },
        "policy_sha256": policy_sha256,
        "controller_record": _controller_record(policy, observed),
        "processor_record": _processor_record(policy, observed),
        "clients": _clients(policy, observed, principals, now),
        "registers": _registers(policy, registers),
        "gaps": [gap.as_dict() for gap in find_gaps(policy, observed)],
    }
    return record


def _controller_record(policy: DraftPolicy, observed: Observed) -> Record:
    return {
        "a_controller": _party(policy.controller),
        "activities": [_activity(p, observed) for p in policy.purposes],
        "g_security_measures": [*GATEWAY_MEASURES, *policy.security_measures],
        "undeclared_purposes_seen": sorted(
            set(observed.purposes) - set(policy.purpose_ids) - {NO_PURPOSE}
        ),
    }


def _activity(purpose: DraftPurpose, observed: Observed) -> Record:
    traffic = observed.of(purpose.id)
    return {
        "id": purpose.id,
        "b_purpose": purpose.description,
        "legal_basis": _legal_basis(purpose.legal_basis),
        "art9_condition": _art9(purpose.art9_condition),
        "c_data_subjects": list(purpose.data_subjects),
        "c_data_categories": list(purpose.data_categories),
        "c_special_categories": purpose.special_categories,
        "c_seen": {
            "requests": traffic.requests,
            "forwarded": traffic.forwarded,
            "not_forwarded": traffic.not_forwarded,
            "input": dict(sorted(traffic.input_entities.items())),
            "output": dict(sorted(traffic.output_entities.items())),
            "categories": sorted(
                {
                    category_of(e) or f"unknown ({e})"
                    for e in traffic.entity_types
                    if e not in NOT_PERSONAL
                }
            ),
            "tenants": sorted(traffic.tenants),
        },
        "d_recipients": {
            "declared": list(purpose.recipients),
            "models_allowed": list(purpose.models) or ["any"],
            "models_called": dict(sorted(traffic.models.items())),
        },
        "e_transfers": [
            {
                "country": t.country,
                "safeguard": t.safeguard,
                "safeguard_text": SAFEGUARDS.get(t.safeguard or ""),
                "recipient": t.recipient,
            }
            for t in purpose.transfers
        ],
        "f_retention": {str(k): v for k, v in purpose.retention.items()},
    }


def _processor_record(policy: DraftPolicy, observed: Observed) -> Record | None:
    if policy.processor is None:
        return None
    on_behalf = []
    for tenant in policy.tenants:
        used = sorted(
            purpose_id
            for purpose_id, traffic in observed.purposes.items()
            if tenant.id in traffic.tenants and purpose_id != NO_PURPOSE
        )
        on_behalf.append(
            {
                "tenant": tenant.id,
                "controller": _party(tenant.controller) if tenant.controller else None,
                "b_categories_of_processing": used or policy.purpose_ids,
            }
        )
    transfers = [
        {"purpose": p.id, "country": t.country, "safeguard": t.safeguard}
        for p in policy.purposes
        for t in p.transfers
    ]
    return {
        "a_processor": _party(policy.processor),
        "a_controllers": on_behalf,
        "c_transfers": transfers,
        "d_security_measures": [*GATEWAY_MEASURES, *policy.security_measures],
    }


def _clients(
    policy: DraftPolicy,
    observed: Observed,
    principals: Sequence[Principal],
    now: datetime,
) -> list[Record]:
    """Client applications per tenant and purpose: active client keys (by
    name) and the tenants seen in traffic."""
    apps: dict[tuple[str, str], set[str]] = {}
    for principal in principals:
        if not (principal.has_role("client") and principal.is_active(now)):
            continue
        for purpose in principal.purposes:
            names = apps.setdefault((principal.tenant, purpose), set())
            names.add(principal.name or "unnamed key")
    for purpose_id, traffic in observed.purposes.items():
        if purpose_id in policy.purpose_ids:
            for tenant in traffic.tenants:
                apps.setdefault((tenant, purpose_id), set())
    return [
        {"tenant": tenant, "purpose": purpose, "applications": sorted(names)}
        for (tenant, purpose), names in sorted(apps.items())
    ]


def _registers(policy: DraftPolicy, registers: Registers) -> Record:
    names = [hook.name for hook in policy.deletion_hooks]
    hooks = sorted({*names, *registers.deletion_hooks()})
    rights = registers.rights()
    return {
        "deletion_hooks": hooks or NONE_REGISTERED,
        "datasets": [
            {
                "name": d.name,
                "purpose": d.purpose,
                "records": d.records,
                "entities": d.entity_counts,
            }
            for d in registers.datasets()
        ]
        or NONE_REGISTERED,
        "stored_payloads": registers.stored_payloads(),
        "rights_requests": NONE_REGISTERED if rights is None else vars(rights),
    }


def _party(party: Controller) -> Record:
    return {
        "name": party.name,
        "contact": party.contact,
        "dpo_contact": party.dpo_contact,
        "eu_representative": party.eu_representative,
        "joint_controllers": list(party.joint_controllers),
    }


def _legal_basis(letter: str | None) -> Record | None:
    if letter is None:
        return None
    return {
        "article": f"6(1)({letter})",
        "name": LEGAL_BASES[letter].replace("_", " "),
    }


def _art9(condition: str | None) -> Record | None:
    if condition is None:
        return None
    return {"article": condition, "name": ART9_CONDITIONS[condition[-2]]}


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")
