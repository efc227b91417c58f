"""Rich tables of an evaluation against human codes, and of two codings compared (for the CLI)."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table

from themesift.evaluate.coders import CoderComparison
from themesift.evaluate.metrics import Agreement
from themesift.evaluate.run import Evaluation

KAPPA_SHOWN = 12  # codes listed with their kappa (the most frequent are not known here)


def _row(name: str, a: Agreement) -> list[str]:
    return [name, str(a.n), str(a.n_themes), f"{a.nmi:.3f}", f"{a.ari:.3f}",
            f"{a.homogeneity:.3f}", f"{a.completeness:.3f}", f"{a.f1:.3f}",
            f"{100 * a.unassigned_share:.1f}"]


def evaluation_table(ev: Evaluation) -> Group:
    """Agreement per group (when ``per`` was given) and overall; kappa per code."""
    table = Table(title=f"Themes of {ev.source} vs human codes in '{ev.label_col}'")
    table.add_column(ev.per or "Set", no_wrap=True)
    for name in ("Rows", "Themes", "NMI", "ARI", "Homog", "Compl", "F1", "Unass%"):
        table.add_column(name, justify="right")
    if ev.per:
        for g in ev.groups:
            table.add_row(*_row(g.value or "(blank)", g.agreement))
        table.add_row(*_row("mean", ev.overall), style="bold")
        table.caption = "mean: weighted by coded rows; Rows: coded rows"
    else:
        table.add_row(*_row("all", ev.overall), style="bold")
    kappa = Table(title="Cohen's kappa per code (theme -> majority code)")
    kappa.add_column("Code")
    kappa.add_column("kappa", justify="right")
    ranked = sorted(ev.overall.kappa.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ranked if len(ranked) <= KAPPA_SHOWN else ranked[: KAPPA_SHOWN // 2] + \
        ranked[-(KAPPA_SHOWN // 2):]
    for code, value in shown:
        kappa.add_row(code, f"{value:.2f}")
    if len(ranked) > len(shown):
        kappa.caption = f"{len(ranked) - len(shown)} more codes in the JSON output"
    return Group(table, kappa)


def agreement_table(result: CoderComparison) -> Group:
    """Two codings compared: overall, then per code (kappa, alpha, % agreement, n)."""
    left_out = result.blank_a + result.blank_b + result.blank_both
    overall = Table(title=f"'{result.a}' vs '{result.b}': {result.n} comments coded in both")
    for name in ("Rows", "Same codes %", "kappa", "alpha", "Disagree", "Left out"):
        overall.add_column(name, justify="right")
    overall.add_row(str(result.n), f"{result.percent:.1f}", f"{result.kappa:.3f}",
                    f"{result.alpha:.3f}", str(len(result.disagreements)), str(left_out))
    overall.caption = (f"each comment's set of codes as one category; left out: blank in "
                       f"'{result.a}' {result.blank_a}, in '{result.b}' {result.blank_b}, "
                       f"in both {result.blank_both}")
    codes = Table(title="Per code (present or absent in each comment)")
    codes.add_column("Code")
    for name in (f"n {result.a}", f"n {result.b}", "Agree %", "kappa", "alpha"):
        codes.add_column(name, justify="right")
    for c in result.codes:
        codes.add_row(c.code, str(c.n_a), str(c.n_b), f"{c.percent:.1f}", f"{c.kappa:.3f}",
                      f"{c.alpha:.3f}")
    return Group(overall, codes)
