"""Theme quality against human coders: themesift vs BERTopic vs KMeans, in one seeded run.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/quality.py            # everything
    HF_HUB_OFFLINE=1 .venv/bin/python bench/quality.py --quick    # HCSA + educators only

Sets: every file of ../shared/eval/ and data/hcsa_stp_2017_quotes.csv (see SETS).
Methods, all on the same MiniLM embeddings of the same cleaned (redacted) texts:

* ``themesift``: ``pipeline.analyse`` with the default settings (automatic mode);
* ``themesift-k``: the same, asked for the human number of codes;
* ``bertopic``: ``BERTopic(embedding_model=None, umap_model=UMAP(<BERTopic's defaults>,
  random_state=seed))`` on every non-empty row (it has no non-answer bucket), seeds 0-2;
* ``bertopic+ro``: the same models followed by ``reduce_outliers`` (default strategy);
* ``kmeans-k``: scikit-learn ``KMeans`` with the human number of codes on every non-empty row.

Agreement is :func:`themesift.metrics.agreement` (non-answers are their own bucket;
themesift's F1 counts its secondary themes).  Also: the educators' second coder vs the
first (the human ceiling), subsample curves (n = 50, 200, 1,000, 5,000; 3 seeds),
shuffled-input ARI and per-theme stability.  Results: bench/quality.json and
bench/RESULTS.md (written by bench/quality_report.py).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "bench"))

from themesift.config import Config  # noqa: E402
from themesift.evaluate import (  # noqa: E402
    Agreement,
    Codes,
    agreement,
    coder_agreement,
    mean_agreement,
    parse_codes,
    subset,
)
from themesift.pipeline import Session, analyse  # noqa: E402
from themesift.themes import theme_stability  # noqa: E402
from themesift.types import EMPTY, Analysis, Corpus, Status  # noqa: E402

log = logging.getLogger("bench.quality")
BT_SEEDS = (0, 1, 2)
CURVE_SIZES = (50, 200, 1000, 5000)
CURVE_SEEDS = (0, 1, 2)


@dataclass(frozen=True)
class EvalSet:
    name: str
    path: Path
    label: str  # the label column the targets are judged on
    sep: str | None = None
    per: str | None = None  # analyse within each value of this column
    also: tuple[str, ...] = ()  # further label columns reported (same separator)
    second: str | None = None  # a second coder's labels
    curve: bool = False


SETS = (
    EvalSet("hcsa", ROOT / "data" / "hcsa_stp_2017_quotes.csv", "report_theme"),
    EvalSet("nhs_fft", EVAL / "nhs_fft_phase1_singlelabel.csv", "label", also=("subcategory",),
            curve=True),
    EvalSet("careopinion", EVAL / "nhs_careopinion_multilabel.csv", "labels", "|",
            also=("major_labels",), curve=True),
    EvalSet("semeval", EVAL / "semeval2014_restaurants_aspect_categories.csv", "labels", "|",
            curve=True),
    EvalSet("educators", EVAL / "survey_exam_proctoring_educators.csv", "labels", "|",
            per="question_id", second="labels_secondary_coder"),
)


def load(s: EvalSet) -> tuple[Corpus, pd.DataFrame]:
    df = pd.read_csv(s.path, dtype=str, keep_default_na=False)
    return Corpus(ids=tuple(df["id"]), texts=tuple(df["text"]), source=s.path.name), df


def human_k(codes: Sequence[Codes]) -> int:
    return len({c[0] for c in codes if c})


# -- methods: each returns per-row primary labels (and themes where it has them) ----------


@dataclass(frozen=True)
class Pred:
    primary: list[int]
    themes: tuple[tuple[int, ...], ...] | None = None
    n_topics: int = 0
    seconds: float = 0.0
    failed: bool = False


def rows_for_baselines(analysis: Analysis, session: Session) -> tuple[np.ndarray, list[str], Any]:
    """Non-empty rows, their cleaned texts and their embeddings (from the shared cache)."""
    cleaned = analysis.cleaned
    idx = np.array([i for i, s in enumerate(cleaned.status) if s is not Status.EMPTY])
    texts = [cleaned.texts[i] for i in idx]
    return idx, texts, session.embed(texts) if texts else np.zeros((0, 384), np.float32)


def bertopic_preds(analysis: Analysis, session: Session, seed: int) -> tuple[Pred, Pred]:
    from bertopic import BERTopic
    from umap import UMAP

    idx, docs, emb = rows_for_baselines(analysis, session)
    n = len(analysis.cleaned)
    t0 = time.perf_counter()
    plain = np.full(n, EMPTY)
    reduced = np.full(n, EMPTY)
    try:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                    random_state=seed)
        model = BERTopic(embedding_model=None, umap_model=umap)
        topics = np.asarray(model.fit_transform(docs, embeddings=emb)[0])
        t1 = time.perf_counter()
        if (topics == -1).any() and (topics >= 0).any():
            new = np.asarray(model.reduce_outliers(docs, topics.tolist()))
        else:
            new = topics
        t2 = time.perf_counter()
    except (ValueError, TypeError, IndexError) as exc:  # tiny corpora: UMAP/HDBSCAN give up
        log.info("BERTopic failed on %d docs: %s", len(docs), exc)
        plain[idx] = -1
        return (Pred(plain.tolist(), failed=True), Pred(plain.tolist(), failed=True))
    plain[idx] = topics
    reduced[idx] = new
    k = int(len(set(topics.tolist()) - {-1}))
    return (Pred(plain.tolist(), n_topics=k, seconds=t1 - t0),
            Pred(reduced.tolist(), n_topics=k, seconds=t2 - t0))


def kmeans_pred(analysis: Analysis, session: Session, k: int, seed: int) -> Pred:
    from sklearn.cluster import KMeans

    idx, _, emb = rows_for_baselines(analysis, session)
    pred = np.full(len(analysis.cleaned), EMPTY)
    t0 = time.perf_counter()
    k = max(1, min(k, len(idx)))
    pred[idx] = KMeans(n_clusters=k, random_state=seed, n_init="auto").fit_predict(emb)
    return Pred(pred.tolist(), n_topics=k, seconds=time.perf_counter() - t0)


def themesift_pred(corpus: Corpus, config: Config, session: Session) -> tuple[Pred, Analysis]:
    t0 = time.perf_counter()
    a = analyse(corpus, config, session=session)
    return Pred(a.assignments.primary.tolist(), a.assignments.themes, len(a.themes),
                time.perf_counter() - t0), a


def family_pred(a: Analysis) -> Pred:
    """Each row's family (that of its primary theme); the special buckets as they are."""
    fam = {t: f.id for f in a.families for t in f.theme_ids}
    primary = [fam.get(int(p), int(p)) for p in a.assignments.primary]
    themes = tuple(tuple(dict.fromkeys(fam.get(t, t) for t in ts)) for ts in a.assignments.themes)
    return Pred(primary, themes, len(a.families))


