"""Policy: who may do what with personal data, for which purpose, on which
legal basis.

The policy file (``gdprgate.yaml``) declares the controller, the tenants and
the purposes of processing with their per-entity actions; API keys bind a
principal to a tenant, roles and purposes. See ``docs/policy.md``.
"""

from gdprgate.policy.builtin import DEFAULT_PURPOSE, DEFAULT_TENANT, default_policy
from gdprgate.policy.durations import parse_duration
from gdprgate.policy.example import EXAMPLE_POLICY
from gdprgate.policy.keys import KeyStore, check_key_request
from gdprgate.policy.loader import load_policy, parse_policy
from gdprgate.policy.model import (
    ACTIONS,
    Action,
    Controller,
    DeletionHook,
    Policy,
    Purpose,
    RightsRules,
    Tenant,
    Transfer,
)
from gdprgate.policy.principal import ROLES, Principal

__all__ = [
    "ACTIONS",
    "DEFAULT_PURPOSE",
    "DEFAULT_TENANT",
    "EXAMPLE_POLICY",
    "ROLES",
    "Action",
    "Controller",
    "DeletionHook",
    "KeyStore",
    "Policy",
    "Principal",
    "Purpose",
    "RightsRules",
    "Tenant",
    "Transfer",
    "check_key_request",
    "default_policy",
    "load_policy",
    "parse_duration",
    "parse_policy",
]
