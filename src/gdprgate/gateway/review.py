"""``/admin/audit`` and ``/admin/payloads``: what auditors may read.

Auditors get the audit trail (with positions and hashes) and stored
interactions as stored, pseudonymised. ``?restore=true`` fills in the values
behind the tokens, only for a key that also holds ``reidentify`` and only
for interactions of its own tenant.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from gdprgate.audit import verify_chain
from gdprgate.audit.export import records, render
from gdprgate.errors import BadRequest, Forbidden, NotFound
from gdprgate.gateway.service import Gateway
from gdprgate.policy import Principal
from gdprgate.protect import Restorer
from gdprgate.vault import TOKEN_RE

_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


def _moment(request: Request, name: str) -> datetime | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        msg = f"'{name}' must be an ISO 8601 date or time, e.g. 2026-01-31"
        raise BadRequest(msg, code="invalid_query") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def export_audit(gateway: Gateway, request: Request) -> Response:
    """Entries from ``since`` to before ``until`` as JSON Lines or CSV."""
    fmt = request.query_params.get("format", "jsonl")
    if fmt not in _MEDIA:
        raise BadRequest("'format' must be jsonl or csv", code="invalid_query")
    since, until = _moment(request, "since"), _moment(request, "until")
    # Streamed from the database as it is read (Starlette iterates a plain
    # iterator in a worker thread), so a long trail is never held whole.
    lines = render(records(gateway.audit, since=since, until=until), fmt)
    return StreamingResponse(lines, media_type=_MEDIA[fmt])


async def verify_audit(gateway: Gateway, _request: Request) -> Response:
    """The verification report of the whole chain."""
    report = await anyio.to_thread.run_sync(verify_chain, gateway.audit)
    return JSONResponse(report.to_dict())


async def read_payload(gateway: Gateway, request: Request) -> Response:
    """One stored interaction; restored only for ``reidentify`` keys."""
    if gateway.payloads is None:
        raise NotFound("this gateway stores no interactions")
    request_id = request.path_params["request_id"]
    payload = await anyio.to_thread.run_sync(gateway.payloads.get, request_id)
    if payload is None:
        raise NotFound("no stored interaction with this request id")
    answer = payload.to_dict()
    if request.query_params.get("restore") in {"1", "true"}:
        principal: Principal = request.state.principal
        if not principal.has_role("reidentify") or principal.tenant != payload.tenant:
            msg = "restoring values needs the 'reidentify' role in the same tenant"
            raise Forbidden(msg, code="role_missing")
        tokens = set(_tokens_in(payload.request)) | set(_tokens_in(payload.answer))
        values = await anyio.to_thread.run_sync(
            gateway.vault.resolve, payload.tenant, tokens
        )
        restorer = Restorer(values)
        # The audit entry of this call says that values were re-identified,
        # of which interaction and behind which tokens.
        request.state.audit_tenant = payload.tenant
        request.state.audit_tokens = sorted(values)
        request.state.audit_details = {
            "reidentified": len(values),
            "interaction": payload.request_id,
        }
        answer["request"] = _restore(payload.request, restorer)
        answer["answer"] = _restore(payload.answer, restorer)
        answer["restored"] = True
    return JSONResponse(answer)


def _tokens_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [match.group(0) for match in TOKEN_RE.finditer(value)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _tokens_in(item)]
    if isinstance(value, list):
        return [t for item in value for t in _tokens_in(item)]
    return []


def _restore(value: Any, restorer: Restorer) -> Any:
    if isinstance(value, str):
        return restorer.restore(value)
    if isinstance(value, dict):
        return {key: _restore(item, restorer) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, restorer) for item in value]
    return value
