"""Agreement of themes with human codes, and of two codings: the metrics, a runner, and
tables for the CLI."""

from themesift.evaluate.coders import (
    SEPARATORS,
    CodeAgreement,
    CoderComparison,
    Disagreement,
    compare_codings,
    compare_columns,
    disagreements_frame,
    nominal_alpha,
    nominal_kappa,
    write_disagreements,
)
from themesift.evaluate.metrics import (
    Agreement,
    Codes,
    agreement,
    coder_agreement,
    mean_agreement,
    parse_codes,
)
from themesift.evaluate.run import (
    Evaluation,
    GroupResult,
    agreement_of,
    evaluate_corpus,
    subset,
    write_json,
)
from themesift.evaluate.view import agreement_table, evaluation_table

__all__ = ["SEPARATORS", "Agreement", "CodeAgreement", "CoderComparison", "Codes",
           "Disagreement", "Evaluation", "GroupResult", "agreement", "agreement_of",
           "agreement_table", "coder_agreement", "compare_codings", "compare_columns",
           "disagreements_frame", "evaluate_corpus", "evaluation_table", "mean_agreement",
           "nominal_alpha", "nominal_kappa", "parse_codes", "subset", "write_disagreements",
           "write_json"]
