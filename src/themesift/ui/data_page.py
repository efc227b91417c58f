"""Data: the current project's cleaning report, and a new analysis from a file."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from themesift.errors import ThemesiftError
from themesift.ingest import (
    SUPPORTED,
    codes_from_lines,
    find_id_column,
    free_text_columns,
    guess_text_column,
    split_header_rows,
)
from themesift.progress import stage_text
from themesift.project import View, safe_name
from themesift.types import Code, Progress
from themesift.ui.state import default_for

NONE = "(none)"


@dataclass(frozen=True)
class NewProject:
    frame: pd.DataFrame
    source: str
    text_cols: tuple[str, ...]  # one per open question
    id_col: str | None
    group_cols: tuple[str, ...]
    name: str
    dont_know: tuple[str, ...] = ()  # questions whose "No idea" answers are answers
    keep_words: tuple[str, ...] = ()  # never redacted as names
    codes: tuple[Code, ...] = ()  # the researcher's codebook (themes they expect)
    discover: bool = True  # with codes: new themes among the answers no code fits


AnalyseFn = Callable[[NewProject, Progress], None]
ReadUpload = Callable[[Any], pd.DataFrame]  # an st.UploadedFile -> frame
ReadCodebook = Callable[[str, bytes], tuple[Code, ...]]  # (file name, bytes) -> codes


def _when(stamp: str) -> str:
    """An ISO time as people read it: "2 Dec 2026, 14:20 UTC" (as given if unreadable)."""
    try:
        when = dt.datetime.fromisoformat(stamp).astimezone(dt.UTC)
    except ValueError:
        return stamp
    return f"{when.day} {when:%b %Y, %H:%M} UTC"


def render_report(view: View, *, key: str = "report") -> None:
    r = view.report
    corpus = view.cleaned.corpus
    st.subheader(f"Current project: {view.base.name}")
    st.caption(f"From {corpus.source or 'an upload'} · text column '{corpus.text_col}' · "
               f"id column {repr(corpus.id_col) if corpus.id_col else '(generated)'} · "
               f"groups: {', '.join(corpus.groups) or '—'} · analysed {_when(view.base.created)}")
    c = st.columns(5)
    c[0].metric("Rows read", r.rows_read)
    c[1].metric("Substantive", r.substantive)
    c[2].metric("Non-answers", r.non_answers)
    c[3].metric("Empty", r.empty)
    c[4].metric("Duplicates", r.duplicates)
    red = dict(r.redactions)
    st.dataframe(pd.DataFrame({"redacted": list(red), "count": list(red.values())}),
                 key=f"{key}_redactions", hide_index=True)
    st.caption("Duplicates are substantive comments whose text repeats an earlier one; they "
               "count towards theme sizes but are analysed once. Redactions replace personal "
               "data (names, emails, phone numbers, …) before anything is shown or saved.")


def _choose_source(samples: Sequence[Path], read_upload: ReadUpload,
                   read_sample: Callable[[Path], pd.DataFrame], max_upload_mb: float,
                   key: str) -> tuple[pd.DataFrame, str] | None:
    kind = st.radio("Comments from", ["Upload a file", "A bundled sample"], horizontal=True,
                    key=f"{key}_kind")
    try:
        if kind == "A bundled sample":
            names = {p.name: p for p in samples}
            if not names:
                st.info("No samples found in data/.")
                return None
            pick = st.selectbox("Sample", list(names), key=f"{key}_sample")
            return read_sample(names[pick]), pick
        up = st.file_uploader("CSV, Excel (.xlsx), Parquet or JSON Lines",
                              type=[s.lstrip(".") for s in SUPPORTED], key=f"{key}_upload")
        if up is None:
            return None
        if up.size > max_upload_mb * 1024**2:
            st.error(f"{up.name} is {up.size / 1024**2:.0f} MB; the limit is "
                     f"{max_upload_mb:.0f} MB. Split the file or keep only the columns you "
                     "need. Nothing was changed.")
            return None
        return read_upload(up), up.name
    except ThemesiftError as exc:
        st.error(f"Cannot use this file: {exc}. Nothing was changed.")
        return None


def _codebook(read: ReadCodebook, key: str) -> tuple[tuple[Code, ...] | None, bool]:
    """The codebook chosen for the analysis (none: ()), and whether to discover new
    themes; None when the codebook given cannot be read (the error is shown)."""
    with st.expander("Start from a codebook (optional)"):
        st.caption("Themes you expect, from the literature or last year's wave: each code "
                   "becomes a theme with your name for it; new themes are found among the "
                   "answers no code fits. A CSV or XLSX with a 'code' column (optional "
                   "'description', 'examples' separated by |, 'parent'), a REFI-QDA codebook "
                   "(.qdc), or codes typed below. New themes are looked for when at least 10 "
                   "different answers (and 5% of them) fit no code.")
        upload = st.file_uploader("Codebook file", type=["csv", "tsv", "xlsx", "qdc"],
                                  key=f"{key}_codebook")
        typed = st.text_area("Or type seed themes, one per line ('Name: description')",
                             key=f"{key}_seeds", height=100)
        discover = st.checkbox("Also find new themes among the answers no code fits",
                               value=True, key=f"{key}_discover")
        try:
            if upload is not None:
                codes = read(upload.name, upload.getvalue())
            elif typed.strip():
                codes = codes_from_lines(typed)
            else:
                return (), discover
        except ThemesiftError as exc:
            st.error(f"Codebook not read: {exc}")
            return None, discover
        st.caption(f"{len(codes)} code{'s' if len(codes) != 1 else ''}: "
                   + ", ".join(c.name for c in codes[:12]) + (" …" if len(codes) > 12 else ""))
        return codes, discover


def render_new_analysis(*, samples: Sequence[Path], read_upload: ReadUpload,
                        read_sample: Callable[[Path], pd.DataFrame], on_analyse: AnalyseFn,
                        taken: Sequence[str], max_upload_mb: float,
                        read_codebook: ReadCodebook | None = None,
                        key: str = "new") -> None:
    st.subheader("Analyse new comments")
    chosen = _choose_source(samples, read_upload, read_sample, max_upload_mb, key)
    if chosen is None:
        return
    raw, source = chosen
    df, _, header_notes = split_header_rows(raw)  # Qualtrics / SurveyMonkey header rows
    columns = [str(c) for c in df.columns]
    st.caption(f"{source}: {len(df)} rows, {len(columns)} columns. First rows:")
    for note in header_notes:
        st.caption(f"Note: {note}.")
    st.dataframe(df.head(8), key=f"{key}_preview", hide_index=True)
    found = [c for c, _ in free_text_columns(df)]
    if not found:
        try:
            found = [guess_text_column(df)]
        except ThemesiftError as exc:
            st.error(f"{exc}. Choose the columns with the comments yourself, or upload another "
                     "file.")
    text_cols = st.multiselect(
        "Open questions (columns of free-text answers)", columns,
        default=[c for c in found if c in columns], key=f"{key}_text",
        help="Each column is analysed on its own, with its own themes. Several columns make "
             "a survey project, with a question switcher in the sidebar.")
    if not text_cols:
        st.info("Choose at least one column of comments.")
        return
    for col in text_cols[:3]:
        st.caption(f"{col}: " + " · ".join(df[col].dropna().astype(str).head(3)
                                           .str.slice(0, 90)))
    others = [c for c in columns if c not in text_cols]
    default_id = find_id_column(df[others]) if others else None
    id_col = st.selectbox("Respondent id column", [NONE, *others],
                          index=[NONE, *others].index(default_id or NONE), key=f"{key}_id")
    closed = [c for c in others if c != id_col and 1 < df[c].nunique() <= 20]
    groups = st.multiselect("Group columns (closed answers, for breakdowns)",
                            [c for c in others if c != id_col],
                            default=closed if len(text_cols) > 1 else [], key=f"{key}_groups")
    for g in groups[:6]:
        values = df[g].fillna("(blank)").astype(str).value_counts()
        st.caption(f"{g}: {len(values)} values, e.g. " + ", ".join(values.index[:5]))
    dont_know = st.multiselect(
        "Questions where \"I don't know\" is an answer", text_cols, key=f"{key}_dont_know",
        help="'No idea' or 'not sure' says nothing to 'Any other comments?' (a non-answer, "
             "counted apart), but answers 'How do the tools work?': choose such questions "
             "to theme those answers like the others.")
    keep = st.text_input(
        "Words never to redact as names (comma-separated)", key=f"{key}_keep",
        help="Products, places, wards or drugs that name detection may take for people, "
             "e.g. Blackboard, Salford Royal, Lister Wing.")
    codes, discover = _codebook(read_codebook, key) if read_codebook else ((), True)
    if codes is None:
        return
    stem = Path(source).stem or "project"
    default = _free_name(stem, taken)
    default_for(f"{key}_name", default, owner=source)  # another file proposes its own name
    name = st.text_input("Project name", key=f"{key}_name", max_chars=60)
    if not st.button("Analyse", key=f"{key}_go", type="primary"):
        return
    # The file as read: the analysis reads its header rows again, as question wording.
    spec = NewProject(raw, source, tuple(text_cols), None if id_col == NONE else id_col,
                      tuple(groups), name.strip() or default, tuple(dont_know),
                      tuple(w.strip() for w in keep.split(",") if w.strip()), codes, discover)
    bar = st.progress(0.0, text="Starting…")
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.25:
            return
        last[0] = now
        frac = min(1.0, done / total) if total else 0.0
        bar.progress(frac, text=f"{stage_text(stage)}: {done:,} of {total:,}")

    try:
        on_analyse(spec, progress)
    except ThemesiftError as exc:
        bar.empty()
        st.error(f"Analysis failed: {exc}. The current project is unchanged.")


def _free_name(stem: str, taken: Sequence[str]) -> str:

    try:
        base = safe_name(stem)
    except ThemesiftError:
        base = "project"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name
