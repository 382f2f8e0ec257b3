"""Web addresses starting with ``http://``, ``https://`` or ``www.``."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.scan import Feature

# A colon may stand before the address after a label ("Website:https://");
# quotation marks of any language end it («…», „…“).
_URL = re.compile(
    r"""
    (?<![\w@./-])
    (?:https?://|www\.)
    [^\s<>"'`«»‹›“”„]+
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Sentence punctuation that ends a URL written in prose.
_TRAILING = ".,;:!?'\"*…"
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim(value: str) -> str:
    """Drop trailing punctuation and closing brackets opened outside the URL."""
    while value and _dangling(value):
        value = value[:-1]
    return value


def _dangling(value: str) -> bool:
    """Whether the last character belongs to the prose, not the URL."""
    last = value[-1]
    if last in _CLOSERS:
        return value.count(last) > value.count(_CLOSERS[last])
    return last in _TRAILING


def _host_ok(host: str) -> bool:
    """A dotted name with a letters-only top level, ``localhost`` or an IP."""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        labels = host.split(".")
        return len(labels) >= 2 and all(labels) and labels[-1].isalpha()
    return True


class UrlRecognizer(PatternRecognizer):
    """``http(s)://`` and ``www.`` addresses with a plausible host."""

    name = "url"
    entity = "URL"
    patterns = (_URL,)
    explanation = "an http(s) or www. address with a valid host"
    needs = Feature.URL_MARK

    def refine(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim prose punctuation off the end, then check the host.

        A host that fails for a semicolon in it is tried up to the first
        one: in a CSV line the semicolon ends the field ("www.example.org;x").
        """
        value = _trim(text[start:end])
        if not self.validate(value) and ";" in value:
            value = _trim(value[: value.index(";")])
        return super().refine(text, start, start + len(value))

    def validate(self, value: str) -> bool:
        """The URL parses and names a host."""
        if value[:4].lower() == "www.":
            value = "http://" + value
        try:
            host = urlsplit(value).hostname
        except ValueError:
            return False
        return host is not None and _host_ok(host)
