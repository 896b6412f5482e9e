"""The debrief as one standalone HTML page (``export --format html``): tables and inline SVG charts."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from game.debrief.data import Debrief, objective_help
from game.debrief.htmlkit import document, html, join, table
from game.debrief.ledgers import event_list, events_legend
from game.debrief.reading import dimension_label
from game.debrief.svg import bar_chart, line_chart
from game.i18n import _, number_text
from game.i18n.formats import date_time
from game.records.counterfactual import SECTION_WORDS, Comparison
from game.wording import ABOUT_WORDS, KIND_WORDS, reason_value


def _status(kept: bool | None, text: str) -> Markup:
    css = "open" if kept is None else ("kept" if kept else "lost")
    return html('<span class="{}">{}</span>', css, text)


def _when(stamp: str) -> str:
    """A record's ISO time stamp as the language writes a date and time (the stamp itself if unreadable)."""
    try:
        return date_time(datetime.datetime.fromisoformat(stamp))
    except ValueError:
        return stamp


def _header(d: Debrief) -> list[Markup]:
    verdict = html('<span class="{}">{}</span>', "ok" if d.verified else "bad", d.verify_summary)
    who = html("{} — ", d.player) if d.player else ""
    meta = (_("mandate {mandate}, seed {seed}, {played} of {total} months played; recorded {created}.") if d.over else
            _("mandate {mandate}, seed {seed}, {played} of {total} months played (game not finished); "
              "recorded {created}."))
    out = [
        html("<h1>{}</h1>", _("Debrief: {title}").format(title=d.scenario_title)),
        html('<p class="meta">{}{}</p>', who, html(meta, mandate=html("<b>{}</b>", d.mandate_name), seed=d.seed,
                                                   played=d.months_played, total=d.turns_total, created=_when(d.created))),
        html("<p>{}</p>", html(_("Replay check: {verdict}"), verdict=verdict)),
    ]
    if d.mismatches:
        out.append(html("<details><summary>{}</summary><ul>{}</ul></details>", _("Differences found"),
                        join(html("<li>{}</li>", m) for m in d.mismatches)))
    out += [html('<p class="bad">{}</p>', w) for w in d.warnings]
    return out


def _score(d: Debrief) -> list[Markup]:
    rows = [(o.name, o.weight, number_text(f"{o.gain:+.1f}"), o.verdict, o.figures, o.score, o.idle, objective_help(o.id))
            for o in d.objectives]
    return [
        html("<h2>{}</h2>", _("Score: you against doing nothing")),
        html("<p>{} {}</p>", html(_("{score} under the {mandate} mandate."),
                                  score=html('<span class="big">{}</span>', number_text(f"{d.total:+.1f}")), mandate=d.mandate_name),
             d.total_words),
        html("<p>{}</p>", _("Each objective is compared with the same year, same seed, played with no actions at all: "
                            "0 means the year went as it would have without the envoy, below 0 that it went worse.")),
        table([_("Objective"), _("Weight"), _("Points"), _("Against doing nothing"), _("The figures"),
               _("Score (0-100)"), _("Doing nothing (0-100)"), _("What it measures")], rows, numeric=(1, 2, 5, 6)),
        bar_chart("objectives", _("Points against doing nothing, per objective"), [o.name for o in d.objectives],
                  [(_("Points"), [o.gain for o in d.objectives])], low=-100.0, high=100.0),
    ]


def _readings(d: Debrief) -> list[Markup]:
    rows = []
    for r in d.readings:
        top = ", ".join(f"{dimension_label(k)} ({number_text(f'{r.weights[k]:.2f}')})" for k in r.true_top)
        guess = ", ".join(dimension_label(g) for g in r.guessed) or _("no guess")
        score = _("no guess") if r.no_guess else f"{r.score:.0f}"
        rows.append((r.name, top, guess, ", ".join(dimension_label(m) for m in r.matched) or "—", score, r.note))
    dims = list(d.readings[0].weights) if d.readings else []
    dims.sort(key=lambda k: -sum(r.weights.get(k, 0.0) for r in d.readings))
    weights = [(r.name, *(number_text(f"{r.weights.get(k, 0.0):.2f}") for k in dims)) for r in d.readings]
    return [
        html("<h2>{}</h2>", _("Reading the governments")),
        html("<p>{}</p>", html(_("Each government's true priorities beside your guesses. Reading score: {score} / 100 "
                                 "(share of your guesses among the true top three)."),
                               score=html("<b>{:.0f}</b>", d.reading_score))),
        table([_("Country"), _("True top priorities (weight)"), _("Your guess"), _("Right"), _("Reading"),
               _("Your notes")], rows, numeric=(4,), css="readings"),
        html("<details><summary>{}</summary>", _("Every hidden priority weight (0 = does not care, 1 = cares most)")),
        html('<div class="scroll">{}</div></details>', table([_("Country"), *(dimension_label(k) for k in dims)], weights,
                                                             numeric=range(1, len(dims) + 1), css="weights")),
    ]


def _timelines(d: Debrief) -> list[Markup]:
    out = [html("<h2>{}</h2>", _("Timelines"))]
    events = event_list(d.deals, d.threats, d.promises)
    if events:
        out.append(html('<p class="small">{}</p>', events_legend(events)))
    marks = sorted({(month, code) for month, code, _name in events})
    for t in d.timelines:
        out.append(html('<h3>{} <span class="small">({})</span></h3>', t.title, t.unit))
        out.append(line_chart(t.id, t.title, t.turns, [(s.label, s.values) for s in t.series], t.low, t.high,
                              marks=marks))
    return out


