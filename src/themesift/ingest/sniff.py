"""How a delimited text file is encoded and split: sniffed from its first megabyte.

UTF-8 (with or without BOM) and UTF-16 are recognised for sure; otherwise
charset-normalizer guesses, except that on Latin-script text Windows-1252 is
preferred to its rarer guesses (cp1250, cp775).  The delimiter is the one of
``, ; TAB |`` that the csv sniffer finds in the header line.
"""

from __future__ import annotations

import codecs
import csv
import logging
import unicodedata
from pathlib import Path
from typing import Any

import charset_normalizer
from charset_normalizer.utils import is_multi_byte_encoding

from themesift.errors import ThemesiftError

logger = logging.getLogger(__name__)

_SAMPLE_BYTES = 1024**2  # the encoding of a text file is detected from its first MB
_DELIMITERS = ",;\t|"
_ONE_COLUMN = "\x1f"  # separator for a file whose header line has no delimiter


def csv_options(p: Path) -> dict[str, Any]:
    """read_csv options for a delimited text file: detected encoding and delimiter."""
    with p.open("rb") as fh:
        sample = fh.read(_SAMPLE_BYTES)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in sample[:8192]:
        nul = sample.count(b"\x00")
        raise ThemesiftError(
            f"cannot read {p.name}: it holds {nul} NUL byte(s) in its first "
            f"{len(sample):,} bytes, so it is binary or an export damaged on the way; "
            "re-export it, or remove the NUL bytes (e.g. tr -d '\\000' < in.csv > out.csv)")
    else:
        encoding = _detect_encoding(sample, complete=len(sample) < _SAMPLE_BYTES)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample[:65536])
    if len(sample) > 65536:
        text = text[: text.rfind("\n") + 1] or text
    sep = _delimiter(text, p.suffix.lower())
    logger.info("reading %s as %s, delimiter %r", p.name, encoding, sep)
    # keep_default_na=False: "N/A" is an answer (a non-answer), not a missing cell.
    return {"sep": sep, "encoding": encoding, "dtype": str, "keep_default_na": False,
            "na_values": [""], "index_col": False}  # fmt: skip


def _detect_encoding(sample: bytes, complete: bool) -> str:
    def decodes(encoding: str) -> bool:
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
        except (UnicodeDecodeError, LookupError):
            return False
        return True

    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if decodes("utf-8"):
        return "utf-8"
    match = charset_normalizer.from_bytes(sample).best()
    guess = [match.encoding] if match is not None else []
    # On Latin-script text charset-normalizer often says cp1250 or cp775 where
    # Windows-1252 is far likelier; trust its guess only for other scripts.
    letters = (c for c in set(str(match)) if c.isalpha())
    latin = all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    trusted = match is not None and (is_multi_byte_encoding(match.encoding) or not latin)
    candidates = (guess if trusted else []) + ["cp1252"] + guess
    return next((e for e in candidates if decodes(e)), "latin-1")


def _delimiter(text: str, ext: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")  # pandas skips blanks
    if ext == ".tsv" and "\t" in header:
        return "\t"
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    if sniffed in header:
        return sniffed
    best = max(_DELIMITERS, key=header.count)
    return best if best in header else _ONE_COLUMN
