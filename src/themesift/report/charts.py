"""Chart images for reports: a horizontal bar chart of theme shares, as PNG bytes.

Drawn with matplotlib's Agg canvas on a figure of our own (no pyplot, no global
state), so the same section gives the same bytes on every run.  Long labels are
wrapped and the figure grows with the number of themes, so no label is clipped.
"""

from __future__ import annotations

import io
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from themesift.report.survey import QuestionSection

BAR_COLOUR = "#2b6a99"
WIDTH_IN = 6.3  # 16 cm; shown at 15 cm in documents, so fonts stay close to 9-10 pt
DPI = 200
LABEL_CHARS = 34
FONT_PT = 10


def wrap_label(label: str, width: int = LABEL_CHARS) -> str:
    """``label`` on lines of at most ``width`` characters, all of it (never cut)."""
    return "\n".join(textwrap.wrap(label, width=width, break_long_words=True) or [""])


def share_chart_png(section: QuestionSection) -> bytes:
    """Theme shares (% of substantive answers), biggest on top, as a PNG image."""
    themes = section.themes
    labels = [wrap_label(t.label) for t in themes]
    shares = [section.share_pct(t) for t in themes]
    lines = sum(label.count("\n") + 1 for label in labels)
    height = 0.75 + 0.2 * lines + 0.18 * len(themes)
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(themes)))
    bars = ax.barh(positions, shares, height=0.62, color=BAR_COLOUR)
    ax.set_yticks(positions, labels=labels, fontsize=FONT_PT)
    ax.invert_yaxis()
    top = max(shares, default=0.0)
    ax.set_xlim(0, max(10.0, top * 1.18))
    ax.bar_label(bars, labels=[f"{s:.1f}%" for s in shares], padding=3, fontsize=9)
    ax.set_xlabel(f"% of {section.substantive} substantive answers", fontsize=9)
    ax.tick_params(axis="x", labelsize=9)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.xaxis.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    fig.tight_layout(pad=0.4)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()
