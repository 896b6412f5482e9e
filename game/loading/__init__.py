"""Loading and validation of the TOML data: files -> checked ``ContentBundle`` + located problems.

Imports only ``game.content``, pydantic and the standard library (no pygame), so the validator
runs anywhere. Entry point: :func:`load_content`.
"""

from game.loading.loader import LoadResult, discover, fingerprint, load_content, load_files
from game.loading.locate import SourceMap, format_dotted, parse_dotted
from game.loading.problems import Problem, Severity
from game.loading.reading import MAX_BYTES, SourceFile
from game.loading.references import check_references
from game.loading.schemas import json_schemas, write_schemas

__all__ = [
    "MAX_BYTES",
    "LoadResult",
    "Problem",
    "Severity",
    "SourceFile",
    "SourceMap",
    "check_references",
    "discover",
    "fingerprint",
    "format_dotted",
    "json_schemas",
    "load_content",
    "load_files",
    "parse_dotted",
    "write_schemas",
]
