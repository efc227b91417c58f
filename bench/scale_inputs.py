"""Inputs of real text for bench/scale.py, made with a fixed seed from ../shared/eval/.

Three kinds, each a CSV of ``id,text`` named ``<kind>-<rows>.csv``:

* ``resampled``: rows drawn with replacement from the pool of 16,115 comments, so
  inputs over ~15,000 rows repeat texts (about 14,550 distinct at 100k and 1M):
  they measure the per-row costs and the de-duplication, not the per-text work;
* ``unique``: different comments of the pool, each once (at most 14,563 rows);
* ``distinct``: every row a different text, made by joining two or three real
  comments from different sets of the pool (a full stop added to a comment that
  ends without punctuation), de-duplicated as themesift counts duplicates: every
  row is a text `tag` has to clean, embed and score, at any size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
POOL = {  # file -> (text column, label column, label separator)
    "nhs_fft_phase1_singlelabel.csv": ("text", "label", None),
    "nhs_careopinion_multilabel.csv": ("text", "major_labels", "|"),
    "semeval2014_restaurants_aspect_categories.csv": ("text", "labels", "|"),
}
KINDS = ("distinct", "resampled", "unique")
UNIQUE_MAX = 14_563  # distinct texts in the pool: the largest unique input


@dataclass(frozen=True)
class Input:
    path: Path
    kind: str
    rows: int
    distinct: int  # distinct texts (as written)
    mean_chars: float


def pool() -> list[str]:
    texts: list[str] = []
    for name, (col, _, _) in POOL.items():
        texts += pd.read_csv(EVAL / name, dtype=str, keep_default_na=False)[col].tolist()
    return texts


def make_input(folder: Path, n: int, kind: str) -> Input:
    """``n`` rows of the given kind (see the module docstring), written once to ``folder``."""
    path = folder / f"{kind}-{n}.csv"
    if not path.exists():
        chosen = {"resampled": resampled, "unique": unique, "distinct": distinct}[kind](n)
        pd.DataFrame({"id": [f"r{i}" for i in range(n)], "text": chosen}).to_csv(path,
                                                                                  index=False)
    texts = pd.read_csv(path, dtype=str, keep_default_na=False)["text"]
    return Input(path, kind, len(texts), texts.nunique(), round(float(texts.str.len().mean()), 1))


def resampled(n: int) -> list[str]:
    texts = pool()
    rng = np.random.default_rng(0)
    return [texts[i] for i in rng.integers(0, len(texts), n)]


def unique(n: int) -> list[str]:
    distinct_texts = sorted(set(pool()))
    assert len(distinct_texts) == UNIQUE_MAX, "the pool changed: update UNIQUE_MAX"
    if n > len(distinct_texts):
        raise SystemExit(f"unique inputs hold at most {len(distinct_texts)} rows; "
                         "use the distinct ones")
    rng = np.random.default_rng(0)
    return [distinct_texts[i] for i in rng.permutation(len(distinct_texts))[:n]]


def distinct(n: int) -> list[str]:
    """``n`` different texts, each two or three comments of different sets joined.

    The sets of a row are drawn in proportion to their sizes (so most joins hold an
    NHS FFT comment, fewer a long Care Opinion story), without repeating a set.
    """
    from themesift.clean import normalise_key

    sets = [sorted({t.strip() for t in pd.read_csv(EVAL / name, dtype=str,
                                                   keep_default_na=False)[col] if t.strip()})
            for name, (col, _, _) in POOL.items()]
    weights = np.array([len(s) for s in sets], dtype=float)
    rng = np.random.default_rng(0)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        parts = 2 + int(rng.integers(0, 2))
        chosen = rng.choice(len(sets), size=parts, replace=False, p=weights / weights.sum())
        text = " ".join(_ended(sets[s][int(rng.integers(0, len(sets[s])))]) for s in chosen)
        key = normalise_key(text)
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out


def _ended(text: str) -> str:
    return text if text[-1] in ".!?…)\"'" else text + "."
