"""Progress reporting for the CLI: one rich bar per pipeline stage."""

from __future__ import annotations

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

STAGES = {
    "build": "Building embedder",
    "read": "Reading",
    "clean": "Cleaning (spaCy)",
    "embed": "Embedding",
    "themes": "Finding themes",
    "tag": "Tagging",
    "stability": "Stability",
}


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
            self._tasks[stage] = self._progress.add_task(STAGES.get(stage, stage), total=total,
                                                         completed=done)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __enter__(self) -> RichProgress:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._progress.__exit__(*exc)
