from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from themesift.errors import ThemesiftError
from themesift.ingest.columns import guess_text_column
from themesift.ingest.read import SUPPORTED, corpus_from_frame, iter_chunks, load_corpus, read_table
from themesift.tagging.write import write_table
from themesift.types import Corpus


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sample_frame(n: int = 23) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "resp_id": [f"R{i:03d}" for i in range(n)],
            "comment": [f"comment number {i}, with a comma and é" for i in range(n)],
            "team": [["Sales", "HR", None][i % 3] for i in range(n)],
        }
    )


def same(a: Corpus, b: Corpus) -> bool:
    return dataclasses.asdict(a) == dataclasses.asdict(b)


# -------------------------------------------------------------- text files


def test_utf8_csv(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "data.csv", "id,comment\n1,naïve “quote”\n2,\n".encode())
    df = read_table(path)
    assert list(df.columns) == ["id", "comment"]
    assert df["comment"][0] == "naïve “quote”"
    assert pd.isna(df["comment"][1])
    assert all(df[c].dtype == object for c in df.columns)


def test_utf8_bom_header_is_clean(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "bom.csv", b"\xef\xbb\xbfid,comment\n1,hello\n")
    df = read_table(path)
    assert list(df.columns) == ["id", "comment"]


def test_cp1252_csv(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = b"id,comment\n1,\x93quoted\x94 text\n2,the caf\xe9 was nice\n"
    path = write_bytes(tmp_path, "win.csv", data)
    with caplog.at_level(logging.INFO, logger="themesift.ingest.sniff"):
        df = read_table(path)
    assert df["comment"].tolist() == ["\u201cquoted\u201d text", "the café was nice"]
    assert "cp1252" in caplog.text


def test_cyrillic_cp1251_csv(tmp_path: Path) -> None:
    text = 'id,comment\n1,"Очень хороший сервис, спасибо"\n2,Цены слишком высокие\n'
    df = read_table(write_bytes(tmp_path, "ru.csv", text.encode("cp1251")))
    assert df["comment"][1] == "Цены слишком высокие"


def test_semicolon_csv_with_commas_in_text(tmp_path: Path) -> None:
    data = "id;comment;score\n1;good, but slow;4\n2;fine;5\n3;bad, bad, bad;1\n"
    df = read_table(write_bytes(tmp_path, "semi.csv", data.encode()))
    assert list(df.columns) == ["id", "comment", "score"]
    assert df["comment"].tolist() == ["good, but slow", "fine", "bad, bad, bad"]


def test_tsv_and_one_column_txt(tmp_path: Path) -> None:
    tsv = read_table(write_bytes(tmp_path, "a.tsv", b"id\tcomment\n1\thi, there\n"))
    assert tsv["comment"].tolist() == ["hi, there"]
    txt = read_table(write_bytes(tmp_path, "a.txt", b"comment\nhi, there; you\nplain\n"))
    assert list(txt.columns) == ["comment"]
    assert txt["comment"].tolist() == ["hi, there; you", "plain"]


def test_na_strings_are_answers_not_missing(tmp_path: Path) -> None:
    df = read_table(write_bytes(tmp_path, "na.csv", b"id,comment\n1,N/A\n2,none\n3,\n"))
    assert df["comment"].tolist()[:2] == ["N/A", "none"]
    assert pd.isna(df["comment"][2])


# ------------------------------------------------------------ other formats


def test_xlsx_formula_without_cached_value_is_empty(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["id", "comment", "total"])
    ws.append([1, "good service", "=SUM(1,2)"])
    ws.append([2, "slow", 7])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    df = read_table(path)
    assert df["id"].tolist() == ["1", "2"]
    assert pd.isna(df["total"][0])
    assert df["total"][1] == "7"
    assert not any(str(v).startswith("=") for v in df.to_numpy().ravel())


@pytest.mark.parametrize("ext", [".parquet", ".jsonl", ".xlsx", ".csv"])
def test_write_then_read_round_trip(tmp_path: Path, ext: str) -> None:
    df = sample_frame(5)
    path = tmp_path / f"out{ext}"
    write_table(df, path)
    back = read_table(path)
    assert list(back.columns) == list(df.columns)
    assert back["comment"].tolist() == df["comment"].tolist()
    assert back["team"].fillna("").tolist() == df["team"].fillna("").tolist()


def test_xlsx_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "eq.xlsx"
    write_table(pd.DataFrame({"comment": ["=) great", "ok\x0b"]}), path)
    assert read_table(path)["comment"].tolist() == ["=) great", "ok"]


def test_parquet_int_ids_with_nulls_have_no_decimal(tmp_path: Path) -> None:
    path = tmp_path / "ids.parquet"
    pd.DataFrame({"n": pd.array([12, None], dtype="Int64"), "t": ["a", "b"]}).to_parquet(path)
    assert read_table(path)["n"].tolist()[0] == "12"


def test_json_records(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "d.json", b'[{"id": 7, "comment": "hi"}, {"id": 8}]')
    corpus, _ = load_corpus(path, text_col="comment", id_col="id")
    assert corpus.ids == ("7", "8")
    assert corpus.texts == ("hi", "")


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "empty.csv is empty"),
        ("header.csv", b"id,comment\n", "header.csv has no rows"),
        ("empty.jsonl", b"\n\n", "empty.jsonl has no rows"),
        ("notes.docx", b"x", "unsupported file type '.docx'"),
        ("bad.xlsx", bytes(range(256)) * 4, "cannot read bad.xlsx: not a valid Excel file"),
        ("bad.parquet", b"not parquet at all", "not a valid Parquet file"),
        ("bad.jsonl", b'{"a": 1}\n{oops\n', "line 2 is not a JSON object"),
        ("extra.csv", b"id,comment\n1,a, b\n2,c\n", "more fields than the header"),
        ("bin.csv", b"PK\x03\x04\x00\x00binary", "NUL byte"),
    ],
)
def test_read_errors_are_one_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = write_bytes(tmp_path, name, data)
    with pytest.raises(ThemesiftError, match=message) as info:
        read_table(path)
    assert "\n" not in str(info.value)


