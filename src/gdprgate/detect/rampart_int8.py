"""A faster copy of the Rampart model: 8-bit integer weights for the CPU.

The model ships with 4-bit block-quantised weights (``MatMulNBits``), which
onnxruntime computes in 32-bit floats on the CPU: about as slow as the
unquantised model. This module rewrites each such weight back to a float
matrix (exactly: the 4-bit values times their block scales) and lets
onnxruntime quantise the result dynamically to 8 bits, per output channel,
which its CPU kernels (AVX2, AVX-512 VNNI) run two to four times faster.
On 323 texts of court judgments and German news, the two models agreed on
92% of their findings; the rest were borderline both ways (see the README).

The converted model is written once to a cache folder, named after the
digest of the original, and reused; any failure falls back to the original.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger("gdprgate.detect")


def cache_dir() -> Path:
    """The default folder for converted models: the user's cache."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gdprgate" / "models"


def int8_model(source: Path, folder: Path | None = None) -> Path | None:
    """The path of the 8-bit copy of ``source``, converting it on first use.

    ``None`` when the conversion is not possible here (the ``onnx`` package
    is missing, or the graph is not what this module knows).
    """
    folder = folder or cache_dir()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = folder / f"rampart-{digest}-int8.onnx"
    if target.is_file():
        return target
    try:
        _convert(source, target)
    except Exception as exc:
        logger.warning(
            "Rampart stays 4-bit: conversion failed (%s)", type(exc).__name__
        )
        return None
    return target


def _convert(source: Path, target: Path) -> None:
    import onnx  # optional: needed once, to convert
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(source))
    _dequantize_nbits(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        float_path = Path(work) / "float.onnx"
        int8_path = Path(work) / "int8.onnx"
        onnx.save(model, str(float_path))
        quantize_dynamic(
            str(float_path),
            str(int8_path),
            weight_type=QuantType.QInt8,
            per_channel=True,
        )
        os.replace(int8_path, target)  # atomic: readers never see half a file


def _dequantize_nbits(model: Any) -> None:
    """Replace every 4-bit ``MatMulNBits`` node by a float ``MatMul``."""
    from onnx import helper, numpy_helper

    initializers = {item.name: item for item in model.graph.initializer}
    nodes = []
    for node in model.graph.node:
        if node.op_type != "MatMulNBits":
            nodes.append(node)
            continue
        weight = _float_weight(node, initializers)
        name = f"{node.input[1]}_float"
        model.graph.initializer.append(numpy_helper.from_array(weight, name))
        nodes.append(
            helper.make_node("MatMul", [node.input[0], name], list(node.output))
        )
    used = {name for node in nodes for name in node.input}
    kept = [item for item in model.graph.initializer if item.name in used]
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)


def _float_weight(node: Any, initializers: dict[str, Any]) -> Any:
    """The ``K x N`` float matrix a ``MatMulNBits`` node multiplies by."""
    import numpy as np
    from onnx import helper, numpy_helper

    attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
    if attributes.get("bits", 4) != 4:
        msg = "only 4-bit weights are supported"
        raise ValueError(msg)
    k, n, block = attributes["K"], attributes["N"], attributes["block_size"]
    packed = numpy_helper.to_array(initializers[node.input[1]])  # N, blocks, bytes
    blocks = packed.shape[1]
    values = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(n, blocks, block)
    scales = numpy_helper.to_array(initializers[node.input[2]]).reshape(n, blocks)
    zero = np.full((n, blocks), 8.0, dtype=np.float32)
    if len(node.input) > 3 and node.input[3]:
        points = numpy_helper.to_array(initializers[node.input[3]])
        unpacked = np.stack([points & 0x0F, points >> 4], axis=-1).reshape(n, -1)
        zero = unpacked[:, :blocks].astype(np.float32)
    weight = (values.astype(np.float32) - zero[:, :, None]) * scales[:, :, None]
    return np.ascontiguousarray(weight.reshape(n, blocks * block)[:, :k].T)
