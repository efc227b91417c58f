"""The survey report as Markdown and as one self-contained HTML page.

Markdown links its charts as PNG files the caller writes beside the ``.md`` file
(``<stem>_files/q01.png``); HTML carries them inline as base64 ``<img>``.  In both,
respondents' words are shown literally (:func:`~themesift.report.markdown.md_text`,
:func:`html.escape`).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence

from themesift.report.bank import display_label
from themesift.report.markdown import md_text
from themesift.report.survey import (
    THEME_HEADER,
    QuestionSection,
    ReportTable,
    SurveyReport,
    cell_text,
    counts_line,
    credit,
    table_cells,
    theme_cells,
)

THEME_NUMBERS = frozenset({1, 2, 3})  # n, %, stability
ChartLink = Callable[[int, QuestionSection], str | None]  # (index, section) -> src or None


def chart_name(index: int) -> str:
    """The file name of question ``index``'s chart (1-based): ``q01.png``."""
    return f"q{index:02d}.png"


def _md_cell(value: object) -> str:
    text = md_text(cell_text(value)).replace("|", "\\|")
    return " ".join(text.split()) or " "


def _numeric(rows: Sequence[Sequence[object]], width: int) -> frozenset[int]:
    """Columns holding only numbers."""
    return frozenset(i for i in range(width)
                     if rows and all(isinstance(r[i], int | float) for r in rows))


def _md_table(header: Sequence[str], rows: Sequence[Sequence[object]],
              numeric: frozenset[int] | None = None) -> list[str]:
    right = numeric if numeric is not None else _numeric(rows, len(header))
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _md_report_table(table: ReportTable, level: str) -> list[str]:
    header, rows = table_cells(table)
    lines = [f"{level} {md_text(table.title)}", "", *_md_table(header, rows)]
    return lines + ([f"_{md_text(table.note)}_", ""] if table.note else [])


def markdown(report: SurveyReport, chart_src: ChartLink) -> str:
    """The report as Markdown; ``chart_src`` gives each question's image link (or None)."""
    lines = [f"# {md_text(report.title)}", "",
             md_text(f"Source: {report.source or 'not recorded'}. "
                     f"{report.respondents} respondents. {report.created}"), ""]
    for index, section in enumerate(report.questions, start=1):
        lines += [f"## {md_text(section.title)}", ""]
        lines += [md_text(counts_line(section, report.respondents)), ""]
        src = chart_src(index, section) if section.themes else None
        if src:
            lines += [f"![Theme shares for {md_text(section.key)}]({src})", ""]
        if section.themes:
            lines += _md_table(THEME_HEADER, [theme_cells(section, t) for t in section.themes],
                               THEME_NUMBERS)
        for theme in section.themes:
            quotes = section.quotes_for(theme.id)
            if quotes:
                lines += [f"### {md_text(display_label(theme))}", ""]
            for quote in quotes:
                lines += [f"> {line}".rstrip() for line in md_text(quote.text).splitlines()]
                lines += [">", f"> {md_text(credit(quote))}", ""]
        for table in section.tables:
            lines += _md_report_table(table, "###")
    if report.closed:
        lines += ["## Closed questions", ""]
        for table in report.closed:
            lines += _md_report_table(table, "###")
    if report.methods:
        lines += ["## Methods", ""]
        for heading, paragraph in report.methods:
            lines += [f"### {md_text(heading)}", "",
                      "  \n".join(md_text(paragraph).splitlines()), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


_CSS = """
body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;font-size:11pt;line-height:1.45;
max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d}
h1{font-size:1.7rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;margin:.6rem 0 1rem;width:100%;font-size:10pt}
th,td{border:1px solid #c8d3dd;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#e8eff5}td.num{text-align:right}
blockquote{margin:.4rem 0 .7rem 1rem;padding-left:.8rem;border-left:3px solid #2b6a99}
blockquote cite{display:block;font-style:normal;color:#555;font-size:.9em}
figure{margin:1rem 0;text-align:center}img{max-width:100%}
figcaption,.note{font-style:italic;color:#444;font-size:.9em}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[object]],
                numeric: frozenset[int] | None = None) -> str:
    right = numeric if numeric is not None else _numeric(rows, len(header))
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(
            f'<td class="num">{_e(cell_text(v))}</td>' if i in right
            else f"<td>{_e(cell_text(v))}</td>" for i, v in enumerate(row)) + "</tr>\n"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody></table>"


def _html_report_table(table: ReportTable) -> str:
    header, rows = table_cells(table)
    note = f'<p class="note">{_e(table.note)}</p>' if table.note else ""
    return f"<h3>{_e(table.title)}</h3>\n{_html_table(header, rows)}\n{note}"


def _html_section(section: QuestionSection, respondents: int, png: bytes | None) -> str:
    parts = [f"<h2>{_e(section.title)}</h2>", f"<p>{_e(counts_line(section, respondents))}</p>"]
    if png:
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure><img src="data:image/png;base64,{data}" '
                     f'alt="Theme shares for {_e(section.key)}"><figcaption>Theme shares, % '
                     f"of the {section.substantive} substantive answers.</figcaption></figure>")
    if section.themes:
        parts.append(_html_table(THEME_HEADER, [theme_cells(section, t) for t in section.themes],
                                 THEME_NUMBERS))
    for theme in section.themes:
        quotes = section.quotes_for(theme.id)
        if quotes:
            parts.append(f"<h3>{_e(display_label(theme))}</h3>")
        parts += [f"<blockquote>“{_e(q.text)}”<cite>{_e(credit(q))}</cite></blockquote>"
                  for q in quotes]
    parts += [_html_report_table(t) for t in section.tables]
    return "\n".join(parts)


def html_page(report: SurveyReport, charts: Sequence[bytes | None], page: str = "A4") -> str:
    """One self-contained page; ``charts`` holds each question's PNG (or None)."""
    css = _CSS + f"@page{{size:{'letter' if page.lower() == 'letter' else 'A4'};margin:2cm}}"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{_e(report.title)}</title><style>{css}</style></head><body>",
             f"<h1>{_e(report.title)}</h1>",
             f"<p>{_e(f'Source: {report.source or chr(8212)}. ')}"
             f"{report.respondents} respondents. {_e(report.created)}</p>"]
    parts += [_html_section(s, report.respondents, png)
              for s, png in zip(report.questions, charts, strict=True)]
    if report.closed:
        parts.append("<h2>Closed questions</h2>")
        parts += [_html_report_table(t) for t in report.closed]
    if report.methods:
        parts.append("<h2>Methods</h2>")
        parts += [f"<h3>{_e(h)}</h3>\n<p>{_e(p).replace(chr(10), '<br>')}</p>"
                  for h, p in report.methods]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
