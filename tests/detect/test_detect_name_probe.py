"""The name scorer's probe: Rampart's last hidden layer as a second graph
output, the packaged weight table, and the scorer's weights without them."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper

from gdprgate.detect import rampart
from gdprgate.detect.name_probe import TABLE, load_probe, probe_from
from gdprgate.detect.name_scorer import FEATURES
from gdprgate.detect.rampart import RampartLayer, RampartModel, load_rampart
from gdprgate.detect.rampart_hidden import (
    HIDDEN_TENSOR,
    hidden_tensor,
    with_hidden_output,
)
from gdprgate.detect.rampart_int8 import int8_model

HIDDEN_SIZE = 384
# A made-up surname that the word features doubt in this sentence (lone,
# after a preposition) and that the hidden layer reads as a person's.
PROBED = "Gegen Morlak ermittelt die Staatsanwaltschaft."
PROBED_NAME = "Morlak"


def _people(layer: RampartLayer, text: str) -> list[str]:
    [found] = layer.analyze_many([text], ["de"])
    return [text[f.start : f.end] for f in found if f.entity == "PERSON"]


def _without_hidden(model: RampartModel) -> RampartModel:
    """``model`` asking its session for the logits only."""
    return dataclasses.replace(model, outputs=model.outputs[:1], hidden_projection=None)


def _graph(tmp_path: Path, norms: list[str]) -> Path:
    """A tiny saved graph: an identity, then one layer norm per name in
    ``norms`` (each outputs a tensor of that name), then a matrix product."""
    nodes = [helper.make_node("Identity", ["x"], ["start"])]
    last = "start"
    for name in norms:
        nodes.append(
            helper.make_node(
                "LayerNormalization", [last, "gamma", "beta"], [name], axis=-1
            )
        )
        last = name
    nodes.append(helper.make_node("MatMul", [last, "weight"], ["logits"]))
    initializers = [
        helper.make_tensor("gamma", TensorProto.FLOAT, [2], [1.0, 1.0]),
        helper.make_tensor("beta", TensorProto.FLOAT, [2], [0.0, 0.0]),
        helper.make_tensor("weight", TensorProto.FLOAT, [2, 1], [1.0, -1.0]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 1])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    path = tmp_path / "tiny.onnx"
    onnx.save(model, str(path))
    return path


def _table() -> dict[str, Any]:
    source = importlib.resources.files("gdprgate.detect").joinpath(TABLE)
    data: dict[str, Any] = json.loads(source.read_text("utf-8"))
    return data


def test_the_last_layer_norm_stands_in_for_a_renamed_tensor(tmp_path: Path) -> None:
    renamed = onnx.load(str(_graph(tmp_path, ["norm_a", "norm_b"])))
    exported = onnx.load(str(_graph(tmp_path, ["norm_a", HIDDEN_TENSOR])))
    plain = onnx.load(str(_graph(tmp_path, [])))

    assert hidden_tensor(renamed.graph) == "norm_b"
    assert hidden_tensor(exported.graph) == HIDDEN_TENSOR
    assert hidden_tensor(plain.graph) is None


def test_a_graph_without_a_hidden_layer_gets_no_second_output(tmp_path: Path) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not an onnx graph")

    assert with_hidden_output(_graph(tmp_path, [])) is None
    assert with_hidden_output(broken) is None


def test_the_added_output_is_the_hidden_tensor(tmp_path: Path) -> None:
    made = with_hidden_output(_graph(tmp_path, ["norm_a", "norm_b"]))

    assert made is not None
    graph = onnx.load_from_string(made[0]).graph
    assert made[1] == "norm_b"
    assert [output.name for output in graph.output] == ["logits", "norm_b"]


def test_the_weight_table_has_the_features_the_scorer_reads() -> None:
    probe = load_probe()

    assert probe is not None
    assert list(probe.weights) == list(FEATURES)
    assert probe.projection.shape == (HIDDEN_SIZE, 1)
    assert probe.projection.dtype == np.float32
    assert probe.languages == frozenset({"de", "es", "fr", "nl", "pt", "sv"})


def test_a_table_that_does_not_fit_the_scorer_is_refused() -> None:
    fewer = _table()
    del fewer["features"]["bias"]
    shorter = _table()
    shorter["hidden_weights"] = shorter["hidden_weights"][:-1]
    first = _table()
    first["pieces"] = "first" if first["pieces"] == "mean" else "mean"

    for data in (fewer, shorter, first):
        with pytest.raises(ValueError, match="probe table"):
            probe_from(data, FEATURES)


def test_the_standardisation_is_folded_into_the_projection() -> None:
    """(h - mean) / scale @ w is h @ (w / scale) with the constant in the
    bias: here w / scale = (2, 2) and mean / scale @ w = 2 + 4."""
    data = {
        "features": {"bias": 1.0, "name_logit": 0.5},
        "hidden_size": 2,
        "hidden_mean": [1.0, 2.0],
        "hidden_scale": [2.0, 4.0],
        "hidden_weights": [4.0, 8.0],
        "pieces": _table()["pieces"],
        "languages": ["de"],
    }

    probe = probe_from(data, ["bias", "name_logit"])

    assert probe.projection.tolist() == [[2.0], [2.0]]
    assert probe.weights == {"bias": -5.0, "name_logit": 0.5}


@pytest.mark.ner
@pytest.mark.parametrize("int8", [True, False])
def test_both_graphs_have_the_hidden_tensor(int8: bool) -> None:
    shipped = rampart.model_directory() / "onnx" / "model_q4.onnx"
    path = (int8_model(shipped) or shipped) if int8 else shipped

    assert int8 == (path != shipped)
    assert hidden_tensor(onnx.load(str(path)).graph) == HIDDEN_TENSOR


@pytest.mark.ner
@pytest.mark.parametrize("int8", [True, False])
def test_the_hidden_output_gives_one_vector_per_token(int8: bool) -> None:
    model = load_rampart(int8)
    ids = model.tokenizer.encode("Anna Schmidt", add_special_tokens=False).ids
    input_ids = np.array([[model.cls_id, *ids, model.sep_id]], dtype=np.int64)
    feed = {
        "input_ids": input_ids,
        "attention_mask": np.ones_like(input_ids),
        "token_type_ids": np.zeros_like(input_ids),
    }
    feed = {name: value for name, value in feed.items() if name in model.input_names}

    logits, hidden = model.session.run(list(model.outputs), feed)

    assert model.outputs[1] == HIDDEN_TENSOR
    assert hidden.shape == (1, len(ids) + 2, HIDDEN_SIZE)
    assert logits.shape[:2] == hidden.shape[:2]
    assert model.hidden_width == 1


@pytest.mark.ner
def test_the_hidden_layer_finds_a_surname_the_features_doubt(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_rampart(rampart_layer.int8, rampart_layer.cache)
    assert _people(rampart_layer, PROBED) == [PROBED_NAME]

    monkeypatch.setitem(rampart._loaded, rampart_layer.int8, _without_hidden(model))
    assert _people(RampartLayer(rampart_layer.int8, rampart_layer.cache), PROBED) == []


@pytest.mark.ner
def test_the_probe_reads_only_the_languages_it_is_used_for(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In Polish text the same sentence is scored with the plain weights,
    hidden layer or not."""
    text = PROBED
    model = load_rampart(rampart_layer.int8, rampart_layer.cache)
    [with_hidden] = rampart_layer.analyze_many([text], ["pl"])

    monkeypatch.setitem(rampart._loaded, rampart_layer.int8, _without_hidden(model))
    plain = RampartLayer(rampart_layer.int8, rampart_layer.cache)
    assert plain.analyze_many([text], ["pl"]) == [with_hidden]


