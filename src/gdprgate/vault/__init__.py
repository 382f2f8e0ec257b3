"""Token <-> value, encrypted; blind index for look-up by value."""

from gdprgate.vault.keys import Keyring, TenantKeys, load_master_key
from gdprgate.vault.normalize import normalize_value
from gdprgate.vault.token import MAX_TOKEN_LEN, TOKEN_RE, Token
from gdprgate.vault.vault import FOREVER, Pseudonymised, Vault

__all__ = [
    "FOREVER",
    "MAX_TOKEN_LEN",
    "TOKEN_RE",
    "Keyring",
    "Pseudonymised",
    "TenantKeys",
    "Token",
    "Vault",
    "load_master_key",
    "normalize_value",
]