def test_unsupported_lists_supported(tmp_path: Path) -> None:
    with pytest.raises(ThemesiftError) as info:
        read_table(write_bytes(tmp_path, "a.doc", b"x"))
    assert all(ext in str(info.value) for ext in SUPPORTED)


def test_not_found_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ThemesiftError, match="file not found: .*missing.csv"):
        read_table(tmp_path / "missing.csv")
    with pytest.raises(ThemesiftError, match="is a directory"):
        read_table(tmp_path)


def test_too_large(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "big.csv", b"id,comment\n" + b"1,hello\n" * 300)
    with pytest.raises(ThemesiftError, match=r"^big.csv is 2.4 KB; the limit is 1.0 KB$"):
        read_table(path, max_bytes=1024)
    with pytest.raises(ThemesiftError, match="limit"):
        load_corpus(path, max_bytes=1024)


def test_ragged_csv_is_a_clean_error(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "rag.csv", b"a,b\n1,2\n1,2,3,4\n")
    with pytest.raises(ThemesiftError, match="cannot read rag.csv: .*Expected 2 fields"):
        read_table(path)


# ------------------------------------------------------------------ corpus


def test_guess_text_column_prefers_comments() -> None:
    df = pd.DataFrame(
        {
            "respondent_id": [f"A-{i}" for i in range(6)],
            "score": ["1", "5", "3", "2", "4", "5"],
            "dept": ["Sales", "HR", "Sales", "Field Ops", "HR", "Sales"],
            "date": ["2024-01-0" + str(i + 1) for i in range(6)],
            "comment": ["too slow", "loved the staff", "n/a", "parking is awful here",
                        "prices went up again", "ok"],
        }
    )  # fmt: skip
    assert guess_text_column(df) == "comment"
    with pytest.raises(ThemesiftError, match="no column looks like free text"):
        guess_text_column(df[["respondent_id", "score", "date"]])


def test_load_corpus_guesses_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "survey.csv"
    write_table(sample_frame(), path)
    corpus, notes = load_corpus(path, group_cols=["team"])
    assert corpus.text_col == "comment" and corpus.source == "survey.csv"
    assert notes == ["no --text-col given; using 'comment' (longest free text)"]
    assert corpus.ids[:2] == ("row-1", "row-2")
    assert corpus.groups["team"][:3] == ("Sales", "HR", "")
    again, _ = load_corpus(path, group_cols=["team"])
    assert same(corpus, again)


def test_missing_column_lists_columns(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "data.csv", b"a,b,c\n1,2,3\n")
    with pytest.raises(
        ThemesiftError, match="^column 'x' not found in data.csv; columns are: a, b, c$"
    ):
        load_corpus(path, text_col="x")
    with pytest.raises(ThemesiftError, match="column 'g' not found"):
        load_corpus(path, text_col="a", group_cols=["g"])


