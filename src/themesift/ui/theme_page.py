"""One theme: its label, keywords, size, quotes and every comment in it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from themesift.project import View
from themesift.sentiment import SIDES
from themesift.types import UNASSIGNED, family_of
from themesift.ui.frames import md_escape, pct
from themesift.ui.state import forget_stale

# (text indices, target theme) -> None; applies a Move edit
MoveFn = Callable[[tuple[int, ...], int], None]
MAX_QUOTES = 50


def pick_theme(view: View, *, key: str, label: str = "Theme") -> int | None:
    """A theme chooser listing labels with sizes; returns the theme id."""
    if not view.themes:
        return None
    ids = [t.id for t in view.themes]
    names = {t.id: f"{t.label} ({t.size})" for t in view.themes}
    forget_stale(key, names)
    return int(st.selectbox(label, ids, format_func=lambda i: names[i], key=key))


def rows_key(key: str, view: View, theme_id: int, query: str) -> str:
    """Key of the comments table: a new table (no stale selection) after any edit or search,
    and in another project."""
    digest = hashlib.sha1(query.strip().casefold().encode()).hexdigest()[:8]
    return f"{key}_rows_{view.base.uid}_{theme_id}_{view.version}_{digest}"


def filter_comments(df: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose comment, id or other themes contain ``query`` (case-insensitive)."""
    q = query.strip().casefold()
    if not q:
        return df
    hay = df["comment"].str.casefold() + "\n" + df["id"].str.casefold()
    return df[hay.str.contains(q, regex=False)]


def move_prompt(selected: list[int], theme_texts: pd.Series) -> str:
    """'Move 2 selected comments and 3 duplicates of them to': duplicates move too."""
    picked = len(selected)
    extra = int(theme_texts.isin(selected).sum()) - picked
    return f"Move {picked} selected comment{'s' if picked != 1 else ''}" + (
        f" and {extra} duplicate{'s' if extra != 1 else ''} of {'it' if picked == 1 else 'them'}"
        if extra > 0 else "") + " to"


def render_sides(view: View, tid: int) -> None:
    """How the theme's comments lean, and its most typical comment on each side."""
    s = view.sentiment[0].get(tid)
    if s is None or not s.n:
        return
    st.markdown("**Sentiment:** " + ", ".join(f"{p:.0f}% {side}" for p, side in
                                              zip(s.percents(SIDES, 0), SIDES, strict=True))
                + f" (of {s.n} comments about this theme)")
    cols = st.columns(2)
    for col, side in zip(cols, ("positive", "negative"), strict=True):
        d = s.typical.get(side)
        if d is None:
            col.caption(f"No {side} comment.")
            continue
        text = view.base.distinct.texts[d]
        col.markdown(f"*Most typical {side}:*\n\n> {md_escape(text)}")


def render_theme(view: View, comments: Callable[[int], pd.DataFrame], *, key: str = "theme",
                 on_move: MoveFn | None = None) -> None:
    """``comments(theme_id)`` gives ``frames.comments_frame`` (cached by the caller)."""
    st.header("Theme")
    tid = pick_theme(view, key=f"{key}_pick")
    if tid is None:
        st.info("This project has no themes.")
        return
    theme = view.theme(tid)
    st.subheader(md_escape(theme.label) + ("  ✎" if theme.custom_label else ""))
    if theme.custom_label:
        st.caption("✎ a label you wrote: edits never overwrite it.")
    family = family_of(view.families).get(tid)
    if family is not None and len(family.theme_ids) > 1:
        st.caption(f"In the family '{family.label}' with "
                   + "; ".join(view.theme(t).label for t in family.theme_ids if t != tid))
    c = st.columns(3)
    c[0].metric("Comments", theme.size)
    c[1].metric("Share of substantive", f"{pct(theme.size, view.report.substantive):.1f}%")
    c[2].metric("Distinct texts", int((view.state.labels == tid).sum()))
    st.markdown("**Keywords:** " + md_escape(", ".join(theme.keywords) or "—"))
    render_sides(view, tid)
    if theme.label_suggestions:
        st.markdown("**Label suggestions:** " + md_escape("; ".join(theme.label_suggestions)))
    quotes = view.quotes.get(tid, ())
    st.markdown("#### Representative quotes")
    if quotes:
        top = min(MAX_QUOTES, len(quotes))
        default = min(view.base.config.quotes_per_theme, top)
        n = st.slider("Quotes to show", 1, top, default, key=f"{key}_nquotes") if top > 1 else 1
        for q in quotes[:n]:
            extra = ", ".join(f"{k}: {v}" for k, v in q.groups.items() if v)
            st.markdown(f"> {md_escape(q.text)}\n>\n> — id {md_escape(q.comment_id)}"
                        + (f" ({md_escape(extra)})" if extra else ""))
    st.markdown("#### All comments in this theme")
    rows = comments(tid)
    c1, c2 = st.columns([3, 1])
    query = c1.text_input("Search", key=f"{key}_search", placeholder="words or an id")
    side = c2.selectbox("Sentiment", ["all", *SIDES], key=f"{key}_side")
    shown = filter_comments(rows, query)
    if side != "all":
        shown = shown[shown["sentiment"] == side]
        query = f"{query}\0{side}"  # a new table key: no stale selection
    st.caption(f"{len(shown)} of {len(rows)} comments. Select rows to move them "
               "(duplicates of a text move with it).")
    event = st.dataframe(shown.drop(columns=["text_index"]),
                         key=rows_key(key, view, tid, query),
                         hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="multi-row",
                         column_config={"confidence": st.column_config.ProgressColumn(
                             "confidence", min_value=0.0, max_value=1.0, format="%.2f")})
    selected = [int(shown["text_index"].iloc[i]) for i in event.selection.rows
                if i < len(shown)]
    if on_move is None or not selected:
        return
    targets = [UNASSIGNED] + [t.id for t in view.themes if t.id != tid]
    names = {UNASSIGNED: "(unassigned)", **{t.id: t.label for t in view.themes}}
    to = st.selectbox(move_prompt(selected, rows["text_index"]), targets,
                      format_func=lambda i: names[i], key=f"{key}_move_to")
    if st.button("Move", key=f"{key}_move"):
        on_move(tuple(sorted(set(selected))), int(to))
