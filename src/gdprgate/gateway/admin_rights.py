"""``/admin/rights``: data-subject requests, for ``dpo`` keys.

A DPO key sees and acts on the requests of its own tenant only. Identifiers
sent to open a request are turned into keyed hashes at once; they are never
logged, audited or echoed in an error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import anyio
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from gdprgate.errors import BadRequest, NotFound, RightsError
from gdprgate.gateway.admin import admin_route
from gdprgate.gateway.body import read_json_object
from gdprgate.gateway.service import Gateway
from gdprgate.policy import Principal
from gdprgate.rights import Rights, RightsRequest, access_html
from gdprgate.rights.subjects import IDENTIFIER_KINDS

T = TypeVar("T")

IDENTIFIER_FIELDS = (*IDENTIFIER_KINDS, "value")


def _rights(gateway: Gateway) -> Rights:
    if gateway.rights is None:
        raise NotFound("data-subject requests are not enabled on this gateway")
    return gateway.rights


def _principal(request: Request) -> Principal:
    principal: Principal = request.state.principal
    return principal


def _own(gateway: Gateway, request: Request) -> RightsRequest:
    """The request named in the path, if it belongs to the caller's tenant."""
    found = _rights(gateway).register.get(str(request.path_params["request_id"]))
    if found.tenant != _principal(request).tenant:
        raise NotFound("no rights request with this id")
    return found


async def _list(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    overdue = request.query_params.get("overdue", "").lower() in {"1", "true", "yes"}
    tenant = _principal(request).tenant
    found = await anyio.to_thread.run_sync(
        lambda: rights.register.list(overdue=overdue)
    )
    today = rights.register.today()
    return JSONResponse(
        {"requests": [r.to_dict(today) for r in found if r.tenant == tenant]}
    )


async def _open(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    body = await read_json_object(request, 64 * 1024)
    options = _open_options(body)
    tenant = _principal(request).tenant

    def open_request() -> RightsRequest:
        return rights.open(tenant=tenant, **options)

    opened = await _carry_out(open_request)
    return JSONResponse(opened.to_dict(rights.register.today()), status_code=201)


def _open_options(body: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``Rights.open`` from a request body."""
    kind, subject = body.get("kind"), body.get("subject")
    if not isinstance(kind, str):
        raise BadRequest("'kind' must be access, erase, restrict, object or export")
    if subject is not None and not isinstance(subject, str):
        raise BadRequest("'subject' must be the subject id as a string")
    identifiers = body.get("identifiers", {})
    if not isinstance(identifiers, dict) or not all(
        key in IDENTIFIER_FIELDS and isinstance(value, str)
        for key, value in identifiers.items()
    ):
        names = ", ".join(IDENTIFIER_FIELDS)
        raise BadRequest(f"'identifiers' must map some of {names} to strings")
    purposes = body.get("purposes", [])
    if not isinstance(purposes, list) or not all(isinstance(p, str) for p in purposes):
        raise BadRequest("'purposes' must be an array of purpose ids")
    received = body.get("received_on")
    try:
        received_on = None if received is None else date.fromisoformat(str(received))
    except ValueError:
        raise BadRequest("'received_on' must be a date such as 2026-01-31") from None
    return {
        "kind": kind,
        "subject_id": subject,
        "identifiers": sorted(identifiers.items()),
        "purposes": purposes,
        "received_on": received_on,
    }


async def _show(gateway: Gateway, request: Request) -> Response:
    found = await anyio.to_thread.run_sync(_own, gateway, request)
    return JSONResponse(found.to_dict(_rights(gateway).register.today()))


async def _execute(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    found = await anyio.to_thread.run_sync(_own, gateway, request)
    answer = await _carry_out(rights.execute, found.id)
    if found.kind == "access" and request.query_params.get("format") == "html":
        return HTMLResponse(access_html(answer))
    return JSONResponse(answer)


async def _extend(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    found = await anyio.to_thread.run_sync(_own, gateway, request)
    body = await read_json_object(request, 16 * 1024)
    months, reason = body.get("months", 2), body.get("reason")
    if not isinstance(months, int) or not isinstance(reason, str):
        raise BadRequest("give 'months' (1 or 2) and a 'reason'")
    extended = await _carry_out(rights.register.extend, found.id, months, reason)
    return JSONResponse(extended.to_dict(rights.register.today()))


async def _lift(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    found = await anyio.to_thread.run_sync(_own, gateway, request)
    lifted = await _carry_out(rights.lift, found.id)
    return JSONResponse(lifted.to_dict(rights.register.today()))


async def _hooks(gateway: Gateway, request: Request) -> Response:
    rights = _rights(gateway)
    found = await anyio.to_thread.run_sync(_own, gateway, request)
    statuses = await _carry_out(rights.retry_hooks, found.id)
    return JSONResponse({"request_id": found.id, "hooks": statuses})


async def _carry_out(action: Callable[..., T], *args: Any) -> T:
    """Run a rights action in a worker thread; a refusal is a 400."""
    try:
        return await anyio.to_thread.run_sync(action, *args)
    except RightsError as refused:
        raise BadRequest(str(refused), code="invalid_rights_request") from None


RIGHTS_ROUTES: list[Route] = [
    admin_route("/admin/rights", "GET", _list, role="dpo"),
    admin_route("/admin/rights", "POST", _open, role="dpo"),
    admin_route("/admin/rights/{request_id}", "GET", _show, role="dpo"),
    admin_route("/admin/rights/{request_id}/execute", "POST", _execute, role="dpo"),
    admin_route("/admin/rights/{request_id}/extend", "POST", _extend, role="dpo"),
    admin_route("/admin/rights/{request_id}/lift", "POST", _lift, role="dpo"),
    admin_route("/admin/rights/{request_id}/hooks", "POST", _hooks, role="dpo"),
]
