"""Progress of a run: the stages' names (one table for the CLI and the app) and the CLI's bars.

Every stage reports ``progress(stage, done, total)`` (:data:`themesift.types.Progress`);
the CLI shows a rich bar per stage, the app a progress bar with the stage's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


@dataclass(frozen=True)
class Stage:
    bar: str  # the CLI's short label
    text: str  # the app's sentence


STAGES = {
    "build": Stage("Building embedder", "Preparing the embedding model"),
    "read": Stage("Reading", "Reading the file"),
    "clean": Stage("Cleaning (spaCy)",
                   "Cleaning comments (spaCy: non-answers, duplicates, redaction)"),
    "embed": Stage("Embedding", "Embedding comments"),
    "themes": Stage("Finding themes", "Finding and describing themes"),
    "labels": Stage("Reading phrases", "Reading phrases for labels"),
    "tag": Stage("Tagging", "Tagging comments"),
    "stability": Stage("Stability", "Checking theme stability"),
}


def stage_text(stage: str) -> str:
    """The app's sentence for ``stage`` (its name when unknown)."""
    return STAGES[stage].text if stage in STAGES else stage


class RateColumn(ProgressColumn):
    """Items per second over the last few updates ("1,234/s")."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


class RichProgress:
    """Callable ``(stage, done, total)`` showing rows/s and ETA per stage."""

    def __init__(self, disable: bool = False, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
            RateColumn(), TimeElapsedColumn(),
            TimeRemainingColumn(), console=console, disable=disable, transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            # Start at ``done`` (a resumed run), so the rate counts only new work.
            label = STAGES[stage].bar if stage in STAGES else stage
            self._tasks[stage] = self._progress.add_task(label, total=total, completed=done)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __enter__(self) -> RichProgress:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._progress.__exit__(*exc)
