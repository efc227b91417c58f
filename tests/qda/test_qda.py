"""REFI-QDA: codebook round trip, schema validity, same bytes on re-export, redacted sources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xmlschema

from themesift.api import export_qda, qda_bytes, save_analysis
from themesift.clean import clean_corpus
from themesift.config import Config
from themesift.errors import ThemesiftError
from themesift.ingest import corpus_from_frame
from themesift.qda import qdc_bytes, read_qdc
from themesift.types import UNASSIGNED, Analysis, Assignments, Code, Quote, Theme

REFI = Path(__file__).resolve().parents[1] / "data" / "refi"
EMAIL = "jo.bloggs@example.com"
COMMENTS = [
    ("c1", f"The parking costs far too much, write to me at {EMAIL}"),
    ("c2", "Parking is expensive and there are never any spaces"),
    ("c3", "Staff were kind and caring 😊"),
    ("c4", "=SUM(A1) the nurses were lovely & helpful <really>"),
    ("c5", "n/a"),
    ("c6", "Something else entirely"),
]


@pytest.fixture(scope="module")
def schemas() -> tuple[xmlschema.XMLSchema, xmlschema.XMLSchema]:
    return (xmlschema.XMLSchema(REFI / "Project-mrt2019.xsd"),
            xmlschema.XMLSchema(REFI / "Codebook.xsd"))


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved model of six comments: real cleaning and redaction, themes set by hand."""
    df = pd.DataFrame(COMMENTS, columns=["id", "text"])
    config = Config(redact_names=False)  # patterns only: no spaCy model needed
    cleaned = clean_corpus(corpus_from_frame(df, text_col="text", id_col="id"), config)
    themes = (Theme(0, "Parking costs", ("parking", "cost"), 2, 0.4),
              Theme(1, "Kind staff", ("staff", "kind"), 2, 0.4))
    primary = np.array([0, 0, 1, 1, cleaned_primary(cleaned.status[4].value), UNASSIGNED])
    assignments = Assignments(primary, np.array([0.9, 0.8, 0.9, 0.7, 0.0, 0.1]),
                              ((0,), (0,), (1,), (1, 0), (), ()))
    quotes = {0: (Quote(0, "c1", cleaned.texts[0], 0.9),), 1: (Quote(1, "c3", cleaned.texts[2],
                                                                     0.9),)}
    analysis = Analysis(cleaned=cleaned, assignments=assignments, themes=themes, quotes=quotes,
                        centroids=np.eye(2, 4, dtype=np.float32), config=config,
                        embedder_id="test", data_hash="x", method="hand")
    return save_analysis(analysis, tmp_path_factory.mktemp("qda") / "model")


def cleaned_primary(status: str) -> int:
    from themesift.types import NON_ANSWER

    assert status == "non_answer", status
    return NON_ANSWER


def project_of(data: bytes) -> tuple[str, dict[str, str]]:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        return (archive.read("project.qde").decode("utf-8"),
                {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                 if n.startswith("sources/")})


def test_qdpx_and_qdc_are_valid_against_the_refi_schemas(model_dir: Path, schemas) -> None:
    project, codebook = schemas
    qde, sources = project_of(qda_bytes(model_dir, "qdpx"))
    project.validate(qde)
    codebook.validate(qda_bytes(model_dir, "qdc").decode("utf-8"))
    assert len(sources) == 5  # the substantive comments (c6 unassigned); not the non-answer
    root = project.to_dict(qde)
    coded = {s["@name"]: [sel["Coding"][0]["CodeRef"]["@targetGUID"]
                          for sel in s.get("PlainTextSelection", [])]
             for s in root["Sources"]["TextSource"]}
    codes = {c["@guid"]: c["@name"] for c in root["CodeBook"]["Codes"]["Code"]}
    assert {k: sorted(codes[g] for g in v) for k, v in coded.items()} == {
        "c1": ["Parking costs"], "c2": ["Parking costs"], "c3": ["Kind staff"],
        "c4": ["Kind staff", "Parking costs"], "c6": []}


