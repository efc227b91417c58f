"""Tables the pages show, built from a View (no Streamlit here)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from themesift.project import View
from themesift.report import ORIGIN_NAMES
from themesift.types import LEANING, ThemeSentiment, family_of

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def md_escape(text: str) -> str:
    """Text shown literally inside st.markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def pct(count: int, base: int) -> float:
    return round(100.0 * count / base, 1) if base else 0.0


SIDE_COLUMNS = {side: f"% {side}" for side in LEANING}


def _sides(s: ThemeSentiment | None) -> dict[str, float]:
    pcts = s.percents() if s is not None and s.n else (float("nan"),) * len(LEANING)
    return dict(zip(SIDE_COLUMNS.values(), pcts, strict=True))


def themes_table(view: View, family: int | None = None) -> pd.DataFrame:
    """One row per theme (of ``family``, if given); 'stability' (0-1, how often resampled
    fits find it) while the theme is as the analysis found it, else empty; the shares of
    its comments that are positive, negative and mixed."""
    base = view.report.substantive
    feel = view.sentiment[0]
    fam = family_of(view.families)
    return pd.DataFrame(
        [{"theme": t.label, "family": fam[t.id].label if t.id in fam else "",
          "origin": ORIGIN_NAMES.get(t.origin, t.origin), "comments": t.size,
          "% of substantive": pct(t.size, base), **_sides(feel.get(t.id)),
          "keywords": ", ".join(t.keywords),
          "stability": float("nan") if t.stability is None else t.stability,
          "custom label": t.custom_label, "id": t.id}
         for t in view.themes if family is None or (t.id in fam and fam[t.id].id == family)],
        columns=["theme", "family", "origin", "comments", "% of substantive",
                 *SIDE_COLUMNS.values(), "keywords", "stability", "custom label", "id"])


def families_table(view: View) -> pd.DataFrame:
    """One row per family: its label, size, share, sentiment and themes."""
    base = view.report.substantive
    feel = view.sentiment[1]
    labels = view.labels()
    return pd.DataFrame(
        [{"family": f.label, "themes": len(f.theme_ids), "comments": f.size,
          "% of substantive": pct(f.size, base), **_sides(feel.get(f.id)),
          "theme labels": "; ".join(labels.get(t, str(t)) for t in f.theme_ids), "id": f.id}
         for f in view.families],
        columns=["family", "themes", "comments", "% of substantive", *SIDE_COLUMNS.values(),
                 "theme labels", "id"])


def buckets(view: View) -> pd.DataFrame:
    """The comments outside the themes, shown apart from them."""
    r = view.report
    rows = [("(unassigned)", view.unassigned, "substantive, but close to no theme"),
            ("(non-answer)", r.non_answers - r.dont_know, "e.g. 'n/a', 'nothing to add'"),
            ("(don't know)", r.dont_know, "e.g. 'no idea', 'not sure': a real answer to "
                                          "some questions, counted apart"),
            ("(empty)", r.empty, "blank cells")]
    return pd.DataFrame(
        [{"bucket": b, "comments": n, "% of all rows": pct(n, r.rows_read), "what": w}
         for b, n, w in rows], columns=["bucket", "comments", "% of all rows", "what"])


def comments_frame(view: View, theme_id: int) -> pd.DataFrame:
    """One row per comment (duplicates included) of a theme, with its confidence and the
    other themes it is close to."""
    b = view.base
    cleaned, corpus = b.cleaned, b.cleaned.corpus
    rows = np.flatnonzero(view.row_labels == theme_id)
    d = b.distinct.source[rows]
    texts = np.unique(d)
    a = view.assignments_of(texts)
    pos = {int(t): i for i, t in enumerate(texts)}
    at = [pos[int(x)] for x in d]
    labels = view.labels()
    manual = view.state.manual
    df = pd.DataFrame({
        "id": [corpus.ids[r] for r in rows],
        "comment": [cleaned.texts[r] for r in rows],
        "confidence": np.round(a.confidence[at], 3) if len(at) else np.zeros(0),
        "other themes": ["; ".join(labels.get(t, str(t)) for t in a.themes[i][1:]) for i in at],
        "sentiment": [b.sentiment.label[int(x)] if b.sentiment is not None else "" for x in d],
        "moved by hand": [int(x) in manual for x in d],
        "text_index": d,
    })
    for name, values in corpus.groups.items():
        df[name] = [values[r] for r in rows]
    return df


def history_frame(view: View) -> pd.DataFrame:
    active = {e.seq for e in view.edits_in_effect}
    return pd.DataFrame(
        [{"#": e.seq, "when": e.ts.replace("T", " ")[:19], "what": e.summary,
          "status": "undo" if e.undoes is not None else ("in effect" if e.seq in active
                                                         else "undone")}
         for e in reversed(view.history)],
        columns=["#", "when", "what", "status"])
