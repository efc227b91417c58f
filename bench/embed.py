"""Embedders side by side: MiniLM on PyTorch, on ONNX Runtime (float32) and quantised to
int8, and the fast static model: speed, closeness to PyTorch's vectors, theme quality.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/embed.py

Speed: each embedder alone (no cache) on the same 1,000 distinct real texts (a seeded
sample of the NHS FFT and Care Opinion sets: short answers and long stories), after a
warm-up; ONNX float32 at several batch sizes.  Closeness: cosine of each text's vector to
PyTorch's, over every distinct text of the dev sets.  Quality: ``pipeline.analyse`` with
default settings and each embedder on every dev set, NMI against the human codes (the
label columns of bench/quality.py; the educators' survey per question, weighted by coded
rows).  Issue 17's bar for int8: NMI within 0.005 of PyTorch's on every set and mean
cosine >= 0.99.  Results: bench/embed.json and bench/EMBED.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from quality import SETS, load  # noqa: E402

from themesift.config import Config  # noqa: E402
from themesift.embed import get_embedder  # noqa: E402
from themesift.embed.onnx import OnnxMiniLM  # noqa: E402
from themesift.evaluate import agreement, mean_agreement, parse_codes, subset  # noqa: E402
from themesift.pipeline import Session, analyse  # noqa: E402

OUT_JSON, OUT_MD = ROOT / "bench" / "embed.json", ROOT / "bench" / "EMBED.md"
EMBEDDERS = ("minilm-torch", "minilm", "minilm-int8", "fast")
QUALITY = ("minilm", "minilm-int8")  # "minilm" (ONNX float32) gives PyTorch's vectors


def speed_texts(n: int = 1000) -> list[str]:
    pool: list[str] = []
    for s in SETS:
        if s.name in ("nhs_fft", "careopinion"):
            _, df = load(s)
            pool += [t for t in df["text"] if t.strip()]
    distinct = sorted(set(pool))
    rng = np.random.default_rng(0)
    return [distinct[i] for i in rng.choice(len(distinct), n, replace=False)]


def rate(embedder: Any, texts: list[str]) -> float:
    embedder.embed(texts[:16])  # warm-up (and the one-off ONNX export)
    t0 = time.perf_counter()
    embedder.embed(texts)
    return len(texts) / (time.perf_counter() - t0)


def nmi(set_name: str, embedder: str) -> tuple[float, int, float]:
    """NMI of the default analysis against the set's label column, themes, seconds."""
    s = next(x for x in SETS if x.name == set_name)
    corpus, df = load(s)
    codes = parse_codes(df[s.label].tolist(), s.sep)
    config = Config(embedder=embedder)
    session = Session(config)
    groups = [np.arange(len(df))] if not s.per else [
        np.flatnonzero(df[s.per].to_numpy() == v) for v in sorted(set(df[s.per]))]
    t0 = time.perf_counter()
    results, themes = [], 0
    for rows in groups:
        a = analyse(subset(corpus, rows.tolist()), config, session=session)
        results.append(agreement(a.assignments.primary.tolist(), [codes[i] for i in rows]))
        themes = max(themes, len(a.themes))
    m = mean_agreement(results) if len(results) > 1 else results[0]
    return float(m.nmi), themes, time.perf_counter() - t0


