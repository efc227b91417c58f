"""Office writers for quote banks: XLSX (openpyxl) and DOCX (python-docx).

Called through :func:`themesift.report.write.write_quote_bank`, which handles the
atomic write; these functions just fill the file at the path they are given.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm, Inches, Length
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from themesift.errors import ThemesiftError
from themesift.report.bank import (
    QuoteBank,
    attribution,
    neutralise,
    quote_bank_rows,
    sentiment_line,
    summary_line,
    theme_rows,
    xml_safe,
)

logger = logging.getLogger(__name__)

PAGES: dict[str, tuple[Length, Length]] = {"a4": (Cm(21.0), Cm(29.7)),
                                           "letter": (Inches(8.5), Inches(11))}
MARGIN = Cm(2)
EXCEL_CELL_LIMIT = 32_767
_WRAP_COLUMNS = frozenset({"quote", "keywords", "theme"})
_WIDE_COLUMNS = {"quote": 80, "keywords": 40, "theme": 30}
_NUMBER_FORMATS = {"theme_share_pct": "0.0", "share_pct": "0.0", "stability": "0.00"}
_MIN_WIDTH, _MAX_WIDTH = 8, 40


def excel_value(value: object) -> object:
    """A cell value openpyxl stores as data, never as a formula."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if callable(item):  # numpy scalar -> Python scalar
        value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        text = neutralise(xml_safe(value))
        if len(text) > EXCEL_CELL_LIMIT:
            logger.warning("Cut a %d-character cell to Excel's limit", len(text))
            text = text[: EXCEL_CELL_LIMIT - 1] + "…"
        return text
    return value


def _width(values: Sequence[object]) -> int:
    longest = max((len(line) for v in values for line in str(v or "").splitlines()), default=0)
    return max(_MIN_WIDTH, min(_MAX_WIDTH, longest + 2))


def _fill_table(ws: Worksheet, df: pd.DataFrame) -> None:
    """Header (bold, frozen) plus rows, an autofilter over all of it, and column widths."""
    names = [str(c) for c in df.columns]
    ws.append([excel_value(n) for n in names])
    for row in df.itertuples(index=False, name=None):
        ws.append([excel_value(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    for idx, name in enumerate(names, start=1):
        letter = get_column_letter(idx)
        width = _WIDE_COLUMNS.get(name) or _width([name, *df.iloc[:, idx - 1].tolist()])
        ws.column_dimensions[letter].width = width
        number_format = _NUMBER_FORMATS.get(name)
        for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
            cell.alignment = wrapped if name in _WRAP_COLUMNS else top
            if number_format:
                cell.number_format = number_format


def _fill_about(ws: Worksheet, bank: QuoteBank) -> None:
    rows: list[tuple[str, object]] = [
        ("Title", bank.title),
        ("Substantive comments", bank.substantive),
        ("Non-answers", bank.non_answers),
        ("Unassigned", bank.unassigned),
        ("Themes", len(bank.themes)),
        ("Quotes", bank.quote_count),
        ("Share base", "% of substantive comments"),
    ]
    rows += [("Note", note) for note in bank.notes]
    for label, value in rows:
        ws.append([excel_value(label), excel_value(value)])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 90
    for (cell,) in ws.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(vertical="top", wrap_text=True)


def write_xlsx(bank: QuoteBank, path: Path) -> None:
    """Sheets "Quote bank", "Themes" and "About"; every string cell neutralised."""
    wb = Workbook()
    quotes_ws = wb.active
    assert quotes_ws is not None
    quotes_ws.title = "Quote bank"
    _fill_table(quotes_ws, quote_bank_rows(bank))
    _fill_table(wb.create_sheet("Themes"), theme_rows(bank))
    _fill_about(wb.create_sheet("About"), bank)
    wb.properties.title = xml_safe(bank.title)
    wb.properties.creator = "themesift"
    wb.save(path)


def add_quote(doc: DocxDocument, text: str, credit: str) -> None:
    try:
        paragraph = doc.add_paragraph(style="Quote")
        styled = True
    except KeyError:  # a template without a Quote style
        paragraph = doc.add_paragraph()
        styled = False
    body = paragraph.add_run(f"“{xml_safe(text)}”")
    if not styled:
        body.italic = True
    paragraph.add_run(f" {xml_safe(credit)}").italic = False


def page_size(page: str) -> tuple[Length, Length]:
    """Width and height of ``page`` ("A4" or "Letter", any case)."""
    try:
        return PAGES[page.strip().lower()]
    except KeyError:
        raise ThemesiftError(f"unknown page size {page!r}; choose A4 or Letter") from None


def set_page(doc: DocxDocument, page: str = "A4") -> None:
    """Every section of ``doc`` on ``page`` with 2 cm margins (A4 by default: UK and EU)."""
    width, height = page_size(page)
    for section in doc.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN


def write_docx(bank: QuoteBank, path: Path) -> None:
    """Title, summary, then per theme a heading, keywords, sentiment, stability and quotes
    (A4); a family of several themes has a Heading 2 and its themes Heading 3."""
    doc = Document()
    set_page(doc)
    doc.core_properties.title = xml_safe(bank.title)
    doc.core_properties.author = "themesift"
    doc.core_properties.comments = xml_safe(" ".join(bank.notes))
    doc.add_heading(xml_safe(bank.title), level=1)
    doc.add_paragraph(summary_line(bank))
    for note in bank.notes:
        doc.add_paragraph().add_run(xml_safe(note)).italic = True
    groups = bank.groups()
    for place in bank.placed():
        theme, fam = place.theme, place.family
        level = 3 if fam is not None else 2  # a theme alone is its own family
        if place.opens and fam is not None:
            fshare = 100 * fam.size / max(bank.substantive, 1)
            doc.add_heading(xml_safe(f"{fam.label} ({fam.size}, {fshare:.1f}%)"), level=2)
            if line := sentiment_line(bank.family_sentiment.get(fam.id)):
                doc.add_paragraph(line)
        share = bank.share_pct(theme)
        doc.add_heading(xml_safe(f"{theme.label} ({theme.size}, {share:.1f}%)"), level=level)
        doc.add_paragraph(xml_safe(f"Keywords: {', '.join(theme.keywords) or '—'}"))
        if line := sentiment_line(bank.sentiment.get(theme.id)):
            doc.add_paragraph(line)
        if theme.stability is not None:
            doc.add_paragraph(f"Stability: {theme.stability:.2f}")
        for side, quote in bank.side_quotes.get(theme.id, {}).items():
            add_quote(doc, quote.text, f"most typical {side} comment "
                      f"{attribution(quote, groups)}")
        quotes = bank.quotes_for(theme.id)
        if not quotes:
            doc.add_paragraph().add_run("No quotes selected.").italic = True
        for quote in quotes:
            add_quote(doc, quote.text, attribution(quote, groups))
    doc.save(str(path))
