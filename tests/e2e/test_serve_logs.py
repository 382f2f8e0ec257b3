"""``gdprgate serve`` logs one JSON object per line, and redaction never fires.

The redaction step is the last line of defence: in a run where the code
logs no value, it has nothing to replace, so a redaction marker in the log
means some code tried to log a value.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.e2e.conftest import bootstrap_key, gdprgate_serve
from tests.support.canary import EMAIL, PHONE
from tests.support.servers import ScriptedUpstream, serve_in_thread

PATTERNS_ONLY = {"GDPRGATE_DETECT_RAMPART": "false", "GDPRGATE_DETECT_SPACY": "false"}
MARKERS = ("[EMAIL_ADDRESS]", "[PHONE_NUMBER]", "[IBAN_CODE]", "[CREDIT_CARD]")


def test_serve_writes_json_lines_and_never_needs_redaction(
    run_dir: Path, log_dir: Path
) -> None:
    data_dir = run_dir / "data" / "e2e-serve-logs"
    log_path = log_dir / "gateway-serve-logs.log"
    scripted = ScriptedUpstream()
    with (
        serve_in_thread(scripted.app()) as upstream_url,
        gdprgate_serve(data_dir, log_path, upstream_url + "/v1", PATTERNS_ONLY) as url,
    ):
        body = {
            "model": "m",
            "messages": [{"role": "user", "content": f"Mail {EMAIL}, call {PHONE}."}],
        }
        headers = {"authorization": f"Bearer {bootstrap_key(data_dir)}"}
        response = httpx.post(f"{url}/v1/chat/completions", json=body, headers=headers)
        assert response.status_code == 200
        assert httpx.get(f"{url}/readyz").status_code == 200

    # The bootstrap key notice is printed for a person, not logged.
    lines = [
        line
        for line in log_path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("gdprgate: ", "  gg_"))
    ]
    records = [json.loads(line) for line in lines]
    assert any(r["logger"].startswith("uvicorn") for r in records)
    [request] = [r for r in records if r["message"] == "request"]
    assert request["entities"] == {"EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1}
    assert request["status"] == 200
    text = log_path.read_text(encoding="utf-8")
    assert not [marker for marker in MARKERS if marker in text]
