"""Progress reporting for the CLI: one rich bar per pipeline stage."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

STAGES = {
    "clean": "Cleaning (spaCy)",
    "embed": "Embedding",
    "themes": "Finding themes",
    "tag": "Tagging",
    "stability": "Stability",
}


class RichProgress:
    """Callable ``(stage, done, total)`` showing rows/s and ETA per stage."""

    def __init__(self, disable: bool = False, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<18}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(), console=console, disable=disable, transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(STAGES.get(stage, stage), total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __enter__(self) -> RichProgress:
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._progress.__exit__(*exc)
