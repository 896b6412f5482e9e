"""The debrief as one standalone HTML page (``export --format html``): tables and inline SVG charts."""

from __future__ import annotations

from game.debrief.data import Debrief, objective_help
from game.debrief.htmlkit import document, esc, table
from game.debrief.reading import dimension_label
from game.debrief.svg import bar_chart, line_chart
from game.i18n import _
from game.records.counterfactual import Comparison


def _status(kept: bool | None, text: str) -> str:
    css = "open" if kept is None else ("kept" if kept else "lost")
    return f'<span class="{css}">{esc(text)}</span>'


def _header(d: Debrief) -> list[str]:
    verdict = (f'<span class="ok">{esc(d.verify_summary)}</span>' if d.verified
               else f'<span class="bad">{esc(d.verify_summary)}</span>')
    who = f"{esc(d.player)} — " if d.player else ""
    meta = (_("mandate {mandate}, seed {seed}, {played} of {total} months played; recorded {created}.") if d.over else
            _("mandate {mandate}, seed {seed}, {played} of {total} months played (game not finished); "
              "recorded {created}."))
    out = [
        "<h1>" + esc(_("Debrief: {title}").format(title=d.scenario_title)) + "</h1>",
        f'<p class="meta">{who}' + meta.format(mandate=f"<b>{esc(d.mandate_name)}</b>", seed=d.seed,
                                               played=d.months_played, total=d.turns_total,
                                               created=esc(d.created)) + "</p>",
        "<p>" + _("Replay check: {verdict}").format(verdict=verdict) + "</p>",
    ]
    if d.mismatches:
        out.append("<details><summary>" + esc(_("Differences found")) + "</summary><ul>"
                   + "".join(f"<li>{esc(m)}</li>" for m in d.mismatches) + "</ul></details>")
    out += [f'<p class="bad">{esc(w)}</p>' for w in d.warnings]
    return out


def _score(d: Debrief) -> list[str]:
    rows = [(o.name, objective_help(o.id), o.score, o.weight) for o in d.objectives]
    return [
        "<h2>" + esc(_("Score")) + "</h2>",
        "<p>" + _("{score} / 100 under the {mandate} mandate").format(
            score=f'<span class="big">{d.total:.1f}</span>', mandate=esc(d.mandate_name)) + "</p>",
        table([_("Objective"), _("What it measures"), _("Score"), _("Weight")], rows, numeric=(2, 3)),
        bar_chart("objectives", _("Score per objective"), [o.name for o in d.objectives],
                  [(_("Score"), [o.score for o in d.objectives])]),
    ]


def _readings(d: Debrief) -> list[str]:
    rows = []
    for r in d.readings:
        top = ", ".join(f"{dimension_label(k)} ({r.weights[k]:.2f})" for k in r.true_top)
        guess = ", ".join(dimension_label(g) for g in r.guessed) or _("no guess")
        score = _("no guess") if r.no_guess else f"{r.score:.0f}"
        rows.append((r.name, top, guess, ", ".join(dimension_label(m) for m in r.matched) or "—", score, r.note))
    dims = list(d.readings[0].weights) if d.readings else []
    dims.sort(key=lambda k: -sum(r.weights.get(k, 0.0) for r in d.readings))
    weights = [(r.name, *(f"{r.weights.get(k, 0.0):.2f}" for k in dims)) for r in d.readings]
    return [
        "<h2>" + esc(_("Reading the governments")) + "</h2>",
        "<p>" + _("Each government's true priorities beside your guesses. Reading score: {score} / 100 "
                  "(share of your guesses among the true top three).").format(
            score=f"<b>{d.reading_score:.0f}</b>") + "</p>",
        table([_("Country"), _("True top priorities (weight)"), _("Your guess"), _("Right"), _("Reading"),
               _("Your notes")], rows, numeric=(4,), css="readings"),
        "<details><summary>" + esc(_("Every hidden priority weight (0 = does not care, 1 = cares most)"))
        + "</summary>",
        '<div class="scroll">' + table([_("Country"), *(dimension_label(k) for k in dims)], weights,
                                       numeric=range(1, len(dims) + 1), css="weights") + "</div></details>",
    ]


def _timelines(d: Debrief) -> list[str]:
    out = ["<h2>" + esc(_("Timelines")) + "</h2>"]
    for t in d.timelines:
        out.append(f"<h3>{esc(t.title)} <span class=\"small\">({esc(t.unit)})</span></h3>")
        out.append(line_chart(t.id, t.title, t.turns, [(s.label, s.values) for s in t.series], t.low, t.high))
    return out


