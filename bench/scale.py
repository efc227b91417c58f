"""Scale benchmark: `themesift tag` speed by stage and memory; fast-embedder quality; vs BERTopic.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/scale.py            # everything (hours: see SCALE.md)
    HF_HUB_OFFLINE=1 .venv/bin/python bench/scale.py --quick    # 10k rows only

Inputs are real comments from ../shared/eval/ (NHS FFT phase 1, Care Opinion, SemEval
restaurants): resampled, each once, or joined into all-distinct texts (bench/scale_inputs.py);
they are written under --data (default: a temp folder), never committed.  Every measurement
runs in a child process (the real CLI for tagging, whose "Time by stage" line gives the
stage seconds) while a sampler adds up the resident memory of the child and all its
descendants (Dask workers included).  Results go to bench/scale-results.json and between
the markers of bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
from scale_inputs import EVAL, KINDS, POOL, ROOT, UNIQUE_MAX, make_input, pool

BEGIN, END = "<!-- scale.py: begin -->", "<!-- scale.py: end -->"
PY = sys.executable
STAGE_LINE = re.compile(r"^Time by stage: (.*)$", re.MULTILINE)


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
            "stdout": out[-1000:]}


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


# -- the benchmark -----------------------------------------------------------------------------


def run_job(name: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """A job of bench/scale_jobs.py in a child process, measured."""
    return measure([PY, str(Path(__file__).with_name("scale_jobs.py")), name, *args], env)


def fast_embedder(work: Path, results: dict[str, Any] | None = None) -> Path:
    """The fast embedder, built once per data folder (timed into ``results``)."""
    folder = work / "model2vec-minilm"
    if not (folder / "model.safetensors").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        m = run_job("build", [str(folder)], env_with(work / "caches" / "b"))
        print(f"built the fast embedder in {m['seconds']} s", flush=True)
        if results is not None:
            results["build"] = m
    return folder


def eval_set(work: Path, name: str) -> tuple[Path, int]:
    """One evaluation set with its comments in a ``text`` column, and its rows."""
    col = POOL[name][0]
    df = pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)
    data = work / f"quality-{name}"
    if not data.is_file():
        data.parent.mkdir(parents=True, exist_ok=True)
        df.rename(columns={col: "text"}).to_csv(data, index=False)
    return data, len(df)


def analyse_set(work: Path, fast_model: Path, name: str, embedder: str, out: Path
                ) -> dict[str, Any]:
    """``analyse`` on one set in a child process, saved to ``out``: time, memory, quality."""
    data, _ = eval_set(work, name)
    _, label, sep = POOL[name]
    result = work / f"q-{embedder}-{name}.json"
    m = run_job("analyse", [str(data), label, sep or "", embedder, str(out), str(result)],
                env_with(fresh_cache(work, fast_model, f"q-{embedder}")))
    return {**m, **json.loads(result.read_text())}


def quality(work: Path, fast_model: Path, sets: list[str]) -> list[dict[str, Any]]:
    rows = []
    for name in sets:
        data, n = eval_set(work, name)
        label, sep = POOL[name][1:]
        for embedder in ("minilm", "fast"):
            m = analyse_set(work, fast_model, name, embedder,
                            work / "models" / f"{embedder}-{Path(name).stem}")
            rows.append({"set": name, "rows": n, "embedder": embedder, **m})
            print(f"analyse {embedder} {name}: {m['seconds']} s", flush=True)
        if name.startswith("nhs_fft"):
            result = work / "bertopic.json"
            m = run_job("bertopic", [str(data), label, sep or "", str(result)],
                        env_with(fresh_cache(work, fast_model, "bertopic")))
            rows.append({"set": name, "rows": n, "embedder": "bertopic-defaults", **m,
                         **json.loads(result.read_text())})
            print(f"bertopic {name}: {m['seconds']} s", flush=True)
    return rows


TRAIN = "nhs_fft_phase1_singlelabel.csv"  # the tag runs use the models fitted on it


def tag_models(work: Path, fast_model: Path, embedders: list[str]) -> dict[str, Path]:
    """The models the tag runs use, fitted on NHS FFT phase 1 when not there yet."""
    models = {e: work / "models" / f"{e}-{Path(TRAIN).stem}" for e in embedders}
    for embedder, model in models.items():
        if not (model / "manifest.json").is_file():
            m = analyse_set(work, fast_model, TRAIN, embedder, model)
            print(f"fitted the {embedder} model for tagging in {m['seconds']} s", flush=True)
    return models


def without_names(model: Path) -> Path:
    """A copy of a model whose settings turn name redaction (spaCy NER) off."""
    copy = model.with_name(model.name + "-names-off")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(model, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["settings"]["redact_names"] = False
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return copy


Run = tuple[str, str, int, str, bool]  # embedder, engine, rows, input kind, redact names


def plan_runs(embedders: list[str], engines: list[str], kinds: list[str],
              sizes: dict[str, list[int]]) -> list[Run]:
    """Per embedder, local engine: unique (sizes up to the pool's distinct texts), distinct
    and resampled at every size; Dask: resampled (fast: every size; MiniLM: the smallest)
    and the smallest distinct."""
    plan: list[Run] = []
    for embedder in embedders:
        runs = [("local", n, "unique") for n in sizes[embedder] if n <= UNIQUE_MAX]
        runs += [("local", n, kind) for n in sizes[embedder]
                 for kind in ("distinct", "resampled")]
        dask_sizes = sizes[embedder] if embedder == "fast" else sizes[embedder][:1]
        runs += [("dask", n, "resampled") for n in dask_sizes]
        runs += [("dask", n, "distinct") for n in sizes[embedder][:1]]
        plan += [(embedder, engine, n, kind, True) for engine, n, kind in runs
                 if engine in engines and kind in kinds]
    return sorted(plan, key=lambda run: run[2])  # smallest first: early results come soon


def stage_seconds(stdout: str) -> tuple[dict[str, float], float | None, bool]:
    """The stage seconds of `tag`'s "Time by stage" line, the run's own seconds, and
    whether the worker stages are sums over parallel partitions (Dask)."""
    line = STAGE_LINE.search(stdout)
    if line is None:
        raise RuntimeError(f"no 'Time by stage' line in the output of tag:\n{stdout}")
    pairs = {k: float(v) for k, v in re.findall(r"([a-z]+) ([\d.]+) s\b", line.group(1))}
    total = pairs.pop("of", None)
    return pairs, total, "summed over" in line.group(1)


def tag_runs(work: Path, fast_model: Path, plan: list[Run], models: dict[str, Path]
             ) -> Iterator[dict[str, Any]]:
    """Each run of ``plan``, measured, as soon as it is done."""
    (work / "data").mkdir(parents=True, exist_ok=True)
    for embedder, engine, n, kind, names in plan:
        data = make_input(work / "data", n, kind)
        tag = "" if names else "-names-off"
        out = work / "out" / f"{embedder}-{engine}-{data.path.stem}{tag}.csv"
        shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
        out.parent.mkdir(exist_ok=True)
        cache = fresh_cache(work, fast_model, f"tag-{embedder}-{engine}-{n}")
        model = models[embedder] if names else without_names(models[embedder])
        cmd = [PY, "-m", "themesift", "tag", str(model), str(data.path), "--text-col",
               "text", "--id-col", "id", "--out", str(out), "-q"]
        if engine == "dask":
            cmd += ["--engine", "dask"]
        m = measure(cmd, env_with(cache))
        stages, tag_seconds, summed = stage_seconds(m["stdout"])
        shown = ", ".join(f"{k} {v}" for k, v in stages.items())
        row = {"embedder": embedder, "engine": engine, "rows": data.rows,
               "distinct": data.distinct, "mean_chars": data.mean_chars, "kind": kind,
               "input": data.path.name, "names": "redacted" if names else "off",
               "rows_per_s": round(data.rows / m["seconds"]),
               "distinct_per_s": round(data.distinct / m["seconds"], 1),
               "stages": stages, "tag_seconds": tag_seconds, "stages_summed": summed, **m}
        print(f"tag {embedder} {engine} {data.path.name}: {m['seconds']} s, "
              f"{row['rows_per_s']} rows/s, {row['distinct_per_s']} distinct/s, "
              f"{m['peak_rss_mb']} MB; by stage (s): {shown}", flush=True)
        yield row


def machine() -> dict[str, Any]:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor())
    names = ["themesift", "torch", "sentence-transformers", "spacy", "model2vec", "dask",
             "distributed", "bertopic", "umap-learn", "hdbscan", "numpy", "pandas", "pyarrow"]
    return {"date": dt.datetime.now().isoformat(timespec="minutes"), "cpu": cpu,
            "nproc": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "versions": {n: version(n) for n in names}}


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "themesift-bench")
    ap.add_argument("--quick", action="store_true",
                    help="10k rows only, quality on NHS FFT only (about 20 minutes)")
    ap.add_argument("--skip-quality", action="store_true",
                    help="no analyse/BERTopic quality table (the tag models are fitted if "
                         "missing)")
    ap.add_argument("--embedders", nargs="+", choices=["minilm", "fast"],
                    default=["fast", "minilm"], help="embedders of the tag runs")
    ap.add_argument("--engines", nargs="+", choices=["local", "dask"],
                    default=["local", "dask"], help="engines of the tag runs")
    ap.add_argument("--inputs", nargs="+", choices=list(KINDS), default=list(KINDS),
                    help="input kinds of the tag runs (see bench/scale_inputs.py)")
    ap.add_argument("--minilm-sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--fast-sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--merge", action="store_true",
                    help="add these runs to the existing bench/scale-results.json, replacing "
                         "its rows of the same embedder, engine, input and redaction")
    ap.add_argument("--extra", action="store_true",
                    help="only the runs with name redaction off, merged into the existing "
                         "bench/scale-results.json")
    ap.add_argument("--compare", action="store_true",
                    help="only analyse (minilm, fast, with stage times) and BERTopic on NHS "
                         "FFT phase 1, back to back, added to bench/scale-results.json")
    ap.add_argument("--minilm-tag", action="store_true",
                    help="only the MiniLM tag runs, merged: --merge --skip-quality "
                         "--embedders minilm")
    args = ap.parse_args()
    if args.minilm_tag:
        args.merge, args.skip_quality, args.embedders = True, True, ["minilm"]
    if args.quick:
        args.minilm_sizes = args.fast_sizes = [10_000]
    return args


def main() -> None:
    args = arguments()
    work = args.data
    (work / "data").mkdir(parents=True, exist_ok=True)
    if args.compare:
        compare(work)
        return
    path = ROOT / "bench" / "scale-results.json"
    merge = args.merge or args.extra
    results: dict[str, Any] = json.loads(path.read_text()) if merge else {}
    if not merge:
        texts = pool()
        results = {"machine": machine(), "pool": {
            "rows": len(texts), "distinct": len(set(texts)),
            "mean_chars": round(sum(map(len, texts)) / len(texts), 1)}}
    fast_model = fast_embedder(work, None if merge else results)
    if not args.skip_quality and not merge:
        results["quality"] = quality(work, fast_model, [TRAIN] if args.quick else list(POOL))
    if args.extra:  # runs that isolate the cost of name redaction
        plan: list[Run] = [("fast", "local", 10_000, "unique", False),
                           ("fast", "local", 10_000, "distinct", False),
                           ("fast", "local", 1_000_000, "resampled", False)]
    else:
        plan = plan_runs(args.embedders, args.engines, args.inputs,
                         {"minilm": args.minilm_sizes, "fast": args.fast_sizes})
    if merge:
        results.setdefault("merged", []).append(machine()["date"])
    models = tag_models(work, fast_model, sorted({r[0] for r in plan}))
    for new in tag_runs(work, fast_model, plan, models):  # saved after each: runs are long
        results["tag"] = [r for r in results.get("tag", []) if not same_run(r, new)] + [new]
        path.write_text(json.dumps(results, indent=1))
        write_markdown(results)


def same_run(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("embedder", "engine", "input", "names"))


def compare(work: Path) -> None:
    """`analyse` (both embedders, with stage times) and BERTopic defaults, back to back."""
    path = ROOT / "bench" / "scale-results.json"
    results = json.loads(path.read_text())
    fast_model = fast_embedder(work)
    data, _ = eval_set(work, TRAIN)
    _, label, sep = POOL[TRAIN]
    rows = []
    for embedder in ("minilm", "minilm-int8", "fast", "bertopic"):
        result = work / f"compare-{embedder}.json"
        env = env_with(fresh_cache(work, fast_model, f"compare-{embedder}"))
        if embedder == "bertopic":
            m = run_job("bertopic", [str(data), label, sep or "", str(result)], env)
        else:
            m = run_job("analyse", [str(data), label, sep or "", embedder,
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