def test_id_column(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "ids.csv", b"id,comment\n 7 ,a\n8,b\n")
    corpus, notes = load_corpus(path, text_col="comment", id_col="id")
    assert corpus.ids == ("7", "8") and corpus.id_col == "id" and notes == []
    dup = write_bytes(tmp_path, "dup.csv", b"id,comment\n7,a\n8,b\n7,c\n")
    with pytest.raises(ThemesiftError, match=r"duplicate id '7' \(rows 1 and 3\)"):
        load_corpus(dup, text_col="comment", id_col="id")
    gap = write_bytes(tmp_path, "gap.csv", b"id,comment\n7,a\n,b\n")
    with pytest.raises(ThemesiftError, match="has no id in row 2"):
        load_corpus(gap, text_col="comment", id_col="id")


def test_corpus_from_frame_handles_any_dtype() -> None:
    df = pd.DataFrame({"id": [3, 4], "text": ["x", None], "year": [2023, 2024]})
    corpus = corpus_from_frame(df, text_col="text", id_col="id", group_cols=["year"])
    assert corpus.ids == ("3", "4") and corpus.texts == ("x", "")
    assert corpus.groups == {"year": ("2023", "2024")} and corpus.source == ""


# ------------------------------------------------------------------ chunks


@pytest.mark.parametrize("ext", [".csv", ".parquet", ".jsonl", ".xlsx"])
@pytest.mark.parametrize("id_col", [None, "resp_id"])
def test_iter_chunks_matches_load_corpus(tmp_path: Path, ext: str, id_col: str | None) -> None:
    path = tmp_path / f"big{ext}"
    if ext == ".parquet":
        sample_frame().to_parquet(path, row_group_size=4)
    else:
        write_table(sample_frame(), path)
    whole, _ = load_corpus(path, text_col="comment", id_col=id_col, group_cols=["team"])
    chunks = list(
        iter_chunks(path, chunksize=5, text_col="comment", id_col=id_col, group_cols=["team"])
    )
    assert [len(c) for c in chunks] == [5, 5, 5, 5, 3]
    joined = Corpus(
        ids=sum((c.ids for c in chunks), ()),
        texts=sum((c.texts for c in chunks), ()),
        groups={"team": sum((c.groups["team"] for c in chunks), ())},
        text_col="comment",
        id_col=id_col,
        source=path.name,
    )
    assert same(joined, whole)


def test_iter_chunks_errors(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "d.csv", b"id,comment\n1,a\n2,b\n1,c\n")
    with pytest.raises(ThemesiftError, match="column 'x' not found in d.csv"):
        next(iter_chunks(path, text_col="x"))
    with pytest.raises(ThemesiftError, match=r"duplicate id '1' \(rows 1 and 3\)"):
        list(iter_chunks(path, chunksize=2, text_col="comment", id_col="id"))
    extra = write_bytes(tmp_path, "x.csv", b"id,comment\n1,a\n2,b\n3,c, d\n")
    with pytest.raises(ThemesiftError, match="cannot read x.csv"):
        list(iter_chunks(extra, chunksize=2, text_col="comment"))
    header_only = write_bytes(tmp_path, "h.csv", b"id,comment\n")
    with pytest.raises(ThemesiftError, match="h.csv has no rows"):
        list(iter_chunks(header_only, text_col="comment"))


# ----------------------------------------------------------------- writing


def test_write_table_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old content\n")
    write_table(pd.DataFrame({"a": ["x", None], "b": ["é", "y"]}), path)
    # text cells quoted (themesift.cells.write_csv): a CR inside one cannot split its row
    assert path.read_text(encoding="utf-8") == '"a","b"\n"x","é"\n"","y"\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_write_table_failure_leaves_target(tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    path.write_bytes(b"old")
    bad = pd.DataFrame({"a": [object()]})  # pyarrow cannot store this
    with pytest.raises(Exception):  # noqa: B017, PT011
        write_table(bad, path)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet"]