# -- one set (or one group of a set) -------------------------------------------------------


def score(pred: Pred, codes: Sequence[Codes]) -> Agreement:
    return agreement(pred.primary, codes, themes=pred.themes)


def run_group(corpus: Corpus, columns: dict[str, list[Codes]], session: Session,
              seeds: Sequence[int] = BT_SEEDS, with_k: bool = True) -> dict[str, Any]:
    """Every method on one corpus; agreement with every label column."""
    main = next(iter(columns.values()))
    k = human_k(main)
    preds: dict[str, list[Pred]] = {}
    ts, analysis = themesift_pred(corpus, Config(), session)
    preds["themesift"] = [ts]
    if with_k:
        preds["themesift-k"] = [themesift_pred(corpus, Config(n_themes=k), session)[0]]
    bt = [bertopic_preds(analysis, session, seed) for seed in seeds]
    preds["bertopic"] = [p for p, _ in bt]
    preds["bertopic+ro"] = [p for _, p in bt]
    preds["kmeans-k"] = [kmeans_pred(analysis, session, k, seed) for seed in seeds]
    if with_k:  # the family level, and k-means with as many groups as families
        preds["families"] = [family_pred(analysis)]
        preds["kmeans-families"] = [kmeans_pred(analysis, session, len(analysis.families),
                                                seed) for seed in seeds]
    out: dict[str, Any] = {"rows": len(corpus), "human_k": k, "methods": {}}
    for method, runs in preds.items():
        out["methods"][method] = {
            col: [score(p, codes) for p in runs] for col, codes in columns.items()}
        out["methods"][method]["_runs"] = runs
    out["analysis"] = analysis
    return out


SECONDARY_GRID = ((0.35, 0.05), (0.35, 0.10), (0.45, 0.05), (0.45, 0.10), (0.45, 0.15),
                  (0.55, 0.10), (0.55, 0.15), (1.0, 0.0))  # the last: primary theme only


def secondary_grid(analysis: Analysis, codes: Sequence[Codes]) -> list[dict[str, float]]:
    """F1 with further themes at other thresholds (same themes, assignment only)."""
    from themesift.clean import expand
    from themesift.themes import assign

    a, d = analysis, analysis.distinct
    assert a.embeddings is not None and d is not None
    ids = np.array([t.id for t in a.themes], dtype=np.int64)
    out = []
    for low, margin in SECONDARY_GRID:
        cfg = a.config.with_(secondary_min=low, secondary_margin=margin)
        rows = expand(a.cleaned, d.source, assign(a.embeddings, a.centroids, ids, cfg))
        f1 = agreement(rows.primary.tolist(), codes, themes=rows.themes).f1
        per = float(np.mean([len(t) for t, s in zip(rows.themes, d.source, strict=False)
                             if s >= 0]))
        out.append({"secondary_min": low, "secondary_margin": margin, "f1": f1,
                    "themes_per_comment": per})
    return out


