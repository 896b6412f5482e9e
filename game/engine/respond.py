"""A government's words: its written lines, and the responses recorded for the report and debrief."""

from __future__ import annotations

from game.content.common import ResponseKind
from game.engine.rules import Rules
from game.engine.state import Counter, Factor, GameState, Response


def say(rules: Rules, state: GameState, cid: str, kind: str) -> str:
    """One of the government's written lines for this kind of response (names filled in by
    ``compile_rules``); a kind without lines of its own uses the closest kind's."""
    lines = rules.countries[cid].lines
    chosen = lines.get(kind) or lines.get(FALLBACK_LINES.get(kind, ""), ()) or ("",)
    return chosen[int(state.rng.random() * len(chosen))] if len(chosen) > 1 else chosen[0]


FALLBACK_LINES = {ResponseKind.counter_threat.value: ResponseKind.reject.value}


def respond(rules: Rules, state: GameState, cid: str, kind: str, about: str, asks: dict[str, int] | None = None,
            factors: list[Factor] | None = None, utility: float = 0.0, counter: Counter | None = None,
            extra: str = "") -> Response:
    """Record a government's response for the report and the debrief (``extra``: a sentence added
    to its line, e.g. what it retaliates with)."""
    kind = kind.value if isinstance(kind, ResponseKind) else kind
    text = say(rules, state, cid, kind)
    if extra:
        text = f"{text} {extra}".strip()
    response = Response(turn=state.turn, country=cid, kind=kind, text=text, about=about,
                        asks=dict(asks or {}), factors=list(factors or []), utility=round(utility, 4), counter=counter)
    state.responses.append(response)
    return response
