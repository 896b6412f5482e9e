"""The pure turn engine: no pygame, no files. State in, action in, state and report out.

Typical use::

    state = new_game(bundle, "default", "balanced", seed=42)
    apply(state, Threaten("MEX", "tariff", {"transit_enforcement": 2}, public=True))
    report = end_turn(state)
"""

from game.engine.actions import (
    AcceptCounter,
    Action,
    CarryOut,
    Engage,
    FireEvent,
    Investigate,
    Lift,
    Propose,
    Threaten,
    action_from_dict,
    action_to_dict,
    describe,
)
from game.engine.api import AidOutlook, action_cost, aid_outlook, apply, check, legal_actions, unqueue
from game.engine.compiler import compile_rules
from game.engine.errors import Impossible, UnknownContent
from game.engine.rules import Rules
from game.engine.save import SaveError, dumps, loads, state_from_dict, state_to_dict
from game.engine.score import Scorecard, scorecard
from game.engine.setup import new_game
from game.engine.state import GameState, rules_of
from game.engine.turn import TurnReport, end_turn, month_label


def is_over(state: GameState) -> bool:
    """True once the last month has been resolved."""
    return state.is_over


__all__ = [
    "AcceptCounter", "Action", "AidOutlook", "CarryOut", "Engage", "FireEvent", "GameState", "Impossible", "Investigate", "Lift",
    "Propose", "Rules", "SaveError", "Scorecard", "Threaten", "TurnReport", "UnknownContent",
    "action_cost", "action_from_dict", "action_to_dict", "aid_outlook", "apply", "check", "compile_rules", "describe",
    "dumps", "end_turn", "is_over", "legal_actions", "loads", "month_label", "new_game", "rules_of",
    "scorecard", "state_from_dict", "state_to_dict", "unqueue",
]
