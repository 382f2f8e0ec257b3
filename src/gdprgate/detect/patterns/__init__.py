"""Recognizers that find personal data by pattern and validate every match.

Each recognizer lives in its own module and shares the shape declared in
:mod:`gdprgate.detect.patterns.base`. :class:`PatternLayer` runs them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from gdprgate.detect.finding import Finding
from gdprgate.detect.patterns.base import VALIDATED_SCORE, PatternRecognizer
from gdprgate.detect.patterns.credit_card import CreditCardRecognizer
from gdprgate.detect.patterns.email import EmailRecognizer
from gdprgate.detect.patterns.iban import IbanRecognizer
from gdprgate.detect.patterns.ip_address import IpAddressRecognizer
from gdprgate.detect.patterns.phone import PhoneRecognizer
from gdprgate.detect.patterns.url import UrlRecognizer

__all__ = [
    "VALIDATED_SCORE",
    "CreditCardRecognizer",
    "EmailRecognizer",
    "IbanRecognizer",
    "IpAddressRecognizer",
    "PatternLayer",
    "PatternRecognizer",
    "PhoneRecognizer",
    "UrlRecognizer",
    "default_recognizers",
]


def default_recognizers() -> list[PatternRecognizer]:
    """One instance of every built-in recognizer."""
    return [
        EmailRecognizer(),
        PhoneRecognizer(),
        IbanRecognizer(),
        CreditCardRecognizer(),
        IpAddressRecognizer(),
        UrlRecognizer(),
    ]


class PatternLayer:
    """Runs every pattern recognizer; language does not matter to them."""

    name = "patterns"

    def __init__(self, recognizers: Sequence[PatternRecognizer] | None = None) -> None:
        self.recognizers = list(recognizers or default_recognizers())

    def warm_up(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        """Findings of every recognizer for each text."""
        return [self.analyze(text) for text in texts]

    def analyze(self, text: str) -> list[Finding]:
        """Findings of every recognizer in one text (they may overlap)."""
        findings: list[Finding] = []
        for recognizer in self.recognizers:
            findings.extend(recognizer.analyze(text))
        return findings
