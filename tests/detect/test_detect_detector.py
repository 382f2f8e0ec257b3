"""Detector: layers, cache, switches and failures, with spy layers."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

import gdprgate.detect
import gdprgate.detect.detector as detector_module
from gdprgate.detect import Detector, DetectorConfig, Finding, build_detector
from gdprgate.detect.patterns import PatternLayer
from gdprgate.errors import ConfigError, DetectionError

TEXT = "Bitte rufen Sie Anna Schmidt an, anna.schmidt@example.com."


class SpyLayer:
    """Reports every 'Anna' as a PERSON and counts how often it is asked."""

    name = "spy"

    def __init__(self, score: float = 0.9) -> None:
        self.score = score
        self.calls = 0
        self.texts: list[str] = []
        self.languages: list[str] = []
        self.warmed = False

    def warm_up(self) -> None:
        self.warmed = True

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        self.calls += 1
        self.texts.extend(texts)
        self.languages.extend(languages)
        return [self._find(text) for text in texts]

    def _find(self, text: str) -> list[Finding]:
        found = []
        start = text.find("Anna")
        while start != -1:
            found.append(Finding(start, start + 4, "PERSON", self.score, "spy"))
            start = text.find("Anna", start + 1)
        return found


class BrokenLayer(SpyLayer):
    """Fails with a message that carries the analysed text."""

    name = "broken"

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        raise RuntimeError(f"cannot handle {texts[0]}")


def _detector(*layers: SpyLayer, **settings: object) -> Detector:
    # The spies stand in for the models: the name rules would add findings.
    settings.setdefault("name_rules", False)
    config = DetectorConfig(**settings)  # type: ignore[arg-type]
    return Detector(config, layers=list(layers))


def test_public_api_is_exactly_the_intended_set() -> None:
    assert sorted(gdprgate.detect.__all__) == [
        "Detector",
        "DetectorConfig",
        "DetectorPool",
        "Finding",
        "build_detector",
        "guess_language",
        "resolve_overlaps",
    ]


def test_second_call_is_served_from_the_cache() -> None:
    spy = SpyLayer()
    detector = _detector(spy)

    first = detector.analyze(TEXT, "de")
    second = detector.analyze(TEXT, "de")

    assert first == second == [Finding(16, 20, "PERSON", 0.9, "spy")]
    assert spy.calls == 1


def test_cache_is_keyed_by_language_and_can_be_turned_off() -> None:
    spy = SpyLayer()
    detector = _detector(spy)
    detector.analyze(TEXT, "de")
    detector.analyze(TEXT, "en")
    assert spy.calls == 2

    uncached_spy = SpyLayer()
    uncached = _detector(uncached_spy, cache_size=0)
    uncached.analyze(TEXT, "de")
    uncached.analyze(TEXT, "de")
    assert uncached_spy.calls == 2


def test_cached_findings_cannot_be_changed_through_a_result() -> None:
    detector = _detector(SpyLayer())
    detector.analyze(TEXT, "de").clear()

    assert detector.analyze(TEXT, "de") != []


def test_batch_runs_each_layer_once_on_new_distinct_texts() -> None:
    spy = SpyLayer()
    detector = _detector(spy)
    detector.analyze("Anna is here.", "en")

    results = detector.analyze_batch(
        ["Anna is here.", "Hello Anna", "Hello Anna", "nobody", ""], "en"
    )

    assert [len(found) for found in results] == [1, 1, 1, 0, 0]
    assert results[1] == [Finding(6, 10, "PERSON", 0.9, "spy")]
    assert spy.calls == 2
    assert spy.texts == ["Anna is here.", "Hello Anna", "nobody"]


def test_language_is_guessed_when_not_given() -> None:
    spy = SpyLayer()
    _detector(spy).analyze_batch([TEXT, "Merci, je vous rappelle demain."])

    assert spy.languages == ["de", "fr"]


def test_findings_below_min_score_are_dropped() -> None:
    assert _detector(SpyLayer(score=0.4)).analyze(TEXT, "de") == []
    assert _detector(SpyLayer(score=0.4), min_score=0.3).analyze(TEXT, "de")


def test_a_failing_layer_raises_detection_error_without_the_text() -> None:
    detector = _detector(BrokenLayer())

    with pytest.raises(DetectionError) as caught:
        detector.analyze(TEXT, "de")

    assert "Anna" not in str(caught.value)
    assert "broken" in str(caught.value)
    assert isinstance(caught.value.__cause__, RuntimeError)


def test_a_layer_with_a_wrong_result_count_is_an_error() -> None:
    class ShortLayer(SpyLayer):
        def analyze_many(
            self, texts: Sequence[str], languages: Sequence[str]
        ) -> list[list[Finding]]:
            return []

    with pytest.raises(DetectionError):
        _detector(ShortLayer()).analyze(TEXT, "de")


def test_warm_up_reaches_every_layer() -> None:
    spies = [SpyLayer(), SpyLayer()]
    _detector(*spies).warm_up()

    assert all(spy.warmed for spy in spies)


def test_concurrent_calls_agree() -> None:
    spy = SpyLayer()
    detector = _detector(spy)
    texts = [f"Anna number {i}" for i in range(50)]
    results: list[list[list[Finding]]] = []

    def work() -> None:
        results.append([detector.analyze(text, "en") for text in texts])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 8
    assert all(result == results[0] for result in results)


def test_with_model_layers_off_only_patterns_run() -> None:
    detector = build_detector(DetectorConfig(rampart=False, spacy=False))

    found = detector.analyze(TEXT)

    assert [(f.entity, f.source) for f in found] == [("EMAIL_ADDRESS", "pattern:email")]
    assert [type(layer) for layer in detector._get_layers()] == [PatternLayer]


def test_with_every_layer_off_nothing_is_found() -> None:
    config = DetectorConfig(patterns=False, rampart=False, spacy=False)

    assert build_detector(config).analyze(TEXT) == []


@pytest.mark.parametrize(
    "settings",
    [{"min_score": 1.5}, {"cache_size": -1}, {"spacy_languages": ("en", "de")}],
)
def test_bad_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        DetectorConfig(**settings)  # type: ignore[arg-type]


class ModelSpy(SpyLayer):
    """A spy in the place of a model layer (it reads after the patterns)."""

    name = "model"
    gated = True


class SideSpy(ModelSpy):
    """A model spy that asks for a thread of its own and notes which one it
    got."""

    name = "side"
    side_thread = True

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[str] = []

    def analyze_many(
        self, texts: Sequence[str], languages: Sequence[str]
    ) -> list[list[Finding]]:
        self.threads.append(threading.current_thread().name)
        return super().analyze_many(texts, languages)


class SideBroken(BrokenLayer):
    name = "side-broken"
    gated = True
    side_thread = True


def test_a_side_thread_layer_runs_beside_the_others_with_the_same_findings() -> None:
    side, here = SideSpy(), ModelSpy()
    found = _detector(side, here, cache_size=0, model_gate=False).analyze(TEXT, "de")

    assert side.threads
    assert side.threads[0] != threading.current_thread().name
    assert [(f.start, f.end, f.entity) for f in found] == [(16, 20, "PERSON")]
    assert found == _detector(SpyLayer(), SpyLayer()).analyze(TEXT, "de")


def test_a_large_batch_and_a_lone_layer_stay_on_the_calling_thread() -> None:
    """Batches of many texts come from processes that fill the cores."""
    side = SideSpy()
    _detector(side, ModelSpy(), cache_size=0, model_gate=False).analyze_batch(
        [f"{TEXT} {n}" for n in range(detector_module.SIDE_BY_SIDE_TEXTS + 1)], "de"
    )
    alone = SideSpy()
    _detector(alone, SpyLayer(), cache_size=0, model_gate=False).analyze(TEXT, "de")

    here = threading.current_thread().name
    assert side.threads == [here]
    assert alone.threads == [here]


def test_a_failing_side_thread_layer_fails_the_call_without_its_text() -> None:
    detector = _detector(SideBroken(), ModelSpy(), cache_size=0, model_gate=False)

    with pytest.raises(DetectionError) as caught:
        detector.analyze(TEXT, "de")

    assert "Anna" not in str(caught.value)


def test_model_layers_read_the_text_without_validated_contact_values() -> None:
    """The e-mail the patterns validated is blanked out (same length) for
    the model layers; the pattern's own finding stays."""
    text = "Schreiben Sie an anna.schmidt@example.com oder Anna direkt."
    model = ModelSpy()
    found = _detector(PatternLayer(), model, cache_size=0, model_gate=False).analyze(
        text, "de"
    )

    [seen] = model.texts
    assert len(seen) == len(text)
    assert "@" not in seen
    assert seen.replace(" ", "") == text.replace(" ", "").replace(
        "anna.schmidt@example.com", ""
    )
    assert [(text[f.start : f.end], f.entity) for f in found] == [
        ("anna.schmidt@example.com", "EMAIL_ADDRESS"),
        ("Anna", "PERSON"),
    ]


def test_without_validated_keeps_weak_and_other_findings() -> None:
    text = "call 030 1234567 on 2024-05-01 at Hauptstr. 5"
    phone = Finding(5, 16, "PHONE_NUMBER", 1.0, "pattern:phone")
    weak = Finding(5, 16, "PHONE_NUMBER", 0.6, "pattern:phone")
    date = Finding(20, 30, "DATE_TIME", 1.0, "pattern:date")

    assert detector_module.without_validated(text, [weak, date]) == text
    masked = detector_module.without_validated(text, [phone, date])
    assert masked == "call " + " " * 11 + text[16:]
