"""Agreement of themes with human codes: the metrics, a runner, and a table for the CLI."""

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
from themesift.evaluate.view import evaluation_table

__all__ = ["Agreement", "Codes", "Evaluation", "GroupResult", "agreement", "agreement_of",
           "coder_agreement", "evaluate_corpus", "evaluation_table", "mean_agreement",
           "parse_codes", "subset", "write_json"]
