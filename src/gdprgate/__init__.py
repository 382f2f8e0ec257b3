"""gdprgate: the GDPR compliance layer for self-hosted language models.

The public API is what ``__all__`` lists; everything else may change.
"""

from gdprgate.audit import AuditEntry, AuditLog
from gdprgate.config import Settings
from gdprgate.detect import Detector, DetectorConfig, Finding, build_detector
from gdprgate.errors import GdprgateError
from gdprgate.store import Database
from gdprgate.vault import Vault

__version__ = "0.1.0"

__all__ = [
    "AuditEntry",
    "AuditLog",
    "Database",
    "Detector",
    "DetectorConfig",
    "Finding",
    "GdprgateError",
    "Settings",
    "Vault",
    "__version__",
    "build_detector",
]
