"""Find where a field is written in TOML source text, so that a problem can name line and column.

A field path is a tuple of keys and list indices, e.g. ``("scenarios", "default", "tutorial", 2,
"text")``, written ``scenarios.default.tutorial[2].text``. :class:`SourceMap` scans the text once
(see ``game.loading.tomlscan``); a path that is not written in the file (a missing key) is located
at its nearest written ancestor.
"""

from __future__ import annotations

import bisect
import contextlib
import re

from game.loading.tomlscan import BARE_KEY_CHARS, Loc, Scanner

_SEGMENT = re.compile(r'\.?(?:"((?:[^"\\]|\\.)*)"|([^.\[\]"]+))|\[(\d+)\]')

__all__ = ["Loc", "SourceMap", "format_dotted", "parse_dotted"]


def format_dotted(loc: Loc) -> str:
    """``("a", "b c", 2, "d")`` -> ``a."b c"[2].d``: bare keys joined by dots, indices in brackets."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = part if part and all(ch in BARE_KEY_CHARS for ch in part) else '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'
        out += f".{key}" if out else key
    return out


def parse_dotted(field: str) -> Loc:
    """The inverse of :func:`format_dotted` (best effort on malformed input)."""
    parts: list[str | int] = []
    for match in _SEGMENT.finditer(field):
        quoted, bare, index = match.groups()
        if index is not None:
            parts.append(int(index))
        elif quoted is not None:
            parts.append(re.sub(r"\\(.)", r"\1", quoted))
        elif bare is not None:
            parts.append(bare)
    return tuple(parts)


class SourceMap:
    """Where each field path is written in one TOML text (1-based line and column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        scanner = Scanner(text)
        with contextlib.suppress(RecursionError):  # deeply nested arrays: keep what was recorded before them
            scanner.scan()
        self._positions = scanner.positions
        self._duplicates = scanner.duplicates

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of a character offset, both 1-based."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def find(self, loc: Loc | str) -> tuple[int, int] | None:
        """Where exactly ``loc`` is written, or None when it is not in the text."""
        path = parse_dotted(loc) if isinstance(loc, str) else tuple(loc)
        offset = self._positions.get(path)
        return None if offset is None else self.position(offset)

    def locate(self, loc: Loc | str) -> tuple[int, int]:
        """Where ``loc`` or its nearest written ancestor is; ``(1, 1)`` when none is written."""
        path = parse_dotted(loc) if isinstance(loc, str) else tuple(loc)
        for size in range(len(path), 0, -1):
            found = self.find(path[:size])
            if found is not None:
                return found
        return (1, 1)

    def duplicates(self) -> list[tuple[Loc, tuple[int, int], tuple[int, int]]]:
        """Keys and tables written twice: ``(path, first (line, col), second (line, col))``."""
        return [(loc, self.position(a), self.position(b)) for loc, a, b in self._duplicates]
