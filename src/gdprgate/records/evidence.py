"""The evidence bundle for an auditor: one zip with the record, the map, the
audit verification, retention in force, the rights register and a digest of
the policy, plus a manifest with the SHA-256 of every file in it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gdprgate.records.flowmap import (
    build_map,
    dot_available,
    to_dot,
    to_mermaid,
    to_svg,
)
from gdprgate.records.record import NONE_REGISTERED, Record
from gdprgate.records.render import to_html, to_json, to_markdown


class AuditVerifier(Protocol):
    """What the hash-chained audit log offers (filled in when it exists)."""

    def verify(self) -> dict[str, Any]:
        """The result of checking the chain: at least a ``status`` key."""
        ...


@dataclass(frozen=True)
class BundleReport:
    """What went into a bundle."""

    path: Path
    files: list[str]
    svg: bool
    audit_status: str = "unverified"


def audit_verification(audit: object) -> dict[str, Any]:
    """The audit log's own verification, or ``unverified`` when it has none."""
    from gdprgate.audit import AuditLog, verify_chain

    if isinstance(audit, AuditLog):
        report = verify_chain(audit)
        return {"status": "ok" if report.ok else "broken", **report.to_dict()}
    verify = getattr(audit, "verify", None)
    if callable(verify):
        result = verify()
        if isinstance(result, dict):
            return result
        return {"status": "ok" if result else "broken"}
    return {
        "status": "unverified",
        "reason": "this audit log is not hash-chained, so it cannot be verified",
    }


def retention_status(record: Record) -> dict[str, Any]:
    """Retention in force per purpose and store, and deletions done."""
    return {
        "in_force": {
            a["id"]: a["f_retention"] or "MISSING"
            for a in record["controller_record"]["activities"]
        },
        "deletions": NONE_REGISTERED,
    }


def write_bundle(
    record: Record, audit: object, policy_sha256: str | None, output: Path
) -> BundleReport:
    """Write the bundle to ``output`` (a .zip)."""
    flow = build_map(record)
    mermaid = to_mermaid(flow)
    svg = to_svg(flow) if dot_available() else None
    files: dict[str, str] = {
        "record.json": to_json(record),
        "record.md": to_markdown(record, mermaid),
        "record.html": to_html(record, svg=svg, mermaid=mermaid),
        "map.mmd": mermaid,
        "map.dot": to_dot(flow),
        "audit_verification.json": _json(verification := audit_verification(audit)),
        "retention.json": _json(retention_status(record)),
        "rights_requests.json": _json(
            {"register": record["registers"]["rights_requests"]}
        ),
        "policy.sha256": (policy_sha256 or "built-in policy (no file)") + "\n",
    }
    if svg is not None:
        files["map.svg"] = svg
    manifest = {
        name: hashlib.sha256(text.encode()).hexdigest() for name, text in files.items()
    }
    files["manifest.json"] = _json({"sha256": manifest})

    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, text in files.items():
            bundle.writestr(name, text)
    status = str(verification.get("status", "unverified"))
    return BundleReport(output, sorted(files), svg is not None, status)


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
