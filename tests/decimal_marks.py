"""Finding numbers written with a decimal point in text meant to use the language's own decimal mark.

``2.5`` is a decimal; ``127.0.0.1``, ``v1.2``, ``version 0.9``, ``game.json``, ``data.toml:3:1`` and
``12:30`` are not (addresses, versions, file names, times), nor is ``1.800`` in a language that
groups digits with a point (Spanish: one thousand eight hundred).
"""

from __future__ import annotations

import html
import re

DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.\d+(?!\.?\d|\.\w)")
VERSION_WORD = re.compile(r"(versi[oó]n|v)\s*$", re.IGNORECASE)
GROUPED = re.compile(r"[1-9]\d{0,2}\.\d{3}")


def decimal_points(text: str, group_mark: str = ".") -> list[str]:
    """Each number in ``text`` written with a decimal point, with a little of what comes before it
    (``group_mark``: the language's digit grouping mark; ``1.800`` is grouped when it is a point)."""
    found = []
    for match in DECIMAL_POINT.finditer(text):
        if VERSION_WORD.search(text[max(0, match.start() - 10):match.start()]):
            continue
        if group_mark == "." and GROUPED.fullmatch(match.group(0)):
            continue
        found.append(text[max(0, match.start() - 30):match.end()])
    return found


def visible_text(page: str) -> str:
    """What a reader of an HTML page sees: its text and tooltips, without styles, scripts and attributes."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))
