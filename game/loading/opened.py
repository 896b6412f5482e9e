"""What is open at a point of a TOML text: strings, lists, inline tables and headers, with where each opened.

:func:`opened_at` reads the text from the start up to an offset, the way a TOML reader would split it
into strings, comments and brackets, and returns the constructs still open there, outermost first. It
is linear in the offset and never raises; syntax messages use it to say "the list opened on line 3".
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import N_, Wording

NAMES = Wording({
    "array": N_("list [ ]"), "inline": N_("inline table { }"), "header": N_("table header [ ]"),
    "aot": N_("table header [[ ]]"), "basic": N_('text in quotes "..."'), "literal": N_("text in quotes '...'"),
    "ml-basic": N_('multi-line text """'), "ml-literal": N_("multi-line text '''"),
})
STRINGS = frozenset({"basic", "literal", "ml-basic", "ml-literal"})


@dataclass(frozen=True)
class Opened:
    """One construct that is open: its kind (a key of ``NAMES``) and the offset of its opening."""

    kind: str
    offset: int


def _close_string(text: str, i: int, kind: str) -> tuple[int, bool]:
    """Step one character (or escape, or closing quotes) inside a string: ``(new offset, closed)``."""
    ch = text[i]
    if kind in ("basic", "ml-basic") and ch == "\\":
        return i + 2, False
    if kind == "basic":
        return i + 1, ch in '"\n'
    if kind == "literal":
        return i + 1, ch in "'\n"
    quote = '"' if kind == "ml-basic" else "'"
    if text.startswith(quote * 3, i):
        end = i + 3
        while end < len(text) and end < i + 5 and text[end] == quote:
            end += 1
        return end, True
    return i + 1, False


def opened_at(text: str, offset: int) -> list[Opened]:
    """The constructs open just before ``offset`` (outermost first); an unclosed line ends headers and strings."""
    stack: list[Opened] = []
    i = 0
    line_start = True
    end = min(offset, len(text))
    while i < end:
        top = stack[-1].kind if stack else ""
        if top in STRINGS:
            i, closed = _close_string(text, i, top)
            if closed:
                stack.pop()
            continue
        ch = text[i]
        if ch == "#":
            newline = text.find("\n", i)
            i = len(text) if newline < 0 else newline
            continue
        if ch == "\n":
            while stack and stack[-1].kind in ("header", "aot", "inline"):
                stack.pop()
            line_start = not stack
            i += 1
            continue
        if ch in " \t\r":
            i += 1
            continue
        starting = line_start
        line_start = False
        if text.startswith('"""', i) or text.startswith("'''", i):
            stack.append(Opened("ml-basic" if ch == '"' else "ml-literal", i))
            i += 3
        elif ch in "\"'":
            stack.append(Opened("basic" if ch == '"' else "literal", i))
            i += 1
        elif ch == "[" and starting and not stack:
            aot = text.startswith("[[", i)
            stack.append(Opened("aot" if aot else "header", i))
            i += 2 if aot else 1
        elif ch == "[":
            stack.append(Opened("array", i))
            i += 1
        elif ch == "{":
            stack.append(Opened("inline", i))
            i += 1
        elif ch == "]" and top in ("array", "header", "aot"):
            stack.pop()
            i += 2 if top == "aot" and text.startswith("]]", i) else 1
        elif ch == "}" and top == "inline":
            stack.pop()
            i += 1
        else:
            i += 1
    return stack
