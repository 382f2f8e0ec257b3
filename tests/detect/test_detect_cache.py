"""FindingsCache and cache_key: an LRU of findings keyed by digests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from gdprgate.detect import Finding
from gdprgate.detect.cache import FindingsCache, cache_key

TEXT = "Anna Schmidt wohnt in Berlin."


def _found(start: int) -> tuple[Finding, ...]:
    return (Finding(start, start + 4, "PERSON", 0.9, "test"),)


def test_key_is_a_sha256_digest_that_holds_no_text() -> None:
    key = cache_key("de", TEXT, "config")

    assert len(key) == 32
    assert b"Anna" not in key


def test_key_changes_with_language_text_and_configuration() -> None:
    keys = {
        cache_key("de", TEXT, "config"),
        cache_key("en", TEXT, "config"),
        cache_key("de", TEXT + " ", "config"),
        cache_key("de", TEXT, "other config"),
    }

    assert len(keys) == 4


def test_parts_are_length_prefixed() -> None:
    """Moving characters between parts never gives the same key."""
    assert cache_key("de", "xtext", "c") != cache_key("dex", "text", "c")


def test_least_recently_used_entry_is_evicted() -> None:
    cache = FindingsCache(2)
    cache.put(b"a", _found(0))
    cache.put(b"b", _found(1))
    assert cache.get(b"a") == _found(0)

    cache.put(b"c", _found(2))

    assert cache.get(b"b") is None
    assert cache.get(b"a") == _found(0)
    assert cache.get(b"c") == _found(2)
    assert len(cache) == 2


def test_size_zero_stores_nothing() -> None:
    cache = FindingsCache(0)
    cache.put(b"a", _found(0))

    assert cache.get(b"a") is None
    assert len(cache) == 0


def test_a_cached_text_costs_no_language_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    import gdprgate.detect.detector as detector_module
    from gdprgate.detect import Detector, DetectorConfig

    guesses: list[str] = []
    real_guess = detector_module.guess_language

    def counting(text: str) -> str:
        guesses.append(text)
        return real_guess(text)

    monkeypatch.setattr(detector_module, "guess_language", counting)
    config = DetectorConfig(rampart=False, spacy=False)
    detector = Detector(config)
    text = "Bitte an anna.schmidt@example.com schreiben, danke."
    first = detector.analyze_batch([text, text])
    assert len(guesses) == 1  # equal texts are guessed and analysed once
    assert detector.analyze(text) == first[0] == first[1]
    assert len(guesses) == 1
    # A language given by the caller is a different key: analysed anew.
    assert detector.analyze(text, "de") == first[0]
    assert len(guesses) == 1


def test_cache_entries_of_one_scope_do_not_answer_another() -> None:
    from gdprgate.detect import Detector, DetectorConfig

    calls: list[list[str]] = []

    class Counting:
        name = "counting"

        def warm_up(self) -> None:
            pass

        def analyze_many(
            self, texts: Sequence[str], languages: Sequence[str]
        ) -> list[list[Finding]]:
            calls.append(list(texts))
            return [[] for _ in texts]

    detector = Detector(DetectorConfig(name_rules=False), layers=[Counting()])
    detector.analyze_batch([TEXT], "de", scope="acme")
    detector.analyze_batch([TEXT], "de", scope="acme")
    assert len(calls) == 1
    detector.analyze_batch([TEXT], "de", scope="globex")
    assert len(calls) == 2
    assert cache_key("de", TEXT, "c", "acme") != cache_key("de", TEXT, "c", "globex")
