"""A small TOML scanner that records where every table, key and array item is written.

It walks the text once and records the character offset of every table header (``[a.b]``,
``[[a.b]]``), every key (bare, quoted and dotted), every key inside inline tables and every item
of arrays (on one line or several), under its field path such as ``("asks", "x", "levels", 1)``.
It is best effort: on text it cannot follow it skips to the next line and never raises. It also
notes keys and tables written twice and every definition in order (:class:`Definition`), to explain
tomllib's "Cannot overwrite a value". A key of more than ``MAX_KEY_PARTS`` dotted parts is not
followed (the work per key would grow with the square of its length).
"""

from __future__ import annotations

from typing import NamedTuple

from game.i18n import _

Loc = tuple[str | int, ...]
MAX_KEY_PARTS = 100

BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "b": "\b", "f": "\f", "r": "\r", "e": "\x1b"}


class Definition(NamedTuple):
    """One thing a statement defines: its key path (without array indices), kind and offset.

    ``kind`` is ``table`` or ``aot`` for a ``[header]`` / ``[[header]]``, ``super`` for a table
    a header passes through, ``value`` for a key given a value and ``dotted`` for a table a dotted
    key passes through; ``value_kind`` says what the value is (``inline``, ``array`` or ``scalar``).
    """

    path: tuple[str, ...]
    kind: str
    offset: int
    value_kind: str = ""
    end: int = -1


def _keys(loc: Loc) -> tuple[str, ...]:
    return tuple(part for part in loc if isinstance(part, str))


class _ScanError(ValueError):
    """The text is not TOML the scanner can follow here."""


