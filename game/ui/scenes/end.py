"""The end screen: the scorecard under the mandate, the ledgers, and the reasons behind every
response with the hidden numbers revealed. The debrief (D) explains the year in full."""

from __future__ import annotations

import dataclasses

import pygame

from game.debrief.versus import total_words, versus_rows
from game.engine import scorecard
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
    rows = [f"<b>Score under the {esc(mandate.name)} mandate: {total} against doing nothing</b>",
            esc(total_words(data)), "",
            "<b>You against doing nothing</b> (the same year, same seed, with no actions; weight in the mandate)"]
    for row in versus_rows(data):
        points = colour(f"{row.gain:+.0f}", pal.good if row.gain >= 0 else pal.bad)
        rows.append(f"{esc(row.name)} (weight {row.weight:g}): <b>{points}</b>, {esc(row.verdict)}. "
                    f"<i>{esc(row.figures[:1].upper() + row.figures[1:])}.</i>")
    rows += ["", "<b>Cooperation won, per government</b> (0-100)"]
    rows += [f"{esc(ctx_session.country_name(cid))}: {value:.0f}" for cid, value in card.agreements.items()]
    rows += ["", "<b>Humanitarian ledger</b>",
             f"People returned: {people_k(card.returned_k)}",
             f"People left stranded in transit countries: {people_k(card.stranded_k)}",
             f"Access to protection: {card.protection:.0f} (100 = as at the start)",
             f"Arrivals at the US border per month: {card.arrivals_start_k:.1f}k at the start, {card.arrivals_end_k:.1f}k at the end",
             "", "<b>Credibility ledger</b>",
             f"Threats carried out: {card.threats_carried_out}; bluffs called: {card.bluffs_called}",
             f"Promises kept: {card.promises_kept}; promises broken: {card.promises_broken}"]
    return "<br>".join(rows)


def reasons_html(ctx_session) -> str:
    """Every response with its factors and their hidden weights."""
    rows = ["<b>Behind the responses</b> (the hidden numbers: positive pushed towards yes)"]
    for resp in ctx_session.state.responses:
        factors = "; ".join(f"{esc(f.text)} [{reason_value(f.value)}]" for f in resp.factors) or "no factors recorded"
        rows.append(f"Month {resp.turn}, <b>{esc(ctx_session.country_name(resp.country))}</b>: "
                    f"{esc(KIND_WORDS.get(resp.kind, resp.kind))}. {factors}")
    if len(rows) == 1:
        rows.append("No government responded to anything during the game.")
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
                   f"All {session.state.turns} months are over: {session.rules.scenario.title}", object_id="#heading")
        top = margin + lay.line_h(19) + lay.px(6)
        bottom = lay.h - margin - lay.row_h() - lay.px(8)
        left = pygame.Rect(margin, top, (lay.w - 3 * margin) // 2, bottom - top)
        right = pygame.Rect(left.right + margin, top, lay.w - left.right - 2 * margin, left.h)
        self.textbox(left, score_html(session, self.ctx.palette), panel="end")
        self.textbox(right, reasons_html(session), panel="end")
        flow = Flow(pygame.Rect(margin, bottom + lay.px(8), lay.w - 2 * margin, 0), lay.row_h(), lay.px(10))
        self.button(flow.place(lay.button_w("Debrief", key=pygame.K_d)), "Debrief", self.debrief, key=pygame.K_d, object_id="#primary",
                    tip="The game explained: true priorities beside your guesses, timelines, ledgers, "
                        "the governments' reasons, questions for discussion and what-if replays.")
        self.ui.button(flow.place(lay.button_w("Title screen", key=pygame.K_t)), "Title screen", self.back, key=pygame.K_t,
                    tip="Start another game. (Esc also returns to the title.)")
        self.ui.button(flow.place(lay.button_w("Quit", key=pygame.K_q)), "Quit", Quit, key=pygame.K_q)
        self.focus.index = 0

    def debrief(self) -> Outcome:
        """Open the debrief."""
        return nav.debrief(self.ctx)

    def back(self) -> Outcome:
        return nav.title(self.ctx)
