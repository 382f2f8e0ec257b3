"""``gdprgate serve --workers 2``: two processes, one store, one audit chain."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from click.testing import CliRunner

from gdprgate.audit import AuditLog, verify_chain
from gdprgate.cli import main
from gdprgate.store import Database
from tests.e2e.conftest import bootstrap_key, serve_process
from tests.support.canary import EMAIL, PERSON
from tests.support.servers import ScriptedUpstream, serve_in_thread


def test_two_workers_share_tokens_and_one_audit_chain(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    upstream = ScriptedUpstream()
    with serve_in_thread(upstream.app()) as upstream_url:
        env = {"GDPRGATE_WORKERS": "2", "GDPRGATE_DETECT_RAMPART": "false",
               "GDPRGATE_DETECT_SPACY": "false"}  # fmt: skip
        with serve_process(
            data_dir, tmp_path / "serve.log", upstream_url + "/v1", env
        ) as (url, _process):
            key = bootstrap_key(data_dir)

            def ask(number: int) -> httpx.Response:
                body = {
                    "model": "m",
                    "messages": [
                        {"role": "user", "content": f"{number}: mail {EMAIL} now"}
                    ],
                }
                return httpx.post(
                    f"{url}/v1/chat/completions",
                    json=body,
                    headers={"authorization": f"Bearer {key}"},
                    timeout=60,
                )

            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(ask, range(24)))
    assert [a.status_code for a in answers] == [200] * 24
    # Restored for the caller; one token for the value, whichever worker.
    assert all(EMAIL in a.json()["choices"][0]["message"]["content"] for a in answers)
    sent = [message["content"] for request in upstream.requests for message in
            request["messages"]]  # fmt: skip
    assert len(sent) == 24
    assert not any(EMAIL in text for text in sent)
    tokens = {text.split("mail ", 1)[1].split(" ")[0] for text in sent}
    assert len(tokens) == 1
    db = Database.for_data_dir(data_dir)
    try:
        report = verify_chain(AuditLog(db))
        assert report.ok
        assert report.entries >= 24
    finally:
        db.close()


def test_several_workers_need_an_upstream(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["serve", "--workers", "2", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "more than one worker needs an upstream" in result.output
    assert PERSON not in result.output


def test_the_worker_factory_is_importable_by_name() -> None:
    code = (
        "import gdprgate.gateway.runtime as r; print(callable(r.app_from_environment))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"
