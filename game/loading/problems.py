"""Problems found in data files: one located, readable message each, and a few text helpers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import Enum

from pydantic import BaseModel, ConfigDict

from game.i18n import N_, Wording, _


class Severity(str, Enum):
    """How bad a problem is: an error stops the game from loading, a warning does not."""

    error = "error"
    warning = "warning"


SEVERITY_WORDS = Wording({"error": N_("error"), "warning": N_("warning")})


class Problem(BaseModel):
    """One problem in the data, located by file, line, column and dotted field path."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int = 1
    column: int = 1
    severity: Severity = Severity.error
    field: str = ""
    message: str
    code: str = ""  # a short stable name of the kind of problem (``string-not-closed``…), for tests and tools

    def format(self) -> str:
        """``PATH:LINE:COL: error: dotted.field: message`` (the field part is left out when empty)."""
        where = f"{one_line(self.path)}:{self.line}:{self.column}: {SEVERITY_WORDS[self.severity.value]}: "
        if self.field:
            return f"{where}{one_line(self.field)}: {one_line(self.message)}"
        return f"{where}{one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        """True for an error, false for a warning."""
        return self.severity is Severity.error


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped (``\\n``), so a problem stays on one line."""
    if text.isprintable():
        return text
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(named.get(ch, f"\\x{ord(ch):02x}") if not ch.isprintable() and ch != " " else ch for ch in text)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line and column (stable otherwise)."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.column))


def close_match(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to ``word``, compared without case, or None when none is close."""
    by_lower: dict[str, str] = {}
    for candidate in candidates:
        by_lower.setdefault(candidate.lower(), candidate)
    if not by_lower:
        return None
    matches = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=cutoff)
    return by_lower[matches[0]] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` when a candidate is close to ``word``, else an empty string."""
    match = close_match(word, candidates)
    return _("; did you mean '{match}'?").format(match=match) if match is not None and match != word else ""


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``; nouns ending in y take ``ies`` (``1 country``, ``2 countries``)."""
    if count == 1:
        return f"{count} {noun}"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{count} {noun[:-1]}ies"
    return f"{count} {noun}s"


def fmt_number(value: object) -> str:
    """A number as an instructor would write it: ``1`` not ``1.0``, ``0.25`` as is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
