"""Rampart's last hidden layer as a second output of its graph.

The name scorer (:mod:`gdprgate.detect.name_scorer`) reads, besides the
model's probabilities, what the model knows of a word before its
classifier: the 384 numbers of the encoder's last layer. The shipped graph
outputs only the logits, so this module adds that tensor as a second graph
output, in memory (either graph parses and serialises in about 50 ms),
for the shipped 4-bit graph and for the 8-bit copy alike; the copy keeps
the original's tensor names, and nothing on disk changes.

The tensor is looked up by its name in the exported graph and, should a
rewrite have renamed it, as the output of the graph's last layer norm (in
a BERT encoder, the last layer's output norm, which the classifier reads).
Without the ``onnx`` package, or without such a tensor, the graph is
opened as it is and the scorer keeps its weights without the hidden layer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

logger = logging.getLogger("gdprgate.detect")

# The encoder's output in the graph exported from the Hugging Face model.
HIDDEN_TENSOR = "/bert/encoder/layer.5/output/LayerNorm/LayerNormalization_output_0"
# Node types that normalise a layer's output (the second one is what
# onnxruntime's transformer optimiser fuses residual and norm into).
_NORMS = ("LayerNormalization", "SkipLayerNormalization")


def hidden_tensor(graph: Any) -> str | None:
    """The name of the encoder's last hidden tensor in an ONNX ``graph``:
    :data:`HIDDEN_TENSOR` when a node makes it, else the first output of
    the graph's last layer norm (nodes are in topological order), else
    ``None``."""
    made = {output for node in graph.node for output in node.output}
    if HIDDEN_TENSOR in made:
        return HIDDEN_TENSOR
    norms = [node for node in graph.node if node.op_type in _NORMS]
    return norms[-1].output[0] if norms and norms[-1].output else None


def with_hidden_output(path: Path) -> tuple[bytes, str] | None:
    """The graph at ``path`` with its hidden tensor as a second output,
    serialised for ``onnxruntime.InferenceSession``, and the tensor's name;
    ``None`` when that cannot be done here (logged, never raised)."""
    try:
        import onnx  # the ``ner`` extra's; optional for the layer

        model = onnx.load(str(path))
        name = hidden_tensor(model.graph)
        if name is None:
            logger.warning("Rampart graph has no hidden layer output to add")
            return None
        if name not in {output.name for output in model.graph.output}:
            model.graph.output.append(
                onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None)
            )
        return model.SerializeToString(), name
    except Exception as exc:
        logger.warning("Rampart hidden layer not available (%s)", type(exc).__name__)
        return None
