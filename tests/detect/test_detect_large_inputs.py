"""Megabyte inputs of blanks, tabs, particles and user words: the rules
that read names around particles and user words stay linear, and a name at
the end of such an input is still found. (Tests never assert on time: a
quadratic rule makes these hang for hours instead.)"""

from __future__ import annotations

import pytest

from gdprgate.detect.gate import Lexicon, load_lexicon
from gdprgate.detect.name_rules import NameRules
from gdprgate.detect.particle_names import particle_names
from gdprgate.detect.patterns.home_directory import HomeDirectoryRecognizer
from gdprgate.detect.patterns.username import UsernameRecognizer
from tests.detect.pattern_cases import reported

MEGABYTE = 1_000_000


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return NameRules(load_lexicon())


def _repeated(unit: str) -> str:
    """``unit`` repeated to about a megabyte."""
    return unit * (MEGABYTE // len(unit))


FILLERS = [" ", "\t", " \t", "van de ", "Herr van de ", " 't", "user ", "user x "]
PARTICLE_NAME = "\nIk heb Hanneke de Vries gebeld."
USER_LINE = "\nFailed password for invalid user jdoe from 10.0.0.5"


@pytest.mark.parametrize("unit", FILLERS)
def test_a_particle_name_after_a_megabyte_of_filler_is_found(
    rules: NameRules, unit: str
) -> None:
    text = _repeated(unit) + PARTICLE_NAME
    found = particle_names(text, "nl", load_lexicon(), rules._is_any_given)
    start = text.index("Hanneke de Vries")
    assert [(f.start, f.end) for f in found][-1:] == [(start, start + 16)]


@pytest.mark.parametrize("unit", [" ", "\t", "van de ", " 't"])
def test_a_megabyte_without_a_name_has_no_particle_name(
    rules: NameRules, unit: str
) -> None:
    lexicon: Lexicon = load_lexicon()
    assert particle_names(_repeated(unit), "nl", lexicon, rules._is_any_given) == []


@pytest.mark.parametrize("unit", FILLERS)
def test_a_user_name_after_a_megabyte_of_filler_is_found(unit: str) -> None:
    text = _repeated(unit) + USER_LINE
    start = text.rindex("jdoe")
    assert reported(UsernameRecognizer(), text)[-1:] == [(start, start + 4)]


@pytest.mark.parametrize("unit", [" ", "\t", "user ", "van de "])
def test_a_megabyte_of_user_words_names_no_user(unit: str) -> None:
    assert reported(UsernameRecognizer(), _repeated(unit)) == []


@pytest.mark.parametrize("unit", ["/", "\\", "/ ", "C:\\"])
def test_a_home_directory_after_a_megabyte_of_slashes_is_found(unit: str) -> None:
    """Each slash of a run once tried the rest of the run (quadratic)."""
    text = _repeated(unit) + "\nls /home/jdoe/projects"
    start = text.rindex("jdoe")
    assert reported(HomeDirectoryRecognizer(), text) == [(start, start + 4)]
