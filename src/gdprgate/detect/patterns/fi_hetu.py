"""Finnish personal identity codes (henkilötunnus, HETU)."""

from __future__ import annotations

import re
from typing import ClassVar

from stdnum.fi import hetu

from gdprgate.detect.patterns.base import PatternRecognizer
from gdprgate.detect.patterns.scan import Start

# DDMMYY, a century sign, a serial and a check character: "131052-308T".
_HETU = re.compile(
    r"(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![\w-])", re.IGNORECASE
)


class FiHetuRecognizer(PatternRecognizer):
    """A HETU with a real date and a matching check character."""

    name = "fi_hetu"
    entity = "FI_HETU"
    patterns: ClassVar[tuple[re.Pattern[str], ...]] = (_HETU,)
    starts_at = Start.DIGIT
    explanation = "birth date, century sign, serial and a mod-31 check character"
    context = "fi_hetu"

    def validate(self, value: str) -> bool:
        """The stdnum HETU check."""
        return hetu.is_valid(value.upper())
