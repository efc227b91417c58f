"""Build the survey samples of data/ from the project's real data (run from the repo root).

* ``hcsa_three_questions.csv``: the 19 HCSA quotes (data/hcsa_stp_2017_quotes.csv) as the
  answers to the three open questions of the report's survey, by report section:
  3.7-3.9 engagement, 3.13 what STPs are for, 3.16-3.17 outcomes.  Long: one row per answer.
* ``educators_wide.xlsx`` and ``educators_long.csv``: the educators' survey on online exam
  proctoring (../shared/eval/survey_exam_proctoring_educators.csv; Balash et al., USENIX
  Security 2023, artifact github.com/gwusec/2023-USENIX-Educator-Perspectives-of-Exam-Proctoring,
  commit e8e4cacf; no licence stated, published as a research artifact) as a Qualtrics export:
  one row per respondent (its ResponseId), one column per question, under Qualtrics' two
  extra header rows (question texts, import ids), with one closed column derived from the
  data ("Considered proctoring": Yes for respondents who answered N2, No for N3).
  The long file holds the same answers, one row per answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data"
QUESTIONS = {
    "engagement": ("How were you engaged in your local STP?", (3.7, 3.8, 3.9)),
    "purpose": ("What do you think STPs are for?", (3.13,)),
    "outcomes": ("What outcomes do you expect from your STP?", (3.16, 3.17)),
}


def hcsa() -> None:
    df = pd.read_csv(ROOT / "data" / "hcsa_stp_2017_quotes.csv")
    section = {s: key for key, (_, sections) in QUESTIONS.items() for s in sections}
    out = pd.DataFrame({
        "id": df["id"],
        "question": [section[round(s, 2)] for s in df["report_section"]],
        "question_text": [QUESTIONS[section[round(s, 2)]][0] for s in df["report_section"]],
        "text": df["text"],
        "report_theme": df["report_theme"],
    })
    out.to_csv(OUT / "hcsa_three_questions.csv", index=False)


def educators() -> None:
    src = pd.read_csv(ROOT.parent / "shared" / "eval" / "survey_exam_proctoring_educators.csv",
                      dtype=str, keep_default_na=False)
    src["respondent"] = src["id"].str.split(":").str[1].str.replace(r"#\d+$", "", regex=True)
    order = list(dict.fromkeys(src["question_id"]))
    texts = dict(zip(src["question_id"], src["question_text"], strict=True))
    answers = (src.groupby(["respondent", "question_id"], sort=False)["text"]
               .agg(lambda parts: "\n\n".join(parts)).unstack("question_id"))
    answers = answers.reindex(columns=order).fillna("")
    answers = answers.loc[sorted(answers.index)]
    considered = ["Yes" if a["N2"] else "No" if a["N3"] else "" for _, a in answers.iterrows()]
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ResponseId", "Considered proctoring", *order])
    ws.append(["Response ID", "Did you consider using online exam proctoring tools?",
               *(texts[q] for q in order)])
    ws.append([json.dumps({"ImportId": "_recordId"}), json.dumps({"ImportId": "QID1"}),
               *(json.dumps({"ImportId": f"QID{i + 2}_TEXT"}) for i in range(len(order)))])
    for (respondent, row), closed in zip(answers.iterrows(), considered, strict=True):
        ws.append([respondent, closed, *(row[q] or None for q in order)])
    wb.save(OUT / "educators_wide.xlsx")
    long = src[["respondent", "question_id", "question_text", "text"]]
    long.to_csv(OUT / "educators_long.csv", index=False)


if __name__ == "__main__":
    hcsa()
    educators()
