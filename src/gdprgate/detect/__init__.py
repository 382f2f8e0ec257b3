"""Text in, findings out: every way gdprgate finds personal data.

Offsets in every :class:`Finding` are Python ``str`` indices (code points).

Entities produced, by layer:

- patterns: ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``IBAN_CODE``,
  ``CREDIT_CARD``, ``IP_ADDRESS``, ``URL`` (validated; score 1.0)
- Rampart: ``PERSON``, ``LOCATION``, and for its other types
  ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``URL``, ``IBAN_CODE`` (bank
  account), ``ABA_ROUTING_NUMBER``, ``TAX_ID``, ``ID_NUMBER`` (government
  id), ``PASSPORT``, ``DRIVER_LICENSE`` (scores at most 0.99)
- spaCy (en, fr): ``ORGANIZATION``, ``LOCATION``, ``DATE_TIME`` (0.85) and
  ``PERSON`` (0.6)
"""

from gdprgate.detect.detector import Detector, DetectorConfig, build_detector
from gdprgate.detect.finding import Finding
from gdprgate.detect.language import guess_language
from gdprgate.detect.overlap import resolve_overlaps

__all__ = [
    "Detector",
    "DetectorConfig",
    "Finding",
    "build_detector",
    "guess_language",
    "resolve_overlaps",
]
