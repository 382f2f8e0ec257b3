"""Logging: one JSON object a line, and a redaction step that comes last.

The gateway logs metadata only (ids, counts, types, timings), as structured
fields passed with ``extra={"fields": {...}}``. Both formatters here end with
:class:`Redactor`, the last line of defence: whatever a log call carries,
e-mail addresses, IBANs, payment card numbers and phone numbers are replaced
by their type before the line is written. It is not the first defence: names
and addresses need the detection models and are not caught here, so code
must still never log a payload.

Exception texts are never written (third-party messages may hold data):
only the exception's type and the frames of its traceback.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from datetime import UTC, datetime
from typing import Any, Literal

from gdprgate.detect.patterns import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    PatternRecognizer,
    PhoneRecognizer,
)

LogFormat = Literal["json", "text"]

# Cheap tests that skip the recognizers on lines that cannot hold a match.
_MAY_HOLD_EMAIL = re.compile(r"@")
_MAY_HOLD_NUMBER = re.compile(r"\d(?:[\d \-./()]{5,})\d")

# Attributes every LogRecord has; anything else came in through ``extra``
# (uvicorn's ``color_message`` repeats the message with terminal colours).
_RECORD_ATTRIBUTES = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__
) | {"message", "asctime", "taskName", "color_message"}


class Redactor:
    """Replaces values the pattern recognizers validate by ``[ENTITY]``."""

    def __init__(self) -> None:
        self._email: list[PatternRecognizer] = [EmailRecognizer()]
        self._numbers: list[PatternRecognizer] = [
            IbanRecognizer(),
            CreditCardRecognizer(),
            PhoneRecognizer(),
        ]

    def __call__(self, text: str) -> str:
        """``text`` with every validated e-mail, IBAN, card and phone replaced."""
        recognizers: list[PatternRecognizer] = []
        if _MAY_HOLD_EMAIL.search(text):
            recognizers += self._email
        if _MAY_HOLD_NUMBER.search(text):
            recognizers += self._numbers
        if not recognizers:
            return text

        spans = sorted(
            (f.start, f.end, f.entity)
            for recognizer in recognizers
            for f in recognizer.analyze(text)
        )
        out, cursor = [], 0
        for start, end, entity in spans:
            if start < cursor:
                continue
            out.append(text[cursor:start] + f"[{entity}]")
            cursor = end
        out.append(text[cursor:])
        return "".join(out)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, fields."""

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__()
        self._redact = redactor or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(structured_fields(record))
        if record.exc_info and record.exc_info[0] is not None:
            line["exc_type"] = record.exc_info[0].__name__
            line["traceback"] = _frames(record)
        return json.dumps(_redact_all(line, self._redact), ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """``time level logger message key=value …``, redacted last.

    The message and each field are redacted on their own, so the time and
    the logger name never make the recognizers run.
    """

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__()
        self._redact = redactor or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        parts = [
            self.formatTime(record),
            record.levelname,
            record.name,
            self._redact(record.getMessage()),
        ]
        for key, value in structured_fields(record).items():
            parts.append(f"{self._redact(str(key))}={self._redact(_flat(value))}")
        # The exception's text is never written, only its type.
        if record.exc_info and record.exc_info[0] is not None:
            parts.append(f"exc_type={record.exc_info[0].__name__}")
        return " ".join(parts)


def structured_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields a log call passed: ``extra={"fields": {...}}`` and other extras."""
    fields: dict[str, Any] = {}
    for key, value in record.__dict__.items():
        if key in _RECORD_ATTRIBUTES:
            continue
        if key == "fields" and isinstance(value, dict):
            fields.update(value)
        else:
            fields[key] = value
    return fields


def configure_logging(level: str, log_format: LogFormat = "json") -> None:
    """Send every log line to stderr through gdprgate's formatter.

    Only gdprgate's own loggers follow ``level``: third-party debug output
    (HTTP clients, model runtimes) is not reviewed for payloads, so it stays
    at WARNING. Calling it again replaces the handler it installed before.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    handler.set_name("gdprgate")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "gdprgate"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("gdprgate").setLevel(level)


def _frames(record: logging.LogRecord) -> list[str]:
    assert record.exc_info is not None
    tb = record.exc_info[2]
    return [line.rstrip() for line in traceback.format_tb(tb)] if tb else []


def _redact_all(value: Any, redact: Redactor) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact(str(k)): _redact_all(v, redact) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_all(v, redact) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**6:
        # A long number may be a phone or card number written as an int.
        text = str(value)
        return value if redact(text) == text else redact(text)
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(str(value))


def _flat(value: Any) -> str:
    if isinstance(value, dict):
        return ",".join(f"{k}={v}" for k, v in sorted(value.items())) or "-"
    return "-" if value is None else str(value)
