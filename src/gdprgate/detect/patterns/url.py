"""Web addresses starting with ``http://``, ``https://`` or ``www.``, and
profile addresses of social networks written without either
("linkedin.com/in/gianni-russo-88", "github.com/avesterholm"): a profile
address names its person."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.scan import Feature

# A colon may stand before the address after a label ("Website:https://");
# quotation marks of any language end it («…», „…“).
# Hosts whose addresses are people's profiles, as written without a scheme
# (a country or mobile subdomain may come first: "de.linkedin.com").
_PROFILE_HOSTS = (
    r"linkedin\.com/in|github\.com|gitlab\.com|facebook\.com|instagram\.com"
    r"|x\.com|twitter\.com|tiktok\.com|youtube\.com|xing\.com/profile"
    r"|threads\.net|bsky\.app/profile"
)
_URL = re.compile(
    rf"""
    (?<![\w@./-])
    (?:https?://|www\.|(?:[a-z]{{2,3}}\.)?(?:{_PROFILE_HOSTS})/(?=[\w@.-]))
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
    explanation = "an http(s), www. or profile address with a valid host"
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
        if "://" not in value:
            value = "http://" + value
        try:
            host = urlsplit(value).hostname
        except ValueError:
            return False
        return host is not None and _host_ok(host)
