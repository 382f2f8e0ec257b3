"""Two ``gdprgate serve`` processes on one PostgreSQL share one state; a
gateway killed with SIGKILL under load loses no audit entry it answered for;
``serve`` runs the retention sweeper."""

from __future__ import annotations

import base64
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from gdprgate.audit import AuditLog, load_signer, verify_chain
from gdprgate.policy import KeyStore
from gdprgate.policy.builtin import DEFAULT_PURPOSE
from gdprgate.store import Database
from gdprgate.vault import TOKEN_RE
from tests.e2e.conftest import bootstrap_key, gdprgate_serve, serve_process
from tests.support import postgres
from tests.support.servers import ScriptedUpstream, serve_in_thread

MASTER_KEY = base64.b64encode(bytes(range(32))).decode()


@dataclass
class Cluster:
    urls: list[str]
    upstream: ScriptedUpstream
    db: Database
    key: str
    signing_key: Path


def _env(url: str, signing_key: Path) -> dict[str, str]:
    return {
        "GDPRGATE_DATABASE_URL": url,
        "GDPRGATE_MASTER_KEY": MASTER_KEY,
        "GDPRGATE_AUDIT_SIGNING_KEY": str(signing_key),
        "GDPRGATE_AUDIT_CHECKPOINT_EVERY": "7",
        "GDPRGATE_RETENTION_INTERVAL": "off",
        "GDPRGATE_DETECT_RAMPART": "false",
        "GDPRGATE_DETECT_SPACY": "false",
    }


@pytest.fixture
def cluster(postgres_database: str, data_dir: Path, log_dir: Path) -> Iterator[Cluster]:
    url = postgres.fresh_schema_url(postgres_database)
    signing_key = data_dir / "shared" / "audit-signing.key"
    upstream = ScriptedUpstream()
    with ExitStack() as stack:
        upstream_url = stack.enter_context(serve_in_thread(upstream.app())) + "/v1"
        urls = []
        for name in ("a", "b"):
            replica_dir = data_dir / name
            urls.append(
                stack.enter_context(
                    gdprgate_serve(
                        replica_dir,
                        log_dir / f"replica-{name}.log",
                        upstream=upstream_url,
                        env=_env(url, signing_key),
                        timeout=120,
                    )
                )
            )
        db = Database(url)
        stack.callback(db.close)
        yield Cluster(urls, upstream, db, bootstrap_key(data_dir / "a"), signing_key)


def _chat(url: str, key: str, text: str) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/chat/completions",
        json={"model": "m", "messages": [{"role": "user", "content": text}]},
        headers={"authorization": f"Bearer {key}"},
        timeout=60,
    )


def _sent_tokens(upstream: ScriptedUpstream, marker: str) -> list[str]:
    """The tokens of the upstream request whose text holds ``marker``."""
    for body in upstream.requests:
        content = body["messages"][0]["content"]
        if marker in content:
            return TOKEN_RE.findall(content)
    raise AssertionError("request not seen upstream")


def test_two_replicas_give_the_same_token_for_the_same_value(
    cluster: Cluster,
) -> None:
    """Both replicas see a value for the first time at once: one token."""
    for round_ in range(8):
        email = f"replica.round{round_}@example.com"
        barrier = threading.Barrier(2)
        texts = [f"left{round_} write to {email}", f"right{round_} write to {email}"]

        def send(url: str, text: str, barrier: threading.Barrier = barrier) -> int:
            barrier.wait()
            return _chat(url, cluster.key, text).status_code

        with ThreadPoolExecutor(2) as pool:
            codes = list(pool.map(send, cluster.urls, texts))
        assert codes == [200, 200]
        left = _sent_tokens(cluster.upstream, f"left{round_} ")
        right = _sent_tokens(cluster.upstream, f"right{round_} ")
        assert left == right
        assert len(left) == 1


def test_a_key_revoked_on_one_replica_is_refused_by_the_other_at_once(
    cluster: Cluster,
) -> None:
    keys = KeyStore(cluster.db)
    admin, admin_secret = keys.create(tenant="default", roles=["admin"])
    client, client_secret = keys.create(
        tenant="default", roles=["client"], purposes=[DEFAULT_PURPOSE]
    )
    assert admin.key_id != client.key_id
    assert _chat(cluster.urls[1], client_secret, "hello").status_code == 200

    revoked = httpx.delete(
        f"{cluster.urls[0]}/admin/keys/{client.key_id}",
        headers={"authorization": f"Bearer {admin_secret}"},
    )
    assert revoked.status_code == 200, revoked.text
    assert _chat(cluster.urls[1], client_secret, "hello").status_code == 401


