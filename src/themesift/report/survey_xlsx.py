"""The survey report as XLSX: "Summary", one sheet per question with a native bar chart
of the theme shares, "Closed questions" and "Methods".

Every cell goes through :func:`~themesift.report.office.excel_value` (formulas defused,
control characters dropped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from themesift.report.bank import display_label, leaning_pcts, xml_safe
from themesift.report.charts import BAR_COLOUR
from themesift.report.office import excel_value
from themesift.report.survey import (
    QuestionSection,
    ReportTable,
    SurveyReport,
    counts_line,
    table_cells,
)

SHEET_LIMIT = 31
_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]+")
_BOLD = Font(bold=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_WIDTHS = {"A": 40, "B": 10, "C": 16, "D": 11, "E": 70, "F": 24, "G": 11, "H": 11, "I": 11,
           "J": 3}


def sheet_name(index: int, key: str) -> str:
    """``Q1 engagement``: valid in Excel (≤31 characters, none of []:*?/\\), and unique
    because of its number."""
    prefix = f"Q{index} "
    body = " ".join(_SHEET_BAD.sub(" ", key).split()).strip("'")
    return (prefix + body)[:SHEET_LIMIT].rstrip() or prefix.strip()


def _row(ws: Worksheet, values: Sequence[object], bold: bool = False) -> int:
    ws.append([excel_value(v) for v in values])
    if bold:
        for cell in ws[ws.max_row]:
            cell.font = _BOLD
    return int(ws.max_row)


def _table(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[object]],
           formats: dict[int, str] | None = None) -> tuple[int, int]:
    """Header (bold) and rows; the first and last data row numbers."""
    first = _row(ws, header, bold=True) + 1
    for row in rows:
        _row(ws, row)
        for col, fmt in (formats or {}).items():
            ws.cell(row=ws.max_row, column=col).number_format = fmt
        for cell in ws[ws.max_row]:
            cell.alignment = _WRAP
    return first, ws.max_row


def _report_table(ws: Worksheet, table: ReportTable) -> None:
    _row(ws, [table.title], bold=True)
    header, rows = table_cells(table)
    _table(ws, header, rows)
    if table.note:
        _row(ws, [table.note])
    ws.append([])


def _chart(ws: Worksheet, section: QuestionSection, first: int, last: int) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = "Theme shares (% of substantive answers)"
    chart.legend = None
    chart.y_axis.title = "%"
    chart.y_axis.numFmt = "0.0"
    chart.y_axis.scaling.min = 0
    chart.x_axis.scaling.orientation = "maxMin"  # biggest theme on top
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.add_data(Reference(ws, min_col=3, min_row=first - 1, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.series[0].graphicalProperties.solidFill = BAR_COLOUR.lstrip("#")
    chart.y_axis.crosses = "max"  # with the categories reversed, keep the % axis at the foot
    chart.width = 18
    chart.height = max(6.0, 1.1 * len(section.themes) + 3)
    ws.add_chart(chart, "K4")


def _question(ws: Worksheet, section: QuestionSection, respondents: int) -> None:
    _row(ws, [section.title], bold=True)
    _row(ws, [counts_line(section, respondents)])
    ws.append([])
    rows = [(display_label(t), t.size, round(section.share_pct(t), 1),
             None if t.stability is None else round(t.stability, 2),
             ", ".join(t.keywords), section.family_label(t.id),
             *leaning_pcts(section.sentiment.get(t.id)))
            for t in section.themes]
    header = ("Theme", "n", "% of substantive", "Stability", "Keywords", "Family",
              "% positive", "% negative", "% mixed")
    first, last = _table(ws, header, rows, {3: "0.0", 4: "0.00", 7: "0.0", 8: "0.0", 9: "0.0"})
    if section.themes:
        _chart(ws, section, first, last)
    ws.append([])
    _row(ws, ["Quotes"], bold=True)
    quotes = [(display_label(t), rank, q.comment_id, round(q.similarity, 2), q.text)
              for t in section.themes for rank, q in enumerate(section.quotes_for(t.id), 1)]
    _table(ws, ("Theme", "Rank", "Respondent", "Similarity", "Quote"), quotes, {4: "0.00"})
    ws.append([])
    for table in section.tables:
        _report_table(ws, table)
    for letter, width in _WIDTHS.items():
        ws.column_dimensions[letter].width = width


def _summary(ws: Worksheet, report: SurveyReport, names: Sequence[str]) -> None:
    for label, value in (("Title", report.title), ("Source", report.source),
                         ("Respondents", report.respondents), ("Created", report.created),
                         ("Share base", "% of a question's substantive answers")):
        _row(ws, [label, value])
        ws.cell(row=ws.max_row, column=1).font = _BOLD
    ws.append([])
    header = ("Sheet", "Question", "Answered", "Substantive", "Non-answers", "Not answered",
              "Themes")
    rows = [(name, s.title, s.answered, s.substantive, s.non_answers, s.empty, len(s.themes))
            for name, s in zip(names, report.questions, strict=True)]
    _table(ws, header, rows)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 60


def write_xlsx(report: SurveyReport, path: Path) -> None:
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Summary"
    names = [sheet_name(i, s.key) for i, s in enumerate(report.questions, start=1)]
    _summary(summary, report, names)
    for name, section in zip(names, report.questions, strict=True):
        _question(wb.create_sheet(name), section, report.respondents)
    if report.closed:
        closed = wb.create_sheet("Closed questions")
        for table in report.closed:
            _report_table(closed, table)
        closed.column_dimensions["A"].width = 40
    methods = wb.create_sheet("Methods")
    for heading, paragraph in report.methods:
        _row(methods, [heading, paragraph])
        methods.cell(row=methods.max_row, column=1).font = _BOLD
        methods.cell(row=methods.max_row, column=2).alignment = _WRAP
    methods.column_dimensions["A"].width = 24
    methods.column_dimensions["B"].width = 100
    wb.properties.title = xml_safe(report.title)
    wb.properties.creator = "themesift"
    wb.save(path)
