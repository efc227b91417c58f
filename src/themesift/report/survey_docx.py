"""The survey report as DOCX: headings, counts, a chart per question, tables and quotes.

Called through :func:`themesift.report.survey_writers.write_survey_report`, which
handles the atomic write; this module fills the file at the path it is given.
Every text goes through :func:`~themesift.report.bank.xml_safe`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table

from themesift.report.bank import display_label, xml_safe
from themesift.report.charts import share_chart_png
from themesift.report.office import add_quote, set_page
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

CHART_WIDTH = Cm(15)
TABLE_FONT = Pt(9.5)
_NUMBER = re.compile(r"-?\d+(\.\d+)?%?")
# 16.9 cm: fits A4 and Letter
_THEME_WIDTHS = (Cm(2.8), Cm(3.6), Cm(1.0), Cm(1.9), Cm(2.2), Cm(1.8), Cm(3.6))


def _setup(doc: DocxDocument, page: str) -> None:
    set_page(doc, page)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _table(doc: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[object]],
           widths: Sequence[Length] = ()) -> Table:
    """A grid table with a bold header row repeated on each page; numbers right-aligned."""
    table: Table = doc.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head = table.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(flag)
    for cell, name in zip(head.cells, header, strict=True):
        run = cell.paragraphs[0].add_run(xml_safe(name))
        run.bold, run.font.size = True, TABLE_FONT
    for row in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, row, strict=True):
            cell.paragraphs[0].add_run(xml_safe(cell_text(value))).font.size = TABLE_FONT
            if _is_number(value) or _NUMBER.fullmatch(str(value)):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice reads
        for row_ in table.rows:
            for cell, width in zip(row_.cells, widths, strict=True):
                cell.width = width
    return table


def _report_table(doc: DocxDocument, table: ReportTable, level: int) -> None:
    doc.add_heading(xml_safe(table.title), level=level)
    header, rows = table_cells(table)
    _table(doc, header, rows)
    if table.note:
        doc.add_paragraph().add_run(xml_safe(table.note)).italic = True


def _question(doc: DocxDocument, section: QuestionSection, respondents: int) -> None:
    doc.add_heading(xml_safe(section.title), level=1)
    if section.text:
        doc.add_paragraph().add_run(xml_safe(f"Question: {section.key}")).italic = True
    doc.add_paragraph(counts_line(section, respondents))
    if not section.themes:
        doc.add_paragraph().add_run("No themes: too few substantive answers.").italic = True
    else:
        doc.add_picture(io.BytesIO(share_chart_png(section)), width=CHART_WIDTH)
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = doc.add_paragraph(
            f"Theme shares, % of the {section.substantive} substantive answers.")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.runs[0].italic = True
        _table(doc, THEME_HEADER, [theme_cells(section, t) for t in section.themes],
               _THEME_WIDTHS)
    if any(section.quotes_for(t.id) for t in section.themes):
        doc.add_heading("Quotes", level=2)
        for theme in section.themes:
            quotes = section.quotes_for(theme.id)
            if quotes:
                doc.add_heading(xml_safe(display_label(theme)), level=3)
            for quote in quotes:
                add_quote(doc, quote.text, credit(quote))
    for table in section.tables:
        _report_table(doc, table, level=2)


def write_docx(report: SurveyReport, path: Path, page: str = "A4") -> None:
    """Title, then per question its section, the closed questions, and the methods."""
    doc = Document()
    _setup(doc, page)
    doc.core_properties.title = xml_safe(report.title)
    doc.core_properties.author = "themesift"
    doc.add_heading(xml_safe(report.title), level=0)
    doc.add_paragraph(xml_safe(f"Source: {report.source or 'not recorded'}. "
                               f"{report.respondents} respondents. {report.created}"))
    for section in report.questions:
        _question(doc, section, report.respondents)
    if report.closed:
        doc.add_heading("Closed questions", level=1)
        for table in report.closed:
            _report_table(doc, table, level=2)
    if report.methods:
        doc.add_heading("Methods", level=1)
        for heading, paragraph in report.methods:
            doc.add_heading(xml_safe(heading), level=2)
            doc.add_paragraph(xml_safe(paragraph))
    doc.save(str(path))
