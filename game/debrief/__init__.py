"""The debrief: a record turned into plain data (for the UI's debrief screen) and into exports.

- :func:`build_debrief` (record + data -> :class:`Debrief`), the data the screen and exports share;
- :func:`render` (``html``, ``csv`` or ``json`` text of a debrief);
- :mod:`game.debrief.classreport` compares the records of a class.
No pygame here.
"""

from game.debrief.data import Debrief, Decision, ObjectiveRow, Series, Timeline, build_debrief
from game.debrief.ledgers import DealRow, HumanitarianRow, LedgerEntry
from game.debrief.page import debrief_html
from game.debrief.reading import Reading, read_country, reading_score
from game.debrief.tabular import debrief_csv, debrief_json, safe_cell

FORMATS = ("html", "csv", "json")


def render(debrief: Debrief, fmt: str) -> str:
    """The debrief as the text of an ``html``, ``csv`` or ``json`` file."""
    if fmt == "html":
        return debrief_html(debrief)
    if fmt == "csv":
        return debrief_csv(debrief)
    if fmt == "json":
        return debrief_json(debrief)
    raise ValueError(f"unknown format '{fmt}' (choose one of: {', '.join(FORMATS)})")


__all__ = [
    "FORMATS",
    "DealRow",
    "Debrief",
    "Decision",
    "HumanitarianRow",
    "LedgerEntry",
    "ObjectiveRow",
    "Reading",
    "Series",
    "Timeline",
    "build_debrief",
    "debrief_csv",
    "debrief_html",
    "debrief_json",
    "read_country",
    "reading_score",
    "render",
    "safe_cell",
]
