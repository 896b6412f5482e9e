"""Shared pieces of the TOML syntax explanations: the result type, character names, what is left open.

See ``game.loading.syntax`` for the explanations themselves.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from game.i18n import _
from game.loading.opened import NAMES, opened_at
from game.loading.tomlscan import BARE_KEY_CHARS


class Explanation(NamedTuple):
    """Where the fix goes (a character offset), a stable kind, and the plain-words message."""

    offset: int
    kind: str
    message: str


def char_name(ch: str) -> str:
    """``U+000A (line break)``: a character as an instructor can look it up."""
    names = {"\n": _("line break"), "\r": _("carriage return"), "\t": "tab", "\x7f": "delete",
             "\ufeff": _("byte order mark"), "\x00": "NUL", "\x0c": _("form feed"), "\x0b": _("vertical tab")}
    name = names.get(ch) or unicodedata.name(ch, "").lower() or _("control character")
    return f"U+{ord(ch):04X} ({name})"


def line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def prev_nonspace(text: str, offset: int) -> tuple[int, str]:
    j = offset - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j, text[j] if j >= 0 else ""


def control_problem(text: str, offset: int) -> Explanation:
    ch = text[offset]
    if ch == "\r":
        return Explanation(offset, "control", _("a carriage return (CR) may appear only just before a line break: "
                           "save the file with ordinary (LF or CRLF) line endings"))
    inside = opened_at(text, offset)
    top = inside[-1].kind if inside else ""
    if top in ("basic", "ml-basic"):
        fix = _("write it as an escape (\\u{ord:04X}) or delete it").format(ord=ord(ch))
    else:
        fix = _("delete it (it is invisible in most editors)")
    return Explanation(offset, "control", _("the control character {char_name} is not allowed here: {fix}").format(
                                              char_name=char_name(ch), fix=fix))


def is_control(ch: str) -> bool:
    return (bool(ch) and (ord(ch) < 0x20 and ch not in "\t\n")) or ch == "\x7f"


def not_closed(text: str, offset: int) -> Explanation | None:
    """A string, list, inline table or header still open where tomllib stopped."""
    inside = opened_at(text, offset)
    if not inside and text[offset - 1:offset] == "\n":
        inside = opened_at(text, offset - 1)  # the last line's string or header, before its line break
    if not inside:
        return None
    top = inside[-1]
    line = text.count("\n", 0, top.offset) + 1
    column = top.offset - line_start(text, top.offset) + 1
    if top.kind in ("basic", "literal"):
        quote = '"' if top.kind == "basic" else "'"
        end = text.find("\n", top.offset)
        end = len(text) if end < 0 else end - (text[end - 1:end] == "\r")
        return Explanation(end, "string-not-closed", _("this text in quotes has no closing quote: add {quote} at the end of the text (it opens on "
                                                        "line {line}, column {column}); text in quotes must end on the line where it starts").format(
                                                         quote=quote, line=line, column=column))
    if top.kind in ("ml-basic", "ml-literal"):
        quote = '"""' if top.kind == "ml-basic" else "'''"
        return Explanation(top.offset, "multiline-not-closed", _(
            "the multi-line text opened here with {quote} is never closed: add {quote} where the text ends").format(quote=quote))
    if top.kind == "array":
        return Explanation(top.offset, "array-not-closed", _(
            "the list [ opened on line {line} is never closed: add ] after its last item (separate the items with commas)").format(
                line=line))
    if top.kind == "inline":
        return Explanation(offset, "inline-not-closed", _(
            "the inline table {{ opened on line {line}, column {column} is not closed on its line: add }} "
            "(an inline table must be written on one line)").format(line=line, column=column))
    close = "]]" if top.kind == "aot" else "]"
    return Explanation(offset, "header-not-closed", _("the {what} is not closed: add {close} at the end of the name").format(
                                                        what=NAMES[top.kind], close=close))


def key_char_problem(text: str, offset: int, where: str) -> Explanation:
    ch = text[offset]
    if ch.isspace() and ch not in " \t\n":
        return Explanation(offset, "odd-space", _("this is not a plain space but {char_name}: replace it with a space, or delete it").format(
                                                    char_name=char_name(ch)))
    if ch == "\ufeff":
        return Explanation(offset, "bom-inside", _("an invisible byte order mark (U+FEFF) is here; it may only start "
                           "the file: delete it (retype the line if your editor does not show it)"))
    if not ch.isascii():
        return Explanation(offset, "key-non-ascii", _('non-ASCII {where} need quotes: write "{word_key}"').format(
                                                        where=where, word_key=_word_key(text, offset)))
    return Explanation(offset, "key-char", _("'{ch}' cannot be used in a bare {where}: use letters, digits, _ and -, or put the whole name "
                                              "in quotes").format(ch=ch, where=where[:-1]))


def _word_key(text: str, offset: int) -> str:
    start = offset
    while start > 0 and (text[start - 1] in BARE_KEY_CHARS or not text[start - 1].isascii()):
        start -= 1
    end = offset
    while end < len(text) and (text[end] in BARE_KEY_CHARS or not text[end].isascii()) and not text[end].isspace():
        end += 1
    return text[start:end]
