"""Tagging new exports with a saved model: chunked, resumable, or on a Dask cluster."""

from themesift.tagging.chunk import ChunkTagger, SurveyTagger, TaggedChunk, row_key, text_hash
from themesift.tagging.dask_engine import run_dask
from themesift.tagging.stream import OUTPUTS, StreamResult, TagJob, run
from themesift.tagging.timing import STAGES, StageTimes
from themesift.tagging.write import XLSX_CELL_LIMIT, write_table

__all__ = ["OUTPUTS", "STAGES", "XLSX_CELL_LIMIT", "ChunkTagger", "StageTimes", "StreamResult",
           "SurveyTagger", "TagJob", "TaggedChunk", "row_key", "run", "run_dask", "text_hash",
           "write_table"]
