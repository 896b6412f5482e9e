"""Read one data file safely: size, bytes, encoding, emptiness and TOML syntax, all as problems.

Nothing here raises for a bad file; every failure becomes a located :class:`Problem`.
"""

from __future__ import annotations

import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import _
from game.loading.locate import Loc, SourceMap
from game.loading.problems import Problem, Severity
from game.loading.syntax import clean_raw, explain
from game.loading.tomlscan import MAX_KEY_PARTS

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

MAX_BYTES = 5 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = re.compile(r"\s*\(at end of document\)\s*$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
# A key of more than MAX_KEY_PARTS dotted parts at the start of a statement, a header or an inline-table entry.
_LONG_KEY = re.compile(r"(?:^|[{,])[ \t]*\[{0,2}[ \t]*((?:" + _KEY_PART + r"[ \t]*\.[ \t]*){" + str(MAX_KEY_PARTS) + "})",
                       re.MULTILINE)
_BLANK = " \t\r\n"
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


def syntax_problem(exc: Exception, text: str, display: str) -> Problem:
    """A located, plain-words problem for a TOML syntax error (tomllib puts "(at line L, column C)" in it)."""
    full = str(exc)
    raw = _END.sub("", _AT.sub("", str(getattr(exc, "msg", "") or full)))
    match = _AT.search(full)
    offset = len(text)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        offset = starts[min(line, len(starts)) - 1] + column - 1
    found = explain(text, raw, offset)
    line = text.count("\n", 0, found.offset) + 1
    column = found.offset - (text.rfind("\n", 0, found.offset) + 1) + 1
    return Problem(path=display, line=line, column=column, severity=Severity.error, code=found.kind,
                   message=_("TOML syntax error: {message} (the TOML reader says: {clean_raw})").format(
                               message=found.message, clean_raw=clean_raw(raw)))


def _check_path(path: Path) -> str:
    """Why ``path`` cannot be read as a data file (a broken or looping link, not a plain file…), or ``""``."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except FileNotFoundError:
            return _("this is a link to {readlink}, which does not exist: fix or remove the link").format(
                       readlink=os.readlink(path))
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop, later versions OSError
            return _("this is a link that leads back to itself (a loop of links): fix or remove the link")
    if not path.exists():
        return _("no such file or folder")
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        what = _("a folder") if stat.S_ISDIR(mode) else _("a device or pipe, not a file") if not stat.S_ISLNK(mode) else _("a link")
        return _("this is {what}: a data file must be a plain .toml text file").format(what=what)
    return ""


def _read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    def fail(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path=display, line=1, column=1, message=message)]

    try:
        reason = _check_path(path)
        if reason:
            return fail(reason)
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail(_("the file is {value:.1f} MB; a data file may be at most {value2} MB (is this the right file?)").format(
                            value=math.ceil(size / 1024 / 1024 * 10) / 10, value2=MAX_BYTES // 1024 // 1024))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return fail(_("cannot read the file: {value}").format(value=exc.strerror or exc))
    if len(data) > MAX_BYTES:
        return fail(_("the file is larger than {value} MB, the most a data file may be").format(
                        value=MAX_BYTES // 1024 // 1024))
    return data, []


def _utf16(data: bytes) -> bool:
    """True when the bytes look like UTF-16 text: a UTF-16 byte order mark, or a NUL in every other byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:400]
    return len(sample) >= 4 and (sample[0::2].count(0) >= len(sample) // 2 - 1 or sample[1::2].count(0) >= len(sample) // 2 - 1)


def _decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    problems: list[Problem] = []
    if _utf16(data):
        return None, [Problem(path=display, line=1, column=1, code="encoding-utf16", message=(
            _("the file is saved as UTF-16; save it as UTF-8 (in most editors: Save with Encoding, UTF-8)")))]
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        return None, [Problem(path=display, line=line, column=column, code="nul-character", message=(
            _("the file contains a NUL character (U+0000) here, which text files do not have: delete it; if the "
            "file is not a text file at all, choose the right file")))]
    body = data
    if data.startswith(_BOM):
        body = data[len(_BOM):]
        problems.append(Problem(path=display, line=1, column=1, severity=Severity.warning, message=(
            _("the file starts with a UTF-8 byte order mark (BOM); it was ignored, "
            "but some tools do not accept it: save the file as UTF-8 without BOM"))))
    try:
        return body.decode("utf-8"), problems
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line, column = _position(data, offset)
        byte = data[offset:offset + 1].hex().upper()
        problems.append(Problem(path=display, line=line, column=column, code="encoding-not-utf8", message=(
            _("byte 0x{byte} at line {line}, column {column} is not valid UTF-8: the file must be saved as "
               "UTF-8 (it was probably saved as Latin-1 or Windows-1252)").format(byte=byte, line=line, column=column))))
        return None, problems


def _long_key(text: str) -> int:
    """Offset of a key with more than ``MAX_KEY_PARTS`` dotted parts, or -1 (only lines with that many dots are searched)."""
    offset = 0
    for line in text.split("\n"):
        if line.count(".") >= MAX_KEY_PARTS:
            found = _LONG_KEY.search(line)
            if found is not None:
                return offset + found.start(1)
        offset += len(line) + 1
    return -1


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
    if not text.strip(_BLANK):
        severity = Severity.error if section_file else Severity.warning
        hint = _(": it should hold the [{stem}.<id>] tables").format(stem=path.stem) if section_file else ""
        problems.append(Problem(path=display, line=1, column=1, severity=severity,
                                message=_("the file is empty{hint}").format(hint=hint)))
        return ReadResult(source, None if section_file else {}, problems)
    long_key = _long_key(text)
    if long_key >= 0:
        start = long_key
        line = text.count("\n", 0, start) + 1
        problems.append(Problem(path=display, line=line, column=start - (text.rfind("\n", 0, start) + 1) + 1, code="key-too-long", message=(
            _("this key has more than {MAX_KEY_PARTS} dotted parts (a.b.c...); that many cannot be read in "
               "reasonable time and no data file needs them: shorten it (the file may be damaged)").format(
                MAX_KEY_PARTS=MAX_KEY_PARTS))))
        return ReadResult(source, None, problems)
    try:
        document = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, RecursionError):
            problems.append(Problem(path=display, line=1, column=1, message=_("the file is nested too deeply to read")))
        else:
            problems.append(syntax_problem(exc, text, display))
        return ReadResult(source, None, problems)
    return ReadResult(source, document, problems)
