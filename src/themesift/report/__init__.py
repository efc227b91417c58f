"""Outputs a researcher pastes into a report: quote banks (XLSX, DOCX, Markdown, CSV) and tables."""

from themesift.report.bank import (
    ORIGIN_NAMES,
    QuoteBank,
    attribution,
    family_order,
    neutralise,
    neutralise_frame,
    placed,
    quote_bank_rows,
    summary_line,
    theme_rows,
    xml_safe,
)
from themesift.report.charts import share_chart_png
from themesift.report.markdown import markdown, md_text
from themesift.report.qda import model_codebook, model_project
from themesift.report.survey import (
    QuestionSection,
    ReportTable,
    SurveyReport,
    build_survey_report,
)
from themesift.report.survey_writers import SURVEY_FORMATS, write_survey_report
from themesift.report.tables import (
    SPECIAL_LABELS,
    assignments_frame,
    build_quote_bank,
    families_frame,
    themes_frame,
    typical_quotes,
)
from themesift.report.write import FORMATS, resolve_format, write_quote_bank

__all__ = ["FORMATS", "ORIGIN_NAMES", "QuestionSection", "QuoteBank", "ReportTable",
           "SPECIAL_LABELS", "SURVEY_FORMATS", "SurveyReport", "assignments_frame", "attribution",
           "build_quote_bank", "build_survey_report", "families_frame", "family_order", "markdown",
           "md_text", "placed",
           "model_codebook", "model_project", "neutralise", "neutralise_frame",
           "quote_bank_rows", "resolve_format", "share_chart_png", "summary_line", "theme_rows",
           "themes_frame", "typical_quotes", "write_quote_bank", "write_survey_report",
           "xml_safe"]
