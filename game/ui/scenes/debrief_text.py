"""The debrief screen's text: the summary, the ledgers, the decisions with their hidden numbers,
the discussion prompts and the result of a counterfactual, as markup for pygame_gui text boxes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from game.i18n import N_, Wording, _, number_text
from game.records.counterfactual import SECTION_WORDS
from game.ui.palette import Palette
from game.ui.text import KIND_WORDS, colour, esc
from game.wording import reason_value

ABOUT_WORDS = Wording({"threat": N_("your threat"), "proposal": N_("your proposal"), "counter": N_("its counter-offer"),
               "measure": N_("a US measure")})


def _num(value: float) -> str:
    return number_text(f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}")


def summary_html(d: Any, record_path: Path | None, exported: list[Path]) -> str:
    """Score, objectives, reading score, the record check and where the files are."""
    rows = [_("<b>Score under the {mandate_name} mandate: {total:+.1f} against doing nothing</b>").format(
                mandate_name=esc(d.mandate_name), total=d.total),
            esc(d.total_words),
            esc(_("{scenario_title}: {months_played} of {turns_total} months played, seed {seed}.").format(
                    scenario_title=d.scenario_title, months_played=d.months_played, turns_total=d.turns_total, seed=d.seed)), "",
            _("<b>You against doing nothing</b>, objective by objective (weight in the mandate; the same year "
              "with no actions beside)")]
    for row in sorted(d.objectives, key=lambda r: -r.weight):
        rows.append(_("{name} (weight {weight:g}): <b>{gain:+.0f}</b>, {verdict}. <i>{value}.</i>").format(
                        name=esc(row.name), weight=row.weight, gain=row.gain, verdict=esc(row.verdict),
                        value=esc(row.figures[:1].upper() + row.figures[1:])))
    rows += ["", _("<b>Reading the governments</b>: {reading_score:.0f} of 100 on average (how many of your "
                    "guessed priorities were among each government's true top three; see Priorities).").format(
                     reading_score=d.reading_score)]
    rows += ["", _("<b>Record check</b>: {verify_summary}").format(verify_summary=esc(d.verify_summary))]
    rows += [esc(_("Note: {w}").format(w=w)) for w in d.warnings]
    if d.mismatches:
        rows.append(esc(_("First difference: {mismatches}").format(mismatches=d.mismatches[0])))
    if record_path is not None:
        rows.append(esc(_("Record file: {record_path}").format(record_path=record_path)))
    for path in exported:
        rows.append(esc(_("Exported: {path}").format(path=path)))
    rows += ["", _("<b>Using this screen</b>"),
             esc(_("Keys 1 to 7 (or the buttons) open the sections. Up, Down, PageUp, PageDown, Home and End "
                 "scroll. X exports the debrief as a web page (HTML) and a spreadsheet (CSV) next to the "
                 "records. Esc returns to the final score."))]
    return "<br>".join(rows)


def _kept(entry: Any, pal: Palette) -> str:
    if entry.kept is True:
        return colour(_("credibility earned"), pal.good)
    if entry.kept is False:
        return colour(_("credibility lost"), pal.bad)
    return _("still open")


def ledgers_html(d: Any, pal: Palette) -> str:
    """The credibility ledger (threats, promises, agreements) and the humanitarian ledger."""
    card = d.scorecard
    rows = [_("<b>Credibility ledger</b>"),
            esc(_("Threats carried out: {carried}; bluffs called: {called}; promises kept: {kept}; promises broken: "
                   "{broken}.").format(
                    carried=card.get('threats_carried_out', 0), called=card.get('bluffs_called', 0), kept=card.get('promises_kept', 0),
                    broken=card.get('promises_broken', 0))), "",
            _("<b>Threats</b>")]
    for t in d.threats:
        rows.append(f"{esc(t.month)} · <b>{esc(t.name)}</b> · {esc(t.lever)}: {esc(t.detail)}. "
                    f"{esc(t.outcome.capitalize())} ({_kept(t, pal)}).")
    if not d.threats:
        rows.append(_("No threats were made."))
    rows += ["", _("<b>Promises</b>")]
    for p in d.promises:
        rows.append(f"{esc(p.month)} · <b>{esc(p.name)}</b> · {esc(p.lever)}: {esc(p.detail)}. "
                    f"{esc(p.outcome.capitalize())} ({_kept(p, pal)}).")
    if not d.promises:
        rows.append(_("No promises were made."))
    rows += ["", _("<b>Agreements</b>")]
    for deal in d.deals:
        pressure = _(" (signed under threat)") if deal.under_threat else ""
        rows.append(_("{month} · <b>{name}</b>: {asks} in return for {offers}{pressure}; {status}.").format(
                        month=esc(deal.month), name=esc(deal.name), asks=esc(deal.asks), offers=esc(deal.offers), pressure=esc(pressure),
                        status=esc(deal.status)))
    if not d.deals:
        rows.append(_("No agreement was signed."))
    rows += ["", _("<b>Humanitarian ledger</b> (thousands of people)")]
    for h in d.humanitarian:
        line = (_("{name}: returned {returned_k:.1f}k, left stranded in transit countries {stranded_k:.1f}k, "
                   "arrivals at the US border {arrivals_start_k:.1f}k a month at the start and "
                   "{arrivals_end_k:.1f}k at the end.").format(
                    name=h.name, returned_k=h.returned_k, stranded_k=h.stranded_k, arrivals_start_k=h.arrivals_start_k,
                    arrivals_end_k=h.arrivals_end_k))
        rows.append(f"<b>{esc(line)}</b>" if not h.country else esc(line))
    protection = card.get("protection")
    if protection is not None:
        rows.append(esc(_("Access to protection along the routes at the end: {protection:.0f} (100 = as at the start).").format(
                            protection=protection)))
    return "<br>".join(rows)


def decisions_html(d: Any, pal: Palette) -> str:
    """Each government's key decisions with the hidden numbers behind them."""
    rows = [esc(_("Every answer to a threat, proposal or measure, and every retaliation and backsliding, with the "
                "numbers the players could not see. Each reason's number is how far it pushed the government "
                "towards yes (positive) or no (negative); the total is what the deal was worth to the government "
                "compared with no deal (above zero leans towards yes).")), ""]
    for dec in d.decisions:
        kind = KIND_WORDS.get(dec.kind, dec.kind.capitalize())
        about = _(" to {what}").format(what=ABOUT_WORDS.get(dec.about, dec.about)) if dec.about else ""
        head = f"<b>{esc(dec.month)} · {esc(dec.name)}: {esc(kind)}</b>{esc(about)}"
        if dec.asks:
            head += esc(_(" (asks: {asks})").format(asks=dec.asks))
        rows.append(head)
        if dec.said:
            rows.append(f"<i>“{esc(dec.said)}”</i>")
        total = colour(number_text(f"{dec.utility:+.2f}" if abs(dec.utility) >= 0.005 else "0.00"),
                       pal.good if dec.utility >= 0 else pal.bad)
        rows.append(_("Total: {total} (the deal against no deal)").format(total=total))
        for f in dec.factors:
            rows.append(f"• {esc(f.text)} [{reason_value(f.value)}]")
        rows.append("")
    if not d.decisions:
        rows.append(_("No government had a decision to make about your threats, proposals or measures."))
    return "<br>".join(rows)


