"""Spans of personal data in a text, how overlapping spans merge, and redaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["KINDS", "Redaction", "merge_spans", "redact"]

KINDS = ("EMAIL", "URL", "PHONE", "POSTCODE", "NHS_NUMBER", "NAME")
# When two spans overlap and are equally long, the earlier kind here wins.
_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(("NHS_NUMBER", "EMAIL", "URL", "PHONE", "POSTCODE", "NAME"))
}


@dataclass(frozen=True)
class Redaction:
    """``text[start:end]`` is personal data of ``kind`` (one of ``KINDS``)."""

    kind: str
    start: int
    end: int


def merge_spans(spans: Iterable[Redaction]) -> list[Redaction]:
    """Merge overlapping spans into their union, named after the longest member.

    Ties go to the kind earlier in ``_PRIORITY`` (an NHS number beats a phone number).
    """
    ordered = sorted(spans, key=lambda r: (r.start, r.end))
    merged: list[Redaction] = []
    best: Redaction | None = None  # longest member of the group being built
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            assert best is not None
            if (span.end - span.start, -_PRIORITY[span.kind]) > (
                best.end - best.start,
                -_PRIORITY[best.kind],
            ):
                best = span
            merged[-1] = Redaction(best.kind, last.start, max(last.end, span.end))
        else:
            best = span
            merged.append(span)
    return merged


def redact(text: str, spans: Iterable[Redaction]) -> str:
    """Replace each span of ``text`` with ``[KIND]``; overlapping spans are merged."""
    parts: list[str] = []
    pos = 0
    for span in merge_spans(spans):
        parts.append(text[pos : span.start])
        parts.append(f"[{span.kind}]")
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
