"""Small helpers for standalone HTML pages: the document frame, tables and escaping.

Pages open offline and make no request: all styles are inline, charts are inline SVG, there are
no scripts, no fonts and no links to other sites, and a Content-Security-Policy forbids loading
anything (so a browser would block a request even if one slipped in).
"""

from __future__ import annotations

from html import escape
from typing import Any, Iterable, Sequence

from game.i18n import _, current_language

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

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


def esc(value: Any) -> str:
    """Text escaped for HTML (numbers formatted plainly)."""
    if isinstance(value, float):
        return escape(f"{value:.2f}".rstrip("0").rstrip(".") if value == value else "")
    return escape("" if value is None else str(value), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = (),
          css: str = "", raw: Sequence[int] = ()) -> str:
    """An HTML table; columns in ``numeric`` are right-aligned, columns in ``raw`` are already HTML."""
    cls = f' class="{esc(css)}"' if css else ""
    num = ' class="num"'
    head = "".join(f"<th{num if i in numeric else ''}>{esc(h)}</th>" for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = cell if i in raw else esc(cell)
            cells.append(f"<td{num if i in numeric else ''}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}">' + esc(_("none")) + "</td></tr>")
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def document(title: str, body: Sequence[str]) -> str:
    """A whole standalone page, declared in the current language (``<html lang="es">``)."""
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{esc(current_language())}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])
