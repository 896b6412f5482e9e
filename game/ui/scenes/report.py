"""The turn report: every government's response with the reasons behind it, the month's events,
and how each meter changed."""

from __future__ import annotations

import pygame

from game.engine import TurnReport
from game.i18n import _
from game.ui.layout import Flow
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.text import COUNTRY_METERS, US_METERS, change, esc, news_html, response_html

BAD_WHEN_UP = {"domestic_cost", "regional_resistance", "arrivals_k", "grievance"}


def meters_html(ctx_session, report: TurnReport, pal) -> str:
    """The envoy's meters, then each government's, before and after."""
    rows = [_("<b>Your meters</b>")]
    for key, (before, after) in report.us.items():
        name, _help, fmt = US_METERS.get(key, (key, "", "{:.0f}"))
        name, fmt = _(name), _(fmt)
        if key == "capital":
            continue
        digits = 1 if "1f" in fmt else 0
        rows.append(f"{esc(name)}: {change(before, after, pal, key not in BAD_WHEN_UP, digits, fmt)}")
    rows.append(_("<br><b>Governments</b>"))
    for cid, meters in report.countries.items():
        parts = []
        for key in ("relations", "trust", "approval", "arrivals_k"):
            if key in meters:
                before, after = meters[key]
                digits = 1 if key == "arrivals_k" else 0
                fmt = "{:.1f}" if digits else "{:.0f}"
                parts.append(f"{esc(COUNTRY_METERS[key])} {change(before, after, pal, key not in BAD_WHEN_UP, digits, fmt)}")
        rows.append(f"<b>{esc(ctx_session.country_name(cid))}</b>: " + "; ".join(parts))
    return "<br>".join(rows)


class ReportScene(Scene):
    """What happened last month, and why."""

    name = "report"

    def __init__(self, ctx, report: TurnReport) -> None:
        super().__init__(ctx)
        self.report = report

    def enter(self) -> None:
        """Build, then read the month out (self-voicing): each response, then each news item."""
        super().enter()
        session = self.ctx.session
        assert session is not None
        names, speech = session.names(), self.ctx.speech
        speech.say(_("Report: {month}").format(month=self.report.month))
        for response in self.report.responses:
            speech.say(response_html(response, session.country_name(response.country), self.pal, names))
        for item in self.report.news:
            speech.say(news_html([item], names))

    def build(self) -> None:
        lay, pal = self.lay, self.pal
        session = self.ctx.session
        assert session is not None
        report = self.report
        margin = lay.px(12)
        self.ui.label(pygame.Rect(margin, margin, lay.w - 2 * margin, lay.line_h(19)),
                   _("Report: {month}").format(month=report.month) + (_(" (the last month)") if report.over else ""), object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(6)
        bottom = lay.h - margin - lay.row_h() - lay.px(8)
        left = pygame.Rect(margin, top, int((lay.w - 3 * margin) * 0.55), bottom - top)
        right = pygame.Rect(left.right + margin, top, lay.w - left.right - 2 * margin, left.h)
        names = session.names()
        if report.responses:
            body = "<br><br>".join(response_html(r, session.country_name(r.country), pal, names) for r in report.responses)
        else:
            body = _("No government had anything to answer this month.")
        box = self.ui.textbox(left, _("<b>Responses</b><br>") + body, panel="report")
        self.targets["report"] = box.rect
        right_top = pygame.Rect(right.x, right.y, right.w, (right.h - margin) // 2)
        right_bottom = pygame.Rect(right.x, right_top.bottom + margin, right.w, right.bottom - right_top.bottom - margin)
        self.ui.textbox(right_top, _("<b>Events</b><br>") + news_html(report.news, names), panel="report")
        self.ui.textbox(right_bottom, meters_html(session, report, pal), panel="report")
        flow = Flow(pygame.Rect(margin, bottom + lay.px(8), lay.w - 2 * margin, 0), lay.row_h(), lay.px(10))
        text = _("See the final score") if report.over else _("Continue to the map")
        self.ui.button(flow.place(lay.button_w(text, key=pygame.K_c)), text, self.back, key=pygame.K_c, object_id="#primary",
                    tip=_("Enter or Esc also continue."))
        self.focus.index = 0

    def back(self) -> Outcome:
        return nav.after_report(self.ctx)