def test_two_replicas_write_one_chain_that_verifies(cluster: Cluster) -> None:
    def send(number: int) -> str:
        url = cluster.urls[number % 2]
        response = _chat(url, cluster.key, f"note {number} for ops@example.com")
        assert response.status_code == 200
        return response.headers["x-request-id"]

    with ThreadPoolExecutor(6) as pool:
        request_ids = set(pool.map(send, range(40)))

    log = AuditLog(cluster.db, load_signer(cluster.signing_key))
    entries = list(log.entries())
    assert request_ids <= {entry.request_id for entry in entries}
    assert [entry.seq for entry in entries] == list(range(1, len(entries) + 1))
    report = verify_chain(log)
    assert report.ok, report.problems
    assert report.checkpoints >= len(entries) // 7


def test_sigkill_under_load_loses_no_answered_request(
    store_url: str, data_dir: Path, log_dir: Path
) -> None:
    """Every answered request has its entry, and the chain still verifies."""
    url = store_url
    signing_key = data_dir / "audit-signing.key"
    answered: list[str] = []
    stop = threading.Event()
    upstream = ScriptedUpstream()
    with (
        serve_in_thread(upstream.app()) as upstream_url,
        serve_process(
            data_dir / "gw",
            log_dir / "sigkill.log",
            upstream=upstream_url + "/v1",
            env=_env(url, signing_key),
            timeout=120,
        ) as (gateway_url, process),
    ):
        key = bootstrap_key(data_dir / "gw")

        def load(worker: int) -> None:
            number = 0
            while not stop.is_set():
                number += 1
                try:
                    response = _chat(
                        gateway_url, key, f"w{worker} n{number} a@example.com"
                    )
                except httpx.TransportError:
                    return
                if response.status_code == 200:
                    answered.append(response.headers["x-request-id"])

        with ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(load, worker) for worker in range(4)]
            while len(answered) < 60:
                threading.Event().wait(0.05)
            process.send_signal(signal.SIGKILL)
            process.wait()
            stop.set()
            for future in futures:
                future.result()

    db = Database(url)
    log = AuditLog(db, load_signer(signing_key))
    recorded = {entry.request_id for entry in log.entries()}
    report = verify_chain(log)
    db.close()
    assert len(answered) >= 60
    assert set(answered) <= recorded
    assert report.ok, report.problems


def test_serve_runs_the_retention_sweeper(
    postgres_database: str, data_dir: Path, log_dir: Path
) -> None:
    url = postgres.fresh_schema_url(postgres_database)
    env = {
        **_env(url, data_dir / "audit-signing.key"),
        "GDPRGATE_RETENTION_INTERVAL": "1s",
    }
    with gdprgate_serve(
        data_dir, log_dir / "sweeper.log", "http://127.0.0.1:9/v1", env
    ):
        db = Database(url)
        log = AuditLog(db)
        deadline = time.monotonic() + 60
        sweeps: list[object] = []
        while not sweeps and time.monotonic() < deadline:
            sweeps = [e for e in log.entries() if e.route == "retention"]
            time.sleep(0.2)
        db.close()
    assert sweeps, "no retention sweep was audited"


def test_a_clean_shutdown_signs_the_chain_head(
    store_url: str, data_dir: Path, log_dir: Path
) -> None:
    signing_key = data_dir / "audit-signing.key"
    upstream = ScriptedUpstream()
    with (
        serve_in_thread(upstream.app()) as upstream_url,
        gdprgate_serve(
            data_dir / "gw",
            log_dir / "shutdown.log",
            upstream=upstream_url + "/v1",
            env={
                **_env(store_url, signing_key),
                "GDPRGATE_AUDIT_CHECKPOINT_EVERY": "1000",
            },
            timeout=120,
        ) as gateway_url,
    ):
        key = bootstrap_key(data_dir / "gw")
        for number in range(3):
            assert _chat(gateway_url, key, f"note {number}").status_code == 200
    db = Database(store_url)
    log = AuditLog(db, load_signer(signing_key))
    head, report = log.head(), verify_chain(log)
    db.close()
    assert head.seq == 3
    assert report.ok, report.problems
    assert report.last_checkpoint == 3