def test_sources_hold_the_redacted_text_and_selections_cover_it(model_dir: Path,
                                                                 schemas) -> None:
    qde, sources = project_of(qda_bytes(model_dir, "qdpx"))
    texts = "\n".join(sources.values())
    assert EMAIL not in texts and EMAIL not in qde  # the input's email address is not exported
    assert "EMAIL" in texts  # the redaction's placeholder
    assert "😊" in texts and "=SUM(A1)" in texts  # text kept as written, no cell quoting
    root = schemas[0].to_dict(qde)
    for source in root["Sources"]["TextSource"]:
        text = sources[f"sources/{source['@plainTextPath'].removeprefix('internal://')}"]
        for selection in source.get("PlainTextSelection", []):
            assert (selection["@startPosition"], selection["@endPosition"]) == (0, len(text))


def test_the_same_model_exports_the_same_bytes(model_dir: Path, tmp_path: Path) -> None:
    first = export_qda(model_dir, tmp_path / "a.qdpx").read_bytes()
    second = export_qda(model_dir, tmp_path / "b.qdpx").read_bytes()
    assert first == second
    assert export_qda(model_dir, tmp_path / "a.qdc").read_bytes() == \
        export_qda(model_dir, tmp_path / "b.qdc").read_bytes()


def test_exported_codebook_reads_back_as_the_same_codes(model_dir: Path, tmp_path: Path) -> None:
    path = export_qda(model_dir, tmp_path / "book.qdc")
    codes = read_qdc(path)
    assert [c.name for c in codes] == ["Parking costs", "Kind staff"]
    assert codes[0].description == "2 comments (40.0% of substantive). Keywords: parking, cost."
    assert len(codes[0].examples) == 1 and EMAIL not in codes[0].examples[0]
    assert read_qdc(export_qda(model_dir, tmp_path / "p.qdpx")) == codes  # a project's codebook


def test_a_codebook_with_parents_and_odd_text_round_trips(tmp_path: Path, schemas) -> None:
    codes = (Code("Access", "Getting an appointment", (), ""),
             Code("Phone lines", "Can't get through <8am> & \"engaged\"",
                  ("Rang 40 times", "Engaged all morning"), "Access"),
             Code("=cost", "", (), "Access"),
             Code("Examples:", "", ("only examples",), ""))  # tree order, as read back
    data = qdc_bytes(codes)
    schemas[1].validate(data.decode("utf-8"))
    (tmp_path / "c.qdc").write_bytes(data)
    assert read_qdc(tmp_path / "c.qdc") == codes


@pytest.mark.parametrize(("content", "message"), [
    (b"not xml at all", "not a readable REFI-QDA codebook"),
    (b"<a/>", "not a REFI-QDA codebook"),
    (b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', "has no codes"),
])
def test_a_bad_codebook_is_one_clear_error(tmp_path: Path, content: bytes,
                                           message: str) -> None:
    (tmp_path / "bad.qdc").write_bytes(content)
    with pytest.raises(ThemesiftError, match=message):
        read_qdc(tmp_path / "bad.qdc")


def test_codes_must_name_existing_parents_once() -> None:
    with pytest.raises(ThemesiftError, match="not a code"):
        qdc_bytes((Code("a", parent="missing"),))
    with pytest.raises(ThemesiftError, match="twice"):
        qdc_bytes((Code("a"), Code("a")))


def test_cli_exports_and_refuses_other_suffixes(model_dir: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "themesift", "export-qda", *args],
                              capture_output=True, text=True, timeout=120)

    done = run(str(model_dir), "--out", str(tmp_path / "m.qdpx"))
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(tmp_path / "m.qdpx")
    bad = run(str(model_dir), "--out", str(tmp_path / "m.nvp"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert ".qdpx" in bad.stderr and not (tmp_path / "m.nvp").exists()
    missing = run(str(tmp_path / "nope"), "--out", str(tmp_path / "x.qdc"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
