"""``build_app`` wires the rights part: subject links, dpo routes, gauges."""

from __future__ import annotations

from pathlib import Path

import httpx

from gdprgate.config import Settings
from gdprgate.gateway.runtime import build_app
from gdprgate.policy import KeyStore, default_policy
from gdprgate.store import Database
from tests.gateway.conftest import KNOWN
from tests.support.canary import EMAIL
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread


def test_the_built_gateway_serves_rights_requests(data_dir: Path) -> None:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    keys = KeyStore(db)
    policy = default_policy()
    _, client = keys.create(
        tenant="default", roles=["client"], purposes=["default"], policy=policy
    )
    _, dpo = keys.create(tenant="default", roles=["dpo"], purposes=[], policy=policy)
    db.close()
    with serve_in_thread(ScriptedUpstream().app()) as upstream_url:
        settings = Settings(
            data_dir=data_dir,
            upstream_url=upstream_url + "/v1",
            detect_rampart=False,
            detect_spacy=False,
        )
        app = build_app(settings, detector=KnownValuesDetector(KNOWN))
        with serve_in_thread(app) as url:
            sent = httpx.post(
                f"{url}/v1/chat/completions",
                json={"model": "m", "messages": [{"content": f"Mail {EMAIL}"}]},
                headers={
                    "authorization": f"Bearer {client}",
                    "x-gdprgate-subject": "c-1",
                },
            )
            as_dpo = {"authorization": f"Bearer {dpo}"}
            opened = httpx.post(
                f"{url}/admin/rights",
                json={"kind": "access", "subject": "c-1"},
                headers=as_dpo,
            )
            metrics = httpx.get(f"{url}/metrics").text
            report = httpx.post(
                f"{url}/admin/rights/{opened.json()['id']}/execute", headers=as_dpo
            )
    assert sent.status_code == 200
    assert "gdprgate_rights_requests_open 1.0" in metrics
    assert [d["value"] for d in report.json()["data"]] == [EMAIL]
