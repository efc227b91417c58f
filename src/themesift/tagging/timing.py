"""Where a tag run spends its time: wall seconds per stage, added up with ``perf_counter``.

The stages, in the order a chunk meets them:

* ``read``: parsing the input (and, for the local engine, hashing it for the journal);
* ``clean``: text repair, non-answers, PII patterns, de-duplication (within a chunk and
  across the file), less the time in ``names``;
* ``names``: spaCy NER for person names (loading spaCy included): what this process
  waits for it, whether it runs here or shares the work with the spaCy workers;
* ``embed``: embedding the new distinct texts (disk cache look-ups included);
* ``assign``: nearest themes and the output rows of each chunk;
* ``sentiment``: scoring the new distinct texts;
* ``write``: committing each chunk and joining the parts into the output.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class StageTimes:
    """Wall seconds per stage of a tag run (see the module docstring).

    ``summed`` names the stages that are sums over pieces of work that ran in
    parallel (the Dask engine's per-partition stages), so they may add up to more
    than the run's wall time.
    """

    read: float = 0.0
    clean: float = 0.0
    names: float = 0.0
    embed: float = 0.0
    assign: float = 0.0
    sentiment: float = 0.0
    write: float = 0.0
    summed: tuple[str, ...] = ()

    def items(self) -> tuple[tuple[str, float], ...]:
        return tuple((stage, getattr(self, stage)) for stage in STAGES)

    def total(self) -> float:
        return sum(seconds for _, seconds in self.items())

    def __add__(self, other: StageTimes) -> StageTimes:
        theirs = dict(other.items())
        return StageTimes.of({stage: s + theirs[stage] for stage, s in self.items()},
                             summed=tuple(dict.fromkeys((*self.summed, *other.summed))))

    def line(self, total: float | None = None) -> str:
        """``read 0.4 s, clean 1.2 s, ... (of 3.1 s)``: the run's ``total`` if given, and
        which stages are sums over work done in parallel."""
        notes = [] if total is None else [f"of {total:.1f} s"]
        if self.summed:
            notes.append(f"{', '.join(self.summed)}: summed over the Dask partitions")
        text = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in self.items())
        return f"{text} ({'; '.join(notes)})" if notes else text

    def to_dict(self) -> dict[str, float]:
        return {stage: round(seconds, 4) for stage, seconds in self.items()}

    @classmethod
    def of(cls, seconds: Mapping[str, float], summed: tuple[str, ...] = ()) -> StageTimes:
        """From stage -> seconds (a stage missing: 0)."""
        s = {stage: float(seconds.get(stage, 0.0)) for stage in STAGES}
        return cls(read=s["read"], clean=s["clean"], names=s["names"], embed=s["embed"],
                   assign=s["assign"], sentiment=s["sentiment"], write=s["write"], summed=summed)


STAGES = tuple(f.name for f in fields(StageTimes) if f.name != "summed")


class Stopwatch:
    """Adds up wall seconds per stage: ``with watch("embed"): ...``.

    Stages may nest: the time goes to the innermost stage open, so no second is
    counted twice.
    """

    def __init__(self) -> None:
        self._seconds = dict.fromkeys(STAGES, 0.0)
        self._open: list[str] = []
        self._since = 0.0

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if stage not in self._seconds:
            raise ValueError(f"unknown stage {stage!r}")
        self._switch()
        self._open.append(stage)
        try:
            yield
        finally:
            self._switch()
            self._open.pop()

    def _switch(self) -> None:
        now = time.perf_counter()
        if self._open:
            self._seconds[self._open[-1]] += now - self._since
        self._since = now

    def move(self, seconds: float, source: str, target: str) -> None:
        """Count ``seconds`` already given to ``source`` as ``target``'s (time measured
        inside a call, such as spaCy's within cleaning)."""
        seconds = min(max(seconds, 0.0), self._seconds[source])
        self._seconds[source] -= seconds
        self._seconds[target] += seconds

    def add(self, times: StageTimes) -> None:
        for stage, seconds in times.items():
            self._seconds[stage] += seconds

    def times(self) -> StageTimes:
        return StageTimes.of(self._seconds)


def timed(items: Iterable[T], watch: Stopwatch, stage: str) -> Iterator[T]:
    """``items``, the time spent producing each counted as ``stage``'s."""
    source = iter(items)
    while True:
        with watch(stage):
            try:
                item = next(source)
            except StopIteration:
                return
        yield item
