"""The 8-bit copy of Rampart: made once, cached, and finding the same names."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdprgate.detect.rampart import RampartLayer, model_directory
from gdprgate.detect.rampart_int8 import int8_model

pytestmark = pytest.mark.ner

SHIPPED = "onnx/model_q4.onnx"


def test_conversion_is_cached_by_digest(tmp_path: Path) -> None:
    source = model_directory() / SHIPPED
    first = int8_model(source, tmp_path)
    assert first is not None
    assert first.parent == tmp_path
    stamp = first.stat().st_mtime_ns
    assert int8_model(source, tmp_path) == first
    assert first.stat().st_mtime_ns == stamp  # reused, not converted again
    assert list(tmp_path.iterdir()) == [first]  # no temporary files left


def test_a_graph_it_cannot_convert_falls_back(tmp_path: Path) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not an onnx graph")
    assert int8_model(broken, tmp_path / "cache") is None


@pytest.mark.parametrize(
    "text",
    [
        "Please forward the file to Anna Schmidt tomorrow.",
        "Rufen Sie bitte Frau Giulia Rossi in Bologna an.",
        "Le dossier de Jean-Luc Moreau est complet.",
    ],
)
def test_both_models_find_the_same_people(text: str, tmp_path: Path) -> None:
    def people(layer: RampartLayer) -> list[str]:
        [found] = layer.analyze_many([text], ["en"])
        return [text[f.start : f.end] for f in found if f.entity == "PERSON"]

    quantised = people(RampartLayer(int8=True, cache=str(tmp_path)))
    shipped = people(RampartLayer(int8=False))
    assert quantised == shipped
    assert quantised
