"""A saved model as REFI-QDA: its themes as a codebook, its comments coded with them.

Only what the model saved is exported: theme labels, keywords and quotes, and the
comments of ``assignments.csv``, which are the cleaned, redacted texts (never the
input).  Substantive comments are sources (duplicates included: each respondent's
answer is a document); non-answers and empty answers are not.
"""

from __future__ import annotations

from themesift.model import SavedModel, SurveyModel
from themesift.qda import QdaProject, Source
from themesift.types import Code
from themesift.version import __version__

__all__ = ["model_codebook", "model_codes", "model_project", "theme_codes"]

EXAMPLES_PER_CODE = 3


def theme_codes(model: SavedModel, parent: str = "") -> dict[int, Code]:
    """Theme id -> its code: the label, a description (a codebook code's own description,
    then size, share, keywords) and the best quotes as examples; a repeated label gets its
    theme number."""
    labels = [t.label.strip() or f"Theme {t.id + 1}" for t in model.themes]
    codes = {}
    for t, label in zip(model.themes, labels, strict=True):
        name = label if labels.count(label) == 1 else f"{label} ({t.id + 1})"
        keywords = ", ".join(t.keywords[:8])
        description = ((f"{t.description}\n\n" if t.description else "")
                       + f"{t.size} comments ({100 * t.share:.1f}% of substantive)."
                       + (f" Keywords: {keywords}." if keywords else ""))
        examples = tuple(q.text for q in model.quotes.get(t.id, ())[:EXAMPLES_PER_CODE])
        codes[t.id] = Code(name, description, examples, parent)
    return codes


def model_codes(survey: SurveyModel) -> tuple[tuple[Code, ...], dict[str, dict[int, Code]]]:
    """Every code of a model, and per question its theme codes.  One question: its themes
    at the top; several: one code per question with that question's themes under it."""
    several = len(survey.questions) > 1
    codes: list[Code] = []
    by_question = {}
    for q in survey.questions:
        key = q.question.key
        if several:
            codes.append(Code(key, q.question.text, (), ""))
        themes = theme_codes(q.model, key if several else "")
        by_question[key] = themes
        codes.extend(themes.values())
    return tuple(codes), by_question


def model_project(survey: SurveyModel) -> QdaProject:
    """The REFI-QDA project of a saved model (every question)."""
    codes, by_question = model_codes(survey)
    rows = survey.assignments()
    several = len(survey.questions) > 1
    sources = []
    for _, row in rows.iterrows():
        if row.get("status") != "substantive":
            continue
        key = str(row.get("question", ""))
        themes = by_question.get(key) if several else next(iter(by_question.values()))
        if themes is None:
            continue
        ids = [int(t) for t in str(row.get("all_themes", "")).split("|") if t.strip()]
        respondent = str(row.get("id", ""))
        sources.append(Source(
            name=f"{key} {respondent}" if several else respondent, text=str(row["text"]),
            codes=tuple(themes[i] for i in ids if i in themes),
            case=respondent if several else ""))
    created = str(survey.manifest.get("created", ""))
    name = survey.source or survey.path.name
    return QdaProject(name=f"themesift: {name}", codes=codes, sources=tuple(sources),
                      origin=f"themesift {__version__}", created=created)


def model_codebook(survey: SurveyModel) -> tuple[Code, ...]:
    return model_codes(survey)[0]