def shuffled_ari(corpus: Corpus, analysis: Analysis, session: Session) -> float:
    order = np.random.RandomState(7).permutation(len(corpus))
    again = analyse(subset(corpus, order.tolist()), Config(), session=session)
    back = np.empty(len(corpus), dtype=np.int64)
    back[order] = again.assignments.primary
    same_labels = [t.label for t in again.themes] == [t.label for t in analysis.themes]
    ari = float(adjusted_rand_score(analysis.assignments.primary, back))
    return ari if same_labels else -ari  # negative flags different labels


def run_set(s: EvalSet, session: Session) -> dict[str, Any]:
    corpus, df = load(s)
    label_cols = (s.label, *s.also)
    all_codes = {c: parse_codes(df[c].tolist(), s.sep) for c in label_cols}
    if s.second:
        second = parse_codes(df[s.second].tolist(), s.sep)
        both = [bool(c) for c in second]
        all_codes[f"{s.label} (double-coded rows)"] = [
            c if b else () for c, b in zip(all_codes[s.label], both, strict=False)]
        all_codes[s.second] = second
    groups = [np.arange(len(df))] if not s.per else [
        np.flatnonzero(df[s.per].to_numpy() == v) for v in sorted(set(df[s.per]))]
    t0 = time.perf_counter()
    results = []
    for rows in groups:
        g = subset(corpus, rows.tolist())
        cols = {c: [codes[i] for i in rows] for c, codes in all_codes.items()}
        res = run_group(g, cols, session)
        res["shuffled_ari"] = shuffled_ari(g, res["analysis"], session)
        a = res["analysis"]
        if a.embeddings is not None and a.distinct is not None:
            labels = a.assignments.primary[a.distinct.row_of]
            t1 = time.perf_counter()
            res["stability"] = theme_stability(a.embeddings, labels, a.config)
            res["stability_seconds"] = time.perf_counter() - t1
        if not s.per:
            res["secondary"] = secondary_grid(a, cols[s.label])
        if s.second:
            res["human"] = coder_agreement([all_codes[s.label][i] for i in rows],
                                           [all_codes[s.second][i] for i in rows])
        results.append(res)
        log.info("%s group of %d rows done", s.name, len(rows))
    return {"set": s, "groups": results, "seconds": time.perf_counter() - t0,
            "group_values": sorted(set(df[s.per])) if s.per else None}


def run_curve(s: EvalSet, session: Session) -> dict[int, list[dict[str, Any]]]:
    corpus, df = load(s)
    codes = parse_codes(df[s.label].tolist(), s.sep)
    out: dict[int, list[dict[str, Any]]] = {}
    for n in CURVE_SIZES:
        if n > len(corpus):
            continue
        out[n] = []
        for seed in CURVE_SEEDS:
            rows = np.sort(np.random.RandomState(seed).choice(len(corpus), n, replace=False))
            # One BERTopic/KMeans seed per subsample (the subsample's own): 3 runs per n.
            res = run_group(subset(corpus, rows.tolist()), {s.label: [codes[i] for i in rows]},
                            session, seeds=(seed,), with_k=False)
            out[n].append({m: v[s.label] for m, v in res["methods"].items()})
            log.info("%s curve n=%d seed=%d done", s.name, n, seed)
    return out


def mean_of(items: Sequence[Agreement]) -> Agreement:
    """Unweighted mean of runs of the same rows (e.g. seeds)."""
    same_n = [Agreement(**{**a.to_dict(), "n": 1}) for a in items]
    m = mean_agreement(same_n)
    return Agreement(**{**m.to_dict(), "n": items[0].n})


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="HCSA and educators only")
    parser.add_argument("--no-curves", action="store_true")
    parser.add_argument("--raw", type=Path, help="also pickle the raw runs here (not committed)")
    parser.add_argument("--report-only", type=Path, help="rewrite the report from --raw output")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    for noisy in ("themesift", "bertopic", "BERTopic", "numba", "umap"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    warnings.filterwarnings("ignore")
    from quality_report import write_report

    out_md, out_json = ROOT / "bench" / "RESULTS.md", ROOT / "bench" / "quality.json"
    if args.report_only:
        import pickle

        with args.report_only.open("rb") as f:
            raw = pickle.load(f)  # noqa: S301 - our own file, written by --raw
        write_report(raw["results"], raw["curves"], seconds=raw["seconds"], out_md=out_md,
                     out_json=out_json)
        return
    session = Session(Config())
    sets = [s for s in SETS if not args.quick or s.name in ("hcsa", "educators")]
    started = time.time()
    results = [run_set(s, session) for s in sets]
    curves = {} if args.quick or args.no_curves else {
        s.name: run_curve(s, session) for s in sets if s.curve}
    seconds = time.time() - started
    if args.raw:
        import pickle

        with args.raw.open("wb") as f:
            pickle.dump({"results": results, "curves": curves, "seconds": seconds}, f)
    write_report(results, curves, seconds=seconds, out_md=out_md, out_json=out_json)


if __name__ == "__main__":
    main()
