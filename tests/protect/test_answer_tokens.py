"""Tokens the model rewrote are tokens to the output check too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from gdprgate.detect import Finding
from gdprgate.gateway.answer import AnswerFilter
from gdprgate.protect import OutputGuard, Pseudonymizer, Restorer, StreamFilter
from gdprgate.store import Database
from gdprgate.vault import TOKEN_RE, Keyring, Vault, load_master_key
from tests.support.canary import EMAIL

# What a model layer may make of a token's random code: an ID number.
_CODE = re.compile(r"(?i)(?<![a-z0-9])[a-z0-9]*\d[a-z0-9]*(?![a-z0-9])")


class CodesLookLikeIds:
    """Reads every word with a digit as an ID number, as a model might."""

    def analyze_batch(
        self, texts: Sequence[str], language: str | None = None, scope: str = ""
    ) -> list[list[Finding]]:
        return [
            [
                Finding(m.start(), m.end(), "ID_NUMBER", 0.9, "test")
                for m in _CODE.finditer(t)
            ]
            for t in texts
        ]


@pytest.fixture
def issued(data_dir: Path) -> tuple[Vault, str]:
    """A vault and the token it issued for an e-mail address of a request."""
    db = Database.for_data_dir(data_dir)
    db.upgrade()
    vault = Vault(db, Keyring(db, load_master_key(data_dir)))
    text = f"Write to {EMAIL} today."
    start = text.index(EMAIL)
    finding = Finding(start, start + len(EMAIL), "EMAIL_ADDRESS", 1.0, "test")
    protected = Pseudonymizer(vault).protect("acme", [text], [[finding]])
    [token] = protected.restore_map
    return vault, token


def _variants(token: str) -> list[str]:
    entity, code = TOKEN_RE.fullmatch(token).group("entity", "code")  # type: ignore[union-attr]
    return [token.lower(), f"{entity.lower()}_{code.lower()}", f"<{entity} {code}>"]


@pytest.mark.parametrize("restore", [True, False])
def test_rewritten_tokens_are_not_read_as_new_values(
    issued: tuple[Vault, str], restore: bool
) -> None:
    vault, token = issued
    guard = OutputGuard(CodesLookLikeIds(), vault, "acme")
    answers = AnswerFilter(
        Restorer({token: EMAIL} if restore else {}), guard, tokens=[token]
    )
    for variant in _variants(token):
        out = answers.text(f"The address is {variant}, as asked.")
        assert out == f"The address is {EMAIL if restore else token}, as asked."
        stream = answers.stream()
        pieces = [
            stream.feed(p) for p in ("The address is ", variant[:6], variant[6:], ".")
        ]
        assert "".join(pieces) + stream.flush() == out[: out.index(",")] + "."
    assert guard.counts == {}


def test_a_closing_bracket_followed_by_letters_is_part_of_the_token() -> None:
    restorer = Restorer({"<PERSON_4F2K>": "Jorinde Baumer"})
    assert restorer.restore("Ask <PERSON_4F2K>s team.") == "Ask Jorinde Baumers team."
    assert restorer.restore("Ask [person 4f2k]'s team.") == "Ask Jorinde Baumer's team."
    # A code that goes on is someone else's code.
    assert restorer.restore("Ask PERSON_4F2KX.") == "Ask PERSON_4F2KX."


@pytest.mark.parametrize("opener", ['"', "(", "«", '{"to": "'])
def test_a_name_after_a_quote_or_bracket_is_checked_whole(opener: str) -> None:
    """JSON answers and tool arguments open every value with a quote: the
    first name is held until the surname is there, as without the quote."""
    name = "Jorinde Baumer"

    def check(text: str, context: str) -> str:
        return text.replace(name, "<PERSON_AB12>")

    stream = StreamFilter(Restorer({}), check)
    pieces = [opener, "Jorinde", " Bau", "mer", '", next']
    out = "".join(stream.feed(piece) for piece in pieces) + stream.flush()
    assert "Jorinde" not in out
    assert out == f'{opener}<PERSON_AB12>", next'
