"""Explain tomllib's "Cannot overwrite a value", "Cannot declare ... twice" and the like in plain words.

A key or table is defined twice, or in two ways that TOML does not allow together (a table made by
dotted keys and again by a ``[header]``, an inline table extended later, a list of tables mixed with a
table). :func:`explain_conflict` finds the statement at the error and the earlier definition it clashes
with (from the scanner's list of definitions) and says which line to change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from game.i18n import _
from game.loading.tomlscan import Definition, Scanner

_FINAL = frozenset({"value", "table", "aot"})
_PREFERENCE = {"table": 0, "aot": 1, "value": 2, "dotted": 3, "super": 4}


class Conflict(NamedTuple):
    """Where the fix goes (a character offset), a stable kind and the message."""

    offset: int
    kind: str
    message: str


def _name(path: tuple[str, ...]) -> str:
    return ".".join(path) if path else _("(the top level)")


def _closed(d: Definition, stmt: Definition) -> bool:
    """True when ``d`` is a value that ``stmt`` tries to reach into from outside it (an inline table or list)."""
    return d.kind == "value" and d.value_kind in ("inline", "array") and not d.offset <= stmt.offset < d.end


def _earlier(definitions: list[Definition], stmt: Definition, index: int) -> Definition | None:
    """The earlier definition that ``stmt`` clashes with: a closed table above it, the same path, a prefix…"""
    before = [d for d in definitions[:index] if d.offset != stmt.offset]
    above = [d for d in before if len(d.path) < len(stmt.path) and stmt.path[:len(d.path)] == d.path]
    closed = [d for d in above if _closed(d, stmt)]
    if closed:
        return max(closed, key=lambda d: len(d.path))
    same = [d for d in before if d.path == stmt.path and not (d.offset <= stmt.offset < d.end)]
    if same:
        return min(same, key=lambda d: (_PREFERENCE[d.kind], d.offset))
    prefixes = [d for d in above if d.kind in ("table", "aot") or (d.kind == "value" and d.value_kind == "scalar")]
    if prefixes:
        return max(prefixes, key=lambda d: len(d.path))
    longer = [d for d in before if len(d.path) > len(stmt.path) and d.path[:len(stmt.path)] == stmt.path]
    return longer[0] if longer else None


def _value_clash(stmt: Definition, first: Definition, line: int) -> tuple[str, str]:
    """A key given a value where ``first`` already defined something."""
    key = stmt.path[-1] if stmt.path else ""
    if first.path == stmt.path and first.kind == "value":
        return "duplicate-key", _("the key '{key}' is given twice in the same table (first on line {line}); keep one").format(
                                    key=key, line=line)
    if first.path == stmt.path and first.kind in ("table", "aot"):
        header = f"[[{_name(first.path)}]]" if first.kind == "aot" else f"[{_name(first.path)}]"
        return "key-is-table", (_("'{key}' is already a table ({header} on line {line}); it cannot also be given a value: rename "
                                   "one of them").format(key=key, header=header, line=line))
    if first.path == stmt.path:
        return "key-is-table", (_("'{name}' already holds keys given on line {line} (with a dotted key or a [table]); it cannot "
                                   "also be given a value: rename one of them").format(name=_name(stmt.path), line=line))
    if first.path == stmt.path or len(first.path) > len(stmt.path):
        return "key-is-table", (_("'{name}' already holds keys ({name2} on line {line}); it cannot also be given a value here: "
                                   "rename one of them").format(
                                    name=_name(stmt.path), name2=_name(first.path), line=line))
    return _extend_clash(stmt, first, line)


def _extend_clash(stmt: Definition, first: Definition, line: int) -> tuple[str, str]:
    """``stmt`` adds keys under ``first.path``, which was closed to that."""
    inner = _name(stmt.path[len(first.path):])
    if first.kind in ("table", "aot"):
        header = f"[[{_name(first.path)}]]" if first.kind == "aot" else f"[{_name(first.path)}]"
        return "dotted-into-header", (_("{header} has its own header on line {line}; write {inner} under that header instead of adding "
                                         "it with a dotted key here").format(header=header, line=line, inner=inner))
    if first.value_kind == "inline":
        return "inline-extended", (_("'{name}' was written as an inline table {{ ... }} on line {line}; an inline table is "
                                      "complete: put {inner} inside its braces instead").format(
                                       name=_name(first.path), line=line, inner=inner))
    if first.value_kind == "array":
        return "array-extended", (_("'{name}' is a list written with [ ... ] on line {line}; nothing can be added to it "
                                     "afterwards: put the items inside the brackets").format(
                                      name=_name(first.path), line=line))
    return "key-is-value", (_("'{name}' is already a value (line {line}), so it cannot hold {inner}: rename one of them").format(
                                name=_name(first.path), line=line, inner=inner))


def _header_clash(stmt: Definition, first: Definition, line: int) -> tuple[str, str]:
    """A ``[header]`` or ``[[header]]`` where ``first`` already defined something."""
    name = _name(stmt.path)
    if first.path != stmt.path:
        if len(first.path) > len(stmt.path) and stmt.kind == "aot":
            return "aot-vs-table", (_("[[{name}]] must come before its sub-tables: [{name2}] on line {line} already made {name} a "
                                       "single table").format(name=name, name2=_name(first.path), line=line))
        if len(first.path) > len(stmt.path):
            return "key-is-table", _("'{name}' already holds keys ({name2} on line {line}); merge them").format(
                                       name=name, name2=_name(first.path), line=line)
        return _extend_clash(stmt, first, line)
    if first.kind == "table" and stmt.kind == "table":
        return "duplicate-table", _("the table [{name}] is declared twice (first on line {line}); merge them into one").format(
                                      name=name, line=line)
    if "aot" in (first.kind, stmt.kind) and first.kind in ("table", "aot", "super"):
        return "aot-vs-table", (_("{name} is made both a single table [{name}] and a list of tables [[{name}]] (line {line}); "
                                   "use one form").format(name=name, line=line))
    if first.kind in ("dotted", "super"):
        how = _("the dotted key") if first.kind == "dotted" else _("the header of a sub-table")
        return "dotted-then-header", (_("the table {name} was already made by {how} on line {line}; it cannot get its own [{name}] "
                                         "header afterwards: add its keys where it was made").format(
                                          name=name, how=how, line=line))
    if first.value_kind == "inline":
        return "inline-extended", (_("'{name}' was written as an inline table {{ ... }} on line {line}; an inline table is "
                                      "complete: put the keys inside its braces instead of a new header").format(
                                       name=name, line=line))
    if first.value_kind == "array":
        return "array-extended", (_("'{name}' is a list written with [ ... ] on line {line}; [[{name}]] cannot add to it: use one "
                                     "form").format(name=name, line=line))
    return "key-is-value", _("'{name}' is already a value on line {line}, so it cannot be a table too: rename one").format(
                               name=name, line=line)


def explain_conflict(text: str, offset: int, line_of: Callable[[int], int]) -> Conflict | None:
    """The clash at ``offset`` (where tomllib stopped), or None when the statement cannot be found."""
    scanner = Scanner(text)
    scanner.scan()
    definitions = scanner.definitions
    finals = [(i, d) for i, d in enumerate(definitions) if d.kind in _FINAL and d.offset <= offset]
    if not finals:
        return None
    line_start = text.rfind("\n", 0, offset) + 1
    on_line = [(i, d) for i, d in finals if d.offset >= line_start] or finals[-1:]
    for index, stmt in on_line:
        first = _earlier(definitions, stmt, index)
        if first is not None:
            break
    else:
        return None
    line = line_of(first.offset)
    kind, message = (_header_clash if stmt.kind in ("table", "aot") else _value_clash)(stmt, first, line)
    return Conflict(stmt.offset, kind, message)

