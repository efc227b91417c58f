"""Survey projects: one project per open question, listed together in ``<name>.survey.json``.

The question projects are ordinary project files (``<survey>__NN-<key>.sqlite``); the
list names them in order with each question's key and wording, so the app shows the
survey once, with a question chooser.  The list is written last and atomically, so a
survey project appears whole or not at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_path
from themesift.project.store import named_path, names_in, safe_name

SURVEY_SUFFIX = ".survey.json"


@dataclass(frozen=True)
class SurveyIndex:
    """A survey project: one project per open question, listed in ``<name>.survey.json``."""

    name: str
    source: str
    questions: tuple[tuple[str, str, str], ...]  # (question key, wording, project name)

    @property
    def projects(self) -> tuple[str, ...]:
        return tuple(p for _, _, p in self.questions)


def member_name(survey: str, index: int, key: str) -> str:
    """The project name of a survey's question: ``<survey>__NN-<key>``."""
    try:
        slug = safe_name(key)[:24]
    except ThemesiftError:
        slug = "question"
    return f"{safe_name(survey)[:30]}__{index + 1:02d}-{slug}"


def survey_path(name: str, folder: Path | None = None) -> Path:
    return named_path(name, SURVEY_SUFFIX, folder)


def list_surveys(folder: Path | None = None) -> list[str]:
    return names_in(SURVEY_SUFFIX, folder)


def write_survey_index(index: SurveyIndex, folder: Path | None = None) -> Path:
    """Write (atomically) the list of a survey's question projects."""
    path = survey_path(index.name, folder)
    data = {"name": index.name, "source": index.source,
            "questions": [{"key": k, "text": t, "project": p} for k, t, p in index.questions]}
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def read_survey_index(name: str, folder: Path | None = None) -> SurveyIndex:
    path = survey_path(name, folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SurveyIndex(str(data["name"]), str(data.get("source", "")),
                           tuple((str(q["key"]), str(q.get("text", "")), str(q["project"]))
                                 for q in data["questions"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ThemesiftError(f"survey project {name} is unreadable ({type(exc).__name__}); "
                             f"its questions stay listed as projects of their own") from None
