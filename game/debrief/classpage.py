"""The class comparison as one standalone HTML page: a section per scenario and data version."""

from __future__ import annotations

import datetime

from markupsafe import Markup

from game.debrief.classreport import OBJECTIVES, SCORED_VS_IDLE, TAMPERED, ClassReport, Group, group_stats
from game.debrief.data import objective_name
from game.debrief.htmlkit import document, html, join, plain, table
from game.debrief.svg import bar_chart, dot_plot
from game.i18n import _, ngettext
from game.i18n.formats import counted, date_time


def _check(text: str) -> Markup:
    css = "ok" if text.startswith("verified") else ("bad" if text == TAMPERED else "open")
    return html('<span class="{}">{}</span>', css, _(text))  # the checks are kept in English, shown translated


def _group(index: int, group: Group, report: ClassReport) -> list[Markup]:
    current = report.current_fingerprint
    title = report.titles.get(group.scenario, group.scenario)

    def named(mandate: str) -> str:
        return report.mandates.get(mandate, mandate)

    made = (_("{records}, made with the current data.") if group.fingerprint == current else
            _("{records}, made with OTHER data than the current files."))
    stats = group_stats(group)
    mandates = group.mandates()
    out = [html("<h2>{}</h2>", _("Scenario {scenario} — data {fingerprint}").format(
               scenario=title, fingerprint=group.fingerprint[:12])),
           html("<p>{}</p>", made.format(records=counted(len(group.rows), "{n} record", "{n} records")))]
    left_out, kept = group.left_out(), group.counted()
    if left_out:
        text = ngettext("Left out of the statistics and charts below: {n} record that does not match its replay "
                        "(NOT MATCHING: changed by hand or damaged): {names}. It is still listed in the table.",
                        "Left out of the statistics and charts below: {n} records that do not match their replay "
                        "(NOT MATCHING: changed by hand or damaged): {names}. They are still listed in the table.",
                        len(left_out)).format(n=len(left_out), names=", ".join(r.player for r in left_out))
        out.append(html('<p class="bad">{}</p>', text))
    spread_rows = [(named(e["mandate"]), e["total"]["n"], e["total"]["mean"], e["total"]["sd"], e["total"]["min"],
                    e["total"]["median"], e["total"]["max"], e["reading"]["mean"], e["credibility"]["mean"],
                    e["agreements_signed"]["mean"]) for e in stats]
    out.append(table([_("Mandate"), _("Records counted"), _("Mean score"), _("SD"), _("Min"), _("Median"), _("Max"),
                      _("Mean reading of priorities"), _("Mean credibility at the end"), _("Mean agreements signed")],
                     spread_rows,
                     numeric=range(1, 10), css="spreads"))
    out.append(dot_plot(f"scores-{index}", _("Scores by mandate, scenario {scenario}").format(scenario=title),
                        [(named(m), [r.total for r in kept if r.mandate == m]) for m in mandates]))
    out.append(bar_chart(f"objectives-{index}",
                         _("Mean points against doing nothing per objective, scenario {scenario}").format(
                             scenario=title),
                         [objective_name(k) for k in OBJECTIVES],
                         [(named(e["mandate"]), [e["gains"][k] for k in OBJECTIVES]) for e in stats], low=-100.0, high=100.0))
    rows = [(r.player, named(r.mandate), r.seed, r.months, _check(r.check),
             r.total if r.scoring == SCORED_VS_IDLE else f"{plain(r.total)} (" + _("absolute, older record") + ")",
             *(r.gains.get(k, "") for k in OBJECTIVES), r.agreements_signed, r.credibility,
             f"{r.threats_carried_out}/{r.bluffs_called}", f"{r.promises_kept}/{r.promises_broken}",
             "" if r.reading is None else r.reading) for r in group.rows]
    head = [_("Player"), _("Mandate"), _("Seed"), _("Months"), _("Check"), _("Score vs doing nothing"),
            *(_("{objective} score").format(objective=objective_name(k)) for k in OBJECTIVES), _("Agreements signed"),
            _("Credibility at the end"), _("Threats carried out / bluffs called"), _("Promises kept / broken"),
            _("Reading of priorities")]
    numeric = [2, 3, 5, *range(6, 6 + len(OBJECTIVES)), 14, 15, 18]
    out.append(html('<div class="scroll">{}</div>', table(head, rows, numeric=numeric, css="records")))
    return out


def report_html(report: ClassReport) -> Markup:
    """The whole page."""
    body = [html("<h1>{}</h1>", _("Class comparison")),
            html('<p class="meta">{}</p>', _("{records} in {groups}; made {time}. Records from different scenarios or "
                                             "versions of the data are compared only within their own group.").format(
                records=counted(len(report.rows), "{n} record", "{n} records"),
                groups=counted(len(report.groups), "{n} group", "{n} groups"),
                time=date_time(datetime.datetime.now()))),
            # this sentence is markup written by us and our translators: its <b> tags are meant
            html("<p>{}</p>", Markup(_("Check: <b>verified</b> = the replay gives every recorded outcome and score; "
                                       "<b>NOT MATCHING</b> = the record was changed or is damaged (the scores shown are the "
                                       "replay's); <b>other data</b> = made with other data files and shown as recorded "
                                       "(<b>verified (other data)</b> when the current data still gives the same game)."))),
            html("<p>{}</p>", _("Scores are measured against the same year played with no actions: 0 = as if the envoy had "
                                "done nothing, below 0 = worse. Each objective column shows the points won or lost on it."))]
    for index, group in enumerate(report.groups, start=1):
        body += _group(index, group, report)
    if report.skipped:
        body.append(html("<h2>{}</h2><ul>{}</ul>", _("Files left out"), join(html("<li>{}</li>", s) for s in report.skipped)))
    if not report.groups:
        body.append(html("<p>{}</p>", _("No readable record was found.")))
    return document(_("Class comparison"), body)