@pytest.mark.ner
def test_without_the_tensor_the_scorer_keeps_its_weights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rampart, "with_hidden_output", lambda path: None)
    model = rampart._load(rampart.model_directory(), False, None)
    assert model.outputs == ("logits",)
    assert model.hidden_width == 0

    monkeypatch.setitem(rampart._loaded, False, model)
    assert _people(RampartLayer(int8=False), PROBED) == []


@pytest.mark.ner
def test_hidden_shares_do_not_depend_on_the_texts_alongside(
    rampart_layer: RampartLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 8-bit model runs one window at a time: a text's hidden-layer
    numbers are the same alone and in a batch with others."""
    seen: dict[str, list[Any]] = {}
    decode = rampart.decode_parts

    def spy(text: str, *args: Any) -> Any:
        seen.setdefault(text, []).append(args[-1])
        return decode(text, *args)

    monkeypatch.setattr(rampart, "decode_parts", spy)
    others = ["Die Sitzung mit Frau Ilse Brandauer begann um neun.", "x " * 400]
    rampart_layer.analyze_many([PROBED], ["de"])
    rampart_layer.analyze_many([others[0], PROBED, others[1]], ["de"] * 3)

    alone, batched = seen[PROBED]
    assert alone is not None
    assert alone.shape[1] == 1
    assert np.array_equal(alone, batched)