def main() -> None:
    load_start = os.getloadavg()
    started = time.perf_counter()
    texts = speed_texts()
    out: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
                           "machine": f"{platform.platform()}, {os.cpu_count()} CPUs",
                           "versions": {p: version(p) for p in (
                               "themesift", "onnxruntime", "torch", "sentence-transformers",
                               "model2vec", "numpy")},
                           "speed_texts": len(texts),
                           "speed_mean_chars": float(np.mean([len(t) for t in texts])),
                           "speed": {}, "batch": {}, "cosine": {}, "nmi": {}}
    for name in EMBEDDERS:
        out["speed"][name] = rate(get_embedder(name), texts)
        print(name, round(out["speed"][name], 1), "texts/s", flush=True)
    for size in (1, 8, 16, 32, 64):
        out["batch"][str(size)] = rate(OnnxMiniLM(batch_size=size), texts)
        print("onnx batch", size, round(out["batch"][str(size)], 1), flush=True)
    all_texts = sorted({t for s in SETS for t in load(s)[1]["text"] if t.strip()})
    ref = get_embedder("minilm-torch").embed(all_texts)
    for name in ("minilm", "minilm-int8"):
        cos = (get_embedder(name).embed(all_texts) * ref).sum(axis=1)
        out["cosine"][name] = {"mean": float(cos.mean()), "min": float(cos.min()),
                               "p1": float(np.percentile(cos, 1)), "n": len(all_texts)}
        print(name, out["cosine"][name], flush=True)
    for s in SETS:
        out["nmi"][s.name] = {}
        for name in QUALITY:
            value, k, secs = nmi(s.name, name)
            out["nmi"][s.name][name] = {"nmi": value, "themes": k, "seconds": secs}
            print(s.name, name, round(value, 4), k, flush=True)
    out["load_average"] = {"start": list(load_start), "end": list(os.getloadavg())}
    out["seconds"] = time.perf_counter() - started
    OUT_JSON.write_text(json.dumps(out, indent=1) + "\n")
    OUT_MD.write_text(render(out), encoding="utf-8")


def render(r: dict[str, Any]) -> str:
    la = r["load_average"]
    lines = ["# Embedders: PyTorch, ONNX Runtime float32 and int8, fast", "",
             f"Written by `bench/embed.py` ({r['date']} UTC, {r['seconds'] / 60:.0f} min); "
             f"{r['machine']}; load average (1/5/15 min) "
             f"{', '.join(f'{x:.2f}' for x in la['start'])} at start, "
             f"{', '.join(f'{x:.2f}' for x in la['end'])} at end. Versions: "
             + ", ".join(f"{k} {v}" for k, v in r["versions"].items()) + ".", "",
             f"## Speed ({r['speed_texts']:,} distinct real texts, mean "
             f"{r['speed_mean_chars']:.0f} characters; the embedder alone, no cache)", "",
             "| embedder | texts/s | × PyTorch |", "|---|---:|---:|"]
    base = r["speed"]["minilm-torch"]
    names = {"minilm-torch": "MiniLM, PyTorch (batches of 64)",
             "minilm": "MiniLM, ONNX Runtime float32 (`minilm`)",
             "minilm-int8": "MiniLM, ONNX Runtime int8 (`minilm-int8`, one text per call)",
             "fast": "fast (model2vec static, 256 dims)"}
    for k, v in r["speed"].items():
        lines.append(f"| {names[k]} | {v:,.0f} | {v / base:.2f} |")
    lines += ["", "ONNX float32 by batch size (texts sorted by length; a batch also holds at "
              "most 16,000 characters):", "", "| batch | texts/s |", "|---:|---:|"]
    lines += [f"| {b} | {v:,.0f} |" for b, v in r["batch"].items()]
    lines += ["", "## Closeness to PyTorch's vectors", "",
              "| embedder | texts | mean cosine | 1st percentile | min |",
              "|---|---:|---:|---:|---:|"]
    for k, c in r["cosine"].items():
        lines.append(f"| {k} | {c['n']:,} | {c['mean']:.4f} | {c['p1']:.4f} | {c['min']:.4f} |")
    lines += ["", "## Theme quality (NMI against the human codes, default settings)", "",
              "| set | minilm (= PyTorch) | minilm-int8 | difference | within 0.005 |",
              "|---|---:|---:|---:|---|"]
    ok_all = True
    for s, m in r["nmi"].items():
        d = m["minilm-int8"]["nmi"] - m["minilm"]["nmi"]
        ok = abs(d) <= 0.005
        ok_all &= ok
        lines.append(f"| {s} | {m['minilm']['nmi']:.3f} ({m['minilm']['themes']} themes) | "
                     f"{m['minilm-int8']['nmi']:.3f} ({m['minilm-int8']['themes']} themes) | "
                     f"{d:+.3f} | {'yes' if ok else '**no**'} |")
    cos_ok = r["cosine"]["minilm-int8"]["mean"] >= 0.99
    lines += ["", f"Issue 17's bar for int8 (NMI within 0.005 on every set, mean cosine ≥ "
              f"0.99): **{'met' if ok_all and cos_ok else 'not met'}**.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
