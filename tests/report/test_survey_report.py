"""The survey report: built from a real three-question model, written as DOCX, XLSX,
Markdown and HTML, and opened by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from openpyxl.chart import BarChart

from themesift.errors import ThemesiftError
from themesift.model import load_survey_model
from themesift.report import (
    QuestionSection,
    ReportTable,
    SurveyReport,
    build_survey_report,
    share_chart_png,
    write_survey_report,
)
from themesift.report.survey_xlsx import sheet_name
from themesift.types import Quote, Theme

DATA = Path(__file__).resolve().parents[2] / "data" / "hcsa_three_questions.csv"
TEXTS = ("How were you engaged in your local STP?", "What do you think STPs are for?",
         "What outcomes do you expect from your STP?")
ANGLE = "Parking costs <b>£12</b> & the “drop-off” zone is 5 < 10 minutes"
FORMULA = '=HYPERLINK("http://evil.example","click")'
LONG = "Staff shortages on night shifts and weekends that leave wards unsafe for patients"
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _section(key: str, text: str = "") -> QuestionSection:
    themes = (Theme(1, LONG, ("staff", "night"), 12, 0.6, stability=0.8251),
              Theme(2, "parking | fees", ("parking",), 6, 0.3, stability=None),
              Theme(3, FORMULA, ("=sum",), 2, 0.1, stability=1.0))
    quotes = {1: (Quote(1, "r-01", ANGLE, 0.9), Quote(1, "r-02", "Short of staff", 0.8)),
              2: (Quote(2, "r-03", FORMULA, 0.7),)}
    return QuestionSection(key=key, text=text, answered=22, substantive=20, non_answers=2,
                           empty=3, redactions={"EMAIL": 1}, themes=themes, quotes=quotes,
                           tables=(ReportTable("By site", pd.DataFrame(
                               {"site": ["North | East", "South"], "n": [3, 4]})),))


@pytest.fixture
def small() -> SurveyReport:
    closed = ReportTable("Site", pd.DataFrame({"site": ["North", "=cmd"], "n": [10, 15]}),
                         note="Base: 25 respondents.")
    return SurveyReport(title="Staff survey <2026>", source="staff.csv", respondents=25,
                        created="Model created 2026-12-01 with themesift 0.1.0.",
                        questions=(_section("q1", "What would you change?"),
                                   _section("q2/[extra]: a very long question key indeed")),
                        closed=(closed,), methods=(("Data", "Source: staff.csv\nq1: abc"),))


def test_html_escapes_respondents_words(small: SurveyReport, tmp_path: Path) -> None:
    page = write_survey_report(small, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Parking costs &lt;b&gt;£12&lt;/b&gt; &amp; the “drop-off” zone is 5 &lt; 10" in page
    assert "<b>£12</b>" not in page and "Staff survey &lt;2026&gt;" in page
    assert page.count('<img src="data:image/png;base64,') == 2
    assert "http" not in page.replace("http://evil.example", "")  # nothing fetched


def test_markdown_tables_are_well_formed_and_charts_sit_beside(small: SurveyReport,
                                                               tmp_path: Path) -> None:
    text = write_survey_report(small, tmp_path / "my report.md").read_text(encoding="utf-8")
    assert "](my%20report_files/q01.png)" in text
    assert (tmp_path / "my report_files" / "q01.png").is_file()
    assert (tmp_path / "my report_files" / "q02.png").is_file()
    _check_md_tables(text)
    assert "parking \\| fees" in text and "\\<b>" in text
    assert "| 60.0 |" in text and "| 0.83 |" in text and "| 1.00 |" in text


def _check_md_tables(text: str) -> None:
    tables = re.findall(r"(?:^\|.*\|\n)+", text, flags=re.M)
    assert tables
    for table in tables:
        rows = table.splitlines()
        widths = {len(UNESCAPED_PIPE.findall(row)) for row in rows}
        assert len(widths) == 1, table
        assert re.fullmatch(r"\|(-{3}:?\|)+", rows[1]), rows[1]


def test_xlsx_defuses_formulas_and_names_sheets_validly(small: SurveyReport,
                                                        tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(write_survey_report(small, tmp_path / "r.xlsx"))
    assert wb.sheetnames[0] == "Summary" and wb.sheetnames[-2:] == ["Closed questions",
                                                                     "Methods"]
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert len(set(map(str.lower, wb.sheetnames))) == len(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)
    assert wb["Q1 q1"]["C5"].value == 60.0 and wb["Q1 q1"]["C5"].number_format == "0.0"


def test_sheet_names() -> None:
    assert sheet_name(1, "engagement") == "Q1 engagement"
    assert sheet_name(12, "a/b:c*d?[e]\\f " * 5) == "Q12 a b c d e f a b c d e f a b"
    assert sheet_name(3, "'''") == "Q3"


def test_unknown_format_page_and_tables_are_refused(small: SurveyReport,
                                                   tmp_path: Path) -> None:
    with pytest.raises(ThemesiftError, match="report format"):
        write_survey_report(small, tmp_path / "r.pdf")
    with pytest.raises(ThemesiftError, match="does not match"):
        write_survey_report(small, tmp_path / "r.docx", fmt="html")
    with pytest.raises(ThemesiftError, match="A4 or Letter"):
        write_survey_report(small, tmp_path / "r.docx", page="A5")
    assert not list(tmp_path.iterdir())


def test_chart_is_deterministic_and_grows_with_its_themes(small: SurveyReport) -> None:
    one = share_chart_png(small.questions[0])
    assert one == share_chart_png(small.questions[0]) and one.startswith(b"\x89PNG")
    fewer = replace(small.questions[0], themes=small.questions[0].themes[:1])
    height = int.from_bytes(one[20:24], "big")  # the PNG's IHDR height
    assert int.from_bytes(share_chart_png(fewer)[20:24], "big") < height


# ---- a real survey model --------------------------------------------------------------


@pytest.fixture(scope="module")
def survey_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("survey") / "model"
    subprocess.run([sys.executable, "-m", "themesift", "analyse", str(DATA),
                    "--question-col", "question", "--id-col", "id", "--out", str(out)],
                   check=True, capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
                   timeout=600)
    return out


@pytest.fixture(scope="module")
def report(survey_model: Path) -> SurveyReport:
    df = pd.read_csv(DATA).drop_duplicates("id")
    counts = df["report_theme"].value_counts().sort_index().rename("respondents")
    return build_survey_report(load_survey_model(survey_model), per_theme=3,
                               closed=[ReportTable("Report theme", counts.to_frame())])


@pytest.mark.slow
def test_report_holds_every_question_and_the_methods(report: SurveyReport) -> None:
    assert [q.text for q in report.questions] == list(TEXTS)
    assert report.respondents == 19
    for q in report.questions:
        assert q.answered + q.empty == 19 and q.substantive <= q.answered
        assert q.themes and all(len(q.quotes_for(t.id)) <= 3 for t in q.themes)
    methods = dict(report.methods)
    assert "all-MiniLM-L6-v2" in methods["How themes were found"]
    assert "80% subsamples" in methods["How themes were found"]
    assert "random_state = 42" in methods["Settings"]
    assert "themesift" in methods["Versions"] and "engagement: " in methods["Data"]


@pytest.mark.slow
@pytest.mark.parametrize(("page", "width", "height"),
                         [("A4", 210.0, 297.0), ("Letter", 215.9, 279.4)])
def test_docx_headings_pictures_and_page(report: SurveyReport, tmp_path: Path, page: str,
                                         width: float, height: float) -> None:
    doc = docx.Document(str(write_survey_report(report, tmp_path / "r.docx", page=page)))
    headings = [p.text for p in doc.paragraphs if p.style is not None
                and p.style.name == "Heading 1"]
    assert [h for h in headings if h in TEXTS] == list(TEXTS)
    assert "Methods" in headings and "Closed questions" in headings
    assert len(doc.inline_shapes) == 3
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert section.page_width.mm == pytest.approx(width, abs=0.1)
    assert section.page_height.mm == pytest.approx(height, abs=0.1)
    assert section.left_margin is not None
    assert section.left_margin.cm == pytest.approx(2.0, abs=0.01)
    assert any(p.style is not None and p.style.name == "Quote" for p in doc.paragraphs)


@pytest.mark.slow
def test_xlsx_has_a_native_bar_chart_per_question(report: SurveyReport, tmp_path: Path) -> None:
    path = write_survey_report(report, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    sheets = wb.sheetnames[1:4]
    assert sheets == ["Q1 engagement", "Q2 purpose", "Q3 outcomes"]
    for name in sheets:
        charts = wb[name]._charts
        assert len(charts) == 1 and isinstance(charts[0], BarChart)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)


@pytest.mark.slow
def test_markdown_links_chart_files(report: SurveyReport, tmp_path: Path) -> None:
    text = write_survey_report(report, tmp_path / "r.md").read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links == [f"r_files/q0{i}.png" for i in (1, 2, 3)]
    assert all((tmp_path / link).read_bytes().startswith(b"\x89PNG") for link in links)
    assert all(f"## {t}" in text for t in TEXTS)
    _check_md_tables(text)


@pytest.mark.slow
def test_libreoffice_opens_the_docx(report: SurveyReport, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    tools = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm"))
    if (soffice is None or not tools) and os.geteuid() == 0:
        # As root (CI, a fresh machine) 'make test' installs them: missing is a failure.
        pytest.fail("LibreOffice or poppler-utils missing although 'make office-deps' ran "
                    "as root")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH; 'make office-deps' installs it")
    if not tools:
        pytest.skip("poppler-utils (pdftotext) is missing; 'make office-deps' installs it")
    path = write_survey_report(report, tmp_path / "report.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(text.split())
    assert all(t in flat for t in TEXTS), flat[:500]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))  # type: ignore[union-attr]
    assert 2 <= pages <= 10
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=60)
    assert next(tmp_path.glob("page*.png")).stat().st_size > 10_000
