"""Survey statistics over a survey model's flat ``assignments.csv``: closed questions
summarised, theme shares cross-tabulated by a closed column or by another question, and the
tests behind them (also used by the app's group breakdown)."""

from themesift.survey.closed import ClosedSummary, LevelCount, summarise_closed, summarise_column
from themesift.survey.crosstab import (
    ALPHA,
    MAX_LEVELS,
    MIN_BASE,
    MIN_EXPECTED,
    CrossQuestion,
    CrossTab,
    QuestionShare,
    ThemeRow,
    ThemeTest,
    cross_question,
    crosstab,
)
from themesift.survey.stats import (
    benjamini_hochberg,
    chi_square,
    cohens_h,
    cramers_v,
    two_proportion_p,
    two_proportion_z,
)
from themesift.survey.trend import Trend, parse_dates, trend

__all__ = ["ALPHA", "MAX_LEVELS", "MIN_BASE", "MIN_EXPECTED", "ClosedSummary", "CrossQuestion",
           "CrossTab", "LevelCount", "QuestionShare", "ThemeRow", "ThemeTest",
           "benjamini_hochberg", "chi_square", "cohens_h", "cramers_v", "cross_question",
           "crosstab", "summarise_closed", "summarise_column", "two_proportion_p",
           "two_proportion_z", "Trend", "parse_dates", "trend"]
