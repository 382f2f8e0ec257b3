"""/admin/: keys, tenants and policy reload, for admin keys only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from gdprgate.audit import AuditLog
from gdprgate.gateway import create_app
from gdprgate.gateway.access import Access
from gdprgate.gateway.policy_holder import PolicyHolder
from gdprgate.policy import EXAMPLE_POLICY, KeyStore
from tests.gateway.conftest import start_gateway
from tests.support.servers import ScriptedUpstream, serve_in_thread

ROLES = ("client", "reidentify", "auditor", "dpo", "admin")
CALLS = [
    ("GET", "/admin/keys", None),
    (
        "POST",
        "/admin/keys",
        {"tenant": "default", "roles": ["client"], "purposes": ["default"]},
    ),
    ("DELETE", "/admin/keys/0000000000000000", None),
    ("GET", "/admin/tenants", None),
    ("POST", "/admin/policy/reload", None),
]


@dataclass
class Admin:
    url: str
    secrets: dict[str, str]
    policy_file: Path
    holder: PolicyHolder
    audit: AuditLog
    keys: KeyStore


@pytest.fixture
def admin(data_dir: Path, tmp_path: Path) -> Iterator[Admin]:
    policy_file = tmp_path / "gdprgate.yaml"
    policy_file.write_text(EXAMPLE_POLICY, encoding="utf-8")
    holder = PolicyHolder(policy_file)
    upstream = ScriptedUpstream()
    with serve_in_thread(upstream.app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        keys = KeyStore(db)
        gateway.access = Access(keys, lambda: holder.current)
        gateway.policy_holder = holder
        secrets = {
            role: keys.create(
                tenant="default",
                roles=[role],
                purposes=["default"],
                policy=holder.current,
            )[1]
            for role in ROLES
        }
        with serve_in_thread(create_app(gateway)) as url:
            yield Admin(url, secrets, policy_file, holder, gateway.audit, keys)
    db.close()


def send(
    admin: Admin, method: str, path: str, body: object, role: str | None
) -> httpx.Response:
    headers = {"authorization": f"Bearer {admin.secrets[role]}"} if role else {}
    return httpx.request(method, f"{admin.url}{path}", json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body"), CALLS)
@pytest.mark.parametrize("role", [*ROLES, None])
def test_admin_authorization_matrix(
    admin: Admin, method: str, path: str, body: object, role: str | None
) -> None:
    response = send(admin, method, path, body, role)
    if role is None:
        expected = {401}
    elif role != "admin":
        expected = {403}
    elif path.startswith("/admin/keys/0"):
        expected = {404}  # no such key, but the admin may ask
    else:
        expected = {200, 201}
    assert response.status_code in expected, response.text
    template = "/admin/keys/{key_id}" if path.startswith("/admin/keys/") else path
    [entry] = [e for e in admin.audit.entries() if e.route == template]
    assert entry.status == response.status_code


def test_a_created_key_works_at_once_and_its_secret_is_not_listed(admin: Admin) -> None:
    body = {
        "tenant": "default",
        "roles": ["client"],
        "purposes": ["default"],
        "expires": "30d",
    }
    created = send(admin, "POST", "/admin/keys", body, "admin").json()
    secret = created["key"]
    assert admin.keys.authenticate(secret) is not None
    listing = send(admin, "GET", "/admin/keys", None, "admin")
    assert secret not in listing.text
    assert created["key_id"] in listing.text

    revoked = send(admin, "DELETE", f"/admin/keys/{created['key_id']}", None, "admin")
    assert revoked.status_code == 200
    assert admin.keys.authenticate(secret) is None


def test_a_key_request_that_breaks_the_policy_is_refused(admin: Admin) -> None:
    body = {"tenant": "nowhere", "roles": ["wizard"], "purposes": ["default"]}
    response = send(admin, "POST", "/admin/keys", body, "admin")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_key"


def test_reload_puts_a_new_policy_in_force(admin: Admin) -> None:
    extra = EXAMPLE_POLICY.replace(
        "  - id: customer.support", "  - id: billing.support"
    )
    admin.policy_file.write_text(extra, encoding="utf-8")
    response = send(admin, "POST", "/admin/policy/reload", None, "admin")
    assert response.status_code == 200
    assert "billing.support" in response.json()["purposes"]
    assert admin.holder.current.purpose("billing.support") is not None


def test_a_broken_policy_file_leaves_the_old_one_in_force(admin: Admin) -> None:
    before = admin.holder.current
    broken = EXAMPLE_POLICY.replace("legal_basis: f", "legal_basis: z", 1)
    admin.policy_file.write_text(broken, encoding="utf-8")
    response = send(admin, "POST", "/admin/policy/reload", None, "admin")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_policy"
    assert any("legal_basis" in problem for problem in error["problems"])
    assert admin.holder.current is before
