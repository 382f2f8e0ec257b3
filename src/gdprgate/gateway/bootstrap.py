"""The first API key of a new gateway, so that it works out of the box.

When the key store holds no usable key, ``gdprgate serve`` creates one for
the policy's first tenant, with the ``client`` and ``reidentify`` roles and
every purpose, prints it once, and keeps it in ``DATA_DIR/bootstrap.key``
(mode 0600) for the README's examples. Revoke it (``gdprgate keys revoke``)
once real keys exist.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from gdprgate.policy import KeyStore, Policy

BOOTSTRAP_FILE = "bootstrap.key"


def ensure_bootstrap_key(keys: KeyStore, policy: Policy, data_dir: Path) -> str | None:
    """Create the first key when none can authenticate; return its secret.

    ``None`` when a usable key exists already (nothing is created).
    """
    now = datetime.now(UTC)
    if any(principal.is_active(now) for principal in keys.list()):
        return None
    tenant = policy.tenants[0].id if policy.tenants else "default"
    purposes = [purpose.id for purpose in policy.purposes]
    _, secret = keys.create(
        tenant=tenant,
        roles=["client", "reidentify"],
        purposes=purposes,
        name="bootstrap",
        policy=policy,
    )
    path = data_dir / BOOTSTRAP_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret + "\n")
    return secret
