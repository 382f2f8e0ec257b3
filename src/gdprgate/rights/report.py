"""The answers to access (Art. 15) and portability (Art. 20) requests.

The access report says what is held (the values, decrypted for this report
only), where and when it was processed (dates, purposes, models as
recipients), the retention in force, the source, and the Art. 15(1)
information from the policy. The portability export is the values the
person provided, in a machine-readable form. Both are for the person: they
hold values, so they are written where the DPO says, never into the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from typing import Any

from gdprgate.policy import Policy
from gdprgate.policy.legal import LEGAL_BASES
from gdprgate.rights.footprint import Footprint
from gdprgate.rights.interfaces import DatasetHit
from gdprgate.rights.register import RightsRequest

YOUR_RIGHTS = (
    "You may ask for inaccurate data to be corrected (Art. 16), for your data "
    "to be erased (Art. 17), for its processing to be restricted (Art. 18), "
    "to receive it in a machine-readable form (Art. 20), and object to its "
    "processing (Art. 21).",
    "You may lodge a complaint with a supervisory authority (Art. 77).",
    "No decision based solely on automated processing, including profiling, "
    "is made about you by this system (Art. 22).",
)


def access_report(
    request: RightsRequest,
    footprint: Footprint,
    values: Mapping[str, str],
    policy: Policy,
    payloads: Sequence[str],
    datasets: Sequence[DatasetHit],
    now: datetime,
) -> dict[str, Any]:
    """The Art. 15 answer as a JSON-ready dict."""
    linked = {t for link in footprint.links for t in link.tokens}
    used = _purposes_used(footprint)
    controller = policy.controller
    return {
        "format": "gdprgate.access/1",
        "request": {
            "id": request.id,
            "received_on": request.received_on.isoformat(),
            "deadline": request.deadline.isoformat(),
        },
        "generated_at": now.isoformat(timespec="seconds"),
        "controller": {
            "name": controller.name,
            "contact": controller.contact,
            "dpo_contact": controller.dpo_contact,
        },
        "data": [
            {
                "type": held.entity,
                "value": values.get(held.token),
                "token": held.token,
                "held_since": held.created_at.isoformat(timespec="seconds"),
                "source": (
                    "sent by an application in requests about you"
                    if held.token in linked
                    else "named in requests sent to the model"
                ),
            }
            for held in footprint.held
        ],
        "processing": [
            {
                "date": entry.ts.isoformat(timespec="seconds"),
                "route": entry.route,
                "purpose": entry.purpose,
                "recipient_model": entry.model,
                "status": entry.status,
                "your_values": sorted(footprint.tokens.intersection(entry.tokens)),
            }
            for entry in footprint.audit
        ],
        "purposes": [_purpose(policy, pid, models) for pid, models in used.items()],
        "stored_payloads": list(payloads),
        "datasets": [vars(hit) for hit in datasets],
        "your_rights": list(YOUR_RIGHTS),
    }


def _purposes_used(footprint: Footprint) -> dict[str, set[str]]:
    used: dict[str, set[str]] = defaultdict(set)
    for entry in footprint.audit:
        if entry.purpose is not None:
            used[entry.purpose].update([entry.model] if entry.model else [])
    return dict(sorted(used.items()))


def _purpose(policy: Policy, purpose_id: str, models: set[str]) -> dict[str, Any]:
    purpose = policy.purpose(purpose_id)
    if purpose is None:
        return {"id": purpose_id, "note": "no longer in the policy in force"}
    letter = purpose.legal_basis
    return {
        "id": purpose.id,
        "description": purpose.description,
        "legal_basis": f"Art. 6(1)({letter}) {LEGAL_BASES[letter].replace('_', ' ')}",
        "data_categories": list(purpose.data_categories),
        "recipients": sorted({*purpose.recipients, *models}),
        "transfers": [
            {"country": t.country, "safeguard": t.safeguard} for t in purpose.transfers
        ],
        "retention": {str(k): v for k, v in purpose.retention.items()}
        or "no period set in the policy",
    }


def portability_export(
    request: RightsRequest,
    footprint: Footprint,
    values: Mapping[str, str],
    now: datetime,
) -> dict[str, Any]:
    """The Art. 20 export: the values the person provided, with when and why."""
    first: dict[str, datetime] = {}
    purposes: dict[str, set[str]] = defaultdict(set)
    for entry in footprint.audit:
        for token in footprint.tokens.intersection(entry.tokens):
            first.setdefault(token, entry.ts)
            if entry.purpose:
                purposes[token].add(entry.purpose)
    return {
        "format": "gdprgate.portability/1",
        "request_id": request.id,
        "exported_at": now.isoformat(timespec="seconds"),
        "items": [
            {
                "type": held.entity,
                "value": values[held.token],
                "first_provided": first.get(held.token, held.created_at).isoformat(
                    timespec="seconds"
                ),
                "purposes": sorted(purposes[held.token]),
            }
            for held in footprint.held
            if held.token in values
        ],
    }


def access_html(report: Mapping[str, Any]) -> str:
    """The access report as one readable HTML page (every value escaped)."""
    c = report["controller"]
    parts = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        "<title>Your personal data</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;"
        "padding:.3rem .6rem;text-align:left}</style>",
        "<h1>Your personal data</h1>",
        f"<p>Request {_e(report['request']['id'])}, received "
        f"{_e(report['request']['received_on'])}; answered "
        f"{_e(report['generated_at'])} by {_e(c['name'])} ({_e(c['contact'])}"
        + (
            f"; data protection officer: {_e(c['dpo_contact'])}"
            if c["dpo_contact"]
            else ""
        )
        + ").</p>",
        "<h2>What we hold</h2>",
        _table(
            ["type", "value", "held since", "source"],
            [
                [d["type"], d["value"] or "", d["held_since"], d["source"]]
                for d in report["data"]
            ],
        ),
        "<h2>When and where it was processed</h2>",
        _table(
            ["date", "purpose", "recipient (model)", "route"],
            [
                [p["date"], p["purpose"] or "", p["recipient_model"] or "", p["route"]]
                for p in report["processing"]
            ],
        ),
        "<h2>Why: purposes, legal basis, recipients, retention</h2>",
        _table(
            ["purpose", "legal basis", "categories", "recipients", "retention"],
            [
                [
                    f"{p['id']}: {p.get('description', '')}",
                    p.get("legal_basis", ""),
                    ", ".join(p.get("data_categories", [])),
                    ", ".join(p.get("recipients", [])),
                    _retention(p.get("retention")),
                ]
                for p in report["purposes"]
            ],
        ),
        "<h2>Your rights</h2><ul>",
        *(f"<li>{_e(line)}</li>" for line in report["your_rights"]),
        "</ul></html>\n",
    ]
    return "\n".join(parts)


def _retention(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value or "")


def _table(head: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "<p>None.</p>"
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{header}</tr>{body}</table>"


def _e(value: object) -> str:
    return escape(str(value))