def test_write_table_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ThemesiftError, match="cannot write out.docx: unsupported"):
        write_table(pd.DataFrame({"a": [1]}), tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_check_writable_refuses_before_any_work(tmp_path, monkeypatch):
    from themesift.api import check_output
    from themesift.fsutil import check_writable

    (tmp_path / "in.csv").write_text("text\nx\n")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "manifest.json").write_text('{"format": "themesift-model"}')
    (tmp_path / "folder").mkdir()
    (tmp_path / "afile").write_text("")
    check_writable(tmp_path / "new" / "deeper" / "out.csv", inputs=[tmp_path / "in.csv"])
    cases = [
        (tmp_path / "folder", {}, "it is a folder"),
        (tmp_path / "in.csv", {"inputs": [tmp_path / "in.csv"]}, "overwrite the input"),
        (tmp_path / "folder" / "q.md", {"inputs": [tmp_path / "folder"]}, "overwrite the input"),
        (tmp_path, {"inputs": [tmp_path / "in.csv"], "folder": True}, "is inside it"),
        (tmp_path / "afile" / "out.csv", {}, "is a file, not a folder"),
    ]
    for out, kwargs, message in cases:
        with pytest.raises(ThemesiftError, match=message):
            check_writable(out, **kwargs)
    with pytest.raises(ThemesiftError, match="inside the model folder"):
        check_output(tmp_path / "model" / "eval.json")
    monkeypatch.setattr("os.access", lambda *a, **k: False)  # a read-only folder (even as root)
    with pytest.raises(ThemesiftError, match="no permission to write in"):
        check_writable(tmp_path / "new" / "out.csv")


def test_an_empty_first_sheet_says_only_the_first_is_read(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "notes"
    data = wb.create_sheet("comments")
    data.append(["text"])
    data.append(["The parking is far too expensive"])
    wb.save(tmp_path / "two.xlsx")
    with pytest.raises(ThemesiftError, match="only the first sheet is read"):
        read_table(tmp_path / "two.xlsx")


def test_xlsx_output_cuts_an_over_long_cell_visibly(tmp_path, caplog):
    from themesift.tagging.write import XLSX_CELL_LIMIT, write_table

    long = "word " * 9000  # 45,000 characters
    with caplog.at_level(logging.WARNING):
        write_table(pd.DataFrame({"text": [long, "short"]}), tmp_path / "t.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").active["A2"].value
    assert len(cell) == XLSX_CELL_LIMIT and cell.endswith("…")
    assert "cut 1 cell" in caplog.text


def test_blank_lines_before_the_header_are_skipped(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("\n\nid,text\n1,Parking is far too expensive\n2,Lovely staff\n")
    df = read_table(path)
    assert list(df.columns) == ["id", "text"] and df["text"].tolist()[0].startswith("Parking")


def test_ambiguous_inputs_are_refused_with_what_to_do(tmp_path: Path) -> None:
    """The audit's silently accepted inputs: each one clear line."""
    import openpyxl
    import pyarrow as pa
    import pyarrow.parquet as pq

    dup = tmp_path / "dup.csv"
    dup.write_text("text,text\nfirst answer,second answer\n", encoding="utf-8")
    with pytest.raises(ThemesiftError, match="names 'text' more than once; rename"):
        load_corpus(dup, text_col="text")
    unnamed = tmp_path / "unnamed.csv"
    unnamed.write_text("id,\n1,an answer with no header\n", encoding="utf-8")
    with pytest.raises(ThemesiftError, match="has no name in the header row"):
        load_corpus(unnamed, text_col="Unnamed: 1")
    nested = tmp_path / "nested.parquet"
    pq.write_table(pa.table({"text": [["a", "b"], ["c"]], "id": ["1", "2"]}), nested)
    with pytest.raises(ThemesiftError, match="holds lists or records, not text"):
        load_corpus(nested, text_col="text")
    book = tmp_path / "sheets.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"  # type: ignore[union-attr]
    wb.create_sheet("Responses").append(["text"])
    wb["Responses"].append(["an answer"])
    wb.save(book)
    with pytest.raises(ThemesiftError, match="data seems to be on sheet 'Responses'"):
        read_table(book)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"text\nan answer\x00\x00\x00 here\n")
    with pytest.raises(ThemesiftError, match=r"3 NUL byte\(s\).*tr -d"):
        read_table(nul)


def test_an_unwritable_output_names_the_file_asked_for(tmp_path: Path, monkeypatch) -> None:
    from themesift.fsutil import atomic_path

    target = tmp_path / "out.csv"

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(ThemesiftError) as caught, atomic_path(target) as tmp:
        tmp.write_text("x")
    assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
