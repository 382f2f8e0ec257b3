"""Logs: one JSON line per request, metadata only, redacted last."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gdprgate.logs import (
    JsonFormatter,
    LogFormat,
    Redactor,
    TextFormatter,
    configure_logging,
)
from tests.gateway.monitoring_stack import monitored_stack
from tests.support.canary import CANARIES, EMAIL, IBAN, PERSON, PHONE


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """Every gdprgate log line of the test, through the JSON formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("gdprgate")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def _records(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_one_json_line_per_request_with_ids_counts_types_and_timings(
    data_dir: Path, json_lines: io.StringIO
) -> None:
    with monitored_stack(data_dir) as stack:
        stack.traffic()
    lines = [r for r in _records(json_lines) if r.get("message") == "request"]
    assert len(lines) == 4
    first = lines[0]
    assert first["logger"] == "gdprgate.gateway"
    assert str(first["request_id"]).startswith("req_")
    assert first["key_id"] == stack.key_id
    assert first["purpose"] == "support"
    assert first["status"] == 200
    assert first["entities"] == {"PERSON": 1}
    assert first["output_entities"] == {"PERSON": 1}
    assert isinstance(first["latency_ms"], float)
    assert isinstance(first["upstream_ms"], float)
    assert [line["status"] for line in lines] == [200, 200, 400, 401]


def test_no_log_line_holds_a_value_of_the_traffic(
    data_dir: Path, json_lines: io.StringIO
) -> None:
    with monitored_stack(data_dir) as stack:
        stack.traffic()
    text = json_lines.getvalue().lower()
    assert text
    for canary in CANARIES:
        assert canary.lower() not in text
        assert canary.replace(" ", "").lower() not in text
    assert stack.secret not in json_lines.getvalue()


@pytest.mark.parametrize(
    ("value", "entity"),
    [(EMAIL, "EMAIL_ADDRESS"), (PHONE, "PHONE_NUMBER"), (IBAN, "IBAN_CODE")],
)
def test_the_final_step_redacts_values_a_careless_call_logged(
    value: str, entity: str
) -> None:
    record = logging.LogRecord(
        "gdprgate.test", logging.INFO, __file__, 1, "sent %s", (value,), None
    )
    record.fields = {"note": f"for {value}"}
    for formatter in (JsonFormatter(), TextFormatter()):
        line = formatter.format(record)
        assert value not in line
        assert f"[{entity}]" in line


def test_redaction_keeps_metadata_intact() -> None:
    line = (
        "request_id=req_0a1b2c3d4e5f latency_ms=1234.5 upstream_ms=12.0 "
        "ts=2026-12-04T18:33:35.123 url=http://127.0.0.1:43211/v1 <PERSON_ab12cd>"
    )
    assert Redactor()(line) == line


def test_exception_texts_are_never_written() -> None:
    reason = "cannot parse"
    try:
        raise ValueError(f"{reason} {EMAIL} for {PERSON}")
    except ValueError:
        record = logging.LogRecord(
            "gdprgate.test",
            logging.ERROR,
            __file__,
            1,
            "failed",
            None,
            exc_info=sys.exc_info(),
        )
    for formatter in (JsonFormatter(), TextFormatter()):
        line = formatter.format(record)
        assert PERSON not in line
        assert "cannot parse" not in line
        assert "ValueError" in line


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_configure_logging_installs_one_handler_that_redacts(
    capsys: pytest.CaptureFixture[str], log_format: LogFormat
) -> None:
    root, ours_logger = logging.getLogger(), logging.getLogger("gdprgate")
    before, levels = list(root.handlers), (root.level, ours_logger.level)
    try:
        configure_logging("INFO", log_format)
        configure_logging("INFO", log_format)
        ours = [h for h in root.handlers if h.get_name() == "gdprgate"]
        assert len(ours) == 1
        # A logger outside "gdprgate", so the suite's own log file (which the
        # canary scan reads unredacted) never receives the value.
        outside = logging.getLogger("tests.logs")
        outside.warning("to %s", EMAIL, extra={"count": 2})
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
        root.setLevel(levels[0])
        ours_logger.setLevel(levels[1])
    assert EMAIL not in line
    if log_format == "json":
        assert json.loads(line)["count"] == 2
        assert json.loads(line)["message"] == "to [EMAIL_ADDRESS]"
    else:
        assert line.endswith("WARNING tests.logs to [EMAIL_ADDRESS] count=2")
