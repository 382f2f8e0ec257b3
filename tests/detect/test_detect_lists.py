"""Allow-lists, deny-lists, disabled recognizers and context languages."""

from __future__ import annotations

import pytest

from gdprgate.detect import DetectorConfig, build_detector
from gdprgate.errors import ConfigError

PATTERNS_ONLY = {"rampart": False, "spacy": False}


def _values(config: DetectorConfig, text: str) -> list[tuple[str, str]]:
    found = build_detector(config).analyze(text, "en")
    return [(text[f.start : f.end], f.entity) for f in found]


def test_allow_listed_values_are_never_reported() -> None:
    text = "Write to support@example.com or anna.schmidt@example.com."
    config = DetectorConfig(**PATTERNS_ONLY, allow_list=(" SUPPORT@example.com ",))

    assert _values(config, text) == [("anna.schmidt@example.com", "EMAIL_ADDRESS")]


def test_deny_listed_terms_are_always_reported() -> None:
    text = "Project Bluefinch and project  BLUEFINCH are secret; bluefinches not."
    config = DetectorConfig(
        **PATTERNS_ONLY, deny_list=(("PROJECT", "project bluefinch"),)
    )

    assert _values(config, text) == [
        ("Project Bluefinch", "PROJECT"),
        ("project  BLUEFINCH", "PROJECT"),
    ]


def test_lists_given_as_lists_are_accepted_and_hashable() -> None:
    config = DetectorConfig(allow_list=["a"], deny_list=[["X", "y"]])  # type: ignore[arg-type]

    assert config.allow_list == ("a",)
    assert config.deny_list == (("X", "y"),)
    assert hash(config)


def test_disabled_recognizers_do_not_run() -> None:
    text = "Anna is 42 years old."
    assert _values(DetectorConfig(**PATTERNS_ONLY), text) == [("42", "AGE")]

    config = DetectorConfig(**PATTERNS_ONLY, disabled_recognizers=("age",))
    assert _values(config, text) == []


def test_context_languages_choose_whose_words_count() -> None:
    text = "Meine Steuer-ID ist nicht hier, aber geboren am 12.03.1985."
    german = DetectorConfig(**PATTERNS_ONLY, context_languages=("de",))
    french = DetectorConfig(**PATTERNS_ONLY, context_languages=("fr",))

    assert _values(german, text) == [("12.03.1985", "DATE_OF_BIRTH")]
    # Without the German birth word it is a date, which in English text is
    # spaCy's to report (off here).
    assert _values(french, text) == []


@pytest.mark.parametrize(
    "settings",
    [{"context_languages": ("xx",)}, {"disabled_recognizers": ("no_such",)}],
)
def test_bad_list_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        DetectorConfig(**settings)  # type: ignore[arg-type]
