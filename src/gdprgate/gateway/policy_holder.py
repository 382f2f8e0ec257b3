"""The policy in force, swapped atomically when a new file is loaded."""

from __future__ import annotations

import threading
from pathlib import Path

from gdprgate.policy import Policy, default_policy, load_policy


class PolicyHolder:
    """Holds the policy every request reads; ``reload`` swaps it whole.

    A request reads :attr:`current` once and keeps that object, so it never
    sees half of an old and half of a new policy. A file that does not load
    raises :class:`~gdprgate.errors.PolicyError` and leaves the old one.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.current: Policy = load_policy(path) if path else default_policy()

    def reload(self) -> Policy:
        """Load the file again and put it in force (the built-in policy stays)."""
        with self._lock:
            if self.path is None:
                return self.current
            fresh = load_policy(self.path)
            self.current = fresh
            return fresh
