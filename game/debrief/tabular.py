"""CSV and JSON exports of the debrief, for grading.

The CSV is one tidy table, ``section, turn, country, item, value, detail``: one row per fact
(summary, objective, reading, threat, promise, agreement, humanitarian, decision, action, prompt,
timeline point). The ids in ``section`` and ``item`` are the same in every language (so exports
of a class compare whatever language each was made in); ``summary, language`` says which
language the texts are in, as the JSON's ``language`` does. A spreadsheet runs a text cell as a
formula when it, or any line inside it, starts with ``=``, ``+``, ``-``, ``@`` or a tab: every
such line gets a leading single quote, and every line break in a cell is written as ``\n`` (a
bare ``\r`` too), so the cell is quoted and its lines cannot spill into new rows. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from game.debrief.data import Debrief
from game.i18n import _, current_language, language_name

FORMULA_START = ("=", "+", "-", "@", "\t")
COLUMNS = ("section", "turn", "country", "item", "value", "detail")


def safe_text(text: str) -> str:
    """A text cell with its line breaks as ``\n`` and a quote before every line that starts a formula."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join("'" + line if line.startswith(FORMULA_START) else line for line in lines)


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would evaluate; other values are returned unchanged."""
    if isinstance(value, str):
        return safe_text(value)
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
        ("summary", "", "", "months_played", d.months_played, _("of {turns_total}").format(turns_total=d.turns_total)),
        ("summary", "", "", "verified", d.verified, d.verify_summary),
        ("summary", "", "", "fingerprint", d.fingerprint, _("same data") if d.data_matches else _("different data")),
        ("summary", "", "", "total", d.total, _("points against doing nothing")),
        ("summary", "", "", "absolute_total", d.absolute_total, "0-100"),
        ("summary", "", "", "idle_total", d.idle_total, _("0-100, the same year with no actions")),
        ("summary", "", "", "reading_score", d.reading_score, ""),
    ]
    card = d.scorecard
    for key in ("returned_k", "stranded_k", "protection", "arrivals_start_k", "arrivals_end_k", "threats_carried_out",
                "bluffs_called", "promises_kept", "promises_broken"):
        rows.append(("summary", "", "", key, card.get(key), ""))
    rows += [("objective", "", "", o.id, o.score, _("weight {weight:g}").format(weight=o.weight)) for o in d.objectives]
    rows += [("objective_idle", "", "", o.id, o.idle, _("the same year with no actions")) for o in d.objectives]
    rows += [("objective_gain", "", "", o.id, o.gain, f"{o.verdict}: {o.figures}") for o in d.objectives]
    rows += [("cooperation", "", cid, "cooperation", v, "") for cid, v in card.get("agreements", {}).items()]
    for r in d.readings:
        rows.append(("reading", "", r.country, "score", r.score,
                     _("true: {join}; guess: {value}").format(
                         join=' '.join(r.true_top), value=' '.join(r.guessed) or _("no guess"))))
        rows += [("priority", "", r.country, dim, w, "top" if dim in r.true_top else "") for dim, w in r.weights.items()]
        if r.note:
            rows.append(("note", "", r.country, "note", r.note, ""))
    rows += [(e.kind, e.turn, e.country, e.lever, e.status, e.detail) for e in d.threats + d.promises]
    rows += [("agreement", x.turn, x.country, x.asks, x.status, _("offers: {offers}").format(offers=x.offers)) for x in d.deals]
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
        rows += [("counterfactual", c.turn, "", f"{ch.section}: {ch.item}", ch.without, _("actual {actual}").format(
                                                                                            actual=ch.actual))
                 for ch in c.changed()]
    return rows


def debrief_csv(d: Debrief) -> str:
    """The debrief as CSV text."""
    return csv_text(COLUMNS, debrief_rows(d))


def debrief_json(d: Debrief) -> str:
    """The debrief as a JSON document."""
    data = {"format": "pressure-points-debrief", "version": 1, "language": current_language(), **d.to_dict()}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
