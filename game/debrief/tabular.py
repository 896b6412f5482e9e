"""CSV and JSON exports of the debrief, for grading.

The CSV is one tidy table, ``section, turn, country, item, value, detail``: one row per fact
(summary, objective, reading, threat, promise, agreement, humanitarian, decision, action, prompt,
timeline point). The ids in ``section`` and ``item`` are the same in every language (so exports
of a class compare whatever language each was made in); ``summary, language`` says which
language the texts are in, as the JSON's ``language`` does. Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading single quote; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Sequence

from game.debrief.data import Debrief
from game.i18n import current_language, language_name

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("section", "turn", "country", "item", "value", "detail")


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would evaluate; other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with every cell passed through ``safe_cell``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()


def debrief_rows(d: Debrief) -> list[tuple[Any, ...]]:
    """The tidy rows of the debrief CSV."""
    rows: list[tuple[Any, ...]] = [
        ("summary", "", "", "language", current_language(), language_name(current_language())),
        ("summary", "", "", "player", d.player, ""),
        ("summary", "", "", "scenario", d.scenario, d.scenario_title),
        ("summary", "", "", "mandate", d.mandate, d.mandate_name),
        ("summary", "", "", "seed", d.seed, ""),
        ("summary", "", "", "months_played", d.months_played, f"of {d.turns_total}"),
        ("summary", "", "", "verified", d.verified, d.verify_summary),
        ("summary", "", "", "fingerprint", d.fingerprint, "same data" if d.data_matches else "different data"),
        ("summary", "", "", "total", d.total, ""),
        ("summary", "", "", "reading_score", d.reading_score, ""),
    ]
    card = d.scorecard
    for key in ("returned_k", "stranded_k", "protection", "arrivals_start_k", "arrivals_end_k", "threats_carried_out",
                "bluffs_called", "promises_kept", "promises_broken"):
        rows.append(("summary", "", "", key, card.get(key), ""))
    rows += [("objective", "", "", o.id, o.score, f"weight {o.weight:g}") for o in d.objectives]
    rows += [("cooperation", "", cid, "cooperation", v, "") for cid, v in card.get("agreements", {}).items()]
    for r in d.readings:
        rows.append(("reading", "", r.country, "score", r.score,
                     f"true: {' '.join(r.true_top)}; guess: {' '.join(r.guessed) or 'no guess'}"))
        rows += [("priority", "", r.country, dim, w, "top" if dim in r.true_top else "") for dim, w in r.weights.items()]
        if r.note:
            rows.append(("note", "", r.country, "note", r.note, ""))
    rows += [(e.kind, e.turn, e.country, e.lever, e.status, e.detail) for e in d.threats + d.promises]
    rows += [("agreement", x.turn, x.country, x.asks, x.status, f"offers: {x.offers}") for x in d.deals]
    for h in d.humanitarian:
        rows += [("humanitarian", "", h.country or "ALL", "returned_k", h.returned_k, ""),
                 ("humanitarian", "", h.country or "ALL", "stranded_k", h.stranded_k, "")]
    for x in d.decisions:
        rows.append(("decision", x.turn, x.country, f"{x.kind} {x.about}", x.utility, x.asks))
        rows += [("factor", x.turn, x.country, f.key, f.value, f.text) for f in x.factors]
    rows += [("action", a.turn, "", a.index + 1, a.text, "") for a in d.actions]
    for t in d.timelines:
        for s in t.series:
            rows += [("timeline", turn, "", f"{t.id}: {s.label}", v, "") for turn, v in zip(t.turns, s.values)]
    rows += [("prompt", "", "", i, p, "") for i, p in enumerate(d.prompts, start=1)]
    if d.counterfactual is not None:
        c = d.counterfactual
        rows += [("counterfactual", c.turn, "", f"{ch.section}: {ch.item}", ch.without, f"actual {ch.actual}")
                 for ch in c.changed()]
    return rows


def debrief_csv(d: Debrief) -> str:
    """The debrief as CSV text."""
    return csv_text(COLUMNS, debrief_rows(d))


def debrief_json(d: Debrief) -> str:
    """The debrief as a JSON document."""
    data = {"format": "pressure-points-debrief", "version": 1, "language": current_language(), **d.to_dict()}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
