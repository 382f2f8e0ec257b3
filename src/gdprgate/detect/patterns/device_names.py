"""The owner's name in a device name: "Lukass-iPhone", "Anna's MacBook Pro",
"iPhone von Lukas", "iPhone de Mathilde".

Phones and laptops name themselves after their owner, and the name shows
up in DHCP leases, Wi-Fi logs and MDM exports. Only the owner's name is
reported, as a ``PERSON``: the model is no one's. Generated names
("DESKTOP-7G2K9QX") and possessives that name no one ("My-iPhone") are
left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from gdprgate.detect.patterns.base import FORMAT_SCORE, PatternRecognizer
from gdprgate.detect.patterns.scan import TextScan

_DEVICE = (
    r"(?:iPhone|iPad|iPod|iMac|MacBook(?:[ -](?:Pro|Air))?|Mac[ -]mini"
    r"|Apple[ -]Watch|AirPods(?:[ -]Pro)?|Galaxy|Pixel|Android|Laptop|Phone)"
)
_OWNER = r"([A-ZÀ-ÖØ-Þ][^\W\d_]{1,30})"
# "Lukass-iPhone", "Anna's MacBook Pro", "Anna’s iPad"; with a blank and
# no "'s" it is a brand ("Apple iPhone", "Google Pixel").
_OWNER_FIRST = re.compile(
    r"(?<![\w'’-])" + _OWNER + r"(?:['’]s[ -]|-)" + _DEVICE + r"(?![^\W_])"
)
# "iPhone von Lukas", "iPhone de Mathilde", "iPad di Giulia", "iPhone van
# Sanne", "iPhone från Erik", "iPhone użytkownika Ola" is left out.
_DEVICE_FIRST = re.compile(
    r"(?<![\w-])" + _DEVICE + r"[ -](?:von|de|di|van|från|do|da)[ -]" + _OWNER
    + r"(?![\w-])"
)  # fmt: skip
# Words before a device that name no one.
_NO_OWNER_WORDS = """
    my your his her our their the new old work test office home company
    mein meine dein deine mon ma ton ta mi tu il la het mijn min
    apple samsung google huawei xiaomi
"""
_NO_OWNERS = frozenset(_NO_OWNER_WORDS.split())


class DeviceOwnerRecognizer(PatternRecognizer):
    """The owner's name of a phone, tablet or laptop name."""

    name = "device_owner"
    entity = "PERSON"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_OWNER_FIRST, _DEVICE_FIRST)
    explanation = "the owner's name in Name-iPhone, Name's MacBook, iPhone von Name"
    score = FORMAT_SCORE

    def candidates(self, text: str, scan: TextScan) -> Iterator[tuple[int, int]]:
        """The owner part of each device name that names a person."""
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                yield match.span(1)

    def validate(self, value: str) -> bool:
        """Not a word that names no one ("My-iPhone")."""
        return value.lower() not in _NO_OWNERS
