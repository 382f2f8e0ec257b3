"""API keys: created once, stored as digests, revoked and expired at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

import gdprgate.policy
from gdprgate.errors import PolicyError
from gdprgate.policy import ROLES, KeyStore, Principal, default_policy, parse_policy
from gdprgate.policy.example import EXAMPLE_POLICY
from gdprgate.store import Database
from gdprgate.store.schema import api_keys

START = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db: Database, clock: Clock) -> KeyStore:
    return KeyStore(db, clock=clock)


def test_policy_exports_are_locked() -> None:
    assert sorted(gdprgate.policy.__all__) == sorted(
        [
            "ACTIONS",
            "DEFAULT_PURPOSE",
            "DEFAULT_TENANT",
            "EXAMPLE_POLICY",
            "ROLES",
            "Action",
            "Controller",
            "DeletionHook",
            "KeyStore",
            "Policy",
            "Principal",
            "Purpose",
            "RightsRules",
            "Tenant",
            "Transfer",
            "check_key_request",
            "default_policy",
            "load_policy",
            "parse_duration",
            "parse_policy",
        ]
    )


def test_roles_are_the_five_of_the_issue() -> None:
    assert {"client", "reidentify", "auditor", "dpo", "admin"} == ROLES


def test_create_authenticate_revoke(store: KeyStore) -> None:
    principal, secret = store.create(
        tenant="default",
        roles=["client", "reidentify"],
        purposes=["default"],
        name="ci runner",
    )
    assert secret.startswith(f"gg_{principal.key_id}_")
    assert len(secret) == len("gg_") + 16 + len("_") + 43
    assert store.authenticate(secret) == principal
    assert principal.has_role("reidentify")
    assert principal.default_purpose == "default"

    assert store.revoke(principal.key_id)
    assert store.authenticate(secret) is None
    revoked = store.get(principal.key_id)
    assert revoked is not None
    assert revoked.revoked_at == START


def test_revoking_twice_keeps_the_first_time(store: KeyStore, clock: Clock) -> None:
    principal, _ = store.create(tenant="default", roles=["admin"])
    store.revoke(principal.key_id)
    clock.now = START + timedelta(days=1)
    assert store.revoke(principal.key_id)
    again = store.get(principal.key_id)
    assert again is not None
    assert again.revoked_at == START


def test_revoking_an_unknown_key_says_so(store: KeyStore) -> None:
    assert not store.revoke("0123456789abcdef")


def test_key_expires_on_the_clock(store: KeyStore, clock: Clock) -> None:
    principal, secret = store.create(
        tenant="default", roles=["client"], expires_at=START + timedelta(hours=1)
    )
    clock.now = START + timedelta(minutes=59)
    assert store.authenticate(secret) == principal
    clock.now = START + timedelta(hours=1)
    assert store.authenticate(secret) is None
    assert principal.status(clock.now) == "expired"


def test_expiry_in_the_past_is_refused(store: KeyStore) -> None:
    with pytest.raises(PolicyError, match="future"):
        store.create(tenant="default", roles=["client"], expires_at=START)


def test_secret_is_never_stored(data_dir: Path) -> None:
    """Not in the SQLite file, its WAL or anything else in the data dir."""
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    store = KeyStore(db)
    _, secret = store.create(tenant="default", roles=["client"])
    store.list()
    random_part = secret[20:].encode()
    for path in data_dir.iterdir():
        data = path.read_bytes()
        assert secret.encode() not in data, path.name
        assert random_part[-24:] not in data, path.name
    db.close()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),
        lambda s: s.replace("gg_", "xx_", 1),
        lambda s: s + "A",
        lambda s: "",
        lambda s: "gg_" + "0" * 16 + "_" + s[20:],
        lambda s: "Bearer " + s,
        lambda s: s * 100,
    ],
    ids=["tampered", "prefix", "longer", "empty", "other-id", "bearer", "huge"],
)
def test_anything_but_the_exact_key_is_refused(store: KeyStore, mangle: object) -> None:
    _, secret = store.create(tenant="default", roles=["client"])
    assert callable(mangle)
    assert store.authenticate(mangle(secret)) is None


def test_unknown_roles_are_refused(store: KeyStore) -> None:
    with pytest.raises(PolicyError, match="roles"):
        store.create(tenant="default", roles=["client", "superuser"])
    with pytest.raises(PolicyError, match="roles"):
        store.create(tenant="default", roles=[])
    assert store.list() == []


def test_purposes_and_tenants_are_checked_against_the_policy(store: KeyStore) -> None:
    policy = default_policy()
    with pytest.raises(PolicyError, match="purposes"):
        store.create(
            tenant="default", roles=["client"], purposes=["marketing"], policy=policy
        )
    with pytest.raises(PolicyError, match="tenant"):
        store.create(tenant="other", roles=["client"], policy=policy)
    assert store.list() == []


def test_default_purpose_must_be_one_of_the_keys(store: KeyStore) -> None:
    policy = parse_policy(EXAMPLE_POLICY)
    principal, _ = store.create(
        tenant="default",
        roles=["client"],
        purposes=["default", "customer.support"],
        default_purpose="customer.support",
        policy=policy,
    )
    assert principal.default_purpose == "customer.support"
    with pytest.raises(PolicyError, match="default_purpose"):
        store.create(
            tenant="default",
            roles=["client"],
            purposes=["default"],
            default_purpose="customer.support",
        )


def test_list_shows_every_key_with_its_status(store: KeyStore, clock: Clock) -> None:
    first, _ = store.create(tenant="default", roles=["client"])
    clock.now = START + timedelta(seconds=1)
    second, _ = store.create(tenant="default", roles=["auditor", "dpo"])
    store.revoke(first.key_id)
    listed = store.list()
    assert [p.key_id for p in listed] == [first.key_id, second.key_id]
    assert [p.status(clock.now) for p in listed] == ["revoked", "active"]
    assert listed[1].roles == frozenset({"auditor", "dpo"})
    assert "secret" not in str(listed[1].to_dict(clock.now))


def test_principal_resolves_its_purpose() -> None:
    principal = Principal(
        key_id="0123456789abcdef",
        name=None,
        tenant="default",
        roles=frozenset({"client"}),
        purposes=("default", "customer.support"),
        default_purpose="default",
        expires_at=None,
        revoked_at=None,
    )
    assert principal.resolve_purpose(None) == "default"
    assert principal.resolve_purpose("customer.support") == "customer.support"
    assert principal.resolve_purpose("marketing") is None
    assert not principal.has_role("reidentify")


def test_the_change_mark_moves_with_every_change_of_any_key(
    store: KeyStore, db: Database
) -> None:
    """Whoever writes: this store, or SQL on another connection."""
    first = store.mark()
    principal, _ = store.create(tenant="acme", roles=["client"])
    created = store.mark()
    assert created > first
    store.revoke(principal.key_id)
    revoked = store.mark()
    assert revoked > created

    elsewhere = Database(db.url)
    try:
        with elsewhere.engine.begin() as connection:
            connection.execute(sa.update(api_keys).values(name="renamed"))
    finally:
        elsewhere.close()
    assert store.mark() > revoked
    unchanged = store.mark()
    assert store.authenticate("gg_0123456789abcdef_" + "x" * 43) is None
    assert store.mark() == unchanged


def test_the_keys_mark_moves_in_a_replica_session_too(
    store: KeyStore, db: Database
) -> None:
    """PostgreSQL skips ordinary triggers in replica sessions (logical
    replication, pg_restore --disable-triggers); the mark's fire ALWAYS."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("session_replication_role is PostgreSQL's")
    principal, _ = store.create(tenant="default", roles=["client"])
    before = store.mark()
    with db.engine.begin() as connection:
        connection.execute(sa.text("SET LOCAL session_replication_role = replica"))
        connection.execute(
            sa.update(api_keys)
            .where(api_keys.c.key_id == principal.key_id)
            .values(revoked_at=datetime.now(UTC))
        )
    assert store.mark() != before
