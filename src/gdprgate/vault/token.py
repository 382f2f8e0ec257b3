"""What a pseudonym looks like: ``<PERSON_4F2K>``.

A token names its entity type and carries a code of 4 or more characters
from the Crockford base-32 alphabet (no I, L, O or U), so that it reads well,
survives a model's copying and cannot be mistaken for ordinary text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MIN_CODE = 4
MAX_CODE = 26
MAX_ENTITY = 40

TOKEN_RE = re.compile(
    rf"<(?P<entity>[A-Z][A-Z0-9_]{{0,{MAX_ENTITY}}}?)"
    rf"_(?P<code>[{ALPHABET}]{{{MIN_CODE},{MAX_CODE}}})>"
)
# The longest text a token can span: "<", entity, "_", code, ">".
MAX_TOKEN_LEN = 1 + MAX_ENTITY + 1 + 1 + MAX_CODE + 1


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token."""

    entity: str
    code: str

    def __str__(self) -> str:
        return f"<{self.entity}_{self.code}>"

    @classmethod
    def parse(cls, text: str) -> Token | None:
        """The token ``text`` is, or ``None`` when it is not exactly one."""
        match = TOKEN_RE.fullmatch(text)
        if match is None:
            return None
        return cls(match["entity"], match["code"])


def encode_code(digest: bytes, length: int) -> str:
    """``length`` base-32 characters taken from the leading bits of ``digest``."""
    if not MIN_CODE <= length <= MAX_CODE:
        msg = f"token code length must be {MIN_CODE}..{MAX_CODE}"
        raise ValueError(msg)
    number = int.from_bytes(digest, "big")
    bits = len(digest) * 8
    chars = []
    for position in range(length):
        shift = bits - 5 * (position + 1)
        chars.append(ALPHABET[(number >> shift) & 31])
    return "".join(chars)
