"""``/admin/``: keys, tenants and policy reload for ``admin`` keys; the audit
trail and stored interactions for ``auditor`` keys (the rights routes, for
``dpo`` keys, are in :mod:`gdprgate.gateway.admin_rights`).

Every call, allowed or refused, leaves an audit entry naming the key (never
a secret). A new key's secret is in the answer to its creation only.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from gdprgate.audit import AuditEntry
from gdprgate.errors import BadRequest, GdprgateError, HTTPError, NotFound, PolicyError
from gdprgate.gateway.access import Caller
from gdprgate.gateway.body import read_json_object
from gdprgate.gateway.errors import error_response
from gdprgate.gateway.review import export_audit, read_payload, verify_audit
from gdprgate.gateway.service import Gateway
from gdprgate.policy import parse_duration

Handler = Callable[[Gateway, Request], Awaitable[Response]]


def admin_route(path: str, method: str, action: Handler, role: str = "admin") -> Route:
    """A route for keys holding ``role``; every call is audited."""

    async def endpoint(request: Request) -> Response:
        gateway: Gateway = request.app.state.gateway
        started = time.perf_counter()
        key_id: str | None = None
        status, outcome = 200, "ok"
        try:
            if gateway.access is None or (
                role == "admin" and gateway.policy_holder is None
            ):
                raise NotFound("the admin API needs API keys and a policy")
            header = request.headers.get("authorization")
            principal = await anyio.to_thread.run_sync(
                gateway.access.with_role, header, role
            )
            key_id = principal.key_id
            request.state.principal = principal
            response = await action(gateway, request)
            status = response.status_code
            return response
        except HTTPError as error:
            refused = getattr(error, "caller", None)
            if isinstance(refused, Caller):
                key_id = refused.key_id
            status, outcome = error.status_code, error.code or "error"
            return error_response(error, "-")
        finally:
            # An action may say more: a re-identification names the tokens
            # it resolved (never the values) and what it read.
            entry = AuditEntry(
                request_id="adm_" + format(time.time_ns(), "x"),
                tenant=getattr(request.state, "audit_tenant", "-"),
                route=path,
                status=status,
                outcome=outcome,
                latency_ms=(time.perf_counter() - started) * 1000,
                key_id=key_id,
                tokens=getattr(request.state, "audit_tokens", ()),
                details=getattr(request.state, "audit_details", None),
            )
            await anyio.to_thread.run_sync(gateway.audit.append, entry)

    return Route(path, endpoint, methods=[method])


async def _list_keys(gateway: Gateway, _request: Request) -> Response:
    assert gateway.access is not None
    now = datetime.now(UTC)
    keys = await anyio.to_thread.run_sync(gateway.access.keys.list)
    return JSONResponse({"keys": [key.to_dict(now) for key in keys]})


async def _create_key(gateway: Gateway, request: Request) -> Response:
    assert gateway.access is not None
    assert gateway.policy_holder is not None
    body = await read_json_object(request, 64 * 1024)
    options = _key_options(body)
    policy = gateway.policy_holder.current

    def create() -> tuple[Any, str]:
        assert gateway.access is not None
        return gateway.access.keys.create(policy=policy, **options)

    try:
        principal, secret = await anyio.to_thread.run_sync(create)
    except PolicyError as refused:
        raise BadRequest("; ".join(refused.problems), code="invalid_key") from None
    answer = {"key": secret, **principal.to_dict(datetime.now(UTC))}
    return JSONResponse(answer, status_code=201)


def _key_options(body: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``KeyStore.create`` from a request body."""
    roles, purposes = body.get("roles"), body.get("purposes", [])
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise BadRequest("'roles' must be an array of role names", code="invalid_key")
    if not isinstance(purposes, list) or not all(isinstance(p, str) for p in purposes):
        raise BadRequest(
            "'purposes' must be an array of purpose ids", code="invalid_key"
        )
    options: dict[str, Any] = {
        "tenant": str(body.get("tenant") or "default"),
        "roles": roles,
        "purposes": purposes,
        "name": body.get("name") if isinstance(body.get("name"), str) else None,
    }
    for field in ("requests_per_minute", "tokens_per_minute"):
        limit = body.get(field)
        if limit is not None and (
            not isinstance(limit, int) or isinstance(limit, bool)
        ):
            raise BadRequest(f"'{field}' must be a whole number", code="invalid_key")
        options[field] = limit
    expires = body.get("expires")
    if isinstance(expires, str):
        try:
            options["expires_at"] = datetime.now(UTC) + parse_duration(expires)
        except (GdprgateError, ValueError):
            raise BadRequest(
                "'expires' must be a duration such as 90d", code="invalid_key"
            ) from None
    return options


async def _revoke_key(gateway: Gateway, request: Request) -> Response:
    assert gateway.access is not None
    key_id = str(request.path_params["key_id"])
    found = await anyio.to_thread.run_sync(gateway.access.keys.revoke, key_id)
    if not found:
        raise NotFound("no key with this id")
    return JSONResponse({"revoked": key_id})


async def _tenants(gateway: Gateway, _request: Request) -> Response:
    assert gateway.policy_holder is not None
    tenants = [tenant.id for tenant in gateway.policy_holder.current.tenants]
    return JSONResponse({"tenants": tenants})


async def _reload(gateway: Gateway, _request: Request) -> Response:
    assert gateway.policy_holder is not None
    try:
        policy = await anyio.to_thread.run_sync(gateway.policy_holder.reload)
    except PolicyError as refused:
        # The old policy stays in force; the problems name lines and fields.
        error = {
            "message": "the new policy was refused; the old one stays in force",
            "type": "invalid_request_error",
            "code": "invalid_policy",
            "problems": list(refused.problems),
        }
        return JSONResponse({"error": error}, status_code=400)
    return JSONResponse({"purposes": [p.id for p in policy.purposes]})


ADMIN_ROUTES = [
    admin_route("/admin/audit", "GET", export_audit, role="auditor"),
    admin_route("/admin/audit/verify", "GET", verify_audit, role="auditor"),
    admin_route("/admin/payloads/{request_id}", "GET", read_payload, role="auditor"),
    admin_route("/admin/keys", "GET", _list_keys),
    admin_route("/admin/keys", "POST", _create_key),
    admin_route("/admin/keys/{key_id}", "DELETE", _revoke_key),
    admin_route("/admin/tenants", "GET", _tenants),
    admin_route("/admin/policy/reload", "POST", _reload),
]