def _ledgers(d: Debrief) -> list[Markup]:
    threats = [(e.month, e.name, e.lever, e.detail, _status(e.kept, e.outcome)) for e in d.threats]
    promises = [(e.month, e.name, e.lever, e.detail, _status(e.kept, e.outcome)) for e in d.promises]
    deals = [(x.month, x.name, x.asks, x.offers, _("yes") if x.under_threat else _("no"), x.status) for x in d.deals]
    human = [(h.name, h.returned_k, h.stranded_k, h.arrivals_start_k, h.arrivals_end_k) for h in d.humanitarian]
    card = d.scorecard
    return [
        html("<h2>{}</h2>", _("Credibility ledger")),
        html("<p>{}</p>", _("Threats carried out: {threats}; bluffs called: {bluffs}; promises kept: {kept}; "
                            "broken: {broken}.").format(
            threats=card.get("threats_carried_out", 0), bluffs=card.get("bluffs_called", 0),
            kept=card.get("promises_kept", 0), broken=card.get("promises_broken", 0))),
        html("<h3>{}</h3>", _("Threats")),
        table([_("Month"), _("Country"), _("Measure"), _("Threat"), _("What happened")], threats, css="threats"),
        html("<h3>{}</h3>", _("Promises")),
        table([_("Month"), _("Country"), _("Measure"), _("Promise"), _("What happened")], promises, css="promises"),
        html("<h3>{}</h3>", _("Agreements")),
        table([_("Month"), _("Country"), _("Commitments"), _("US offers"), _("Under threat"), _("Status")], deals),
        html("<h2>{}</h2>", _("Humanitarian ledger")),
        html("<p>{}</p>", _("Access to protection at the end: {value} / 100.").format(
            value=f"{card.get('protection', 0):.0f}")),
        table([_("Country"), _("Returned (k)"), _("Stranded in transit (k)"), _("Border arrivals, first month (k)"),
               _("Border arrivals, last month (k)")], human, numeric=(1, 2, 3, 4), css="humanitarian"),
    ]


def _decisions(d: Debrief) -> list[Markup]:
    out = [html("<h2>{}</h2>", _("Why governments decided as they did")),
           html("<p>{}</p>", _("Each decision with the hidden numbers behind it: a government accepts when the sum "
                               "(its utility) is zero or more."))]
    for x in d.decisions:
        factors = join(html('<li class="{}">{} — {}</li>', "factor-pos" if f.value >= 0 else "factor-neg",
                            reason_value(f.value), f.text) for f in x.factors)
        asks = html(" ({})", x.asks) if x.asks else ""
        about = " " + ABOUT_WORDS[x.about] if x.about in ABOUT_WORDS else ""
        utility = _("utility {value}").format(value=number_text(f"{x.utility:+.3f}"))
        out.append(html("<details open><summary>{} — {}: <b>{}</b>{}{}; {}</summary>"
                        "<p><i>{}</i></p><ul>{}</ul></details>",
                        x.month, x.name, KIND_WORDS.get(x.kind, x.kind), about, asks, utility, x.said, factors))
    if not d.decisions:
        out.append(html("<p>{}</p>", _("No government had to decide on a demand or a proposal.")))
    return out


def _actions(d: Debrief) -> list[Markup]:
    rows = [(a.month, a.index + 1, a.text) for a in d.actions]
    return [html("<h2>{}</h2>", _("What the envoy did")),
            table([_("Month"), "#", _("Action")], rows, numeric=(1,), css="actions")]


def counterfactual_html(c: Comparison) -> list[Markup]:
    """The counterfactual section."""
    rows = [(SECTION_WORDS.get(ch.section, ch.section), _(ch.item) if ch.section == "objective" else ch.item,
             ch.actual, ch.without, "" if ch.delta is None else number_text(f"{ch.delta:+.2f}")) for ch in c.changed()]
    out = [html("<h2>{}</h2>", _("Counterfactual")),
           html("<p>{}</p>", html(_("The same game without {action} (month {month}): score {actual} → {without}."),
                                  action=html("<b>{}</b>", c.removed), month=c.turn, actual=number_text(f"{c.actual_total:.1f}"),
                                  without=number_text(f"{c.without_total:.1f}")))]
    if c.skipped:
        out.append(html("<p>{}</p><ul>{}</ul>", _("Later actions no longer possible without it:"),
                        join(html("<li>{}</li>", s) for s in c.skipped)))
    out.append(table([_("Section"), _("Item"), _("Actual game"), _("Without the action"), _("Change")], rows,
                     numeric=(4,), css="counterfactual"))
    return out


def debrief_html(d: Debrief) -> Markup:
    """The whole page."""
    body = _header(d) + _score(d) + _readings(d) + _timelines(d) + _ledgers(d) + _decisions(d) + _actions(d)
    if d.counterfactual is not None:
        body += counterfactual_html(d.counterfactual)
    footer = (_("Scenario {scenario}; data fingerprint {fingerprint}.") if d.data_matches else
              _("Scenario {scenario}; data fingerprint {fingerprint} (differs from the current data)."))
    body += [html("<h2>{}</h2>", _("Discussion")),
             html('<ol class="prompts">{}</ol>', join(html("<li>{}</li>", p) for p in d.prompts)),
             html('<p class="small">{}</p>', footer.format(scenario=d.scenario, fingerprint=d.fingerprint[:16]))]
    return document(_("Debrief: {title}").format(title=d.scenario_title), body)
