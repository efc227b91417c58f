"""Quote banks: per theme its label, size, keywords and quotes, for pasting into a report.

Four formats share one value, :class:`QuoteBank`.  CSV and Markdown are written
here; the Office formats (XLSX, DOCX) live in :mod:`themesift.export_office`,
imported only when needed.  Every write is atomic: a failure leaves no partial
file behind and keeps an existing target intact.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from themesift.fsutil import atomic_path
from themesift.types import Quote, Theme, ThemesiftError

logger = logging.getLogger(__name__)

FORMATS = ("xlsx", "docx", "md", "csv")
_EXTENSIONS = {"xlsx": "xlsx", "docx": "docx", "md": "md", "markdown": "md", "csv": "csv"}

# Leading characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Control characters that XML 1.0 (and therefore XLSX and DOCX) cannot hold.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

QUOTE_COLUMNS = (
    "theme_id",
    "theme",
    "theme_count",
    "theme_share_pct",
    "keywords",
    "stability",
    "quote_rank",
    "comment_id",
    "quote",
)
THEME_COLUMNS = ("theme_id", "theme", "count", "share_pct", "keywords", "stability")


@dataclass(frozen=True)
class QuoteBank:
    """Everything a quote bank shows; ``themes`` are already sorted by the caller."""

    title: str
    themes: tuple[Theme, ...]
    quotes: Mapping[int, tuple[Quote, ...]]
    substantive: int
    non_answers: int
    unassigned: int
    group_names: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def quotes_for(self, theme_id: int) -> tuple[Quote, ...]:
        return tuple(self.quotes.get(theme_id, ()))

    def share_pct(self, theme: Theme) -> float:
        """Share of substantive comments in ``theme``, in percent with one decimal."""
        if self.substantive <= 0:
            return 0.0
        return round(100.0 * theme.size / self.substantive, 1)

    def groups(self) -> tuple[str, ...]:
        """Group names to show: ``group_names``, else those found on the quotes."""
        if self.group_names:
            return self.group_names
        seen: dict[str, None] = {}
        for theme in self.themes:
            for quote in self.quotes_for(theme.id):
                seen.update(dict.fromkeys(quote.groups))
        return tuple(seen)

    @property
    def quote_count(self) -> int:
        return sum(len(self.quotes_for(t.id)) for t in self.themes)


def neutralise(cell: str) -> str:
    """Defuse spreadsheet formula injection: prefix formula-like text with an apostrophe."""
    if cell.startswith(_FORMULA_PREFIXES):
        return "'" + cell
    return cell


def xml_safe(text: str) -> str:
    """Drop control characters that XLSX and DOCX files cannot store."""
    return _XML_ILLEGAL.sub("", text)


def summary_line(bank: QuoteBank) -> str:
    """One sentence with the comment counts behind the shares."""
    return (
        f"{bank.substantive} substantive comments (the base for shares), "
        f"{bank.non_answers} non-answers, {bank.unassigned} unassigned."
    )


def attribution(quote: Quote, group_names: tuple[str, ...]) -> str:
    """``— id hcsa-04 (specialty: surgery)``; groups without a value are left out."""
    parts = [f"{name}: {quote.groups[name]}" for name in group_names if quote.groups.get(name)]
    suffix = f" ({', '.join(parts)})" if parts else ""
    return f"— id {quote.comment_id}{suffix}"


def _group_column(name: str) -> str:
    return f"group: {name}" if name in QUOTE_COLUMNS else name


def quote_bank_rows(bank: QuoteBank) -> pd.DataFrame:
    """One row per quote, themes in bank order and quotes in rank order."""
    groups = bank.groups()
    columns = [*QUOTE_COLUMNS, *(_group_column(g) for g in groups)]
    rows: list[list[object]] = []
    for theme in bank.themes:
        head = [
            theme.id,
            theme.label,
            theme.size,
            bank.share_pct(theme),
            "; ".join(theme.keywords),
            theme.stability,
        ]
        for rank, quote in enumerate(bank.quotes_for(theme.id), start=1):
            values = [quote.groups.get(g, "") for g in groups]
            rows.append([*head, rank, quote.comment_id, quote.text, *values])
    return pd.DataFrame(rows, columns=columns)


def theme_rows(bank: QuoteBank) -> pd.DataFrame:
    """One row per theme: id, label, count, share (%), keywords, stability."""
    rows = [
        [t.id, t.label, t.size, bank.share_pct(t), "; ".join(t.keywords), t.stability]
        for t in bank.themes
    ]
    return pd.DataFrame(rows, columns=list(THEME_COLUMNS))


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every string cell and column name neutralised."""
    out = df.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):  # object or pandas' str dtype
            out[col] = out[col].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _format_stability(value: float) -> str:
    return f"{value:.2f}"


