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
from gdprgate.detect.patterns.user_words import pattern_lexicon

_DEVICE = (
    r"(?P<device>iPhone|iPad|iPod|iMac|MacBook(?:[ -](?:Pro|Air))?|Mac[ -]mini"
    r"|Apple[ -]Watch|AirPods(?:[ -]Pro)?|Galaxy|Pixel|Android|Laptop|Phone)"
)
# Device words that are also plain words of a kind ("Gaming-Laptop",
# "Smart-Phone", "Windows-Laptop"): only a known given name owns them.
_GENERIC_DEVICES = frozenset({"android", "laptop", "phone"})
_OWNER = r"(?P<owner>[A-ZÀ-ÖØ-Þ][^\W\d_]{1,30})"
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
    lenovo dell asus acer sony nokia motorola oneplus oppo honor fairphone
    telekom vodafone movistar orange kpn o2 tim wind vivo claro swisscom
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
                if _is_owner(match.group("owner"), match.group("device")):
                    yield match.span("owner")

    def validate(self, value: str) -> bool:
        """Not a word that names no one ("My-iPhone")."""
        return value.lower() not in _NO_OWNERS


def _is_owner(word: str, device: str) -> bool:
    """Whether ``word`` before or after ``device`` names its owner: a given
    name the lexicon knows ("Lukas", "Mathilde"), or for a brand's device
    a word that is no acronym, no brand or carrier, no place and no word
    of a language ("Lukass"; not "Gaming", "Vodafone", "KPN")."""
    lower = word.lower()
    lexicon = pattern_lexicon()
    if lower in lexicon.given:
        return True
    if device.lower() in _GENERIC_DEVICES or (len(word) > 1 and word.isupper()):
        return False
    return (
        lower not in _NO_OWNERS
        and lower not in lexicon.places
        and (lower in lexicon.names or lower not in lexicon.words)
    )