class Scanner:
    """One pass over the text, recording the offset of every path written in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.i = 0
        self.positions: dict[Loc, int] = {}
        self._explicit: set[Loc] = set()
        self._values: dict[Loc, int] = {}
        self._tables: dict[Loc, int] = {}
        self._aot: dict[Loc, int] = {}
        self.duplicates: list[tuple[Loc, int, int]] = []
        self.definitions: list[Definition] = []

    # -- characters ------------------------------------------------------------------------
    def _peek(self, ahead: int = 0) -> str:
        j = self.i + ahead
        return self.text[j] if j < self.n else ""

    def _ws(self) -> None:
        while self.i < self.n and self.text[self.i] in " \t":
            self.i += 1

    def _ws_nl(self) -> None:
        while self.i < self.n:
            ch = self.text[self.i]
            if ch in " \t\r\n":
                self.i += 1
            elif ch == "#":
                self._skip_line()
            else:
                return

    def _skip_line(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = self.n if end < 0 else end + 1

    def _expect(self, token: str) -> None:
        self._ws()
        if not self.text.startswith(token, self.i):
            raise _ScanError(token)
        self.i += len(token)

    # -- strings and keys --------------------------------------------------------------------
    def _basic_string(self) -> str:
        self.i += 1
        out: list[str] = []
        while self.i < self.n:
            ch = self.text[self.i]
            if ch == '"':
                self.i += 1
                return "".join(out)
            if ch == "\n":
                break
            if ch == "\\":
                esc = self._peek(1)
                if esc in ("u", "U"):
                    width = 4 if esc == "u" else 8
                    digits = self.text[self.i + 2:self.i + 2 + width]
                    try:
                        out.append(chr(int(digits, 16)))
                    except (ValueError, OverflowError):  # not hex, or past U+10FFFF
                        out.append(digits)
                    self.i += 2 + width
                    continue
                out.append(_ESCAPES.get(esc, esc))
                self.i += 2
                continue
            out.append(ch)
            self.i += 1
        raise _ScanError(_("unterminated string"))

    def _literal_string(self) -> str:
        end = self.text.find("'", self.i + 1)
        newline = self.text.find("\n", self.i + 1)
        if end < 0 or (0 <= newline < end):
            raise _ScanError(_("unterminated string"))
        value = self.text[self.i + 1:end]
        self.i = end + 1
        return value

    def _multiline_string(self, quote: str) -> None:
        self.i += 3
        while self.i < self.n:
            if quote == '"' and self.text[self.i] == "\\":
                self.i += 2
                continue
            if self.text.startswith(quote * 3, self.i):
                self.i += 3
                extra = 0
                while extra < 2 and self._peek() == quote:
                    self.i += 1
                    extra += 1
                return
            self.i += 1
        raise _ScanError(_("unterminated multi-line string"))

    def _key(self) -> list[tuple[str, int]]:
        parts: list[tuple[str, int]] = []
        while True:
            self._ws()
            start = self.i
            ch = self._peek()
            if ch == '"':
                key = self._basic_string()
            elif ch == "'":
                key = self._literal_string()
            else:
                end = self.i
                while end < self.n and self.text[end] in BARE_KEY_CHARS:
                    end += 1
                if end == self.i:
                    raise _ScanError(_("key expected"))
                key = self.text[self.i:end]
                self.i = end
            parts.append((key, start))
            if len(parts) > MAX_KEY_PARTS:
                raise _ScanError(_("key too long"))
            self._ws()
            if self._peek() != ".":
                return parts
            self.i += 1

    # -- recording ---------------------------------------------------------------------------
    def _record(self, loc: Loc, offset: int, explicit: bool) -> None:
        if explicit:
            if loc not in self._explicit:
                self._explicit.add(loc)
                self.positions[loc] = offset
        elif loc not in self.positions:
            self.positions[loc] = offset

    def _define(self, base: Loc, parts: list[tuple[str, int]]) -> Loc:
        """Record a ``dotted.key = value`` under ``base``; returns the full path of the value."""
        loc = base
        for number, (key, offset) in enumerate(parts):
            loc = loc + (key,)
            last = number == len(parts) - 1
            self._record(loc, offset, explicit=last)
            self.definitions.append(Definition(_keys(loc), "value" if last else "dotted", offset, self._value_kind() if last else ""))
        if loc in self._values:
            self.duplicates.append((loc, self._values[loc], parts[0][1]))
        else:
            self._values[loc] = parts[0][1]
        return loc

    def _value_kind(self) -> str:
        """What follows the ``=`` after the key being read: an inline table, an array or a scalar."""
        rest = self.text[self.i:self.i + 64].lstrip(" \t")
        after = rest[1:].lstrip(" \t") if rest.startswith("=") else ""
        return {"{": "inline", "[": "array"}.get(after[:1], "scalar")

    def _header_path(self, parts: list[tuple[str, int]]) -> Loc:
        """A header's path, with the current index of every array of tables it goes through."""
        loc: Loc = ()
        for number, (key, offset) in enumerate(parts):
            loc = loc + (key,)
            self._record(loc, offset, explicit=False)
            if number < len(parts) - 1:
                self.definitions.append(Definition(_keys(loc), "super", offset))
            if number < len(parts) - 1 and loc in self._aot:
                loc = loc + (self._aot[loc] - 1,)
        return loc

    # -- values and statements ---------------------------------------------------------------
    def _value(self, loc: Loc) -> None:
        ch = self._peek()
        if self.text.startswith('"""', self.i) or self.text.startswith("'''", self.i):
            self._multiline_string(ch)
        elif ch == '"':
            self._basic_string()
        elif ch == "'":
            self._literal_string()
        elif ch == "[":
            self._array(loc)
        elif ch == "{":
            self._inline_table(loc)
        else:
            end = self.i
            while end < self.n and self.text[end] not in ",]}#\r\n":
                end += 1
            if end == self.i:
                raise _ScanError(_("value expected"))
            self.i = end

    def _array(self, loc: Loc) -> None:
        self.i += 1
        index = 0
        while True:
            self._ws_nl()
            if self._peek() == "]":
                self.i += 1
                return
            if self.i >= self.n:
                raise _ScanError(_("unclosed array"))
            self._record(loc + (index,), self.i, explicit=True)
            self._value(loc + (index,))
            index += 1
            self._ws_nl()
            if self._peek() == ",":
                self.i += 1
            elif self._peek() != "]":
                raise _ScanError(_("',' or ']' expected"))

    def _inline_table(self, loc: Loc) -> None:
        self.i += 1
        while True:
            self._ws_nl()
            if self._peek() == "}":
                self.i += 1
                return
            parts = self._key()
            full = self._define(loc, parts)
            self._expect("=")
            self._ws()
            self._valued(full)
            self._ws_nl()
            if self._peek() == ",":
                self.i += 1
            elif self._peek() != "}":
                raise _ScanError(_("',' or '}' expected"))

    def _statement(self, current: Loc) -> Loc:
        start = self.i
        if self.text.startswith("[[", self.i):
            self.i += 2
            path = self._header_path(self._key())
            self._expect("]]")
            index = self._aot.get(path, 0)
            self._aot[path] = index + 1
            self._record(path + (index,), start, explicit=True)
            self.definitions.append(Definition(_keys(path), "aot", start))
            return path + (index,)
        if self._peek() == "[":
            self.i += 1
            path = self._header_path(self._key())
            self._expect("]")
            self._record(path, start, explicit=True)
            self.definitions.append(Definition(_keys(path), "table", start))
            if path in self._tables:
                self.duplicates.append((path, self._tables[path], start))
            else:
                self._tables[path] = start
            return path
        full = self._define(current, self._key())
        self._expect("=")
        self._ws()
        self._valued(full)
        return current

    def _valued(self, loc: Loc) -> None:
        """Read the value of the key just defined and note where that value ends."""
        index = len(self.definitions) - 1
        self._value(loc)
        self.definitions[index] = self.definitions[index]._replace(end=self.i)

    def scan(self) -> None:
        current: Loc = ()
        while True:
            self._ws_nl()
            if self.i >= self.n:
                return
            line_start = self.i
            try:
                current = self._statement(current)
            except (_ScanError, IndexError, RecursionError):
                self.i = max(self.i, line_start)
            self._skip_line()
