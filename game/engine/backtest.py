"""Playing historical episodes (``data/episodes.toml``) over many seeds to check the model's direction.

An episode sets one government up as it stood at the time, plays the envoy's orders month by month
and checks its expectations at the end; a seed matches when every expectation holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.episode import Episode, Expectation, Outcome
from game.engine.actions import AcceptCounter, action_from_dict
from game.engine.api import apply
from game.engine.errors import Impossible
from game.engine.rules import Rules
from game.engine.setup import new_game
from game.engine.state import GameState
from game.engine.turn import end_turn


@dataclass(slots=True)
class EpisodeResult:
    """How one episode fared over the seeds."""

    id: str
    title: str
    matched: int
    seeds: int
    threshold: float
    refused: int  # seeds in which an order was refused (e.g. no counter-offer to accept); the rest is played

    @property
    def share(self) -> float:
        """Share of seeds in the historical direction."""
        return self.matched / self.seeds if self.seeds else 0.0

    @property
    def passed(self) -> bool:
        """Whether the share reaches the episode's threshold."""
        return self.share >= self.threshold


def _set_up(rules: Rules, episode: Episode, seed: int) -> GameState:
    state = new_game(rules, episode.scenario, next(iter(rules.mandates)), seed)
    start = episode.start
    cs = state.countries[episode.country]
    if start.credibility is not None:
        state.us.credibility = start.credibility
    if start.commitments is not None:
        cs.commitments = {a: lvl for a, lvl in start.commitments.items() if lvl > 0}
        cs.commitment_deals = {}
    if start.measures is not None:
        cs.measures = dict.fromkeys(start.measures, 0)
    if start.approval is not None:
        cs.approval = start.approval
    if start.relations is not None:
        cs.relations = start.relations
    return state


def _holds(expectation: Expectation, state: GameState, cid: str, start_approval: float, imposed: set[str]) -> bool:
    cs = state.countries[cid]
    if expectation.outcome is Outcome.level_at_least:
        return cs.commitments.get(expectation.ask or "", 0) >= expectation.level
    if expectation.outcome is Outcome.level_below:
        return cs.commitments.get(expectation.ask or "", 0) < expectation.level
    if expectation.outcome is Outcome.approval_fell:
        return cs.approval < start_approval
    return (expectation.lever or "") not in imposed


def play_episode(rules: Rules, episode: Episode, seed: int) -> tuple[bool, bool]:
    """Play one seed: (every expectation held, an order was refused)."""
    state = _set_up(rules, episode, seed)
    cid = episode.country
    start_approval = state.countries[cid].approval
    imposed: set[str] = set()
    checks: dict[int, list[Expectation]] = {}
    last = len(episode.orders)
    for expectation in episode.expect:
        checks.setdefault(min(expectation.month or last, last), []).append(expectation)
    refused = False
    ok = True
    for month, orders in enumerate(episode.orders, start=1):
        counter = state.countries[cid].pending_counter
        if episode.takes_counters and counter is not None and counter.turn == state.turn - 1:
            try:
                apply(state, AcceptCounter(cid))
            except Impossible:
                refused = True
        for order in orders:
            try:
                apply(state, action_from_dict(order))
            except Impossible:
                refused = True
        for action in state.queue:
            if action.kind == "carry_out" and action.country == cid:
                imposed.add(action.lever)
        end_turn(state)
        for expectation in checks.get(month, []):
            ok = ok and _holds(expectation, state, cid, start_approval, imposed)
    return ok, refused


def run_episode(rules: Rules, eid: str, episode: Episode, seeds: int, first_seed: int = 1) -> EpisodeResult:
    """Play the episode over ``seeds`` seeds."""
    matched = refused = 0
    for seed in range(first_seed, first_seed + seeds):
        ok, bad = play_episode(rules, episode, seed)
        matched += ok
        refused += bad
    return EpisodeResult(eid, episode.title, matched, seeds, episode.threshold, refused)
