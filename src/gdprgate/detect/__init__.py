"""Text in, findings out: every way gdprgate finds personal data.

Offsets in every :class:`Finding` are Python ``str`` indices (code points).

Entities produced, by layer:

- patterns: ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``IBAN_CODE``,
  ``CREDIT_CARD``, ``IP_ADDRESS``, ``URL``, ``MAC_ADDRESS``, ``IMEI``,
  ``EU_VAT``, ``SWIFT_CODE``, the national identifiers (``DE_TAX_ID``,
  ``DE_PENSION_INSURANCE``, ``FR_NIR``, ``FR_SPI``, ``ES_NIF``, ``ES_NIE``,
  ``ES_NSS``, ``IT_FISCAL_CODE``, ``NL_BSN``, ``BE_NATIONAL_NUMBER``,
  ``AT_SOCIAL_SECURITY``, ``PL_PESEL``, ``PL_NIP``, ``PT_NIF``,
  ``SE_PERSONNUMMER``, ``FI_HETU``, ``DK_CPR``, ``IE_PPSN``, ``UK_NINO``,
  ``UK_NHS``), ``PASSPORT``, ``DRIVER_LICENSE``, ``POSTCODE``,
  ``LOCATION`` (street addresses), ``LICENSE_PLATE``, ``DATE_OF_BIRTH``,
  ``AGE``, ``USERNAME``; scores and context rules in ``docs/detection.md``
- Rampart: ``PERSON``, ``LOCATION``, and for its other types
  ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``URL``, ``IBAN_CODE`` (bank
  account), ``ABA_ROUTING_NUMBER``, ``TAX_ID``, ``ID_NUMBER`` (government
  id), ``PASSPORT``, ``DRIVER_LICENSE`` (scores at most 0.99)
- spaCy (en, fr): ``ORGANIZATION``, ``LOCATION``, ``DATE_TIME`` (0.85) and
  ``PERSON`` (0.6)
- deny-list: the configured entity for every configured term (1.0)
"""

from gdprgate.detect.detector import Detector, DetectorConfig, build_detector
from gdprgate.detect.finding import Finding
from gdprgate.detect.language import guess_language
from gdprgate.detect.overlap import resolve_overlaps
from gdprgate.detect.pool import DetectorPool

__all__ = [
    "Detector",
    "DetectorConfig",
    "DetectorPool",
    "Finding",
    "build_detector",
    "guess_language",
    "resolve_overlaps",
]
