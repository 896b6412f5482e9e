"""The dossier of one government: public facts, intelligence estimates, commitments, measures,
relations and approval over time, and its latest responses. PageUp/PageDown switch government."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIImage

from game.engine import month_label
from game.i18n import N_, Wording, _, number_text
from game.i18n.formats import counted, number
from game.ui.chartreader import ChartReader
from game.ui.chartreader import key_help as chart_keys
from game.ui.charts import estimate_chart, line_chart
from game.ui.notes import DIMENSIONS
from game.ui.palette import Palette
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.session import Session
from game.ui.text import DIM_NAMES, esc, response_html
from game.ui.widgets import country_header, meter_bar
from game.wording import people_k

TRAITS = Wording({"pride": N_("pride"), "reliability": N_("reliability"), "retaliation": N_("retaliation")})
CHINA_TIES = {"none": N_("none"), "weak": N_("weak"), "moderate": N_("moderate"), "strong": N_("strong")}


def facts_html(session: Session, cid: str) -> str:
    """Public facts about a government."""
    c = session.content.countries[cid]
    f = c.facts
    rows = [_("<b>{name}</b>, capital {capital}. Leader: {leader}.").format(
        name=esc(c.name), capital=esc(c.capital), leader=esc(c.leader)), esc(c.summary), ""]
    figures = [
        (_("Population"), _("{population_m:g} million").format(population_m=f.population_m)),
        (_("GDP"), _("${gdp_bn:g} billion").format(gdp_bn=f.gdp_bn) if f.gdp_bn is not None else None),
        (_("Remittances"), _("{share:g}% of GDP").format(share=f.remittances_pct_gdp)
         if f.remittances_pct_gdp is not None else None),
        (_("Exports to the US"), _("{share:g}% of exports").format(share=f.exports_to_us_pct)
         if f.exports_to_us_pct is not None else None),
        (_("Nationals at the US border"), _("{people} a year").format(people=people_k(f.encounters_k))),
        (_("Living in the US without authorization"),
         people_k(f.unauthorized_in_us_k) if f.unauthorized_in_us_k is not None else None),
        (_("Removals from the US"), _("{people} a year").format(people=number(f.removals_per_year))
         if f.removals_per_year is not None else None),
        (_("Ties to China"), _(CHINA_TIES.get(f.china_ties.value, f.china_ties.value))
         + (f" ({f.china_note})" if f.china_note else "")),
    ]
    rows += [f"<b>{esc(k)}</b>: {esc(v)}" for k, v in figures if v is not None]
    if f.agreements:
        rows += ["", "<b>" + _("History with the United States") + "</b>"] + [f"• {esc(a)}" for a in f.agreements]
    rows += ["", "<i>" + _("Sources: {sources}").format(sources=esc("; ".join(f.sources))) + "</i>"]
    return "<br>".join(rows)


def standing_html(session: Session, cid: str, pal: Palette) -> str:
    """Commitments, measures, offers on the table, threats pending and the latest responses."""
    rules, st = session.rules, session.state
    cs = st.countries[cid]
    names = session.names()
    rows = [_("<b>Now</b>: relations {relations:+.0f}, trust {trust:.0f}, approval {approval:.0f}, economy {economy:.0f}, "
              "departures {outflow_k:.1f}k a month, arrivals at the US border {arrivals_k:.1f}k.").format(
        relations=cs.relations, trust=cs.trust, approval=cs.approval, economy=cs.economy, outflow_k=cs.outflow_k,
        arrivals_k=cs.arrivals_k)]
    rows.append(_("<b>Commitments</b>: ") + (esc(", ".join(
        f"{rules.asks[a].name}: {rules.asks[a].labels[lvl - 1] if 0 < lvl <= len(rules.asks[a].labels) else lvl}"
        for a, lvl in cs.commitments.items())) or _("none")))
    measures = []
    for lid, left in cs.measures.items():
        if lid in rules.levers:
            remaining = _("until lifted") if left == 0 else counted(left, "{n} month left", "{n} months left")
            measures.append(f"{rules.levers[lid].name} ({remaining})")
    rows.append(_("<b>US measures in force</b>: ") + (esc(", ".join(measures)) or _("none")))
    country = rules.countries[cid]
    for aid in cs.intel.red_lines:  # learned by hitting it or through intelligence
        line = country.red_lines.get(aid)
        if line is not None and aid in rules.asks:
            rows.append(esc(_("Red line learned: {name} from level {from_level}. {reason}").format(
                                name=rules.asks[aid].name, from_level=line.from_level, reason=line.reason)))
    traits = [(key, cs.intel.estimates[key]) for key in ("pride", "reliability", "retaliation") if key in cs.intel.estimates]
    if traits:
        rows.append(esc(_("Estimated traits (80% within ±{margin:.2f}): {traits}").format(
            margin=cs.intel.margin, traits=", ".join(f"{TRAITS[key]} {number_text(f'{value:.2f}')}" for key, value in traits))))
    pending = [t for t in st.threats if t.country == cid and t.status == "pending"]
    for t in pending:
        when = _("this month") if t.deadline == st.turn else _("{month_label} (month {deadline})").format(
                                                              month_label=month_label(rules, t.deadline), deadline=t.deadline)
        rows.append(esc(_("Threat pending: {measure} ({visibility}), deadline {when}: carry it out by then or the bluff is called "
                           "when that month ends.").format(
                            measure=names.get(t.lever, t.lever), visibility=_('public') if t.public else _('private'), when=when)))
    if cs.pending_counter is not None and cs.pending_counter.turn == st.turn - 1:
        rows.append(_("<b>Their counter-offer is on the table this month</b> (accept it in Planning)."))
    responses = [r for r in st.responses if r.country == cid][-3:]
    rows.append(_("<br><b>Latest responses</b>"))
    if not responses:
        rows.append(_("None yet."))
    for resp in reversed(responses):
        rows.append(_("<i>Month {turn}</i>: ").format(turn=resp.turn) + response_html(resp, session.country_name(cid), pal, names))
    return "<br>".join(rows)


class DossierScene(Scene):
    """What is known about one government."""

    name = "dossier"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.reader = ChartReader()  # the chart read line by line from the keyboard
        self.chart: UIImage | None = None

    def build(self) -> None:
        lay, pal = self.lay, self.pal
        session = self.ctx.session
        assert session is not None
        cid = session.selected
        top = meter_bar(self)
        top = country_header(self, top, _("Dossier: {country_name}").format(country_name=session.country_name(cid)), [
            (_("Planning"), self.planning, pygame.K_p, _("Plan actions for this government.")),
            (_("Notes"), self.notes, pygame.K_n, _("Note your guess of its priorities.")),
            (_("Back to map"), self.back, None, _("Return to the map. (key: Esc)")),
        ])
        margin = lay.px(10)
        area = pygame.Rect(margin, top + margin, lay.w - 2 * margin, lay.h - top - 2 * margin)
        col_w = (area.w - 2 * margin) // 3
        left = pygame.Rect(area.x, area.y, col_w, area.h)
        mid = pygame.Rect(left.right + margin, area.y, col_w, area.h)
        right = pygame.Rect(mid.right + margin, area.y, area.right - mid.right - margin, area.h)
        self.ui.textbox(left, facts_html(session, cid), panel="dossier")
        cs = session.state.countries[cid]
        hist = cs.history
        chart_h = (mid.h - margin) // 2
        lines = [(_("Relations"), [h.relations for h in hist], pal.c("accent")),
                 (_("Approval"), [h.approval for h in hist], pal.c("selected"))]
        chart = line_chart((mid.w, chart_h), _("Over time (end of each month)"), lines, -100, 100, lay, pal)
        self.chart = self.ui.keep(UIImage(pygame.Rect(mid.x, mid.y, mid.w, chart_h), chart, manager=self.ctx.manager,
                                          container=self.ui.root))
        self.reader.clear()
        self.reader.add(session.country_name(cid), [(name, values) for name, values, _colour in lines], self.chart)
        intel = cs.intel
        rows = [(DIM_NAMES[d], intel.estimates.get(d) if intel.estimates else None) for d in DIMENSIONS]
        est_rect = pygame.Rect(mid.x, mid.y + chart_h + margin, mid.w, mid.h - chart_h - margin)
        if intel.estimates:
            reports = counted(intel.effort, "{n} report", "{n} reports")
            titles = [_("Intelligence estimate of its priorities (±{margin:.2f}, {reports})").format(
                          margin=intel.margin, reports=reports),
                      _("Estimated priorities (±{margin:.2f}, {reports})").format(margin=intel.margin, reports=reports),
                      _("Estimates (±{margin:.2f})").format(margin=intel.margin)]
        else:
            titles = [_("No intelligence yet: order it in Planning"), _("No intelligence yet")]
        title = next((t for t in titles if lay.text_w(t, 13) + lay.px(12) <= est_rect.w), titles[-1])
        self.ui.label(pygame.Rect(est_rect.x, est_rect.y, est_rect.w, lay.line_h(14)), title, object_id="#small")
        est = estimate_chart((est_rect.w, est_rect.h - lay.line_h(14)), rows, intel.margin, lay, pal)
        self.ui.keep(UIImage(pygame.Rect(est_rect.x, est_rect.y + lay.line_h(14), est_rect.w, est_rect.h - lay.line_h(14)),
                           est, manager=self.ctx.manager, container=self.ui.root))
        self.ui.textbox(right, standing_html(session, cid, pal), panel="dossier")
        self.targets["dossier"] = area

    def on_key(self, event: pygame.event.Event) -> Outcome:
        said = self.reader.on_key(event.key)
        if said is not None:
            self.ctx.speech.say(said)
            self.attention = self.chart
        return None

    def key_help(self) -> list[tuple[str, str]]:
        return chart_keys()

    def draw_overlay(self, surface: pygame.Surface) -> None:
        super().draw_overlay(surface)
        if self.chart is not None and self.chart.alive():
            self.reader.draw(surface, self.lay, self.pal, self.chart.get_abs_rect())

    def planning(self) -> Outcome:
        """Plan for this government."""
        return nav.planning(self.ctx)

    def notes(self) -> Outcome:
        """Notes on this government."""
        return nav.notes(self.ctx)

    def back(self) -> Outcome:
        return nav.to_map(self.ctx)
