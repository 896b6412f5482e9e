"""The briefing: the scenario's situation, the mandate's objectives and the envoy's resources."""

from __future__ import annotations

import pygame

from game.content.scenario import Weights
from game.ui.layout import Flow
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.text import OBJECTIVE_NAMES, esc


def objectives_html(weights: dict[str, float]) -> str:
    """The mandate's objectives, most important first."""
    lines = []
    for key, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        about = Weights.model_fields[key].description or key
        lines.append(f"<b>{esc(OBJECTIVE_NAMES.get(key, key))}</b> (weight {weight:g}): {esc(about)}")
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
        self.ui.label(pygame.Rect(margin, margin, lay.w - 2 * margin, lay.line_h(19)), f"Briefing: {sc.title}",
                   object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(8)
        bottom = lay.h - margin - lay.row_h()
        left_w = int((lay.w - 3 * margin) * 0.58)
        left = pygame.Rect(margin, top, left_w, bottom - top - lay.px(10))
        right = pygame.Rect(left.right + margin, top, lay.w - left.right - 2 * margin, left.h)
        names = ", ".join(rules.countries[c].name for c in rules.order)
        self.ui.textbox(left, esc(sc.briefing.strip()) + f"<br><br><b>Governments in play:</b> {esc(names)}.",
                     panel="briefing")
        res = sc.resources
        us_html = (f"<b>Your mandate: {esc(mandate.name)}</b><br>{esc(mandate.summary)}<br><br>"
                   f"<b>What your score counts</b><br>{objectives_html(mandate.weights.model_dump())}<br><br>"
                   f"<b>Your resources</b><br>"
                   f"• {res.political_capital} political capital each month, spent on actions.<br>"
                   f"• ${res.aid_budget_m:.0f} million of aid for the whole scenario.<br>"
                   f"• Credibility {res.credibility:.0f} of 100: it grows when you carry out threats and keep "
                   f"promises, and falls when a bluff is called.<br>"
                   f"• {sc.turns} months, starting {esc(session.month())}. Seed {session.state.seed}.")
        self.ui.textbox(right, us_html, panel="briefing")
        flow = Flow(pygame.Rect(margin, bottom, lay.w - 2 * margin, lay.row_h()), lay.row_h(), lay.px(10))
        self.ui.button(flow.place(lay.button_w("Begin the first month", key=pygame.K_b)), "Begin the first month", self.begin,
                    key=pygame.K_b, object_id="#primary", tip="Go to the map. Enter also begins.")
        self.ui.button(flow.place(lay.button_w("Back to title")), "Back to title", self.back,
                    tip="Abandon this new game. (key: Esc)")
        self.focus.index = 0

    def begin(self) -> Outcome:
        """On to the map."""
        return nav.game_scene(self.ctx)

    def back(self) -> Outcome:
        return nav.title(self.ctx)
