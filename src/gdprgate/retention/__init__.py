"""Storage limitation: the retention periods of the policy, enforced."""

from gdprgate.retention.sweeper import Retention, SweepResult

__all__ = ["Retention", "SweepResult"]
