"""Map: every distinct comment in two dimensions, coloured by theme."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
import streamlit as st
from plotly.colors import qualitative

from themesift.project import View
from themesift.ui.frames import short

PALETTE = qualitative.Dark24 + qualitative.Light24
HOVER_CHARS = 280


def hover_texts(texts: Sequence[str]) -> list[str]:
    """Wrapped, shortened, HTML-safe texts (they never change with edits: cache per project)."""
    out = []
    for text in texts:
        body = text if len(text) <= HOVER_CHARS else text[: HOVER_CHARS - 1] + "…"
        out.append("<br>".join(textwrap.wrap(body.replace("<", "&lt;"), 70)) or " ")
    return out


def map_figure(view: View, hover: Sequence[str]) -> go.Figure:
    """One WebGL trace per theme (and one for unassigned) over the stored 2-D layout."""
    xy = view.base.xy
    labels = view.state.labels
    fig = go.Figure()
    groups = [(t.id, short(t.label, 40), PALETTE[j % len(PALETTE)])
              for j, t in enumerate(view.themes)]
    groups.append((-1, "(unassigned)", "#BBBBBB"))
    weights = view.base.distinct.weights
    for tid, name, colour in groups:
        idx = np.flatnonzero(labels == tid)
        if not len(idx):
            continue
        rows = int(weights[idx].sum())  # comments, duplicates included, as the overview counts
        fig.add_trace(go.Scattergl(
            x=xy[idx, 0], y=xy[idx, 1], mode="markers", name=f"{name} ({rows})",
            marker=dict(size=6, color=colour, opacity=0.75),
            text=[hover[int(i)] for i in idx],
            hovertemplate=f"<b>{name.replace('<', '&lt;')}</b><br>%{{text}}<extra></extra>",
        ))
    fig.update_layout(height=650, margin=dict(l=10, r=10, t=30, b=10),
                      xaxis=dict(visible=False), yaxis=dict(visible=False),
                      legend=dict(itemsizing="constant", font=dict(size=11)))
    return fig


def render_map(view: View, figure: go.Figure, *, key: str = "map") -> None:
    """``figure`` is ``map_figure(view)``, cached by the caller per version."""
    st.header("Map")
    st.caption(f"{len(view.base.distinct.texts)} distinct comments projected to 2-D (PCA of "
               "their sentence embeddings); nearby points say similar things. Legend counts are "
               "distinct texts (duplicates drawn once). Hover to read the (redacted) comment; "
               "click a theme in the legend to hide it.")
    st.plotly_chart(figure, key=f"{key}_chart", width="stretch")
