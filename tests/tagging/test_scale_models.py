"""The fast embedder and large-file tagging with the real models, on small real data.

The fast embedder is distilled once per test session (offline, with sockets
disabled) into the session's cache folder and reused by the later tests.
"""

from __future__ import annotations

import json
import os
import pickle
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from themesift.embed.base import default_cache_dir
from themesift.embed.fast import DIMS, FOLDER, FastEmbedder

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fast_folder() -> Path:
    """Build the fast embedder with the network unreachable (or reuse this session's build)."""
    folder = default_cache_dir() / FOLDER
    if not (folder / "model.safetensors").is_file():
        mp = pytest.MonkeyPatch()

        def no_network(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise OSError("network disabled in this test")

        mp.setattr(socket.socket, "connect", no_network)
        mp.setattr(socket, "create_connection", no_network)
        calls = []
        try:
            FastEmbedder(build_progress=lambda d, t: calls.append((d, t))).embed(["warm up"])
        finally:
            mp.undo()
        assert calls and calls[-1][0] == calls[-1][1] > 20_000  # the MiniLM vocabulary
    return folder


def test_fast_embedder_vectors(fast_folder):
    emb = FastEmbedder(folder=fast_folder)
    texts = ["The car park is too expensive", "Parking charges are far too high",
             "The nurses were kind and caring", ""]
    X = emb.embed(texts)
    assert X.shape == (4, DIMS) and X.dtype == np.float32
    assert np.allclose(np.linalg.norm(X[:3], axis=1), 1.0, atol=1e-5)
    assert not X[3].any()  # no tokens: a zero vector (assigned to no theme)
    assert X[0] @ X[1] > X[0] @ X[2] + 0.1
    assert emb.model_id.startswith(f"themesift/minilm-model2vec-{DIMS}-")


def test_fast_embedder_is_reused_and_ships_as_arrays(fast_folder, monkeypatch):
    import themesift.embed.fast as ef

    monkeypatch.setattr(ef, "build", lambda *a, **k: pytest.fail("rebuilt the fast embedder"))
    a, b = FastEmbedder(folder=fast_folder), FastEmbedder(folder=fast_folder)
    texts = ["Waited three hours in A&E", "Lovely staff"]
    assert a.model_id == b.model_id
    assert np.array_equal(a.embed(texts), b.embed(texts))
    clone = pickle.loads(pickle.dumps(a))
    assert clone.model_id == a.model_id
    assert np.array_equal(clone.embed(texts), a.embed(texts))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "THEMESIFT_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "themesift", *args], capture_output=True,
                          text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def fast_model(fast_folder, nhs_small, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fast") / "model"
    proc = run_cli("analyse", str(nhs_small), "--text-col", "text", "--id-col", "id",
                   "--embedder", "fast", "--out", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    return out


def test_manifest_records_the_fast_embedder_and_tag_uses_it(fast_model, nhs_small, tmp_path):
    manifest = json.loads((fast_model / "manifest.json").read_text())
    assert manifest["embedder"]["name"] == "fast"
    assert manifest["embedder"]["model_id"] == FastEmbedder().model_id
    assert manifest["embedder"]["dimensions"] == DIMS
    out = tmp_path / "tagged.parquet"
    proc = run_cli("tag", str(fast_model), str(nhs_small), "--id-col", "id", "--out", str(out),
                   "--chunk-size", "150", "-q")
    assert proc.returncode == 0, proc.stderr
    tagged = pd.read_parquet(out)
    trained = pd.read_csv(fast_model / "assignments.csv", keep_default_na=False)
    assert tagged["id"].tolist() == trained["id"].tolist()
    agree = (tagged["primary_theme"].to_numpy() == trained["primary_theme"].to_numpy()).mean()
    assert agree >= 0.99, agree  # the same themes as analyse gave (near-identical variants
    # of a text may differ: analyse lets them share one embedding)
    assert tagged["duplicate"].tolist() == trained["duplicate"].tolist()


def test_tag_refuses_a_model_fitted_with_another_embedder(fast_model, nhs_small, tmp_path):
    import shutil

    model = tmp_path / "model"
    shutil.copytree(fast_model, model)
    manifest = json.loads((model / "manifest.json").read_text())
    manifest["embedder"]["model_id"] = "themesift/minilm-model2vec-256-000000000000"
    (model / "manifest.json").write_text(json.dumps(manifest))
    proc = run_cli("tag", str(model), str(nhs_small), "--out", str(tmp_path / "t.csv"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "was fitted with embedder" in proc.stderr
    assert not (tmp_path / "t.csv").exists()


def test_dask_engine_equals_local_with_real_models(fast_model, nhs_small, tmp_path):
    local = tmp_path / "local.csv"
    assert run_cli("tag", str(fast_model), str(nhs_small), "--id-col", "id", "--group-col",
                   "trust", "--out", str(local), "--chunk-size", "120", "-q").returncode == 0
    folder = tmp_path / "dask.csv"
    proc = run_cli("tag", str(fast_model), str(nhs_small), "--id-col", "id", "--group-col",
                   "trust", "--out", str(folder), "--chunk-size", "120", "--engine", "dask",
                   "-q")
    assert proc.returncode == 0, proc.stderr
    parts = sorted(folder.glob("part-*.csv"))
    assert len(parts) == 4
    read = lambda p: pd.read_csv(p, dtype=str, keep_default_na=False)  # noqa: E731
    got = pd.concat([read(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(got, read(local))
    assert "[NAME]" in " ".join(got["text"])  # names are redacted on the workers too
