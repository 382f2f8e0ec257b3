"""Reddit users and handle-shaped authors of a post (the username recognizer)."""

from __future__ import annotations

import pytest

from gdprgate.detect.patterns.username import UsernameRecognizer
from tests.detect.pattern_cases import reported, spans_of

CASES: list[tuple[str, list[str]]] = [
    (
        "posted by u/throwaway_renter22 · reply from u/LegalEagleUK: ok",
        ["u/throwaway_renter22", "u/LegalEagleUK"],
    ),
    ("Gepostet von lisa_m_1994: Danke an alle", ["lisa_m_1994"]),
    ("Publié par marie_d_88 hier soir", ["marie_d_88"]),
    ("pubblicato da gio_rossi_7 ieri", ["gio_rossi_7"]),
    ("Signed for by: k_weber_7", ["k_weber_7"]),
    # Paths, subreddits, dates and identifiers of code are no one's.
    ("see reddit.com/u/someone_x or /r/python", []),
    ("open src/u/helpers.py", []),
    ("posted by the team on 2024_01_05", []),
    ("file_name_2 holds the cache", []),
]


@pytest.mark.parametrize(("text", "values"), CASES)
def test_post_author_spans(text: str, values: list[str]) -> None:
    """A Reddit user, or a handle after an author word, exactly."""
    assert reported(UsernameRecognizer(), text) == spans_of(text, values)
