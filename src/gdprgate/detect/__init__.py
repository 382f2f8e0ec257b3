"""Text in, findings out: every way gdprgate finds personal data.

Offsets in every :class:`Finding` are Python ``str`` indices (code points).
"""

from gdprgate.detect.finding import Finding

__all__ = ["Finding"]
