"""Time by stage: the stopwatch counts each second once, in the innermost stage open."""

from __future__ import annotations

import pytest

from themesift.tagging import timing
from themesift.tagging.timing import STAGES, StageTimes, Stopwatch, timed


class Clock:
    """A perf_counter that moves only when told."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(timing.time, "perf_counter", fake)
    return fake


def test_nested_stages_are_not_counted_twice(clock: Clock) -> None:
    watch = Stopwatch()
    with watch("clean"):
        clock.now += 2
        with watch("names"):
            clock.now += 5
        clock.now += 1
    clock.now += 10  # outside every stage: nobody's
    with watch("embed"):
        clock.now += 3
    assert watch.times() == StageTimes(clean=3, names=5, embed=3)


def test_a_stage_left_by_an_exception_is_still_counted(clock: Clock) -> None:
    watch = Stopwatch()
    with pytest.raises(RuntimeError), watch("write"):
        clock.now += 4
        raise RuntimeError("disk full")
    assert watch.times().write == 4


def test_move_takes_no_more_than_the_source_had(clock: Clock) -> None:
    watch = Stopwatch()
    with watch("clean"):
        clock.now += 6
    watch.move(4, "clean", "names")
    assert (watch.times().clean, watch.times().names) == (2, 4)
    watch.move(9, "clean", "names")
    watch.move(-1, "names", "clean")
    assert (watch.times().clean, watch.times().names) == (0, 6)
    with pytest.raises(ValueError, match="unknown stage"), watch("thinking"):
        pass


def test_timed_counts_producing_each_item(clock: Clock) -> None:
    def slow() -> object:
        for i in range(3):
            clock.now += 2
            yield i

    watch = Stopwatch()
    got = []
    for item in timed(slow(), watch, "read"):
        clock.now += 7  # the consumer's time is not reading
        got.append(item)
    assert got == [0, 1, 2] and watch.times().read == 6


def test_stage_times_add_and_print() -> None:
    a = StageTimes(read=1, embed=2.5)
    b = StageTimes(embed=1, clean=0.5, summed=("clean",))
    total = a + b
    assert total == StageTimes(read=1, clean=0.5, embed=3.5, summed=("clean",))
    assert total.total() == 5
    assert [s for s, _ in total.items()] == list(STAGES) == [
        "read", "clean", "names", "embed", "assign", "sentiment", "write"]
    assert StageTimes.of(total.to_dict(), total.summed) == total
    assert a.line() == ("read 1.0 s, clean 0.0 s, names 0.0 s, embed 2.5 s, assign 0.0 s, "
                        "sentiment 0.0 s, write 0.0 s")
    assert total.line(12.34).endswith("write 0.0 s (of 12.3 s; clean: summed over the Dask "
                                      "partitions)")
