"""The quote bank as Markdown, with respondents' words shown literally."""

from __future__ import annotations

import re

from themesift.report.bank import (
    QuoteBank,
    attribution,
    display_label,
    sentiment_line,
    summary_line,
)

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
    for place in bank.placed():
        theme, fam = place.theme, place.family
        level = "###" if fam is not None else "##"  # a theme alone is its own family
        if place.opens and fam is not None:
            lines += [f"## {md_text(fam.label)} — {fam.size} comments "
                      f"({100 * fam.size / max(bank.substantive, 1):.1f}%)", ""]
            if line := sentiment_line(bank.family_sentiment.get(fam.id)):
                lines += [line, ""]
        lines += [f"{level} {md_text(display_label(theme))} — {theme.size} comments "
                  f"({bank.share_pct(theme):.1f}%)", ""]
        lines += [f"Keywords: {md_text(', '.join(theme.keywords)) or '—'}", ""]
        if line := sentiment_line(bank.sentiment.get(theme.id)):
            lines += [line, ""]
        if theme.stability is not None:
            lines += [f"Stability: {theme.stability:.2f}", ""]
        for side, quote in bank.side_quotes.get(theme.id, {}).items():
            lines += [f"Most typical {side} comment: “{md_text(quote.text)}” "
                      f"{md_text(attribution(quote, groups))}", ""]
        quotes = bank.quotes_for(theme.id)
        if not quotes:
            lines += ["_No quotes selected._", ""]
        for quote in quotes:
            text_lines = md_text(quote.text).splitlines() or [""]
            lines += [f"> {line}".rstrip() for line in text_lines]
            lines += [">", f"> {md_text(attribution(quote, groups))}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