def _ledgers(d: Debrief) -> list[str]:
    threats = [(e.month, e.name, e.lever, e.detail, _status(e.kept, e.outcome)) for e in d.threats]
    promises = [(e.month, e.name, e.lever, e.detail, _status(e.kept, e.outcome)) for e in d.promises]
    deals = [(x.month, x.name, x.asks, x.offers, _("yes") if x.under_threat else _("no"), x.status) for x in d.deals]
    human = [(h.name, h.returned_k, h.stranded_k, h.arrivals_start_k, h.arrivals_end_k) for h in d.humanitarian]
    card = d.scorecard
    return [
        "<h2>" + esc(_("Credibility ledger")) + "</h2>",
        "<p>" + esc(_("Threats carried out: {threats}; bluffs called: {bluffs}; promises kept: {kept}; "
                      "broken: {broken}.").format(
            threats=card.get("threats_carried_out", 0), bluffs=card.get("bluffs_called", 0),
            kept=card.get("promises_kept", 0), broken=card.get("promises_broken", 0))) + "</p>",
        "<h3>" + esc(_("Threats")) + "</h3>",
        table([_("Month"), _("Country"), _("Measure"), _("Threat"), _("What happened")], threats, raw=(4,),
              css="threats"),
        "<h3>" + esc(_("Promises")) + "</h3>",
        table([_("Month"), _("Country"), _("Measure"), _("Promise"), _("What happened")], promises, raw=(4,),
              css="promises"),
        "<h3>" + esc(_("Agreements")) + "</h3>",
        table([_("Month"), _("Country"), _("Commitments"), _("US offers"), _("Under threat"), _("Status")], deals),
        "<h2>" + esc(_("Humanitarian ledger")) + "</h2>",
        "<p>" + esc(_("Access to protection at the end: {value} / 100.").format(
            value=f"{card.get('protection', 0):.0f}")) + "</p>",
        table([_("Country"), _("Returned (k)"), _("Stranded in transit (k)"), _("Border arrivals, first month (k)"),
               _("Border arrivals, last month (k)")], human, numeric=(1, 2, 3, 4), css="humanitarian"),
    ]


def _decisions(d: Debrief) -> list[str]:
    out = ["<h2>" + esc(_("Why governments decided as they did")) + "</h2>",
           "<p>" + esc(_("Each decision with the hidden numbers behind it: a government accepts when the sum "
                         "(its utility) is zero or more.")) + "</p>"]
    for x in d.decisions:
        factors = "".join(
            f'<li class="{"factor-pos" if f.value >= 0 else "factor-neg"}">{f.value:+.3f} — {esc(f.text)}</li>'
            for f in x.factors)
        asks = f" ({esc(x.asks)})" if x.asks else ""
        out.append(f"<details open><summary>{esc(x.month)} — {esc(x.name)}: <b>{esc(x.kind)}</b> to the "
                   f"{esc(x.about)}{asks}; utility {x.utility:+.3f}</summary>"
                   f"<p><i>{esc(x.said)}</i></p><ul>{factors}</ul></details>")
    if not d.decisions:
        out.append("<p>" + esc(_("No government had to decide on a demand or a proposal.")) + "</p>")
    return out


def _actions(d: Debrief) -> list[str]:
    rows = [(a.month, a.index + 1, a.text) for a in d.actions]
    return ["<h2>" + esc(_("What the envoy did")) + "</h2>",
            table([_("Month"), "#", _("Action")], rows, numeric=(1,), css="actions")]


def counterfactual_html(c: Comparison) -> list[str]:
    """The counterfactual section."""
    rows = [(ch.section, ch.item, ch.actual, ch.without, "" if ch.delta is None else f"{ch.delta:+.2f}")
            for ch in c.changed()]
    out = ["<h2>" + esc(_("Counterfactual")) + "</h2>",
           "<p>" + _("The same game without {action} (month {month}): score {actual} → {without}.").format(
               action=f"<b>{esc(c.removed)}</b>", month=c.turn, actual=f"{c.actual_total:.1f}",
               without=f"{c.without_total:.1f}") + "</p>"]
    if c.skipped:
        out.append("<p>" + esc(_("Later actions no longer possible without it:")) + "</p><ul>"
                   + "".join(f"<li>{esc(s)}</li>" for s in c.skipped) + "</ul>")
    out.append(table([_("Section"), _("Item"), _("Actual game"), _("Without the action"), _("Change")], rows,
                     numeric=(4,), css="counterfactual"))
    return out


def debrief_html(d: Debrief) -> str:
    """The whole page."""
    body = _header(d) + _score(d) + _readings(d) + _timelines(d) + _ledgers(d) + _decisions(d) + _actions(d)
    if d.counterfactual is not None:
        body += counterfactual_html(d.counterfactual)
    footer = (_("Scenario {scenario}; data fingerprint {fingerprint}.") if d.data_matches else
              _("Scenario {scenario}; data fingerprint {fingerprint} (differs from the current data)."))
    body += ["<h2>" + esc(_("Discussion")) + "</h2>",
             "<ol class=\"prompts\">" + "".join(f"<li>{esc(p)}</li>" for p in d.prompts) + "</ol>",
             '<p class="small">' + esc(footer.format(scenario=d.scenario, fingerprint=d.fingerprint[:16])) + "</p>"]
    return document(_("Debrief: {title}").format(title=d.scenario_title), body)
