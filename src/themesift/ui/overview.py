"""Themes overview: how often each theme comes up, and how that differs by group."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from themesift.api import crosstab_display
from themesift.errors import ThemesiftError
from themesift.project import View
from themesift.survey import CrossTab
from themesift.types import Status, ThemeSentiment
from themesift.ui.breakdown import MAX_GROUPS, TEST_NOTE, Breakdown, breakdown
from themesift.ui.frames import buckets, md_escape, pct, short, themes_table

BAR_HEIGHT = 30
ROW_PX = 35  # height of a row of st.dataframe


def full_height(rows: int) -> int:
    """Pixels for a table of ``rows`` rows and its header, so it never scrolls inside."""
    return ROW_PX * (rows + 1) + 3


SIDE_COLOURS = {"positive": "#54A24B", "mixed": "#F2A93B", "neutral": "#BAB0AC",
                "negative": "#E45756"}


@dataclass(frozen=True)
class Bar:
    label: str
    size: int
    hover: str  # keywords or the family's themes
    sides: ThemeSentiment | None = None
    mark: str = ""  # "  ✎" (a label you wrote), "  (new)"


def theme_bars(view: View) -> list[Bar]:
    feel = view.sentiment[0]
    return [Bar(t.label, t.size, ", ".join(t.keywords[:5]), feel.get(t.id),
                ("  ✎" if t.custom_label else "") + ("  (new)" if t.origin == "new" else ""))
            for t in view.themes]


def family_bars(view: View) -> list[Bar]:
    feel = view.sentiment[1]
    labels = view.labels()
    return [Bar(f.label, f.size, "; ".join(labels.get(t, "") for t in f.theme_ids[:6]),
                feel.get(f.id), "  ✎" if f.custom_label else "")
            for f in view.families]


def theme_chart(view: View, bars: list[Bar] | None = None, what: str = "Themes") -> go.Figure:
    """Horizontal bars, biggest on top, labelled with count and share; each bar split by how
    its comments lean (positive, mixed, neutral, negative) when sentiment is known."""
    base = view.report.substantive
    bars = (bars if bars is not None else theme_bars(view))[::-1]  # plotly: first at bottom
    pos = list(range(len(bars)))  # positions: two labels cut to the same text stay apart
    text = [f"{b.size} ({pct(b.size, base):.1f}%)" for b in bars]
    hover = [[b.label, b.hover] for b in bars]
    fig = go.Figure()
    if all(b.sides is not None and b.sides.n for b in bars) and bars:
        for side, colour in SIDE_COLOURS.items():
            shares = [b.sides.share(side) if b.sides else 0.0 for b in bars]
            fig.add_bar(x=[b.size * s for b, s in zip(bars, shares, strict=True)], y=pos,
                        orientation="h", name=side, marker_color=colour,
                        customdata=[[*h, round(100 * s)] for h, s in zip(hover, shares,
                                                                          strict=True)],
                        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[2]}% "
                                      f"{side}<br>%{{customdata[1]}}<extra></extra>")
        fig.add_scatter(x=[b.size for b in bars], y=pos, mode="text", text=text,
                        textposition="middle right", showlegend=False, hoverinfo="skip",
                        cliponaxis=False)
        fig.update_layout(barmode="stack", legend=dict(  # top right: clear of the axis title
            orientation="h", x=1, xanchor="right", y=1.0, yanchor="bottom",
            traceorder="normal"))
    else:
        fig.add_bar(x=[b.size for b in bars], y=pos, orientation="h", text=text,
                    textposition="outside", cliponaxis=False, customdata=hover,
                    hovertemplate="<b>%{customdata[0]}</b><br>%{x} comments<br>"
                                  "%{customdata[1]}<extra></extra>", marker_color="#4C78A8")
    fig.update_layout(
        height=max(220, BAR_HEIGHT * len(bars) + 110), margin=dict(l=10, r=80, t=50, b=30),
        xaxis_title=f"comments (share of {base} substantive)", yaxis=dict(
            automargin=True, tickmode="array", tickvals=pos,
            ticktext=[short(b.label, 48) + b.mark for b in bars]),
        title=dict(text=f"{what} by number of comments", font=dict(size=15)),
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
    grouped = any(len(f.theme_ids) > 1 for f in view.families)
    cols = st.columns(6)
    cols[0].metric("Comments", r.rows_read)
    cols[1].metric("Substantive", r.substantive)
    cols[2].metric("Families", len(view.families) if grouped else "—")
    cols[3].metric("Themes", len(view.themes))
    cols[4].metric("Unassigned", view.unassigned)
    cols[5].metric("Non-answers", r.non_answers)
    if not view.themes:
        st.info("No themes: every comment is unassigned. Re-analyse on the Data page.")
    else:
        level = st.radio("Show", ["Families", "Themes"], horizontal=True, key=f"{key}_level",
                         help="Families group related themes; more or fewer on the Edit "
                              "page.") if grouped else "Themes"
        if level == "Families":
            st.plotly_chart(theme_chart(view, family_bars(view), "Families"),
                            key=f"{key}_fchart", width="stretch")
        else:
            st.plotly_chart(theme_chart(view), key=f"{key}_chart", width="stretch")
        coded = any(t.origin for t in view.themes)
        st.caption("Shares are of substantive comments (non-answers and empty rows excluded); "
                   "✎ marks a label you wrote"
                   + (" (a codebook's codes included); (new): a theme found among the answers "
                      "no code of the codebook fits" if coded else "")
                   + ". Stability: share of resampled analyses that find the theme again "
                   "(shown while a theme is unedited). Sentiment (VADER, per clause): a "
                   "comment about several themes counts for each on the side of what it "
                   "says about that theme, so a theme's base can exceed its count.")
        if level == "Families":
            for f in view.families:
                s = view.sentiment[1].get(f.id)
                pos, neg, _ = s.percents(digits=0) if s and s.n else (0, 0, 0)
                lean = f" · {pos:.0f}% positive, {neg:.0f}% negative" if s and s.n else ""
                with st.expander(f"{f.label} — {f.size} comments "
                                 f"({pct(f.size, r.substantive):.1f}%){lean}"):
                    _themes_dataframe(themes_table(view, f.id).drop(columns=["family"]),
                                      f"{key}_family_{f.id}")
        else:
            _themes_dataframe(themes_table(view), f"{key}_table")
    st.subheader("Outside the themes")
    st.dataframe(buckets(view), key=f"{key}_buckets", hide_index=True, width="stretch",
                 column_config={"% of all rows": st.column_config.NumberColumn(format="%.1f")})
    render_group_breakdown(view, key=f"{key}_groups",
                           shares=shares or (lambda g: group_breakdown(view, g)),
                           crosstab=crosstab)


CrossTabFn = Callable[[str], CrossTab]


def _themes_dataframe(table: pd.DataFrame, key: str) -> None:
    table = table.drop(columns=["id", "custom label"])
    if not (table["origin"] != "").any():  # no codebook: the column says nothing
        table = table.drop(columns=["origin"])
    number = st.column_config.NumberColumn
    st.dataframe(table, key=key, hide_index=True, width="stretch",
                 height=full_height(len(table)),  # every theme, no scrolling inside
                 column_config={"stability": number(format="%.2f"),
                                **{c: number(format="%.1f") for c in table.columns
                                   if c.startswith("%")}})


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
