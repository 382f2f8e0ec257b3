"""A number written in groups after a long run of numbers is checked whole,
though the run is longer than the stream filter holds back."""

from __future__ import annotations

from pathlib import Path

from gdprgate.protect import OutputGuard, Restorer, StreamFilter
from gdprgate.store import Database
from gdprgate.vault import Keyring, Vault, load_master_key
from tests.gateway.conftest import KNOWN
from tests.support.canary import PHONE
from tests.support.detectors import KnownValuesDetector


def _filter(data_dir: Path) -> tuple[StreamFilter, Database]:
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    vault = Vault(db, Keyring(db, load_master_key(data_dir)))
    guard = OutputGuard(KnownValuesDetector(KNOWN), vault, "t")
    return StreamFilter(Restorer({}), guard.check), db


def _stream(f: StreamFilter, text: str, size: int = 3) -> str:
    out = "".join(f.feed(text[i : i + size]) for i in range(0, len(text), size))
    return out + f.flush()


def test_short_phone_in_pieces_is_caught(data_dir: Path) -> None:
    f, db = _filter(data_dir)
    out = _stream(f, f"Call {PHONE} now, please.")
    db.close()
    assert PHONE not in out


def test_phone_after_long_run_of_numbers(data_dir: Path) -> None:
    """A table of order numbers followed by a phone number (the model wrote both)."""
    leaked = []
    for n in range(30, 45):
        f, db = _filter(data_dir)
        text = "Orders: " + " ".join(str(4000 + i) for i in range(n)) + f" {PHONE} end."
        out = _stream(f, text)
        db.close()
        if "901820" in out:
            leaked.append(n)
    assert not leaked, f"phone passed raw after {leaked} order numbers"


def test_phone_after_long_run_of_numbers_through_gateway(data_dir: Path) -> None:
    import json

    import httpx

    from gdprgate.gateway import create_app
    from gdprgate.protect import OutputAction
    from tests.gateway.conftest import start_gateway
    from tests.support.servers import ScriptedUpstream, serve_in_thread

    text = "Orders: " + " ".join(str(4000 + i) for i in range(36)) + f" {PHONE} end."
    scripted = ScriptedUpstream(reply=text, chunk_size=3)
    with serve_in_thread(scripted.app()) as up:
        gateway, db = start_gateway(
            data_dir, up + "/v1", output_action=OutputAction.TOKEN
        )
        body = {
            "model": "m",
            "messages": [{"role": "user", "content": "hi"}],
            "stream": True,
        }
        out = ""
        with (
            serve_in_thread(create_app(gateway)) as url,
            httpx.stream(
                "POST", f"{url}/v1/chat/completions", json=body, timeout=20
            ) as r,
        ):
            for line in r.iter_lines():
                if line.startswith("data: {"):
                    for c in json.loads(line[6:]).get("choices") or []:
                        out += c.get("delta", {}).get("content") or ""
        db.close()
    assert "901820" not in out, out[-60:]
