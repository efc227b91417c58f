"""Survey: every open question of a survey project at a glance, one small chart each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from themesift.project import SurveyIndex, View
from themesift.ui.frames import md_escape, pct, short

TOP = 6  # themes shown per question
OpenFn = Callable[[str], None]  # (project of the question) -> open its Themes page


@dataclass(frozen=True)
class QuestionView:
    key: str
    text: str
    project: str
    view: View


def small_chart(view: View) -> go.Figure:
    """The question's biggest themes as horizontal bars of % of substantive answers."""
    base = view.report.substantive
    themes = list(view.themes[:TOP])[::-1]
    fig = go.Figure(go.Bar(
        x=[pct(t.size, base) for t in themes], y=list(range(len(themes))), orientation="h",
        text=[f"{pct(t.size, base):.1f}%" for t in themes], textposition="outside",
        cliponaxis=False, marker_color="#4C78A8", hoverinfo="skip"))
    fig.update_layout(
        height=max(140, 26 * len(themes) + 50), margin=dict(l=10, r=50, t=10, b=30),
        xaxis=dict(title=f"% of {base} substantive answers", rangemode="tozero"),
        yaxis=dict(automargin=True, tickmode="array", tickvals=list(range(len(themes))),
                   ticktext=[short(t.label, 40) for t in themes]))
    return fig


def render_survey(index: SurveyIndex, questions: Sequence[QuestionView], *, on_open: OpenFn,
                  key: str = "survey") -> None:
    st.header("Survey overview")
    respondents = len(questions[0].view.cleaned) if questions else 0
    st.caption(f"{index.source or 'An upload'}: {respondents} respondents, "
               f"{len(questions)} open questions, each with its own themes. Shares are of "
               "each question's substantive answers; respondents who left a question blank "
               "are not in its base.")
    for i, q in enumerate(questions):
        r = q.view.report
        st.subheader(q.text or q.key)
        dont_know = f" ({r.dont_know} 'don't know')" if r.dont_know else ""
        st.caption(f"{q.key} · {r.rows_read - r.empty} answered, {r.substantive} substantive, "
                   f"{r.non_answers} non-answers{dont_know}, {r.empty} not answered · "
                   f"{len(q.view.themes)} themes")
        if q.view.themes:
            st.plotly_chart(small_chart(q.view), key=f"{key}_chart_{i}",
                            config={"displayModeBar": False})
            more = len(q.view.themes) - TOP
            if more > 0:
                st.caption(f"… and {more} more: " + md_escape(
                    ", ".join(t.label for t in q.view.themes[TOP:TOP + 5])) +
                    (" …" if more > 5 else ""))
        if st.button("Open this question's themes", key=f"{key}_open_{i}"):
            on_open(q.project)
