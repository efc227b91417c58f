"""Reading exports: CSV/TSV/XLSX/Parquet/JSONL into a Corpus, encodings sniffed, columns chosen."""

from themesift.ingest.codebook import (
    MAX_CODES,
    codes_from_frame,
    codes_from_lines,
    read_codebook,
)
from themesift.ingest.columns import choose_text_column, guess_text_column
from themesift.ingest.read import (
    MAX_BYTES,
    SUPPORTED,
    cell_text,
    check_group_names,
    corpus_from_frame,
    iter_chunks,
    iter_question_chunks,
    load_corpus,
    peek_table,
    read_table,
)
from themesift.ingest.sniff import csv_options
from themesift.ingest.survey import (
    find_id_column,
    free_text_columns,
    profile_column,
    split_header_rows,
    survey_from_frame,
)

__all__ = ["MAX_BYTES", "MAX_CODES", "SUPPORTED", "cell_text", "check_group_names",
           "choose_text_column", "codes_from_frame", "codes_from_lines", "corpus_from_frame",
           "csv_options", "find_id_column", "free_text_columns", "guess_text_column",
           "iter_chunks", "iter_question_chunks", "load_corpus", "peek_table", "profile_column",
           "read_codebook", "read_table", "split_header_rows", "survey_from_frame"]
