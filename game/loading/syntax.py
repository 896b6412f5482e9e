"""Turn a TOML syntax error from tomllib into one located, plain-words problem.

:func:`explain` looks at the text where tomllib stopped (and at what is open there: a string, a list,
an inline table, a header) and says what is wrong and how to fix it, at the line and column where the
fix goes; tomllib's own words are kept after it, cleaned of Python notation. Each explanation has a
short stable ``kind`` (``string-not-closed``, ``date-range``…) so that tests can pin it.
"""

from __future__ import annotations

import re

from game.i18n import N_, _
from game.loading.conflicts import explain_conflict
from game.loading.opened import opened_at
from game.loading.syntaxbase import (
    Explanation,
    char_name,
    control_problem,
    is_control,
    key_char_problem,
    line_start,
    not_closed,
    prev_nonspace,
)
from game.loading.tomlscan import BARE_KEY_CHARS
from game.loading.valuetext import explain_word

_STOP = " \t,]}#=\r\n\x0b\x0c"
_ESCAPES = N_('the escapes are \\n, \\t, \\", \\\\, \\b, \\f, \\r, \\uXXXX and \\UXXXXXXXX')
_CONFLICTS = ("Cannot overwrite a value", "Cannot declare", "Cannot mutate immutable namespace",
              "Cannot redefine namespace", "Duplicate inline table key")  # tomllib's own words, matched


def clean_raw(raw: str) -> str:
    """tomllib's message without Python notation: tuples become dotted keys, characters get names."""
    def tuple_text(match: re.Match[str]) -> str:
        parts = re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", match.group(0))
        return ".".join(a or b for a, b in parts)

    text = re.sub(r"\((?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?:, *(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))*,?\)",
                  tuple_text, raw)
    return re.sub(r"'\\(x[0-9a-f]{2}|[nrt]|u[0-9a-f]{4})'", lambda m: char_name(
        {"n": "\n", "r": "\r", "t": "\t"}.get(m.group(1)) or chr(int(m.group(1)[1:], 16))), text)


def _word(text: str, offset: int) -> tuple[int, str]:
    """The bare value around ``offset``: ``(start, text)``; a date and time split by a space are one word."""
    start = offset
    while start > 0 and text[start - 1] not in " \t=[{,\n":
        start -= 1
    end = offset
    while end < len(text) and text[end] not in _STOP:
        end += 1
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text[start:end]) and text[end:end + 1] == " " and text[end + 1:end + 2].isdigit():
        end += 1
        while end < len(text) and text[end] not in _STOP:
            end += 1
    return start, text[start:end]


def _value(text: str, offset: int, after: bool) -> Explanation | None:
    """A bare value that is not a valid number, date, time or true/false."""
    start, word = _word(text, offset)
    if not word or (after and start == offset):
        return None
    if word.rstrip("\"'") != word or word.lstrip("\"'") != word:
        return Explanation(start, "text-quotes", _('text needs a quote at both ends: write "{strip}"').format(
                                                     strip=word.strip(chr(34) + chr(39))))
    found = explain_word(word)
    if found is not None and found[0] == "text-quotes":
        end = start
        while end < len(text) and text[end] not in "#,]}=\r\n":
            end += 1
        return Explanation(start, "text-quotes", _('text must be in quotes: write "{strip}"').format(
                                                     strip=text[start:end].strip()))
    return None if found is None else Explanation(start, found[0], found[1])


