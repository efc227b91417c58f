"""Write a quote bank in the format its file name (or ``fmt``) asks for, atomically.

CSV and Markdown are written here; the Office formats (XLSX, DOCX) by
:mod:`themesift.report.office`.  A failure leaves no partial file behind and
keeps an existing target intact.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from themesift.cells import write_csv
from themesift.errors import ThemesiftError
from themesift.fsutil import atomic_path
from themesift.report import office
from themesift.report.bank import QuoteBank, quote_bank_rows
from themesift.report.markdown import markdown

logger = logging.getLogger(__name__)

FORMATS = ("xlsx", "docx", "md", "csv")
_EXTENSIONS = {"xlsx": "xlsx", "docx": "docx", "md": "md", "markdown": "md", "csv": "csv"}


def _write_csv(bank: QuoteBank, path: Path) -> None:
    write_csv(quote_bank_rows(bank), path, bom=True)


def _write_md(bank: QuoteBank, path: Path) -> None:
    path.write_text(markdown(bank), encoding="utf-8")


def _write_xlsx(bank: QuoteBank, path: Path) -> None:
    office.write_xlsx(bank, path)


def _write_docx(bank: QuoteBank, path: Path) -> None:
    office.write_docx(bank, path)


_WRITERS: dict[str, Callable[[QuoteBank, Path], None]] = {
    "xlsx": _write_xlsx,
    "docx": _write_docx,
    "md": _write_md,
    "csv": _write_csv,
}


def pick_format(path: str | os.PathLike[str], fmt: str | None,
                extensions: Mapping[str, str], what: str = "export") -> str:
    """A format of ``extensions`` (name or extension -> format): ``fmt`` if given, else the
    file's extension; a ``fmt`` that contradicts the extension is refused."""
    choices = ", ".join(dict.fromkeys(extensions.values()))
    suffix = Path(path).suffix.lower().lstrip(".")
    if fmt is not None:
        key = fmt.strip().lower().lstrip(".")
        if key not in extensions:
            raise ThemesiftError(f"Unknown {what} format {fmt!r}; choose one of {choices}")
        if suffix in extensions and extensions[suffix] != extensions[key]:
            raise ThemesiftError(f"format {fmt!r} does not match the file name "
                                 f"{Path(path).name!r}; change one of them")
        return extensions[key]
    if suffix in extensions:
        return extensions[suffix]
    raise ThemesiftError(f"Cannot tell the {what} format from {os.fspath(path)!r}; "
                         f"use an extension or format among {choices}")


def resolve_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The quote bank's format: ``fmt`` if given, else from the file extension."""
    return pick_format(path, fmt, _EXTENSIONS)


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
