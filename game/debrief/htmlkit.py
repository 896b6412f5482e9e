"""Small helpers for standalone HTML pages: the document frame, tables and escaping by default.

Pages open offline and make no request: all styles are inline, charts are inline SVG, there are
no scripts, no fonts and no links to other sites, and a Content-Security-Policy forbids loading
anything (so a browser would block a request even if one slipped in).

Pages are built from ``markupsafe.Markup`` fragments: a value put into a fragment (``html``), joined
to fragments (``join``) or given as a table cell is escaped unless it is itself a fragment, so text
from a record (a player's name, notes) can never become markup by a forgotten call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup, escape

from game.i18n import _, current_language, number_text

CSP = Markup("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1000px;
       padding: 1rem 1.5rem 3rem; color: #1a1a1a; background: #fff; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #0072B2; }
h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; width: 100%; font-size: .92rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #444; } .ok { color: #05691d; font-weight: bold; } .bad { color: #a40000; font-weight: bold; }
.kept { color: #05691d; } .lost { color: #a40000; } .open { color: #6a5300; }
.factor-pos { color: #05691d; } .factor-neg { color: #a40000; }
.chart { display: block; margin: .4rem 0 1.2rem; border: 1px solid #e2e2e2; }
.small { font-size: .85rem; color: #555; } .big { font-size: 2.2rem; font-weight: bold; }
.scroll { overflow-x: auto; } table.records { font-size: .8rem; }
details { margin: .3rem 0; } summary { cursor: pointer; }
@media print { h2 { page-break-after: avoid; } .chart, table { page-break-inside: avoid; } }
"""


def html(template: str, *args: object, **kwargs: object) -> Markup:
    """Markup written in the code with values put in: each value is escaped unless it is already
    ``Markup`` (a fragment built here), so escaping is what happens when nothing is said."""
    return Markup(template).format(*args, **kwargs)


def join(parts: Iterable[object], sep: str = "") -> Markup:
    """Fragments one after another; plain text among them is escaped."""
    return Markup(sep).join(escape(part) for part in parts)


def plain(value: Any) -> Any:
    """A table cell's value as written: floats without trailing zeros and with the language's decimal mark, None empty, fragments as they are."""
    if isinstance(value, float):
        return number_text(f"{value:.2f}".rstrip("0").rstrip(".")) if value == value else ""
    return "" if value is None else value


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Iterable[int] = (),
          css: str = "") -> Markup:
    """An HTML table; columns in ``numeric`` are right-aligned. Cells are escaped unless they are ``Markup``."""
    numeric = set(numeric)
    cls = html(' class="{}"', css) if css else ""
    num = Markup(' class="num"')
    head = join(html("<th{}>{}</th>", num if i in numeric else "", h) for i, h in enumerate(headers))
    body = [join(html("<td{}>{}</td>", num if i in numeric else "", plain(cell)) for i, cell in enumerate(row))
            for row in rows]
    lines = [html("<tr>{}</tr>", line) for line in body] or [html('<tr><td colspan="{}">{}</td></tr>', len(headers), _("none"))]
    return html("<table{}><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", cls, head, join(lines))


def document(title: str, body: Iterable[object]) -> Markup:
    """A whole standalone page, declared in the current language (``<html lang="es">``); plain text in
    ``body`` is escaped."""
    return join([
        Markup("<!DOCTYPE html>"),
        html('<html lang="{}">', current_language()),
        Markup("<head>"),
        Markup('<meta charset="utf-8">'),
        html('<meta http-equiv="Content-Security-Policy" content="{}">', CSP),
        Markup('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        Markup('<meta name="referrer" content="no-referrer">'),
        html("<title>{}</title>", title),
        html("<style>{}</style>", Markup(STYLE)),
        Markup("</head>"),
        Markup("<body>"),
        *body,
        Markup("</body>"),
        Markup("</html>"),
        "",
    ], "\n")
