"""The debrief screen's text: the summary, the ledgers, the decisions with their hidden numbers,
the discussion prompts and the result of a counterfactual, as markup for pygame_gui text boxes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.ui.palette import Palette
from game.ui.text import KIND_WORDS, colour, esc
from game.wording import reason_value

ABOUT_WORDS = {"threat": "your threat", "proposal": "your proposal", "counter": "its counter-offer",
               "measure": "a US measure"}
SECTION_WORDS = {"score": "Score", "objective": "Objectives", "cooperation": "Cooperation won (0-100)",
                 "commitments": "Commitments in force", "relations": "Relations with Washington",
                 "credibility": "Credibility", "flows": "Migration flows and people"}


def _num(value: float) -> str:
    return f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"


def summary_html(d: Any, record_path: Path | None, exported: list[Path]) -> str:
    """Score, objectives, reading score, the record check and where the files are."""
    rows = [f"<b>Score under the {esc(d.mandate_name)} mandate: {d.total:.1f} of 100</b>",
            esc(f"{d.scenario_title}: {d.months_played} of {d.turns_total} months played, seed {d.seed}."), "",
            "<b>Objectives</b> (score 0-100, and their weight in the mandate)"]
    for row in sorted(d.objectives, key=lambda r: -r.weight):
        rows.append(f"{esc(row.name)}: <b>{row.score:.0f}</b> (weight {row.weight:g})")
    rows += ["", f"<b>Reading the governments</b>: {d.reading_score:.0f} of 100 on average "
             "(how many of your guessed priorities were among each government's true top three; see Priorities)."]
    rows += ["", f"<b>Record check</b>: {esc(d.verify_summary)}"]
    rows += [esc(f"Note: {w}") for w in d.warnings]
    if d.mismatches:
        rows.append(esc(f"First difference: {d.mismatches[0]}"))
    if record_path is not None:
        rows.append(esc(f"Record file: {record_path}"))
    for path in exported:
        rows.append(esc(f"Exported: {path}"))
    rows += ["", "<b>Using this screen</b>",
             esc("Keys 1 to 7 (or the buttons) open the sections. Up, Down, PageUp, PageDown, Home and End "
                 "scroll. X exports the debrief as a web page (HTML) and a spreadsheet (CSV) next to the "
                 "records. Esc returns to the final score.")]
    return "<br>".join(rows)


def _kept(entry: Any, pal: Palette) -> str:
    if entry.kept is True:
        return colour("credibility earned", pal.good)
    if entry.kept is False:
        return colour("credibility lost", pal.bad)
    return "still open"


def ledgers_html(d: Any, pal: Palette) -> str:
    """The credibility ledger (threats, promises, agreements) and the humanitarian ledger."""
    card = d.scorecard
    rows = ["<b>Credibility ledger</b>",
            esc(f"Threats carried out: {card.get('threats_carried_out', 0)}; bluffs called: {card.get('bluffs_called', 0)}; "
                f"promises kept: {card.get('promises_kept', 0)}; promises broken: {card.get('promises_broken', 0)}."), "",
            "<b>Threats</b>"]
    for t in d.threats:
        rows.append(f"{esc(t.month)} · <b>{esc(t.name)}</b> · {esc(t.lever)}: {esc(t.detail)}. "
                    f"{esc(t.outcome.capitalize())} ({_kept(t, pal)}).")
    if not d.threats:
        rows.append("No threats were made.")
    rows += ["", "<b>Promises</b>"]
    for p in d.promises:
        rows.append(f"{esc(p.month)} · <b>{esc(p.name)}</b> · {esc(p.lever)}: {esc(p.detail)}. "
                    f"{esc(p.outcome.capitalize())} ({_kept(p, pal)}).")
    if not d.promises:
        rows.append("No promises were made.")
    rows += ["", "<b>Agreements</b>"]
    for deal in d.deals:
        pressure = " (signed under threat)" if deal.under_threat else ""
        rows.append(f"{esc(deal.month)} · <b>{esc(deal.name)}</b>: {esc(deal.asks)} in return for "
                    f"{esc(deal.offers)}{esc(pressure)}; {esc(deal.status)}.")
    if not d.deals:
        rows.append("No agreement was signed.")
    rows += ["", "<b>Humanitarian ledger</b> (thousands of people)"]
    for h in d.humanitarian:
        line = (f"{h.name}: returned {h.returned_k:.1f}k, left stranded in transit countries {h.stranded_k:.1f}k, "
                f"arrivals at the US border {h.arrivals_start_k:.1f}k a month at the start and "
                f"{h.arrivals_end_k:.1f}k at the end.")
        rows.append(f"<b>{esc(line)}</b>" if not h.country else esc(line))
    protection = card.get("protection")
    if protection is not None:
        rows.append(esc(f"Access to protection along the routes at the end: {protection:.0f} (100 = as at the start)."))
    return "<br>".join(rows)


def decisions_html(d: Any, pal: Palette) -> str:
    """Each government's key decisions with the hidden numbers behind them."""
    rows = [esc("Every answer to a threat, proposal or measure, and every retaliation and backsliding, with the "
                "numbers the players could not see. Each reason's number is how far it pushed the government "
                "towards yes (positive) or no (negative); the total is what the deal was worth to the government "
                "compared with no deal (above zero leans towards yes)."), ""]
    for dec in d.decisions:
        kind = KIND_WORDS.get(dec.kind, dec.kind.capitalize())
        about = f" to {ABOUT_WORDS.get(dec.about, dec.about)}" if dec.about else ""
        head = f"<b>{esc(dec.month)} · {esc(dec.name)}: {esc(kind)}</b>{esc(about)}"
        if dec.asks:
            head += esc(f" (asks: {dec.asks})")
        rows.append(head)
        if dec.said:
            rows.append(f"<i>“{esc(dec.said)}”</i>")
        total = colour(f"{dec.utility:+.2f}", pal.good if dec.utility >= 0 else pal.bad)
        rows.append(f"Total: {total} (the deal against no deal)")
        for f in dec.factors:
            rows.append(f"• {esc(f.text)} [{reason_value(f.value)}]")
        rows.append("")
    if not d.decisions:
        rows.append("No government had a decision to make about your threats, proposals or measures.")
    return "<br>".join(rows)


