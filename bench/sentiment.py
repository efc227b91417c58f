"""Sentiment against human coders: VADER vs classifiers over the MiniLM embeddings, one seeded run.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/sentiment.py

Sets (from ../shared/eval/, distinct texts only):

* ``nhs_fft``: NHS FFT phase 1, ``criticality_-5_to_5`` (−5 = most critical, +5 = most
  praising; checked by reading texts at both ends, see SENTIMENT.md). Class = sign
  (<0 negative, 0 neutral, >0 positive). A text seen several times gets the mean of its
  criticalities. ``nhs_fft_exB`` is the same without Trust B, which codes nearly all of its
  praise as 0 (see SENTIMENT.md).
* ``careopinion``: Care Opinion stories, same column and mapping.
* ``semeval``: SemEval-2014 restaurants, train split only. Sentence level: sentences whose
  aspect categories all carry one polarity (positive/negative/neutral; ``conflict`` is
  left out), human score −1/0/1. Aspect level: every (sentence, category) pair with a
  positive/negative/neutral polarity, the sentence's prediction standing for every category.

Methods:

1. ``vader``: VADER compound, positive ≥ 0.05, negative ≤ −0.05, else neutral.
1b. ``themesift``: what themesift ships (``themesift.sentiment.score_texts``): VADER's
   compound of the whole comment after reading feedback-form praise idioms ("Nothing
   could be better") as praise; its "mixed" label (one clause positive, another
   negative) counts as the sign of the score here, as the gold has three classes.
2. ``lr``: scikit-learn StandardScaler + LogisticRegression (multinomial, C=1,
   class_weight="balanced", fixed a priori, not tuned) over the 384-d unit MiniLM
   vectors; score = P(pos) − P(neg), class = argmax. Trained CROSS-SET only: for each
   test set, on the other sets' labels (see TRAIN_ON), with texts of the test set removed.
3. ``lr+vader``: the same with VADER's compound as one extra feature.

Measures: Spearman ρ against the human score, macro-F1 over negative/neutral/positive,
accuracy, a paired bootstrap (500 resamples) of each method's difference from VADER, and
comments/s. Also FFT sentence level: score each sentence, average, compare with
scoring the whole comment. Results: bench/sentiment.json and bench/SENTIMENT.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
OUT_JSON = ROOT / "bench" / "sentiment.json"
OUT_MD = ROOT / "bench" / "SENTIMENT.md"
SEED = 0
CRIT = "criticality_-5_to_5"
CLASSES = (-1, 0, 1)
NAMES = {-1: "negative", 0: "neutral", 1: "positive"}
BOOT = 500
TRAIN_ON = {  # test set -> training sets (never itself)
    "nhs_fft": ("semeval", "careopinion"),
    "nhs_fft_exB": ("semeval", "careopinion"),
    "careopinion": ("semeval", "nhs_fft_train"),
    "semeval": ("nhs_fft_train", "careopinion"),
}
METHODS = ("vader", "themesift", "lr", "lr+vader")

random.seed(SEED)
np.random.seed(SEED)
os.environ.setdefault("PYTHONHASHSEED", str(SEED))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from themesift.config import Config  # noqa: E402
from themesift.pipeline import Embedding  # noqa: E402
from themesift.sentiment import score_texts  # noqa: E402


# ---------------------------------------------------------------- data
def _by_text(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("text", sort=True)[CRIT].agg(["mean", "min", "max", "size"]).reset_index()
    g = g.rename(columns={"mean": "y_score"})
    g["y"] = np.sign(g["y_score"]).astype(int)
    g["conflicting"] = np.sign(g["min"]) != np.sign(g["max"])
    return g[["text", "y_score", "y", "conflicting", "size"]]


def load_sets() -> tuple[dict[str, pd.DataFrame], pd.DataFrame, dict[str, Any]]:
    info: dict[str, Any] = {}
    fft = pd.read_csv(EVAL / "nhs_fft_phase1_singlelabel.csv")
    fft = fft[fft["text"].fillna("").str.strip() != ""]
    info["nhs_fft_rows_with_score"] = int(fft[CRIT].notna().sum())
    info["nhs_fft_rows_blank_score"] = int(fft[CRIT].isna().sum())
    info["nhs_fft_crit_by_trust"] = {
        str(k): {str(int(c)): int(n) for c, n in v.items()}
        for k, v in fft.groupby("organization")[CRIT].value_counts().unstack(fill_value=0)
        .iterrows()}
    fft = fft[fft[CRIT].notna()]
    sets: dict[str, pd.DataFrame] = {}
    sets["nhs_fft"] = _by_text(fft)
    sets["nhs_fft_exB"] = _by_text(fft[fft["organization"] != "Trust B"])
    # training copy: Trust B's 0s are praise coded as 0, not neutral (see SENTIMENT.md)
    sets["nhs_fft_train"] = _by_text(fft[~((fft["organization"] == "Trust B") & (fft[CRIT] == 0))])
    co = pd.read_csv(EVAL / "nhs_careopinion_multilabel.csv")
    info["careopinion_rows_blank_score"] = int(co[CRIT].isna().sum())
    co = co[co[CRIT].notna() & (co["text"].fillna("").str.strip() != "")]
    sets["careopinion"] = _by_text(co)

    se = pd.read_csv(EVAL / "semeval2014_restaurants_aspect_categories.csv")
    se = se[se["split"] == "train_v2"].drop_duplicates("text").reset_index(drop=True)
    pol = {"positive": 1, "neutral": 0, "negative": -1}
    aspects, sent_rows = [], []
    for text, cp in zip(se["text"], se["category_polarities"], strict=True):
        pairs = [p.rsplit(":", 1) for p in str(cp).split("|")]
        ps = {p for _, p in pairs}
        for cat, p in pairs:
            if p in pol:
                aspects.append({"text": text, "category": cat, "y": pol[p],
                                "mixed": len(ps) > 1})
        if len(ps) == 1 and next(iter(ps)) in pol:
            v = pol[next(iter(ps))]
            sent_rows.append({"text": text, "y_score": float(v), "y": v,
                              "conflicting": False, "size": 1})
    info["semeval_train_sentences_distinct"] = int(len(se))
    info["semeval_conflict_or_mixed_sentences"] = int(len(se) - len(sent_rows))
    sets["semeval"] = pd.DataFrame(sent_rows)
    sets["semeval_all"] = se[["text"]].copy()
    return sets, pd.DataFrame(aspects), info


# ---------------------------------------------------------------- methods
def vader_scores(analyzer: SentimentIntensityAnalyzer, texts: list[str]
                 ) -> tuple[np.ndarray, float]:
    t0 = time.perf_counter()
    s = np.array([analyzer.polarity_scores(t)["compound"] for t in texts], dtype=np.float64)
    return s, time.perf_counter() - t0


def vader_class(s: np.ndarray) -> np.ndarray:
    return np.where(s >= 0.05, 1, np.where(s <= -0.05, -1, 0))


def make_lr() -> Any:
    return make_pipeline(StandardScaler(), LogisticRegression(
        C=1.0, class_weight="balanced", max_iter=3000, random_state=SEED))


def lr_predict(model: Any, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    t0 = time.perf_counter()
    P = model.predict_proba(X)
    secs = time.perf_counter() - t0
    cls = list(model.classes_)
    full = np.zeros((len(X), 3))
    for j, c in enumerate(cls):
        full[:, CLASSES.index(c)] = P[:, j]
    score = full[:, 2] - full[:, 0]
    return score, np.array(CLASSES)[full.argmax(1)], full, secs


# ---------------------------------------------------------------- measures
def measures(y_score: np.ndarray, y: np.ndarray, score: np.ndarray, pred: np.ndarray
             ) -> dict[str, float]:
    rho = spearmanr(score, y_score).statistic
    return {"spearman": float(rho),
            "macro_f1": float(f1_score(y, pred, labels=list(CLASSES), average="macro",
                                       zero_division=0)),
            "accuracy": float(accuracy_score(y, pred)),
            **{f"f1_{NAMES[c]}": float(f1_score(y, pred, labels=[c], average="macro",
                                                  zero_division=0)) for c in CLASSES}}


def boot_diff(y_score, y, a_score, a_pred, b_score, b_pred, rng) -> dict[str, list[float]]:
    """Paired bootstrap of (a − b) for ρ, macro-F1 and accuracy: 95% interval."""
    n = len(y)
    out: dict[str, list[float]] = {"spearman": [], "macro_f1": [], "accuracy": []}
    for _ in range(BOOT):
        i = rng.integers(0, n, n)
        ma = measures(y_score[i], y[i], a_score[i], a_pred[i])
        mb = measures(y_score[i], y[i], b_score[i], b_pred[i])
        for k in out:
            out[k].append(ma[k] - mb[k])
    return {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))]
            for k, v in out.items()}


SPLIT = re.compile(r"(?<=[.!?])\s+|[\r\n]+")


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in SPLIT.split(text)]
    parts = [p for p in parts if re.search(r"[A-Za-z]", p)]
    return parts or [text]


# ---------------------------------------------------------------- run
def main() -> None:
    t_start = time.perf_counter()
    load_start = list(os.getloadavg())
    sets, aspects, info = load_sets()
    analyzer = SentimentIntensityAnalyzer()
    embed = Embedding(Config())
    model_id = embed.embedder.model_id

    all_texts = sorted(set().union(*[set(d["text"]) for d in sets.values()]))
    t0 = time.perf_counter()
    E_all = embed(all_texts)
    t_embed_cached = time.perf_counter() - t0
    emb = dict(zip(all_texts, E_all, strict=True))
    # uncached embedding speed: the embedder itself on a seeded sample of the test texts
    rng = np.random.default_rng(SEED)
    sample = list(rng.choice(all_texts, size=min(400, len(all_texts)), replace=False))
    embed.embedder.embed(sample[:16])  # warm-up
    t0 = time.perf_counter()
    embed.embedder.embed(sample)
    emb_rate_uncached = len(sample) / (time.perf_counter() - t0)

    vader_all: dict[str, float] = {}
    t0 = time.perf_counter()
    for t in all_texts:
        vader_all[t] = analyzer.polarity_scores(t)["compound"]
    info["vader_all_texts_secs"] = time.perf_counter() - t0

    results: dict[str, Any] = {"sets": {}, "aspects": {}, "sentence_level": {}}
    preds: dict[str, dict[str, dict[str, np.ndarray]]] = {}
    for test in ("nhs_fft", "nhs_fft_exB", "careopinion", "semeval"):
        d = sets[test]
        eval_texts = list(sets["semeval_all"]["text"]) if test == "semeval" else list(d["text"])
        X = np.stack([emb[t] for t in eval_texts])
        v, v_secs = vader_scores(analyzer, eval_texts)
        test_set = set(eval_texts)
        tr = pd.concat([sets[s] for s in TRAIN_ON[test]], ignore_index=True)
        tr = tr[~tr["text"].isin(test_set)].drop_duplicates("text")
        Xtr = np.stack([emb[t] for t in tr["text"]])
        vtr = np.array([vader_all[t] for t in tr["text"]])
        ytr = tr["y"].to_numpy()
        m2 = make_lr().fit(Xtr, ytr)
        m3 = make_lr().fit(np.hstack([Xtr, vtr[:, None]]), ytr)
        s2, c2, _, secs2 = lr_predict(m2, X)
        s3, c3, _, secs3 = lr_predict(m3, np.hstack([X, v[:, None]]))
        t0 = time.perf_counter()
        shipped = score_texts(eval_texts)  # what themesift ships (VADER + idioms, clauses)
        ts_secs = time.perf_counter() - t0
        ts = shipped.score.astype(float)
        out = {"vader": (v, vader_class(v), v_secs), "themesift": (ts, vader_class(ts), ts_secs),
               "lr": (s2, c2, secs2), "lr+vader": (s3, c3, secs3 + v_secs)}
        preds[test] = {k: {"score": a, "pred": b} for k, (a, b, _) in out.items()}
        preds[test]["texts"] = eval_texts  # type: ignore[assignment]
        if test == "nhs_fft":
            preds[test]["model_lr"] = m2  # type: ignore[assignment]
        # sentence-level measures on the labelled texts
        idx = {t: i for i, t in enumerate(eval_texts)}
        li = np.array([idx[t] for t in d["text"]])
        ys, y = d["y_score"].to_numpy(), d["y"].to_numpy()
        row: dict[str, Any] = {
            "n_distinct": int(len(d)), "n_scored_for_speed": len(eval_texts),
            "class_counts": {NAMES[c]: int((y == c).sum()) for c in CLASSES},
            "texts_with_conflicting_duplicate_scores": int(d["conflicting"].sum()),
            "trained_on": list(TRAIN_ON[test]), "n_train": int(len(tr)),
            "train_class_counts": {NAMES[c]: int((ytr == c).sum()) for c in CLASSES},
            "methods": {}}
        brng = np.random.default_rng(SEED)
        for k, (sc, pr, secs) in out.items():
            mres = measures(ys, y, sc[li], pr[li])
            mres["comments_per_s_excl_embedding"] = len(eval_texts) / secs
            if k != "vader":
                mres["comments_per_s_incl_uncached_embedding"] = 1 / (
                    1 / emb_rate_uncached + secs / len(eval_texts))
                mres["vs_vader_95ci"] = boot_diff(ys, y, sc[li], pr[li], v[li],
                                                  vader_class(v)[li], brng)
            mres["pred_counts"] = {NAMES[c]: int((pr[li] == c).sum()) for c in CLASSES}
            if k == "themesift":
                mres["labelled_mixed"] = int(sum(shipped.label[i] == "mixed" for i in li))
            row["methods"][k] = mres
        results["sets"][test] = row
        print(f"{test}: n={len(d)}", {k: {m: round(x, 3) for m, x in r.items()
                                          if m in ("spearman", "macro_f1", "accuracy")}
                                      for k, r in row["methods"].items()}, flush=True)

    # SemEval aspect level
    p = preds["semeval"]
    idx = {t: i for i, t in enumerate(p["texts"])}  # type: ignore[arg-type]
    ai = np.array([idx[t] for t in aspects["text"]])
    ya = aspects["y"].to_numpy()
    for k in METHODS:
        pa = p[k]["pred"][ai]
        mixed = aspects["mixed"].to_numpy()
        r: dict[str, Any] = {"all": float((pa == ya).mean()),
                             "mixed_sentences": float((pa == ya)[mixed].mean())}
        for cat in sorted(aspects["category"].unique()):
            m = (aspects["category"] == cat).to_numpy()
            r[cat] = float((pa[m] == ya[m]).mean())
        results["aspects"][k] = r
    results["aspects"]["n"] = {"all": int(len(aspects)),
                               "mixed_sentences": int(aspects["mixed"].sum()),
                               **{c: int(n) for c, n in aspects["category"].value_counts().items()}}

    # FFT sentence level: score sentences, average, vs the whole comment
    d = sets["nhs_fft"]
    texts = list(d["text"])
    sents = [sentences(t) for t in texts]
    flat = sorted({s for ss in sents for s in ss})
    t0 = time.perf_counter()
    Es = embed(flat)
    t_sent_embed = time.perf_counter() - t0
    svader = {s: analyzer.polarity_scores(s)["compound"] for s in flat}
    m2 = preds["nhs_fft"]["model_lr"]
    _, _, Ps, _ = lr_predict(m2, Es)
    sP = dict(zip(flat, Ps, strict=True))
    vs = np.array([np.mean([svader[s] for s in ss]) for ss in sents])
    Pm = np.stack([np.mean([sP[s] for s in ss], axis=0) for ss in sents])
    ls = Pm[:, 2] - Pm[:, 0]
    lc = np.array(CLASSES)[Pm.argmax(1)]
    multi = np.array([len(ss) > 1 for ss in sents])
    has_both = {
        "vader": int(sum(1 for ss in sents if len(ss) > 1
                         and max(svader[s] for s in ss) >= 0.05
                         and min(svader[s] for s in ss) <= -0.05)),
        "lr": int(sum(1 for ss in sents if len(ss) > 1
                      and any(sP[s].argmax() == 2 for s in ss)
                      and any(sP[s].argmax() == 0 for s in ss))),
    }
    ys, y = d["y_score"].to_numpy(), d["y"].to_numpy()
    pw = preds["nhs_fft"]
    sl: dict[str, Any] = {"n_comments": len(texts), "n_multi_sentence": int(multi.sum()),
                          "n_sentences_distinct": len(flat),
                          "sentence_embed_secs_incl_cache": t_sent_embed,
                          "multi_sentence_with_pos_and_neg_sentence": has_both}
    for subset, m in (("all", np.ones(len(texts), bool)), ("multi_sentence", multi)):
        sl[subset] = {
            "vader_whole": measures(ys[m], y[m], pw["vader"]["score"][m], pw["vader"]["pred"][m]),
            "vader_sentence_mean": measures(ys[m], y[m], vs[m], vader_class(vs)[m]),
            "lr_whole": measures(ys[m], y[m], pw["lr"]["score"][m], pw["lr"]["pred"][m]),
            "lr_sentence_mean": measures(ys[m], y[m], ls[m], lc[m]),
        }
    results["sentence_level"] = sl

    def ver(p: str) -> str:
        try:
            return md.version(p)
        except md.PackageNotFoundError:
            return "?"
    results["meta"] = {
        "date_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "os_cpu_count": os.cpu_count(), "loadavg_start_1_5_15": load_start,
        "platform": platform.platform(), "python": sys.version.split()[0],
        "versions": {p: ver(p) for p in ("vaderSentiment", "scikit-learn", "numpy", "scipy",
                                          "sentence-transformers", "torch", "themesift")},
        "embedder": model_id, "seed": SEED, "bootstrap_resamples": BOOT,
        "embed_all_texts_secs_cached_call": t_embed_cached, "n_texts_embedded": len(all_texts),
        "embedding_rate_uncached_texts_per_s": emb_rate_uncached,
        "embedding_rate_sample_n": len(sample),
        "runtime_secs": time.perf_counter() - t_start, **info}
    results["meta"]["loadavg_end_1_5_15"] = list(os.getloadavg())
    OUT_JSON.write_text(json.dumps(results, indent=1))
    OUT_MD.write_text(render(results, OUT_MD.read_text() if OUT_MD.exists() else ""))
    print("wrote", OUT_JSON, OUT_MD, f"in {results['meta']['runtime_secs']:.0f}s")


# ---------------------------------------------------------------- report
KEEP_START, KEEP_END = "<!-- notes:start -->", "<!-- notes:end -->"
LABEL = {"nhs_fft": "NHS FFT phase 1 (all trusts)",
         "nhs_fft_exB": "NHS FFT phase 1 without Trust B", "careopinion": "Care Opinion",
         "semeval": "SemEval-2014 restaurants (train split)"}
TARGET_SETS = ("nhs_fft", "careopinion", "semeval")


def _f(x: float) -> str:
    return f"{x:.3f}"


def render(r: dict[str, Any], old: str) -> str:
    m = r["meta"]
    notes = ("(written by hand after a run; kept between the markers when the script rewrites "
             "this file)")
    if KEEP_START in old and KEEP_END in old:
        notes = old.split(KEEP_START, 1)[1].split(KEEP_END, 1)[0].strip()
    L = ["# Sentiment: VADER, what themesift ships, and classifiers over the MiniLM embeddings", "",
         f"Written by `bench/sentiment.py` ({m['date_utc']}); numbers in `bench/sentiment.json`. "
         f"Machine: {m['platform']}, os.cpu_count() = {m['os_cpu_count']}, load average "
         f"(1/5/15 min) {', '.join(f'{x:.2f}' for x in m['loadavg_start_1_5_15'])} at start, "
         f"{', '.join(f'{x:.2f}' for x in m['loadavg_end_1_5_15'])} at end; run took "
         f"{m['runtime_secs']:.0f} s. Python {m['python']}; "
         + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
         + f"; embedder `{m['embedder']}`; seed {m['seed']}.", "",
         "Methods: **vader** = VADER compound (`vadersentiment`, MIT licence), ±0.05 thresholds; "
         "**lr** = StandardScaler + LogisticRegression (C=1, balanced classes, not tuned) on the "
         "MiniLM vectors, score P(pos)−P(neg), trained only on the *other* sets; **lr+vader** = "
         "the same plus VADER's compound as one extra feature. Human score: criticality −5…5 "
         "(−5 = most critical, +5 = most praising) or SemEval polarity −1/0/1; class = its sign. "
         f"Bootstrap: {m['bootstrap_resamples']} paired resamples, 95% interval of "
         "(method − VADER).",
         "", "## Per set", ""]
    for s, row in r["sets"].items():
        cc = row["class_counts"]
        tc = row["train_class_counts"]
        L += [f"### {LABEL[s]}", "",
              f"{row['n_distinct']} distinct labelled texts (negative {cc['negative']}, neutral "
              f"{cc['neutral']}, positive {cc['positive']}). lr trained on "
              f"{' + '.join(row['trained_on'])}: {row['n_train']} texts (negative "
              f"{tc['negative']}, neutral {tc['neutral']}, positive {tc['positive']}).", "",
              "| method | Spearman ρ | macro-F1 | accuracy | F1 neg / neu / pos | "
              "predicted neg / neu / pos | comments/s (excl. embedding) | "
              "Δ vs VADER 95% CI: ρ; F1; acc |",
              "|---|---|---|---|---|---|---|---|"]
        for k, x in row["methods"].items():
            pc = x["pred_counts"]
            ci = x.get("vs_vader_95ci")
            cis = "—" if ci is None else "; ".join(
                f"[{a:+.3f}, {b:+.3f}]"
                for a, b in (ci["spearman"], ci["macro_f1"], ci["accuracy"]))
            L.append(f"| {k} | {_f(x['spearman'])} | {_f(x['macro_f1'])} | {_f(x['accuracy'])} | "
                     f"{_f(x['f1_negative'])} / {_f(x['f1_neutral'])} / {_f(x['f1_positive'])} | "
                     f"{pc['negative']} / {pc['neutral']} / {pc['positive']} | "
                     f"{x['comments_per_s_excl_embedding']:,.0f} | {cis} |")
        L.append("")
    a = r["aspects"]
    cats = [c for c in a["n"] if c not in ("all", "mixed_sentences")]
    L += ["### SemEval per-aspect polarity accuracy", "",
          "Every (sentence, category) pair with a positive/negative/neutral gold polarity; the "
          "sentence's predicted class stands for each of its categories (none of the methods is "
          "aspect-aware). `mixed` = sentences whose categories carry different polarities.", "",
          "| method | all | mixed | " + " | ".join(cats) + " |",
          "|---|---|---|" + "---|" * len(cats),
          f"| n | {a['n']['all']} | {a['n']['mixed_sentences']} | "
          + " | ".join(str(a["n"][c]) for c in cats) + " |"]
    for k in METHODS:
        L.append(f"| {k} | {_f(a[k]['all'])} | {_f(a[k]['mixed_sentences'])} | "
                 + " | ".join(_f(a[k][c]) for c in cats) + " |")
    sl = r["sentence_level"]
    both_sides = sl["multi_sentence_with_pos_and_neg_sentence"]
    L += ["", "## NHS FFT: sentences averaged vs the whole comment", "",
          f"{sl['n_comments']} comments, {sl['n_multi_sentence']} with more than one sentence "
          f"(regex split on . ! ? and line breaks; {sl['n_sentences_distinct']} distinct "
          "sentences). lr is the FFT model above (trained on SemEval + Care Opinion); its class "
          "for a comment is the argmax of the mean sentence probabilities. Multi-sentence "
          "comments with at least one positive and one negative sentence: VADER "
          f"{both_sides['vader']}, lr {both_sides['lr']}.", "",
          "| subset | scoring | Spearman ρ | macro-F1 | accuracy |", "|---|---|---|---|---|"]
    for sub in ("all", "multi_sentence"):
        for k, x in sl[sub].items():
            L.append(f"| {sub} | {k} | {_f(x['spearman'])} | {_f(x['macro_f1'])} | "
                     f"{_f(x['accuracy'])} |")
    L += ["", "## Targets (issue 16)", "",
          "Embedding speed, uncached, the embedder alone on "
          f"{m['embedding_rate_sample_n']} sampled texts: "
          f"{m['embedding_rate_uncached_texts_per_s']:.0f} texts/s. In this run all "
          f"{m['n_texts_embedded']} texts came from the cache "
          f"({m['embed_all_texts_secs_cached_call']:.2f} s), so the lr figures above exclude "
          "embedding; lr+vader's include VADER's own time.", "",
          "| method | beats VADER on (set: measure) | loses or ties on | "
          "≥ 1,000 comments/s (excl. embedding), slowest set | target met |",
          "|---|---|---|---|---|"]
    for k in ("themesift", "lr", "lr+vader"):
        wins, losses = [], []
        for s in TARGET_SETS:
            x, v = r["sets"][s]["methods"][k], r["sets"][s]["methods"]["vader"]
            for meas in ("spearman", "macro_f1", "accuracy"):
                (wins if x[meas] > v[meas] else losses).append(f"{s}: {meas}")
        (wins if a[k]["all"] > a["vader"]["all"] else losses).append("semeval: aspect accuracy")
        slow = min(r["sets"][s]["methods"][k]["comments_per_s_excl_embedding"]
                   for s in TARGET_SETS)
        ok = not losses and slow >= 1000
        L.append(f"| {k} | {', '.join(wins) or '—'} | {', '.join(losses) or '—'} | "
                 f"{slow:,.0f} ({'met' if slow >= 1000 else 'not met'}) | "
                 f"{'**met**' if ok else '**not met**'} |")
    slow_v = min(r["sets"][s]["methods"]["vader"]["comments_per_s_excl_embedding"]
                 for s in TARGET_SETS)
    met_v = "met" if slow_v >= 1000 else "not met"
    L += [f"| vader | (the floor) | | {slow_v:,.0f} ({met_v}) | n/a |", "",
          "## What this shows / does not show", "", KEEP_START, notes, KEEP_END, ""]
    return "\n".join(L)


if __name__ == "__main__":
    main()
