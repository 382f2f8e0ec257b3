"""gdprgate: the GDPR compliance layer for self-hosted language models."""

from gdprgate.detect import Finding
from gdprgate.errors import GdprgateError

__version__ = "0.1.0"

__all__ = ["Finding", "GdprgateError", "__version__"]
