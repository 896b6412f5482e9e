"""Read one data file safely: size, bytes, encoding, emptiness and TOML syntax, all as problems.

Nothing here raises for a bad file; every failure becomes a located :class:`Problem`.
"""

from __future__ import annotations

import ast
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.loading.locate import Loc, SourceMap
from game.loading.problems import Problem, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

MAX_BYTES = 5 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = re.compile(r"\s*\(at end of document\)\s*$")
_SYNTAX_HINTS: dict[str, str] = {
    "Invalid value": 'invalid value: text must be in quotes ("like this"), numbers plain (1.5), '
                     "true/false in lower case, lists in [ ]",
    "Invalid statement": "invalid line: expected key = value, a [table] header or a # comment",
    "Expected '=' after a key in a key/value pair": "expected '=' after the key (write key = value)",
    "Invalid initial character for a key part": "invalid key: use letters, digits, _ and -, or put the key in quotes",
    "Unterminated string": "text in quotes is not closed: add the closing quote",
    "Unclosed array": "a list [ ... ] is not closed: add ']' and separate the items with commas",
    "Unclosed inline table": "an inline table { ... } is not closed: add '}' and keep it on one line",
    "Expected newline or end of document after a statement":
        "unexpected text after the value: write one key = value per line (comments start with #)",
    "Expected ']' at the end of a table declaration": "the table header is not closed: add ']'",
    "Expected ']]' at the end of an array declaration": "the [[table]] header is not closed: add ']]'",
    "Cannot mutate immutable namespace":
        "a table written inline ({ ... }) or with dotted keys cannot be extended by a later [header]",
}


@dataclass
class SourceFile:
    """A data file that could be read as text, with a lazily built map of field positions."""

    path: Path
    display: str
    data: bytes
    text: str
    _map: SourceMap | None = field(default=None, repr=False, compare=False)

    @property
    def source_map(self) -> SourceMap:
        """Where each field is written (built on first use: only problems need it)."""
        if self._map is None:
            self._map = SourceMap(self.text)
        return self._map

    def locate(self, loc: Loc) -> tuple[int, int]:
        """``(line, column)`` of a field path, or of its nearest written ancestor."""
        return self.source_map.locate(loc)


@dataclass
class ReadResult:
    """What reading one file gave: the source (when it is text) and its parsed TOML document."""

    source: SourceFile | None
    document: dict[str, Any] | None
    problems: list[Problem]


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of a byte offset, the column counted in characters."""
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _end_position(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _duplicate_message(text: str, line: int, raw: str) -> tuple[int, int, str]:
    duplicates = SourceMap(text).duplicates()
    chosen = next((d for d in duplicates if d[2][0] == line), duplicates[0] if duplicates else None)
    if chosen is None:
        if raw.startswith("Cannot declare"):
            match = re.search(r"\((.*)\) twice", raw)
            try:
                keys = ast.literal_eval(f"({match.group(1)})") if match else ()
            except (ValueError, SyntaxError):
                keys = ()
            name = ".".join(str(k) for k in keys) if isinstance(keys, tuple) else "?"
            return line, 0, f"the table [{name}] is declared twice (or a key and a table share its name)"
        return line, 0, "a key is given a value twice (or a key and a table share a name); keep one"
    loc, first, second = chosen
    name = ".".join(str(part) for part in loc)
    row = text.split("\n")[second[0] - 1] if second[0] - 1 < len(text.split("\n")) else ""
    if row[second[1] - 1:second[1]] == "[":
        return second[0], second[1], f"the table [{name}] is declared twice (first on line {first[0]}); merge them into one"
    return second[0], second[1], f"the key '{loc[-1]}' is given twice in the same table (first on line {first[0]}); keep one"


def syntax_problem(exc: Exception, text: str, display: str) -> Problem:
    """A located problem for a TOML syntax error (tomllib puts "(at line L, column C)" in it)."""
    raw = str(getattr(exc, "msg", "") or exc)
    raw = _END.sub("", _AT.sub("", raw))
    line = int(getattr(exc, "lineno", 0) or 0)
    column = int(getattr(exc, "colno", 0) or 0)
    match = _AT.search(str(exc))
    if match:
        line, column = int(match.group(1)), int(match.group(2))
    elif _END.search(str(exc)):
        line, column = _end_position(text)
    if raw.startswith(("Cannot overwrite a value", "Cannot declare")):
        line, new_column, message = _duplicate_message(text, line, raw)
        column = new_column or column
    else:
        message = next((hint for prefix, hint in _SYNTAX_HINTS.items() if raw.startswith(prefix)), "")
        message = message or (raw[:1].lower() + raw[1:])
    return Problem(path=display, line=line, column=column, severity=Severity.error,
                   message=f"TOML syntax error: {message}")


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path=display, message=message)]

    try:
        if not path.exists():
            return fail("no such file or folder")
        if not path.is_file():
            return fail("not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail(f"the file is {math.ceil(size / 1024 / 1024 * 10) / 10:.1f} MB; a data file may be at most "
                        f"{MAX_BYTES // 1024 // 1024} MB (is this the right file?)")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return fail(f"cannot read the file: {exc.strerror or exc}")
    if len(data) > MAX_BYTES:
        return fail(f"the file is larger than {MAX_BYTES // 1024 // 1024} MB, the most a data file may be")
    return data, []


def _decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    problems: list[Problem] = []
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        return None, [Problem(path=display, line=line, column=column, message=(
            "the file contains NUL bytes: it looks like a binary file, not TOML text"))]
    body = data
    if data.startswith(_BOM):
        body = data[len(_BOM):]
        problems.append(Problem(path=display, line=1, column=1, severity=Severity.warning, message=(
            "the file starts with a UTF-8 byte order mark (BOM); it was ignored, "
            "but some tools do not accept it: save the file as UTF-8 without BOM")))
    try:
        return body.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line, column = _position(data, offset)
        byte = data[offset:offset + 1].hex().upper()
        problems.append(Problem(path=display, line=line, column=column, message=(
            f"byte 0x{byte} at line {line}, column {column} is not valid UTF-8: the file must be "
            "saved as UTF-8 (it was probably saved as Latin-1 or Windows-1252)")))
        return None, problems


def read_toml(path: Path, display: str, section_file: bool) -> ReadResult:
    """Read and parse one file; ``section_file`` (countries.toml…) makes an empty file an error."""
    data, problems = _read_bytes(path, display)
    if data is None:
        return ReadResult(None, None, problems)
    return parse_toml(path, display, data, section_file, problems)


def parse_toml(path: Path, display: str, data: bytes, section_file: bool,
               problems: list[Problem] | None = None) -> ReadResult:
    """Decode and parse one file's bytes (read from ``path``, or received from a class host)."""
    problems = [] if problems is None else problems
    text, decode_problems = _decode(data, display)
    problems += decode_problems
    if text is None:
        return ReadResult(None, None, problems)
    source = SourceFile(path=path, display=display, data=data, text=text)
    if not text.strip():
        severity = Severity.error if section_file else Severity.warning
        hint = f": it should hold the [{path.stem}.<id>] tables" if section_file else ""
        problems.append(Problem(path=display, line=1, column=1, severity=severity,
                                message=f"the file is empty{hint}"))
        return ReadResult(source, None if section_file else {}, problems)
    try:
        document = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            problems.append(Problem(path=display, line=1, column=1, message="the file is nested too deeply to read"))
        else:
            problems.append(syntax_problem(exc, text, display))
        return ReadResult(source, None, problems)
    return ReadResult(source, document, problems)
