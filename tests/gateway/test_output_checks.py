"""Personal data the model produced itself is handled by the output rule."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from gdprgate.detect import DetectorConfig, Finding, build_detector
from gdprgate.gateway import create_app
from gdprgate.protect import OutputAction
from gdprgate.vault import TOKEN_RE
from tests.gateway.conftest import KNOWN, start_gateway
from tests.support.canary import EMAIL_2, IBAN, PERSON, PERSON_2, PHONE
from tests.support.detectors import KnownValuesDetector
from tests.support.servers import ScriptedUpstream, serve_in_thread

# The model "remembers" someone the caller never mentioned.
INVENTED = f"You could also ask {PERSON_2} at {EMAIL_2} about it."


@pytest.fixture
def scripted() -> Iterator[tuple[ScriptedUpstream, str]]:
    upstream = ScriptedUpstream(reply=INVENTED, chunk_size=3)
    with serve_in_thread(upstream.app()) as url:
        yield upstream, url + "/v1"


def run(
    data_dir: Path,
    upstream_url: str,
    action: OutputAction | None,
    body: dict[str, object],
    detector: object | None = None,
) -> tuple[str, list[dict[str, object]]]:
    gateway, db = start_gateway(
        data_dir,
        upstream_url,
        detector=detector,
        output_action=action,  # type: ignore[arg-type]
    )
    with serve_in_thread(create_app(gateway)) as url:
        if body.get("stream"):
            text = _streamed(url, body)
        else:
            response = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=10)
            text = response.json()["choices"][0]["message"]["content"]
    entries = [e.output_counts for e in gateway.audit.entries()]
    db.close()
    return text, entries  # type: ignore[return-value]


def _streamed(url: str, body: dict[str, object]) -> str:
    text = ""
    with httpx.stream("POST", f"{url}/v1/chat/completions", json=body) as response:
        for line in response.iter_lines():
            if line.startswith("data: {"):
                chunk = json.loads(line[6:])
                if "error" in chunk:
                    return "ERROR:" + chunk["error"]["code"]
                for choice in chunk["choices"]:
                    text += choice["delta"].get("content") or ""
    return text


BODY = {"model": "m", "messages": [{"role": "user", "content": f"Hi, I am {PERSON}"}]}


@pytest.mark.parametrize("stream", [False, True])
def test_model_produced_values_become_tokens_by_default(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str], stream: bool
) -> None:
    _, url = scripted
    text, counts = run(data_dir, url, OutputAction.TOKEN, {**BODY, "stream": stream})
    assert PERSON_2 not in text
    assert EMAIL_2 not in text
    assert len(TOKEN_RE.findall(text)) == 2
    assert text.startswith("You could also ask <PERSON_")
    assert counts == [{"EMAIL_ADDRESS": 1, "PERSON": 1}]


@pytest.mark.parametrize("stream", [False, True])
def test_redact_rule_names_the_type(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str], stream: bool
) -> None:
    _, url = scripted
    text, _ = run(data_dir, url, OutputAction.REDACT, {**BODY, "stream": stream})
    assert text == "You could also ask [PERSON] at [EMAIL_ADDRESS] about it."


def test_keep_rule_passes_values_but_counts_them(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str]
) -> None:
    _, url = scripted
    text, counts = run(data_dir, url, OutputAction.KEEP, BODY)
    assert text == INVENTED
    assert counts == [{"EMAIL_ADDRESS": 1, "PERSON": 1}]


def test_restored_input_values_are_not_treated_as_model_produced(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str]
) -> None:
    upstream, url = scripted
    upstream.reply = None  # echo the request's tokens back
    text, counts = run(data_dir, url, OutputAction.TOKEN, BODY)
    assert PERSON in text
    assert counts == [{}]


class OutputOnlyFailure(KnownValuesDetector):
    """Works on requests, fails on the model's answer."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        if any("could also" in text for text in texts):
            raise RuntimeError("the model layer broke")
        return super().analyze_batch(texts, language)


@pytest.mark.parametrize("stream", [False, True])
def test_a_failing_output_check_sends_nothing_unchecked(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str], stream: bool
) -> None:
    _, url = scripted
    detector = OutputOnlyFailure(KNOWN)
    gateway, db = start_gateway(
        data_dir, url, detector=detector, output_action=OutputAction.TOKEN
    )
    with serve_in_thread(create_app(gateway)) as gateway_url:
        body = {**BODY, "stream": stream}
        if stream:
            text = _streamed(gateway_url, body)
            assert text.endswith("ERROR:output_check_failed")
            assert PERSON_2 not in text
        else:
            response = httpx.post(f"{gateway_url}/v1/chat/completions", json=body)
            assert response.status_code == 503
            assert response.json()["error"]["code"] == "output_check_failed"
            assert PERSON_2 not in response.text
    db.close()


def test_a_value_wrapped_in_a_fake_token_is_still_caught(
    data_dir: Path, scripted: tuple[ScriptedUpstream, str]
) -> None:
    """A model cannot hide a value from the check by making it look like a token."""
    upstream, url = scripted
    shouted = PERSON_2.upper()  # "JORINDE KALTENBACH"
    upstream.reply = f"Send it to <{shouted.replace(' ', '_')}_ABCD> please."
    detector = KnownValuesDetector({**KNOWN, shouted: "PERSON"})
    text, counts = run(data_dir, url, OutputAction.REDACT, BODY, detector)
    assert shouted.split()[1] not in text
    assert counts == [{"PERSON": 1}]


# A number written in groups, streamed a few characters at a time: each
# group alone is no number, so the check must see the groups together.
GROUPED = f"Call {PHONE} or pay to {IBAN}."


@pytest.mark.parametrize("chunk_size", [1, 3, 4, 200])
def test_streamed_values_written_in_groups_are_checked_whole(
    data_dir: Path, chunk_size: int
) -> None:
    """A phone number and an IBAN the model wrote, streamed in pieces that
    split their groups, come out as one token each, as they do unstreamed."""
    upstream = ScriptedUpstream(reply=GROUPED, chunk_size=chunk_size)
    patterns = build_detector(DetectorConfig(rampart=False, spacy=False))
    with serve_in_thread(upstream.app()) as upstream_url:
        streamed, _ = run(
            data_dir, upstream_url + "/v1", OutputAction.TOKEN,
            {**BODY, "stream": True}, detector=patterns,
        )  # fmt: skip
    assert PHONE not in streamed
    assert IBAN not in streamed
    assert not any(char.isdigit() for char in TOKEN_RE.sub("", streamed))
    assert [m.group(0).split("_")[0] for m in TOKEN_RE.finditer(streamed)] == [
        "<PHONE", "<IBAN",
    ]  # fmt: skip
