"""Fixtures of the detection tests: model-backed layers load once per run."""

from __future__ import annotations

import pytest

from gdprgate.detect import Detector, DetectorConfig, build_detector
from gdprgate.detect.rampart import RampartLayer
from gdprgate.detect.spacy_ner import SpacyLayer


@pytest.fixture(scope="session")
def rampart_layer() -> RampartLayer:
    """The Rampart layer with its model loaded."""
    layer = RampartLayer()
    layer.warm_up()
    return layer


@pytest.fixture(scope="session")
def spacy_layer() -> SpacyLayer:
    """The spaCy layer with the English and French pipelines loaded."""
    layer = SpacyLayer(("en", "fr"))
    layer.warm_up()
    return layer


@pytest.fixture(scope="session")
def full_detector() -> Detector:
    """A detector with every layer on, warmed up."""
    detector = build_detector(DetectorConfig())
    detector.warm_up()
    return detector
