"""``/healthz`` and ``/readyz``: up, and ready to serve model requests."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from gdprgate.config import Settings
from gdprgate.detect import DetectorConfig, build_detector
from gdprgate.gateway import create_app
from gdprgate.gateway.builtin import free_port
from gdprgate.gateway.runtime import build_app
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault
from tests.gateway.conftest import KNOWN, start_gateway
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread


def test_healthz_answers_while_the_process_runs(data_dir: Path) -> None:
    gateway, db = start_gateway(data_dir, f"http://127.0.0.1:{free_port()}/v1")
    with serve_in_thread(create_app(gateway)) as url:
        response = httpx.get(f"{url}/healthz")
    db.close()
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_ready_when_store_detector_and_upstream_answer(
    data_dir: Path,
) -> None:
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        with serve_in_thread(create_app(gateway)) as url:
            response = httpx.get(f"{url}/readyz")
    db.close()
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"store": "ok", "detector": "ok", "upstream": "ok"},
    }


def test_readyz_names_an_unreachable_upstream(data_dir: Path) -> None:
    gateway, db = start_gateway(data_dir, f"http://127.0.0.1:{free_port()}/v1")
    with serve_in_thread(create_app(gateway)) as url:
        response = httpx.get(f"{url}/readyz")
    db.close()
    assert response.status_code == 503
    assert response.json()["status"] == "not_ready"
    assert response.json()["checks"]["upstream"] == "failed"
    assert response.json()["checks"]["store"] == "ok"


def test_readyz_waits_for_the_detector_to_load(data_dir: Path) -> None:
    detector = build_detector(DetectorConfig(rampart=False, spacy=False))
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1", detector=detector)
        with serve_in_thread(create_app(gateway)) as url:
            before = httpx.get(f"{url}/readyz")
            detector.warm_up()
            after = httpx.get(f"{url}/readyz")
    db.close()
    assert before.status_code == 503
    assert before.json()["checks"]["detector"] == "failed"
    assert after.status_code == 200


def test_readyz_names_a_store_that_does_not_answer(data_dir: Path) -> None:
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        gateway, db = start_gateway(data_dir, upstream_url + "/v1")
        # A store whose file cannot be created: every connection fails.
        broken = Database(f"sqlite:///{data_dir}/missing-dir/store.db")
        gateway.vault = Vault(broken, Keyring(broken, b"\0" * 32))
        with serve_in_thread(create_app(gateway)) as url:
            response = httpx.get(f"{url}/readyz")
    db.close()
    broken.close()
    assert response.status_code == 503
    assert response.json()["checks"]["store"] == "failed"
    assert "missing-dir" not in response.text


def test_upstream_probe_uses_the_current_upstream(data_dir: Path) -> None:
    """The built-in model replaces the upstream at start: readiness follows it."""
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        gateway, db = start_gateway(data_dir, f"http://127.0.0.1:{free_port()}/v1")
        with serve_in_thread(create_app(gateway)) as url:
            before = httpx.get(f"{url}/readyz")
            # Pointed elsewhere in place: the old client's connections are
            # closed with the app, as the built-in model's swap does.
            gateway.upstream.base_url = upstream_url + "/v1"
            after = httpx.get(f"{url}/readyz")
    db.close()
    assert before.status_code == 503
    assert after.status_code == 200


def test_the_built_gateway_is_ready_and_guards_its_metrics(data_dir: Path) -> None:
    """build_app wires readiness, metrics and the metrics token from settings."""
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        settings = Settings(
            data_dir=data_dir,
            upstream_url=upstream_url + "/v1",
            metrics_token="scrape-secret-for-tests",
            detect_rampart=False,
            detect_spacy=False,
        )
        app = build_app(settings, detector=KnownValuesDetector(KNOWN))
        token = {"authorization": "Bearer scrape-secret-for-tests"}
        with serve_in_thread(app) as url:
            ready = httpx.get(f"{url}/readyz")
            refused = httpx.get(f"{url}/metrics")
            scraped = httpx.get(f"{url}/metrics", headers=token)
            # The chain is verified in the background once the server runs.
            chain_ok = 'gdprgate_audit_chain_status{state="ok"} 1.0'
            for _ in range(100):
                if chain_ok in httpx.get(f"{url}/metrics", headers=token).text:
                    break
                time.sleep(0.05)
            chain = httpx.get(f"{url}/metrics", headers=token).text
    assert ready.status_code == 200
    assert refused.status_code == 401
    assert "gdprgate_vault_entries 0.0" in scraped.text
    assert chain_ok in chain
