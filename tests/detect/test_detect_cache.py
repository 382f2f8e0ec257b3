"""FindingsCache and cache_key: an LRU of findings keyed by digests."""

from __future__ import annotations

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
