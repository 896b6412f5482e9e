"""The end screen: the scorecard under the mandate, the ledgers, and the reasons behind every
response with the hidden numbers revealed. The debrief (D) explains the year in full."""

from __future__ import annotations

import dataclasses

import pygame

from game.debrief.versus import total_words, versus_rows
from game.engine import scorecard
from game.i18n import _
from game.ui.layout import Flow
from game.ui.palette import Palette
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.text import KIND_WORDS, colour, esc
from game.ui.transition import Quit
from game.wording import people_k, reason_value


def score_html(ctx_session, pal: Palette) -> str:
    """The score against doing nothing, objective by objective with the figures, and the ledgers."""
    card = scorecard(ctx_session.state)
    data = dataclasses.asdict(card)
    rules = ctx_session.rules
    mandate = rules.mandates[card.mandate]
    total = colour(f"{card.total:+.0f}", pal.good if card.total >= 0 else pal.bad)
    rows = [_("<b>Score under the {name} mandate: {total} against doing nothing</b>").format(
                name=esc(mandate.name), total=total),
            esc(total_words(data)), "",
            _("<b>You against doing nothing</b> (the same year, same seed, with no actions; weight in the mandate)")]
    for row in versus_rows(data):
        points = colour(f"{row.gain:+.0f}", pal.good if row.gain >= 0 else pal.bad)
        rows.append(_("{name} (weight {weight:g}): <b>{points}</b>, {verdict}. <i>{value}.</i>").format(
                        name=esc(row.name), weight=row.weight, points=points, verdict=esc(row.verdict),
                        value=esc(row.figures[:1].upper() + row.figures[1:])))
    rows += ["", _("<b>Cooperation won, per government</b> (0-100)")]
    rows += [f"{esc(ctx_session.country_name(cid))}: {value:.0f}" for cid, value in card.agreements.items()]
    rows += ["", _("<b>Humanitarian ledger</b>"),
             _("People returned: {people_k}").format(people_k=people_k(card.returned_k)),
             _("People left stranded in transit countries: {people_k}").format(people_k=people_k(card.stranded_k)),
             _("Access to protection: {protection:.0f} (100 = as at the start)").format(protection=card.protection),
             _("Arrivals at the US border per month: {arrivals_start_k:.1f}k at the start, "
                "{arrivals_end_k:.1f}k at the end").format(
                 arrivals_start_k=card.arrivals_start_k, arrivals_end_k=card.arrivals_end_k),
             "", _("<b>Credibility ledger</b>"),
             _("Threats carried out: {threats_carried_out}; bluffs called: {bluffs_called}").format(
                 threats_carried_out=card.threats_carried_out, bluffs_called=card.bluffs_called),
             _("Promises kept: {promises_kept}; promises broken: {promises_broken}").format(
                 promises_kept=card.promises_kept, promises_broken=card.promises_broken)]
    return "<br>".join(rows)


def reasons_html(ctx_session) -> str:
    """Every response with its factors and their hidden weights."""
    rows = [_("<b>Behind the responses</b> (the hidden numbers: positive pushed towards yes)")]
    for resp in ctx_session.state.responses:
        factors = "; ".join(f"{esc(f.text)} [{reason_value(f.value)}]" for f in resp.factors) or _("no factors recorded")
        rows.append(_("Month {turn}, <b>{country_name}</b>: {answer}. {factors}").format(
                        turn=resp.turn, country_name=esc(ctx_session.country_name(resp.country)), answer=esc(KIND_WORDS.get(resp.kind, resp.kind)),
                        factors=factors))
    if len(rows) == 1:
        rows.append(_("No government responded to anything during the game."))
    return "<br>".join(rows)


class EndScene(Scene):
    """After the last month."""

    name = "end"

    def build(self) -> None:
        lay = self.lay
        session = self.ctx.session
        assert session is not None
        margin = lay.px(12)
        self.label(pygame.Rect(margin, margin, lay.w - 2 * margin, lay.line_h(19)),
                   _("All {turns} months are over: {title}").format(
                       turns=session.state.turns, title=session.rules.scenario.title), object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(6)
        bottom = lay.h - margin - lay.row_h() - lay.px(8)
        left = pygame.Rect(margin, top, (lay.w - 3 * margin) // 2, bottom - top)
        right = pygame.Rect(left.right + margin, top, lay.w - left.right - 2 * margin, left.h)
        self.textbox(left, score_html(session, self.ctx.palette), panel="end")
        self.textbox(right, reasons_html(session), panel="end")
        flow = Flow(pygame.Rect(margin, bottom + lay.px(8), lay.w - 2 * margin, 0), lay.row_h(), lay.px(10))
        self.button(flow.place(lay.button_w(_("Debrief"), key=pygame.K_d)), _("Debrief"), self.debrief, key=pygame.K_d, object_id="#primary",
                    tip=_("The game explained: true priorities beside your guesses, timelines, ledgers, "
                        "the governments' reasons, questions for discussion and what-if replays."))
        self.ui.button(flow.place(lay.button_w(_("Title screen"), key=pygame.K_t)), _("Title screen"), self.back, key=pygame.K_t,
                    tip=_("Start another game. (Esc also returns to the title.)"))
        self.ui.button(flow.place(lay.button_w(_("Quit"), key=pygame.K_q)), _("Quit"), Quit, key=pygame.K_q)
        self.focus.index = 0

    def debrief(self) -> Outcome:
        """Open the debrief."""
        return nav.debrief(self.ctx)

    def back(self) -> Outcome:
        return nav.title(self.ctx)
