"""The policy gdprgate runs on when no policy file is given.

It is safe by construction: every type of personal data detected becomes a
token on the way in and on the way out, so the model never sees a detected
value. ``restore`` is on, but only a principal holding the ``reidentify``
role gets original values back; everyone else reads tokens. Its YAML form is
in ``docs/policy.md``, and a test keeps the two equal.
"""

from __future__ import annotations

from functools import cache

from gdprgate.policy.model import Controller, Policy, Purpose, Tenant

DEFAULT_TENANT = "default"
DEFAULT_PURPOSE = "default"


@cache
def default_policy() -> Policy:
    """The built-in policy: one tenant, one purpose, tokens for everything."""
    return Policy(
        controller=Controller(
            name="not declared (built-in default policy)",
            contact="not declared: write a policy file with gdprgate policy init",
        ),
        tenants=[
            Tenant(id=DEFAULT_TENANT, description="The one pseudonymisation domain.")
        ],
        purposes=[
            Purpose(
                id=DEFAULT_PURPOSE,
                description=(
                    "Use of a self-hosted language model through gdprgate, "
                    "with every detected personal value replaced by a token."
                ),
                legal_basis="f",
                data_subjects=["users", "people named in prompts"],
                data_categories=["user"],
                default_input_action="token",
                default_output_action="token",
                restore=True,
            )
        ],
    )