def discussion_html(d: Any) -> str:
    """The scenario's discussion prompts, numbered."""
    if not d.prompts:
        return _("This scenario has no discussion prompts.")
    rows = [_("<b>For discussion</b>"), ""]
    rows += [f"<b>{i}.</b> {esc(p)}<br>" for i, p in enumerate(d.prompts, start=1)]
    return "<br>".join(rows)


def _value(value: Any) -> str:
    return number_text(_num(float(value))) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def comparison_html(cmp: Any, objective_names: Mapping[str, str]) -> str:
    """What changes when the chosen action is taken out: your game beside the game without it."""
    delta = cmp.without_total - cmp.actual_total
    rows = [_("<b>Without:</b> {value}").format(value=esc(_("month {turn}, {removed}").format(
                                                              turn=cmp.turn, removed=cmp.removed))), "",
            "<b>" + _("Score: {actual:.1f} in your game, {without:.1f} without it ({delta:+.1f})").format(
                actual=cmp.actual_total, without=cmp.without_total, delta=delta) + "</b>"]
    changed = [c for c in cmp.changed() if c.section != "score"]
    if not changed:
        rows.append(esc(_("Nothing else measurable changes: the year would have ended the same without this action.")))
    section = ""
    for change in changed:
        if change.section != section:
            section = change.section
            rows += ["", f"<b>{esc(SECTION_WORDS.get(section, section.capitalize()))}</b>"]
        name = _(change.item) if section == "objective" else change.item  # the objective's English name, marked
        name = name[:1].upper() + name[1:]
        diff = number_text(f" ({change.delta:+.1f})") if change.delta is not None else ""
        rows.append(esc(_("{name}: {value} in your game, {value2} without it{diff}").format(
                            name=name, value=_value(change.actual), value2=_value(change.without), diff=diff)))
    if cmp.skipped:
        rows += ["", _("<b>Later actions the rules would no longer have allowed</b> (left out of the replay)")]
        rows += [esc(f"• {s}") for s in cmp.skipped]
    return "<br>".join(rows)
