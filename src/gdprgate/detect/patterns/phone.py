"""Telephone numbers, found and validated by ``phonenumbers``."""

from __future__ import annotations

from collections.abc import Iterator

import phonenumbers

from gdprgate.detect.patterns.base import PatternRecognizer

# National formats are tried for these regions; numbers written with a
# ``+`` country code are found for every country whatever the region.
REGIONS = ("DE", "FR", "ES", "IT", "NL", "PL", "GB", "US")


class PhoneRecognizer(PatternRecognizer):
    """Numbers that ``phonenumbers`` finds and judges valid for a region."""

    name = "phone"
    entity = "PHONE_NUMBER"
    explanation = "a number valid in the numbering plan of one of the regions"

    def __init__(self, regions: tuple[str, ...] = REGIONS) -> None:
        self.regions = regions

    def candidates(self, text: str) -> Iterator[tuple[int, int]]:
        """Matches from every region, with leniency ``VALID``."""
        for region in self.regions:
            matcher = phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.VALID
            )
            for match in matcher:
                yield int(match.start), int(match.end)
