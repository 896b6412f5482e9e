"""The counterfactual: replay a recorded game without one past action and see what changes.

Later actions that the rules no longer accept (for example carrying out a threat that was never
made) are skipped and listed. The comparison covers the score and every objective, each country's
cooperation, commitments and relations, the credibility ledger and the migration flows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, Scorecard, describe, rules_of, scorecard
from game.engine.score import objective_name
from game.engine.world import cooperation
from game.i18n import N_, Wording, _, ngettext
from game.records.files import RecordError
from game.records.model import Record
from game.records.verify import play_month, replay_record, start_game

SECTION_WORDS = Wording({"score": N_("Score"), "objective": N_("Objectives"), "cooperation": N_("Cooperation won (0-100)"),
                        "commitments": N_("Commitments in force"), "relations": N_("Relations with Washington"),
                        "credibility": N_("Credibility"), "flows": N_("Migration flows and people")})
"""What each section of a comparison is called (objective items are named by ``objective_name``, in the
catalog through the screens' objective names)."""


@dataclass(frozen=True)
class Change:
    """One quantity in the actual game and in the game without the action."""

    section: str  # score, objective, cooperation, commitments, relations, credibility, flows
    item: str
    actual: Any
    without: Any

    @property
    def delta(self) -> float | None:
        """without - actual for numbers, else None."""
        if isinstance(self.actual, (int, float)) and isinstance(self.without, (int, float)):
            return round(float(self.without) - float(self.actual), 3)
        return None

    @property
    def changed(self) -> bool:
        """True when the two differ (numbers by more than 0.005)."""
        d = self.delta
        return abs(d) > 0.005 if d is not None else self.actual != self.without


@dataclass
class Comparison:
    """The actual game beside the same game without one action."""

    turn: int
    index: int
    removed: str
    skipped: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    actual_total: float = 0.0
    without_total: float = 0.0

    def changed(self) -> list[Change]:
        """Only the quantities that differ."""
        return [c for c in self.changes if c.changed]


def _names(rules: Rules) -> dict[str, str]:
    out = {cid: c.name for cid, c in rules.countries.items()}
    out.update({lid: lv.name for lid, lv in rules.levers.items()})
    out.update({aid: a.name for aid, a in rules.asks.items()})
    return out


def _commitments(rules: Rules, state: GameState, cid: str) -> str:
    parts = [f"{rules.asks[a].name} {lvl}" for a, lvl in sorted(state.countries[cid].commitments.items())]
    return ", ".join(parts) or "none"


def _facts(state: GameState, card: Scorecard) -> list[tuple[str, str, Any]]:
    rules = rules_of(state)
    out: list[tuple[str, str, Any]] = [("score", "total", card.total)]
    out += [("objective", objective_name(key), value) for key, value in card.objectives.items()]
    for cid in rules.order:
        name = rules.countries[cid].name
        out.append(("cooperation", name, round(cooperation(rules, state, cid), 2)))
        out.append(("commitments", name, _commitments(rules, state, cid)))
        out.append(("relations", name, round(state.countries[cid].relations, 2)))
    out += [
        ("credibility", _("credibility at the end"), round(state.us.credibility, 2)),
        ("credibility", _("threats carried out"), card.threats_carried_out),
        ("credibility", _("bluffs called"), card.bluffs_called),
        ("credibility", _("promises kept"), card.promises_kept),
        ("credibility", _("promises broken"), card.promises_broken),
        ("credibility", _("agreements signed"), len(state.deals)),
        ("flows", _("border arrivals in the last month (k)"), card.arrivals_end_k),
        ("flows", _("border arrivals over the game (k)"), round(sum(h.arrivals_k for h in state.us.history[1:]), 3)),
        ("flows", _("people returned (k)"), card.returned_k),
        ("flows", _("people stranded (k)"), card.stranded_k),
    ]
    return out


def counterfactual(record: Record, content: ContentBundle | Rules, turn: int, index: int) -> Comparison:
    """Replay the record without action ``index`` (0-based) of month ``turn`` (1-based) and compare.

    Raises ``RecordError`` when there is no such action or the record cannot be replayed.
    """
    if not 1 <= turn <= len(record.turns):
        raise RecordError(_("The record has months 1 to {n}; there is no month {turn}.").format(
                              n=len(record.turns), turn=turn))
    plan = list(record.turns[turn - 1].actions)
    if not 0 <= index < len(plan):
        count = len(plan)
        raise RecordError(ngettext("Month {turn} has {count} action; there is no action {number}.",
                                   "Month {turn} has {count} actions; there is no action {number}.", count).format(
                              turn=turn, count=count, number=index + 1))
    actual = replay_record(record, content)
    rules = rules_of(actual)
    names = _names(rules)
    alt = start_game(record, rules)
    skipped: list[str] = []
    for position, entry in enumerate(record.turns, start=1):
        actions = list(entry.actions)
        if position == turn:
            actions.pop(index)
        for _turn, action, reason in play_month(alt, actions, skip_refused=True):
            skipped.append(_("month {position}: {describe} ({reason})").format(
                               position=position, describe=describe(action, names), reason=reason))
    card_a, card_b = scorecard(actual), scorecard(alt)
    facts_b = {(s, i): v for s, i, v in _facts(alt, card_b)}
    changes = [Change(s, i, v, facts_b.get((s, i))) for s, i, v in _facts(actual, card_a)]
    return Comparison(turn=turn, index=index, removed=describe(plan[index], names), skipped=skipped,
                      changes=changes, actual_total=card_a.total, without_total=card_b.total)


def list_actions(record: Record, content: ContentBundle | Rules) -> list[tuple[int, int, str]]:
    """Every recorded action as (month, 0-based index, description), for choosing a counterfactual."""
    rules = content if isinstance(content, Rules) else None
    names = _names(rules) if rules else {}
    if rules is None:
        try:
            names = _names(rules_of(start_game(record, content)))
        except RecordError:
            names = {}
    return [(entry.turn, i, describe(a, names)) for entry in record.turns for i, a in enumerate(entry.actions)]
