"""Tokens become values again, whole or split across stream chunks."""

from __future__ import annotations

import json

import pytest

from gdprgate.protect import Restorer, StreamFilter, json_escape, restore
from gdprgate.protect.restorer import MAX_VARIANT_LEN
from gdprgate.vault import MAX_TOKEN_LEN
from tests.support.canary import EMAIL, PERSON

MAP = {"<PERSON_4F2K>": PERSON, "<EMAIL_ADDRESS_9Q0Z>": EMAIL}
ANSWER = "Dear <PERSON_4F2K>, we wrote to <EMAIL_ADDRESS_9Q0Z> today."
EXPECTED = f"Dear {PERSON}, we wrote to {EMAIL} today."


def test_restore_replaces_known_tokens() -> None:
    assert restore(ANSWER, MAP) == EXPECTED


def test_unknown_or_foreign_tokens_stay_as_they_are() -> None:
    text = "Ask <PERSON_ZZZZ> or <EMAIL_ADDRESS_4F2K> or PERSON_4F2KX"
    assert restore(text, MAP) == text


def test_restore_escapes_values_inside_json() -> None:
    tricky = {"<PERSON_4F2K>": 'Anna "Nina" \\ Schmidt'}
    arguments = '{"to": "<PERSON_4F2K>"}'
    restored = restore(arguments, tricky, json_escape)
    assert json.loads(restored) == {"to": 'Anna "Nina" \\ Schmidt'}


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 13, 100])
def test_stream_restores_tokens_split_across_chunks(size: int) -> None:
    restorer = StreamFilter(Restorer(MAP))
    pieces = [ANSWER[i : i + size] for i in range(0, len(ANSWER), size)]
    out = "".join(restorer.feed(piece) for piece in pieces) + restorer.flush()
    assert out == EXPECTED


def test_every_split_point_restores_the_token() -> None:
    for cut in range(len(ANSWER)):
        restorer = StreamFilter(Restorer(MAP))
        out = restorer.feed(ANSWER[:cut]) + restorer.feed(ANSWER[cut:])
        assert out + restorer.flush() == EXPECTED, cut


def test_stream_holds_back_only_a_possible_token_prefix() -> None:
    restorer = StreamFilter(Restorer(MAP))
    assert restorer.feed("Hello <PERS") == "Hello "
    assert restorer.feed("ON_4F2K> and 3 < 4 ok") == f"{PERSON} and 3 < 4 ok"
    assert restorer.feed("a <b") == "a <b"  # no token starts with B
    assert restorer.feed(" then pers") == " then "  # may become person_4f2k
    assert restorer.flush() == "pers"


def test_holdback_is_bounded() -> None:
    restorer = StreamFilter(Restorer(MAP))
    long_run = "<" + "P" * (MAX_TOKEN_LEN * 2)
    out = restorer.feed(long_run)
    assert len(long_run) - len(out) <= MAX_VARIANT_LEN


def test_flush_returns_an_unfinished_prefix_verbatim() -> None:
    restorer = StreamFilter(Restorer(MAP))
    assert restorer.feed("bye <PERSON_4F") == "bye "
    assert restorer.flush() == "<PERSON_4F"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Dear person_4f2k,", f"Dear {PERSON},"),
        ("Dear <PERSON 4F2K>,", f"Dear {PERSON},"),
        ("Dear < PERSON_4F2K >,", f"Dear {PERSON},"),
        ("Dear [PERSON_4F2K],", f"Dear {PERSON},"),
        ("PERSON_4F2K's letter", f"{PERSON}'s letter"),
        ("Person-4f2k wrote", f"{PERSON} wrote"),
        ("mail email address 9q0z now", f"mail {EMAIL} now"),
        ("EMAIL_ADDRESS_9Q0Z.", f"{EMAIL}."),
        # Not variants: glued to other letters, or another code.
        ("XPERSON_4F2K", "XPERSON_4F2K"),
        ("PERSON_4F2KA", "PERSON_4F2KA"),
        ("PERSON_4F2L", "PERSON_4F2L"),
    ],
)
def test_tokens_the_model_rewrote_are_restored(written: str, expected: str) -> None:
    assert restore(written, MAP) == expected


def test_a_variant_split_over_three_chunks_is_restored() -> None:
    restorer = StreamFilter(Restorer(MAP))
    out = restorer.feed("Hi pers") + restorer.feed("on 4f") + restorer.feed("2k! Bye")
    assert out + restorer.flush() == f"Hi {PERSON}! Bye"
