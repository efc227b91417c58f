"""Themes overview: how often each theme comes up, and how that differs by group."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from themesift.api import crosstab_display
from themesift.errors import ThemesiftError
from themesift.project import View
from themesift.survey import CrossTab
from themesift.types import Status
from themesift.ui.breakdown import MAX_GROUPS, TEST_NOTE, Breakdown, breakdown
from themesift.ui.frames import buckets, md_escape, pct, short, themes_table

BAR_HEIGHT = 30
ROW_PX = 35  # height of a row of st.dataframe


def full_height(rows: int) -> int:
    """Pixels for a table of ``rows`` rows and its header, so it never scrolls inside."""
    return ROW_PX * (rows + 1) + 3


def theme_chart(view: View) -> go.Figure:
    """Horizontal bars, biggest theme on top, labelled with count and share."""
    base = view.report.substantive
    themes = list(view.themes)[::-1]  # plotly draws the first bar at the bottom
    fig = go.Figure(go.Bar(
        x=[t.size for t in themes],
        y=list(range(len(themes))),  # positions: two labels cut to the same text stay apart
        orientation="h",
        text=[f"{t.size} ({pct(t.size, base):.1f}%)" for t in themes],
        textposition="outside", cliponaxis=False,
        customdata=[[t.label, ", ".join(t.keywords[:5])] for t in themes],
        hovertemplate="<b>%{customdata[0]}</b><br>%{x} comments<br>%{customdata[1]}"
                      "<extra></extra>",
        marker_color="#4C78A8",
    ))
    fig.update_layout(
        height=max(220, BAR_HEIGHT * len(themes) + 80), margin=dict(l=10, r=60, t=30, b=30),
        xaxis_title=f"comments (share of {base} substantive)", yaxis=dict(
            automargin=True, tickmode="array", tickvals=list(range(len(themes))),
            ticktext=[short(t.label, 48) + ("  ✎" if t.custom_label else "")
                      + ("  (new)" if t.origin == "new" else "") for t in themes]),
        title=dict(text="Themes by number of comments", font=dict(size=15)),
    )
    return fig


def group_breakdown(view: View, name: str) -> Breakdown | None:
    """Theme shares per value of group column ``name`` (None: too many values)."""
    cleaned = view.cleaned
    rows = [i for i, s in enumerate(cleaned.status) if s is Status.SUBSTANTIVE]
    values = cleaned.corpus.groups[name]
    if len({values[i] for i in rows}) > MAX_GROUPS:
        return None
    labels = view.row_labels
    return breakdown([int(labels[i]) for i in rows], [values[i] for i in rows],
                     [(t.id, t.label) for t in view.themes])


BreakdownFn = Callable[[str], "Breakdown | None"]


def render_overview(view: View, *, key: str = "overview",
                    shares: BreakdownFn | None = None,
                    crosstab: CrossTabFn | None = None) -> None:
    """``shares(group)`` is ``group_breakdown(view, group)``, cached by the caller."""
    r = view.report
    st.header("Themes overview")
    cols = st.columns(5)
    cols[0].metric("Comments", r.rows_read)
    cols[1].metric("Substantive", r.substantive)
    cols[2].metric("Themes", len(view.themes))
    cols[3].metric("Unassigned", view.unassigned)
    cols[4].metric("Non-answers", r.non_answers)
    if not view.themes:
        st.info("No themes: every comment is unassigned. Re-analyse on the Data page.")
    else:
        st.plotly_chart(theme_chart(view), key=f"{key}_chart", width="stretch")
        coded = any(t.origin for t in view.themes)
        st.caption("Shares are of substantive comments (non-answers and empty rows excluded); "
                   "✎ marks a label you wrote"
                   + (" (a codebook's codes included); (new): a theme found among the answers "
                      "no code of the codebook fits" if coded else "")
                   + ". Stability: share of resampled analyses that find the theme again "
                   "(shown while a theme is unedited).")
        table = themes_table(view).drop(columns=["id", "custom label"])
        if not (table["origin"] != "").any():  # no codebook: the column says nothing
            table = table.drop(columns=["origin"])
        st.dataframe(table, key=f"{key}_table", hide_index=True, width="stretch",
                     height=full_height(len(table)),  # every theme, no scrolling inside
                     column_config={
                         "stability": st.column_config.NumberColumn(format="%.2f"),
                         "% of substantive": st.column_config.NumberColumn(format="%.1f")})
    st.subheader("Outside the themes")
    st.dataframe(buckets(view), key=f"{key}_buckets", hide_index=True, width="stretch",
                 column_config={"% of all rows": st.column_config.NumberColumn(format="%.1f")})
    render_group_breakdown(view, key=f"{key}_groups",
                           shares=shares or (lambda g: group_breakdown(view, g)),
                           crosstab=crosstab)


CrossTabFn = Callable[[str], CrossTab]


def render_group_breakdown(view: View, *, key: str, shares: BreakdownFn,
                           crosstab: CrossTabFn | None = None) -> None:
    groups = list(view.cleaned.corpus.groups)
    st.subheader("Breakdown by group")
    if not groups:
        st.caption("This project has no group columns (choose some on the Data page).")
        return
    name = st.selectbox("Group column", groups, key=f"{key}_col")
    result = shares(name)
    if result is None:
        st.warning(f"'{name}' has more than {MAX_GROUPS} different values: too many to compare.")
        return
    st.dataframe(result.table, key=f"{key}_table", width="stretch")
    flagged = result.tests[result.tests["flag"] != ""]
    st.caption(TEST_NOTE.format(alpha=0.05))
    if len(flagged):
        lines = [f"- **{md_escape(str(r.group))}**: '{md_escape(str(r.theme))}' "
                 f"{r.share_pct:.1f}% vs {r.rest_share_pct:.1f}% "
                 f"elsewhere (adjusted p = {r.q:.3g})" for r in flagged.itertuples()]
        st.markdown("\n".join(lines))
    else:
        st.caption("No group differs significantly from the rest on any theme.")
    if crosstab is not None:
        st.markdown(f"**Cross-tab: every theme by {md_escape(name)}, with a test per theme**")
        try:
            table = crosstab(name)
        except ThemesiftError as exc:
            st.caption(f"No cross-tab: {exc}.")
            return
        st.dataframe(crosstab_display(table), key=f"{key}_crosstab", hide_index=True,
                     width="stretch")
        st.caption(table.note)
