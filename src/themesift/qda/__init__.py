"""REFI-QDA exchange: codebooks (``.qdc``) in and out, projects (``.qdpx``) out."""

from themesift.qda.codebook import qdc_bytes, read_qdc
from themesift.qda.project import QdaProject, Source, qdpx_bytes, write_bytes

__all__ = ["QdaProject", "Source", "qdc_bytes", "qdpx_bytes", "read_qdc",
           "write_bytes"]
