"""The dossier of one government: public facts, intelligence estimates, commitments, measures,
relations and approval over time, and its latest responses. PageUp/PageDown switch government."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIImage

from game.engine import month_label
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
from game.wording import count, people_k


def facts_html(session: Session, cid: str) -> str:
    """Public facts about a government."""
    c = session.content.countries[cid]
    f = c.facts
    rows = [f"<b>{esc(c.name)}</b>, capital {esc(c.capital)}. Leader: {esc(c.leader)}.", esc(c.summary), ""]
    figures = [
        ("Population", f"{f.population_m:g} million"),
        ("GDP", f"${f.gdp_bn:g} billion" if f.gdp_bn is not None else None),
        ("Remittances", f"{f.remittances_pct_gdp:g}% of GDP" if f.remittances_pct_gdp is not None else None),
        ("Exports to the US", f"{f.exports_to_us_pct:g}% of exports" if f.exports_to_us_pct is not None else None),
        ("Nationals at the US border", f"{people_k(f.encounters_k)} a year"),
        ("Living in the US without authorization", people_k(f.unauthorized_in_us_k) if f.unauthorized_in_us_k is not None else None),
        ("Removals from the US", f"{f.removals_per_year:,} a year" if f.removals_per_year is not None else None),
        ("Ties to China", f.china_ties.value + (f" ({f.china_note})" if f.china_note else "")),
    ]
    rows += [f"<b>{esc(k)}</b>: {esc(v)}" for k, v in figures if v is not None]
    if f.agreements:
        rows += ["", "<b>History with the United States</b>"] + [f"• {esc(a)}" for a in f.agreements]
    rows += ["", "<i>Sources: " + esc("; ".join(f.sources)) + "</i>"]
    return "<br>".join(rows)


def standing_html(session: Session, cid: str, pal: Palette) -> str:
    """Commitments, measures, offers on the table, threats pending and the latest responses."""
    rules, st = session.rules, session.state
    cs = st.countries[cid]
    names = session.names()
    rows = [f"<b>Now</b>: relations {cs.relations:+.0f}, trust {cs.trust:.0f}, approval {cs.approval:.0f}, "
            f"economy {cs.economy:.0f}, departures {cs.outflow_k:.1f}k a month, arrivals at the US border {cs.arrivals_k:.1f}k."]
    rows.append("<b>Commitments</b>: " + (esc(", ".join(
        f"{rules.asks[a].name}: {rules.asks[a].labels[lvl - 1] if 0 < lvl <= len(rules.asks[a].labels) else lvl}"
        for a, lvl in cs.commitments.items())) or "none"))
    measures = []
    for lid, left in cs.measures.items():
        if lid in rules.levers:
            measures.append(f"{rules.levers[lid].name} ({'until lifted' if left == 0 else f'{left} months left'})")
    rows.append("<b>US measures in force</b>: " + (esc(", ".join(measures)) or "none"))
    country = rules.countries[cid]
    for aid in cs.intel.red_lines:  # learned by hitting it or through intelligence
        line = country.red_lines.get(aid)
        if line is not None and aid in rules.asks:
            rows.append(esc(f"Red line learned: {rules.asks[aid].name} from level {line.from_level}. {line.reason}"))
    traits = [(key, cs.intel.estimates[key]) for key in ("pride", "reliability", "retaliation") if key in cs.intel.estimates]
    if traits:
        rows.append(esc("Estimated traits (80% within ±" + f"{cs.intel.margin:.2f}): "
                        + ", ".join(f"{key} {value:.2f}" for key, value in traits)))
    pending = [t for t in st.threats if t.country == cid and t.status == "pending"]
    for t in pending:
        when = "this month" if t.deadline == st.turn else f"{month_label(rules, t.deadline)} (month {t.deadline})"
        rows.append(esc(f"Threat pending: {names.get(t.lever, t.lever)} ({'public' if t.public else 'private'}), "
                        f"deadline {when}: carry it out by then or the bluff is called when that month ends."))
    if cs.pending_counter is not None and cs.pending_counter.turn == st.turn - 1:
        rows.append("<b>Their counter-offer is on the table this month</b> (accept it in Planning).")
    responses = [r for r in st.responses if r.country == cid][-3:]
    rows.append("<br><b>Latest responses</b>")
    if not responses:
        rows.append("None yet.")
    for resp in reversed(responses):
        rows.append(f"<i>Month {resp.turn}</i>: " + response_html(resp, session.country_name(cid), pal, names))
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
        top = country_header(self, top, f"Dossier: {session.country_name(cid)}", [
            ("Planning", self.planning, pygame.K_p, "Plan actions for this government."),
            ("Notes", self.notes, pygame.K_n, "Note your guess of its priorities."),
            ("Back to map", self.back, None, "Return to the map. (key: Esc)"),
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
        lines = [("Relations", [h.relations for h in hist], pal.c("accent")),
                 ("Approval", [h.approval for h in hist], pal.c("selected"))]
        chart = line_chart((mid.w, chart_h), "Over time (end of each month)", lines, -100, 100, lay, pal)
        self.chart = self.ui.keep(UIImage(pygame.Rect(mid.x, mid.y, mid.w, chart_h), chart, manager=self.ctx.manager,
                                          container=self.ui.root))
        self.reader.clear()
        self.reader.add(session.country_name(cid), [(name, values) for name, values, _ in lines], self.chart)
        intel = cs.intel
        rows = [(DIM_NAMES[d], intel.estimates.get(d) if intel.estimates else None) for d in DIMENSIONS]
        est_rect = pygame.Rect(mid.x, mid.y + chart_h + margin, mid.w, mid.h - chart_h - margin)
        if intel.estimates:
            reports = count(intel.effort, "report")
            titles = [f"Intelligence estimate of its priorities (±{intel.margin:.2f}, {reports})",
                      f"Estimated priorities (±{intel.margin:.2f}, {reports})",
                      f"Estimates (±{intel.margin:.2f})"]
        else:
            titles = ["No intelligence yet: order it in Planning", "No intelligence yet"]
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
