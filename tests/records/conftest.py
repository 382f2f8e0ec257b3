"""Traffic through a real gateway under the example policy, for the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.policy import EXAMPLE_POLICY
from tests.gateway.monitoring_stack import monitored_stack
from tests.support.canary import EMAIL, IBAN, PERSON, PHONE


@pytest.fixture
def policy_file(data_dir: Path) -> Path:
    path = data_dir / "gdprgate.yaml"
    path.write_text(EXAMPLE_POLICY, encoding="utf-8")
    return path


@pytest.fixture
def traffic(data_dir: Path) -> Path:
    """A store holding audited traffic of both example purposes."""
    purposes = ("default", "customer.support")
    with monitored_stack(data_dir, EXAMPLE_POLICY, purposes, "default") as stack:
        support = "customer.support"
        answer = stack.chat(f"Reply to {PERSON} at {EMAIL}.", purpose=support)
        assert answer.status_code == 200
        assert stack.chat(f"Call {PHONE}.", purpose=support).status_code == 200
        assert stack.chat(f"{PERSON} asks.", purpose="default").status_code == 200
        # The example policy redacts IBANs for the default purpose.
        assert stack.chat(f"Pay {IBAN}.", purpose="default").status_code == 200
    return data_dir
