"""Write a survey report in the format its file name (or ``fmt``) asks for, atomically.

DOCX, XLSX, Markdown and HTML.  Markdown's charts are PNG files in a folder beside
the ``.md`` file, ``<stem>_files/q01.png`` (one per question with themes), linked
relatively, so move the folder with the file; HTML holds its charts inline and
stands alone.  A failure leaves no partial file behind and keeps an existing
target intact.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from themesift.fsutil import atomic_path
from themesift.report.charts import share_chart_png
from themesift.report.office import page_size
from themesift.report.survey import QuestionSection, SurveyReport
from themesift.report.survey_docx import write_docx
from themesift.report.survey_text import chart_name, html_page, markdown
from themesift.report.survey_xlsx import write_xlsx
from themesift.report.write import pick_format

logger = logging.getLogger(__name__)

SURVEY_FORMATS = ("docx", "xlsx", "md", "html")
_EXTENSIONS = {"docx": "docx", "xlsx": "xlsx", "md": "md", "markdown": "md",
               "html": "html", "htm": "html"}


def survey_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The report format: ``fmt`` if given, else from the file extension."""
    return pick_format(path, fmt, _EXTENSIONS, "report")


def _charts(report: SurveyReport) -> list[bytes | None]:
    return [share_chart_png(s) if s.themes else None for s in report.questions]


def _write_md(report: SurveyReport, target: Path, tmp: Path) -> None:
    folder = target.with_name(f"{target.stem}_files")
    links: dict[int, str] = {}
    for index, png in enumerate(_charts(report), start=1):
        if png is None:
            continue
        image = folder / chart_name(index)
        with atomic_path(image) as part:
            part.write_bytes(png)
        links[index] = quote(f"{folder.name}/{image.name}")  # "my report_files/..." too

    def link(index: int, _section: QuestionSection) -> str | None:
        return links.get(index)

    tmp.write_text(markdown(report, link), encoding="utf-8")


def _write_html(report: SurveyReport, page: str, tmp: Path) -> None:
    tmp.write_text(html_page(report, _charts(report), page), encoding="utf-8")


_WRITERS: dict[str, Callable[[SurveyReport, Path, Path, str], None]] = {
    "docx": lambda report, _target, tmp, page: write_docx(report, tmp, page),
    "xlsx": lambda report, _target, tmp, _page: write_xlsx(report, tmp),
    "md": lambda report, target, tmp, _page: _write_md(report, target, tmp),
    "html": lambda report, _target, tmp, page: _write_html(report, page, tmp),
}


def write_survey_report(report: SurveyReport, path: str | os.PathLike[str],
                        fmt: str | None = None, *, page: str = "A4") -> Path:
    """Write ``report`` to ``path`` atomically in ``fmt`` (default: from the extension);
    ``page`` ("A4" or "Letter") sets the DOCX page and the HTML print page."""
    key = survey_format(path, fmt)
    page_size(page)  # refuse an unknown page before writing anything
    target = Path(path)
    with atomic_path(target) as tmp:
        _WRITERS[key](report, target, tmp, page)
    logger.info("Wrote %s survey report %s (%d questions)", key, target, len(report.questions))
    return target
