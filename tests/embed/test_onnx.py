"""MiniLM on ONNX Runtime: PyTorch's vectors in float32; int8 close, with an id of its own."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from themesift.embed import get_embedder
from themesift.embed.minilm import MINILM_ID
from themesift.embed.onnx import OnnxMiniLM
from themesift.errors import ThemesiftError

pytestmark = pytest.mark.slow

TEXTS = ["The nurses were kind and explained everything.", "Parking was a nightmare",
         "Waited four hours in A&E with a broken wrist, nobody told us anything at all, "
         "and the toilets were dirty", "ok", "Nothing could be better", "x " * 400]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("onnx") / "minilm-onnx"
    OnnxMiniLM(folder=folder).embed(["warm"])  # built once, from the bundled weights
    return folder


def test_float32_gives_pytorchs_vectors_under_minilms_id(folder: Path) -> None:
    onnx = OnnxMiniLM(folder=folder)
    torch = get_embedder("minilm-torch")
    a, b = onnx.embed(TEXTS), torch.embed(TEXTS)
    assert onnx.model_id == torch.model_id == MINILM_ID
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) > 0.99999
    shuffled = onnx.embed(TEXTS[::-1])[::-1]  # a text's vector does not depend on its batch
    assert np.allclose(shuffled, a, atol=1e-5)


def test_int8_is_close_and_has_an_id_of_its_own(folder: Path) -> None:
    int8 = OnnxMiniLM(int8=True, folder=folder)
    a, b = int8.embed(TEXTS), OnnxMiniLM(folder=folder).embed(TEXTS)
    assert int8.model_id.startswith(MINILM_ID + "+onnx-int8-") and int8.model_id != MINILM_ID
    assert float((a * b).sum(axis=1).mean()) > 0.97
    again = pickle.loads(pickle.dumps(int8))  # ships to a Dask worker
    assert np.allclose(again.embed(TEXTS[:2]), a[:2], atol=1e-6)  # whatever its companions
    assert np.allclose(int8.embed(TEXTS[::-1])[::-1], a, atol=1e-6)


def test_an_unreadable_build_is_one_clear_error(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "minilm-onnx"
    broken.mkdir()
    for f in folder.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    (broken / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(ThemesiftError, match="delete that folder to rebuild it"):
        OnnxMiniLM(folder=broken).embed(["x"])
