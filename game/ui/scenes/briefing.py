"""The briefing: the scenario's situation, the mandate's objectives and the envoy's resources."""

from __future__ import annotations

import pygame

from game.content.scenario import Weights
from game.i18n import _
from game.ui.layout import Flow
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.text import OBJECTIVE_NAMES, esc


def objectives_html(weights: dict[str, float]) -> str:
    """The mandate's objectives, most important first."""
    lines = []
    for key, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        about = Weights.model_fields[key].description or key
        lines.append(_("<b>{objective}</b> (weight {weight:g}): {about}").format(
            objective=esc(OBJECTIVE_NAMES.get(key, key)), weight=weight, about=esc(_(about))))
    return "<br>".join(lines)


class BriefingScene(Scene):
    """Read before the first month."""

    name = "briefing"

    def build(self) -> None:
        lay = self.lay
        session = self.ctx.session
        assert session is not None
        rules = session.rules
        sc = rules.scenario
        mandate = rules.mandates[session.state.mandate]
        margin = lay.px(16)
        self.ui.label(pygame.Rect(margin, margin, lay.w - 2 * margin, lay.line_h(19)), _("Briefing: {title}").format(
                                                                                           title=sc.title),
                   object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(8)
        bottom = lay.h - margin - lay.row_h()
        left_w = int((lay.w - 3 * margin) * 0.58)
        left = pygame.Rect(margin, top, left_w, bottom - top - lay.px(10))
        right = pygame.Rect(left.right + margin, top, lay.w - left.right - 2 * margin, left.h)
        names = ", ".join(rules.countries[c].name for c in rules.order)
        self.ui.textbox(left, esc(sc.briefing.strip()) + _("<br><br><b>Governments in play:</b> {names}.").format(
                                                             names=esc(names)),
                     panel="briefing")
        res = sc.resources
        us_html = (_("<b>Your mandate: {name}</b><br>{summary}<br><br><b>What your score "
                      "counts</b><br>{objectives_html}<br><br><b>Your resources</b><br>• {political_capital} "
                      "political capital each month, spent on actions.<br>• ${aid_budget_m:.0f} million of aid for "
                      "the whole scenario.<br>• Credibility {credibility:.0f} of 100: it grows when you carry out "
                      "threats and keep promises, and falls when a bluff is called.<br>• {turns} months, starting "
                      "{month}. Seed {seed}.").format(
                       name=esc(mandate.name), summary=esc(mandate.summary), objectives_html=objectives_html(mandate.weights.model_dump()),
                       political_capital=res.political_capital, aid_budget_m=res.aid_budget_m, credibility=res.credibility, turns=sc.turns,
                       month=esc(session.month()), seed=session.state.seed))
        self.ui.textbox(right, us_html, panel="briefing")
        flow = Flow(pygame.Rect(margin, bottom, lay.w - 2 * margin, lay.row_h()), lay.row_h(), lay.px(10))
        self.ui.button(flow.place(lay.button_w(_("Begin the first month"), key=pygame.K_b)), _("Begin the first month"), self.begin,
                    key=pygame.K_b, object_id="#primary", tip=_("Go to the map. Enter also begins."))
        self.ui.button(flow.place(lay.button_w(_("Back to title"))), _("Back to title"), self.back,
                    tip=_("Abandon this new game. (key: Esc)"))
        self.focus.index = 0

    def begin(self) -> Outcome:
        """On to the map."""
        return nav.game_scene(self.ctx)

    def back(self) -> Outcome:
        return nav.title(self.ctx)
