"""Data-subject requests: access, erasure, restriction, objection, portability.

See ``docs/rights.md``. :class:`Rights` is the one entry point; the register
(:class:`RightsRegister`) also feeds the Art. 30 record and ``/metrics``.
"""

from gdprgate.rights.blocks import Blocks
from gdprgate.rights.deadline import due_date, extended_due_date
from gdprgate.rights.hooks import HookOptions, sign, verify_signature
from gdprgate.rights.interfaces import (
    DatasetHit,
    DatasetIndex,
    NoDatasets,
    NoPayloads,
    PayloadStore,
    PersonKeys,
)
from gdprgate.rights.register import KINDS, RightsRegister, RightsRequest
from gdprgate.rights.report import access_html
from gdprgate.rights.service import Rights
from gdprgate.rights.shred import Shredded, ShredKeys, request_scope, subject_scope
from gdprgate.rights.subjects import SUBJECT_HEADER, Subjects

__all__ = [
    "KINDS",
    "SUBJECT_HEADER",
    "Blocks",
    "DatasetHit",
    "DatasetIndex",
    "HookOptions",
    "NoDatasets",
    "NoPayloads",
    "PayloadStore",
    "PersonKeys",
    "Rights",
    "RightsRegister",
    "RightsRequest",
    "ShredKeys",
    "Shredded",
    "Subjects",
    "access_html",
    "due_date",
    "extended_due_date",
    "request_scope",
    "sign",
    "subject_scope",
    "verify_signature",
]