def _after_statement(text: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if is_control(ch):
        return control_problem(text, offset)
    before = text[max(0, offset - 3):offset]
    if before in ('"""', "'''"):
        return Explanation(offset, "multiline-quotes", _("the multi-line text already ended at the three quotes "
                           "before this: inside it, write at most two quotes in a row and escape the others "
                           "(\\\" in \"\"\" text; use \"\"\" text for apostrophes)"))
    found = None if before[-1:] in "\"']}" else _value(text, offset, after=True)
    if found is not None:
        return found
    stripped = text[line_start(text, offset):offset].lstrip(" \t")
    if stripped.startswith("["):
        return Explanation(offset, "after-header", _("nothing may follow a [table] header on its line but a # comment: "
                           "move this to the next line"))
    return Explanation(offset, "after-value", _("a value ends here: start a new line for the next key = value "
                       "(a comment starts with #)"))


def _invalid_value(text: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if is_control(ch):
        return control_problem(text, offset)
    inside = opened_at(text, offset)
    if not ch and inside:
        return not_closed(text, offset) or Explanation(offset, "value-missing", _("the value is missing"))
    if ch in ("", "\n", "\r", "#"):
        return Explanation(offset, "value-missing", _("the value is missing after =: write key = value, text in quotes"))
    if ch == ",":
        _at, prev = prev_nonspace(text, offset)
        if prev == "[":
            return Explanation(offset, "stray-comma", _("a list cannot start with a comma: remove it"))
        return Explanation(offset, "double-comma", _("two commas in a row: remove one (or put an item between them)"))
    if ch == "=":
        return Explanation(offset, "two-equals", _("one = per line: write key = value"))
    if ch == "\ufeff" or (ch.isspace() and ch not in " \t"):
        return key_char_problem(text, offset, "keys")
    found = _value(text, offset, after=False)
    if found is not None:
        return found
    return Explanation(offset, "value-form", _('this is not a value: write text in quotes ("like this"), numbers '
                       "plain (1.5), true/false in lower case, lists in [ ] and tables in { }"))


def _inline_key(text: str, offset: int, ch: str) -> Explanation:
    comma, prev = prev_nonspace(text, offset)
    if ch == "}" and prev == ",":
        return Explanation(comma, "trailing-comma", _("remove the comma before }: an inline table has no comma after its "
                           "last entry"))
    if ch == "," and prev in (",", "{"):
        return Explanation(offset, "double-comma", _("remove this comma: commas go only between the entries of { }"))
    if ch in ("", "\n", "\r", "#"):
        return not_closed(text, offset) or Explanation(offset, "inline-not-closed", _("the inline table is not closed"))
    if ch == "[":
        return Explanation(offset, "header-in-inline", _("a [table] header cannot be written inside { }: write key = value"))
    return key_char_problem(text, offset, "keys")


def _header_key(text: str, offset: int, ch: str, kind: str) -> Explanation:
    _at, prev = prev_nonspace(text, offset)
    if ch == "]" and prev in "[":
        return Explanation(offset, "header-empty", _("a table header needs a name: write [name]"))
    if ch == "." or prev == "." or (ch == "]" and prev == "."):
        return Explanation(offset, "key-empty-part", _("a table name cannot have an empty part: remove the extra dot "
                           "(write [a.b])"))
    if ch == "[":
        return Explanation(offset, "header-spaced", _("write [[ without a space between the brackets for a list of tables"))
    if ch in ("", "\n", "\r"):
        return Explanation(offset, "header-empty", _("a table header needs a name and a closing bracket: write {text}").format(
                                                       text='[[name]]' if kind == 'aot' else '[name]'))
    return key_char_problem(text, offset, "names")


def _bad_key_start(text: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    inside = opened_at(text, offset)
    top = inside[-1].kind if inside else ""
    if top == "inline":
        return _inline_key(text, offset, ch)
    if top in ("header", "aot"):
        return _header_key(text, offset, ch, top)
    _at, prev = prev_nonspace(text, offset)
    if prev == "." or ch == ".":
        return Explanation(offset, "key-empty-part", _("a dotted key cannot end with a dot or have an empty part: "
                           "write a.b = value"))
    return key_char_problem(text, offset, "keys") if ch else Explanation(offset, "key-without-value", _("a key is missing here"))


def _statement_start(text: str, offset: int) -> str:
    return text[line_start(text, offset):].lstrip(" \t")


def _expected_equals(text: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if _statement_start(text, offset).startswith(('"""', "'''")):
        return Explanation(line_start(text, offset), "key-multiline", _("a key cannot be multi-line text: write it in "
                           'single quotes, like "key" = 1'))
    if ch in ("", "\n", "\r") or (ch == "#" and text[offset - 1:offset] in (" ", "\t")):
        return Explanation(offset, "key-without-value", _("this key has no value: write key = value"))
    if text[offset - 1:offset] in (" ", "\t") and (ch in BARE_KEY_CHARS or ch in "\"'"):
        key = " ".join(re.sub("[\"']", "", text[line_start(text, offset):].split("=", 1)[0]).split())
        return Explanation(offset, "key-space", _('a key with spaces must be in quotes: write "{key}" = ..., or join the words with _').format(
                                                    key=key))
    if ch in "\"'":
        return Explanation(offset, "key-char", _('quote the whole key, not part of it: write "key" = value'))
    if is_control(ch):
        return control_problem(text, offset)
    return key_char_problem(text, offset, "keys")


def _invalid_statement(text: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if is_control(ch):
        return control_problem(text, offset)
    if ch == "=":
        return Explanation(offset, "key-missing", _("the key is missing before =: write key = value"))
    if ch == ".":
        return Explanation(offset, "key-empty-part", _("a key cannot start with a dot: write a.b = value"))
    if ch == "\\":
        return Explanation(offset, "key-char", _("escapes work only inside quotes: put the key in quotes, like "
                           "\"\\u00c0\" = ..."))
    return key_char_problem(text, offset, "keys") if ch else Explanation(offset, "key-missing", _("a key is expected here"))


def _close_header(text: str, offset: int, close: str) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if ch in ("", "\n", "\r") or (close == "]]" and ch in "] \t"):
        return Explanation(offset, "header-not-closed", _(
            "the table header is not closed: add {close} at the end of the name (with no space between the brackets)").format(
                close=close))
    if _statement_start(text, offset).lstrip("[").startswith(('"""', "'''")):
        return Explanation(offset, "key-multiline", _('a table name cannot be multi-line text: write ["name"]'))
    if ch in " \t" or (text[offset - 1:offset] in (" ", "\t") and ch in BARE_KEY_CHARS):
        return Explanation(offset, "key-space", _("a table name with spaces must be in quotes: write [\"two words\"], or "
                           "join the words with _"))
    if ch == "=":
        return Explanation(offset, "header-value", _("a [table] header holds only the table name: put key = value on the "
                           "next line"))
    return key_char_problem(text, offset, "names")


def _escape(text: str, offset: int, raw: str) -> Explanation:
    slash = text.rfind("\\", line_start(text, offset), offset + 1)
    slash = offset if slash < 0 else slash
    if raw.startswith("Invalid hex value"):
        return Explanation(slash, "escape-unicode", _("\\u must be followed by exactly 4 hexadecimal digits (0-9, A-F) "
                           "and \\U by exactly 8, like \\u00E9"))
    if raw.startswith("Escaped character"):
        return Explanation(slash, "escape-unicode", _("this \\U escape is not a character: Unicode goes up to \\U0010FFFF "
                           "and leaves out D800 to DFFF"))
    nxt = text[slash + 1:slash + 2]
    offset = slash
    if not nxt:
        return not_closed(text, offset) or Explanation(offset, "string-not-closed", _("the text is not closed"))
    if nxt == "x":
        digits = text[offset + 2:offset + 4]
        digits = digits if re.fullmatch(r"[0-9A-Fa-f]{2}", digits) else "XX"
        return Explanation(offset, "escape-unknown", _("TOML has no \\x escape: write \\u00{digits} instead (4 hex digits)").format(
                                                         digits=digits))
    shown = "\\" + (nxt if nxt.isprintable() and not nxt.isspace() else " " if nxt in " \t" else "")
    return Explanation(offset, "escape-unknown", _("'{shown}' is not an escape: {ESCAPES}; write \\\\ for a backslash (or use 'single quotes', "
                                                    "where a backslash is plain text)").format(
                                                     shown=shown, ESCAPES=_(_ESCAPES)))


def _explain(text: str, raw: str, offset: int) -> Explanation:
    ch = text[offset] if offset < len(text) else ""
    if raw.startswith(_CONFLICTS):
        found = explain_conflict(text, offset, lambda o: text.count("\n", 0, o) + 1)
        if found is not None:
            return Explanation(*found)
        return Explanation(offset, "conflict", _("a key or table is defined twice (or a key and a table share a name): "
                           "keep one"))
    if raw.startswith(("Illegal character", "Found invalid character", "Unterminated string", "Expected \"'")):
        if ch in ("", "\n") or (ch == "\r" and text[offset + 1:offset + 2] == "\n"):
            return not_closed(text, offset) or Explanation(offset, "string-not-closed", _("this text has no closing quote"))
        return control_problem(text, offset) if is_control(ch) else key_char_problem(text, offset, "keys")
    if raw.startswith(("Unescaped", "Invalid hex value", "Escaped character")):
        return _escape(text, offset, raw)
    if raw.startswith("Invalid date"):
        return _value(text, offset, after=False) or Explanation(offset, "date-range", _("this date does not exist"))
    if raw.startswith("Expected newline or end of document"):
        return _after_statement(text, offset)
    if raw.startswith("Invalid value"):
        return _invalid_value(text, offset)
    if raw.startswith("Invalid initial character for a key part"):
        return _bad_key_start(text, offset)
    if raw.startswith("Expected '=' after a key"):
        return _expected_equals(text, offset)
    if raw.startswith("Invalid statement"):
        return _invalid_statement(text, offset)
    if raw.startswith(("Expected ']' at the end", "Expected ']]' at the end")):
        return _close_header(text, offset, "]]" if "]]" in raw else "]")
    if raw.startswith(("Unclosed array", "Unclosed inline table")):
        line = text[line_start(text, offset):offset]
        header_or_key = not line.strip(" \t") and (ch == "[" or re.match(r"[A-Za-z0-9_\"'.-]+[ \t]*=", text[offset:offset + 200]))
        if ch in ("", "\n", "\r", "#", "]") or header_or_key:
            return not_closed(text, offset) or Explanation(offset, "not-closed", _("a bracket is not closed"))
        what = _("the items of a list") if raw.startswith("Unclosed array") else _("the entries of an inline table")
        return Explanation(offset, "missing-comma", _("separate {what} with commas: add ',' before this one").format(
                                                        what=what))
    return Explanation(offset, "other", _("the TOML here cannot be read"))


def explain(text: str, raw: str, offset: int) -> Explanation:
    """The plain-words explanation of tomllib's message ``raw`` (cleaned of its position) at ``offset``."""
    found = _explain(text, raw, max(0, min(offset, len(text))))
    return found._replace(offset=max(0, min(found.offset, len(text))))