def discussion_html(d: Any) -> str:
    """The scenario's discussion prompts, numbered."""
    if not d.prompts:
        return "This scenario has no discussion prompts."
    rows = ["<b>For discussion</b>", ""]
    rows += [f"<b>{i}.</b> {esc(p)}<br>" for i, p in enumerate(d.prompts, start=1)]
    return "<br>".join(rows)


def _value(value: Any) -> str:
    return _num(float(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def comparison_html(cmp: Any, objective_names: dict[str, str]) -> str:
    """What changes when the chosen action is taken out: your game beside the game without it."""
    delta = cmp.without_total - cmp.actual_total
    rows = [f"<b>Without:</b> {esc(f'month {cmp.turn}, {cmp.removed}')}", "",
            f"<b>Score: {cmp.actual_total:.1f} in your game, {cmp.without_total:.1f} without it "
            f"({delta:+.1f})</b>"]
    changed = [c for c in cmp.changed() if c.section != "score"]
    if not changed:
        rows.append(esc("Nothing else measurable changes: the year would have ended the same without this action."))
    section = ""
    for change in changed:
        if change.section != section:
            section = change.section
            rows += ["", f"<b>{esc(SECTION_WORDS.get(section, section.capitalize()))}</b>"]
        name = objective_names.get(change.item, change.item) if section == "objective" else change.item
        name = name[:1].upper() + name[1:]
        diff = f" ({change.delta:+.1f})" if change.delta is not None else ""
        rows.append(esc(f"{name}: {_value(change.actual)} in your game, {_value(change.without)} without it{diff}"))
    if cmp.skipped:
        rows += ["", "<b>Later actions the rules would no longer have allowed</b> (left out of the replay)"]
        rows += [esc(f"• {s}") for s in cmp.skipped]
    return "<br>".join(rows)
