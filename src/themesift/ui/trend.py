"""Over time: theme shares per month or quarter, when a group column holds dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import plotly.graph_objects as go
import streamlit as st

from themesift.errors import ThemesiftError
from themesift.survey import Trend
from themesift.ui.frames import short

TOP = 6  # themes drawn; the table has them all
TrendFn = Callable[[str], Trend]


def trend_chart(t: Trend) -> go.Figure:
    fig = go.Figure()
    for row in t.rows[:TOP]:
        fig.add_trace(go.Scatter(
            x=list(t.periods), mode="lines+markers", name=short(row.label, 40),
            y=[100 * c / b if b else None for c, b in zip(row.counts, t.bases, strict=True)],
            customdata=list(t.bases),
            hovertemplate="%{x}: %{y:.1f}% of %{customdata} answers<extra></extra>"))
    fig.update_layout(height=360, margin=dict(l=10, r=10, t=30, b=30),
                      yaxis=dict(title="% of the period's substantive answers",
                                 rangemode="tozero"),
                      xaxis=dict(title=t.period, type="category"),
                      legend=dict(orientation="h", y=-0.25))
    return fig


def render_trend(date_columns: Sequence[str], trend: TrendFn, *, key: str) -> None:
    """Nothing when no group column holds dates."""
    if not date_columns:
        return
    st.subheader("Over time")
    column = st.selectbox("Date column", list(date_columns), key=f"{key}_col")
    try:
        t = trend(column)
    except ThemesiftError as exc:
        st.caption(f"No trend: {exc}.")
        return
    st.plotly_chart(trend_chart(t), key=f"{key}_chart", width="stretch")
    st.dataframe(t.frame(), key=f"{key}_table", hide_index=True, width="stretch")
    st.caption(f"Shares are of each {t.period}'s substantive answers (n per {t.period} in "
               f"the table; a period with few answers moves a lot). {t.undated} answers "
               "without a readable date are left out.")