def _write_csv(bank: QuoteBank, path: Path) -> None:
    df = neutralise_frame(quote_bank_rows(bank))
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


# Intraword "_" (file_name.csv) is not emphasis in CommonMark, so it stays as written.
_MD_INLINE = re.compile(r"([\\`*\[\]<]|(?<!\w)_|_(?!\w))")
_MD_LINE_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|\d+[.)](?=\s))")


def md_text(text: str) -> str:
    """Respondents' words shown literally in Markdown: no emphasis, links, HTML, headings
    or lists made by accident ("#1 issue is parking", "*never* seen", "<b>")."""
    def line_start(m: re.Match[str]) -> str:  # "1." -> "1\.", "#" -> "\#"
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return "\n".join(_MD_LINE_START.sub(line_start, _MD_INLINE.sub(r"\\\1", line))
                     for line in text.split("\n"))


def markdown(bank: QuoteBank) -> str:
    """The quote bank as Markdown; multi-line quotes stay inside their blockquote."""
    groups = bank.groups()
    lines = [f"# {md_text(bank.title)}", "", summary_line(bank), ""]
    for note in bank.notes:
        lines += [f"_{md_text(note)}_", ""]
    for theme in bank.themes:
        lines += [f"## {md_text(theme.label)} — {theme.size} comments "
                  f"({bank.share_pct(theme):.1f}%)", ""]
        lines += [f"Keywords: {md_text(', '.join(theme.keywords)) or '—'}", ""]
        if theme.stability is not None:
            lines += [f"Stability: {_format_stability(theme.stability)}", ""]
        quotes = bank.quotes_for(theme.id)
        if not quotes:
            lines += ["_No quotes selected._", ""]
        for quote in quotes:
            text_lines = md_text(quote.text).splitlines() or [""]
            lines += [f"> {line}".rstrip() for line in text_lines]
            lines += [">", f"> {md_text(attribution(quote, groups))}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _write_md(bank: QuoteBank, path: Path) -> None:
    path.write_text(markdown(bank), encoding="utf-8")


def _write_xlsx(bank: QuoteBank, path: Path) -> None:
    from themesift.export_office import write_xlsx

    write_xlsx(bank, path)


def _write_docx(bank: QuoteBank, path: Path) -> None:
    from themesift.export_office import write_docx

    write_docx(bank, path)


_WRITERS: dict[str, Callable[[QuoteBank, Path], None]] = {
    "xlsx": _write_xlsx,
    "docx": _write_docx,
    "md": _write_md,
    "csv": _write_csv,
}


def resolve_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format: ``fmt`` if given, else from the file extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if fmt is not None:
        key = fmt.strip().lower().lstrip(".")
        if key not in _EXTENSIONS:
            raise ThemesiftError(
                f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if suffix in _EXTENSIONS and _EXTENSIONS[suffix] != _EXTENSIONS[key]:
            raise ThemesiftError(f"format {fmt!r} does not match the file name "
                                 f"{Path(path).name!r}; change one of them")
        return _EXTENSIONS[key]
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise ThemesiftError(
        f"Cannot tell the export format from {os.fspath(path)!r}; "
        f"use an extension or format among {', '.join(FORMATS)}"
    )


def write_quote_bank(
    bank: QuoteBank, path: str | os.PathLike[str], fmt: str | None = None
) -> Path:
    """Write ``bank`` to ``path`` atomically in ``fmt`` (default: from the extension)."""
    key = resolve_format(path, fmt)
    target = Path(path)
    with atomic_path(target) as tmp:
        _WRITERS[key](bank, tmp)
    logger.info(
        "Wrote %s quote bank %s (%d themes, %d quotes)",
        key,
        target,
        len(bank.themes),
        bank.quote_count,
    )
    return target
