"""Everything the app keeps between reruns, keyed by names and content hashes.

Models are loaded once per server (``st.cache_resource``).  A project's base
analysis is cached by its file and uid, and a view of it by (uid, version):
a rerun asks the store only for the version number, so pages switch without
reloading anything, and an edit made in another tab shows up on the next
rerun.  Values are immutable (frozen dataclasses, bytes), so they are cached as
shared resources rather than pickled copies.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from themesift.config import Config
from themesift.ingest import profile_column, read_table
from themesift.pipeline import Embedding
from themesift.project import Base, ProjectStore, View, build_view, load_base
from themesift.report import assignments_frame
from themesift.survey import CrossTab, Trend, crosstab, trend
from themesift.types import FloatArray

log = logging.getLogger(__name__)


class MemoEmbed:
    """An embed function with an in-memory memo in front of the on-disk cache."""

    def __init__(self, embedder: str) -> None:
        self._embed = Embedding(Config(embedder=embedder))
        self._memo: dict[str, FloatArray] = {}
        self._lock = threading.Lock()

    def warm(self) -> None:
        self._embed.embedder.embed(["warm up"])

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return self._embed([])
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
            if missing:
                self._memo.update(zip(missing, self._embed(missing), strict=True))
            return np.stack([self._memo[t] for t in texts])


@st.cache_resource(show_spinner=False)
def embed_for(embedder: str) -> MemoEmbed:
    return MemoEmbed(embedder)


@st.cache_resource(show_spinner=False)
def warm_models(embedder: str) -> threading.Thread:
    """Load the embedding model in the background so the first edit is quick."""
    thread = threading.Thread(target=_warm, args=(embedder,), daemon=True, name="warm-models")
    thread.start()
    return thread


def _warm(embedder: str) -> None:
    try:
        embed_for(embedder).warm()
    except Exception:  # noqa: BLE001 - a failed warm-up only costs time later
        log.warning("could not preload the %s embedder", embedder, exc_info=True)


@st.cache_resource(show_spinner=False, max_entries=8)
def warm_project(path: str, uid: str) -> threading.Thread:
    """Prepare the map's hover texts (and plotly) in the background after the first render."""
    thread = threading.Thread(target=_warm_project, args=(path, uid), daemon=True,
                              name="warm-project")
    thread.start()
    return thread


def _warm_project(path: str, uid: str) -> None:
    try:
        import plotly.graph_objects as go

        go.Figure(go.Scattergl(x=[0.0], y=[0.0], text=["warm up"])).to_json()
        hover_for(path, uid)
    except Exception:  # noqa: BLE001 - a failed warm-up only costs time later
        log.warning("could not prepare project %s in the background", path, exc_info=True)


@st.cache_resource(show_spinner=False)
def analysis_lock() -> threading.Lock:
    """One analysis at a time per server (they are CPU-bound and share the models)."""
    return threading.Lock()


@st.cache_resource(show_spinner=False, max_entries=8)
def base_for(path: str, uid: str) -> Base:
    return load_base(ProjectStore(path))


@st.cache_resource(show_spinner=False, max_entries=32)
def view_for(path: str, uid: str, version: int) -> View:
    base = base_for(path, uid)
    view = build_view(base, ProjectStore(path))
    if view.version != version:  # an edit landed in between: cache under its real version
        log.info("project %s moved on to version %d", path, view.version)
    return view


def current_view(store: ProjectStore) -> View:
    uid, version = store.token()
    return view_for(str(store.path), uid, version)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def read_upload(content_hash: str, name: str, _data: bytes) -> pd.DataFrame:
    """Read uploaded bytes with themesift.ingest (through a temporary file of the same name)."""
    with tempfile.TemporaryDirectory(prefix="themesift-upload-") as tmp:
        path = Path(tmp) / (re.sub(r"[^\w.-]+", "_", Path(name).name).lstrip(".") or "upload")
        path.write_bytes(_data)
        return read_table(path)


@st.cache_resource(show_spinner=False, max_entries=8)
def read_sample(path: str, mtime: float) -> pd.DataFrame:
    return read_table(path)


# -- per-version products, shared by every session showing that version ------------
@st.cache_resource(show_spinner=False, max_entries=16)
def comments_for(path: str, uid: str, version: int, theme_id: int) -> pd.DataFrame:
    from themesift.ui.frames import comments_frame

    return comments_frame(view_for(path, uid, version), theme_id)


@st.cache_resource(show_spinner=False, max_entries=4)
def hover_for(path: str, uid: str) -> list[str]:
    from themesift.ui.map_page import hover_texts

    return hover_texts(base_for(path, uid).distinct.texts)


@st.cache_resource(show_spinner=False, max_entries=4)
def map_for(path: str, uid: str, version: int) -> object:
    from themesift.ui.map_page import map_figure

    return map_figure(view_for(path, uid, version), hover_for(path, uid))


@st.cache_resource(show_spinner=False, max_entries=8)
def breakdown_for(path: str, uid: str, version: int, group: str) -> object:
    from themesift.ui.overview import group_breakdown

    return group_breakdown(view_for(path, uid, version), group)


@st.cache_resource(show_spinner=False, max_entries=4)
def rows_for(path: str, uid: str, version: int) -> pd.DataFrame:
    """The version's assignments as ``assignments.csv`` holds them (text cells), for the
    survey statistics (cross-tabs, trends)."""
    view = view_for(path, uid, version)
    rows = assignments_frame(view.cleaned, view.assignments, view.themes)
    return rows.astype({"primary_theme": str})


@st.cache_resource(show_spinner=False, max_entries=8)
def crosstab_for(path: str, uid: str, version: int, group: str) -> CrossTab:
    """Theme shares of this project's question by ``group``, with a test per theme."""
    question = base_for(path, uid).cleaned.corpus.text_col
    return crosstab(rows_for(path, uid, version), question, group)


@st.cache_resource(show_spinner=False, max_entries=8)
def date_columns_for(path: str, uid: str) -> list[str]:
    """The project's group columns that hold dates (for the trend view)."""
    groups = base_for(path, uid).cleaned.corpus.groups
    return [g for g, values in groups.items()
            if profile_column(g, pd.Series(values, dtype=object)).kind == "date"]


@st.cache_resource(show_spinner=False, max_entries=8)
def trend_for(path: str, uid: str, version: int, column: str) -> Trend:
    question = base_for(path, uid).cleaned.corpus.text_col
    return trend(rows_for(path, uid, version), question, column)
