"""A headless student: joins a class and plays a bot game through the same link as the game.

Like the game it keeps playing while the host is unreachable, waits at a hold, plays the
injected events, sends its record after every month, and finally waits (up to ``retry`` seconds)
until the host holds its whole record.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from game.classroom.client import ClassError, ClassGame, ClassLink, held, injects_due, join, new_attempt
from game.content import ContentBundle
from game.engine import Impossible, apply, compile_rules, end_turn, new_game
from game.engine.bots import STRATEGIES
from game.records import new_record, record_turn, save_record

POLL_SECONDS = 0.2


@dataclass
class BotResult:
    """How a headless student's game went."""

    name: str
    months: int
    delivered: bool
    injects: int
    held_seconds: float
    message: str = ""


def _join(address: str, code: str, name: str, own: ContentBundle | None, retry: float) -> tuple[ClassLink, ClassGame]:
    deadline = time.monotonic() + retry
    attempt = new_attempt()
    while True:
        try:
            return join(address, code, name, own, attempt)
        except ClassError as error:
            if "cannot be reached" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(POLL_SECONDS)


def play_class_bot(address: str, code: str, name: str, strategy: str = "balanced", own: ContentBundle | None = None,
                   retry: float = 60.0, hold_timeout: float = 600.0, month_delay: float = 0.0,
                   record_path: Path | None = None,
                   timings: list[tuple[str, float, float]] | None = None) -> BotResult:
    """Join, play every month, send the record; raises ``ClassError`` if the class cannot be joined.

    ``timings`` (when given) receives each request's round trip and the host's own time, in seconds."""
    link, game = _join(address, code, name, own, retry)
    link.timings = timings
    reply = game.reply
    try:
        rules = compile_rules(game.bundle, reply.scenario)
        state = new_game(rules, reply.scenario, reply.mandate, reply.seed)
        bot = STRATEGIES[strategy]
        rng = random.Random(reply.seed * 7919 + 17 + reply.student)
        record = new_record(state, player=reply.name, source="class", strategy=strategy)
        injected = 0
        held_for = 0.0
        while not state.is_over:
            bot(state, rng)
            status = link.fetch_status()
            started = time.monotonic()
            while status is not None and held(status, state.turn) and time.monotonic() - started < hold_timeout:
                time.sleep(POLL_SECONDS)
                status = link.fetch_status()
            held_for += time.monotonic() - started
            for action in injects_due(state, status) if status is not None else []:
                try:
                    apply(state, action)
                    injected += 1
                except Impossible as error:
                    link.last_error = f"inject skipped: {error}"
            end_turn(state)
            record_turn(record, state)
            if record_path is not None:
                save_record(record_path, record)
            link.submit(record)
            if month_delay:
                time.sleep(month_delay)
        delivered = link.wait_delivered(len(record.turns), retry)
        return BotResult(reply.name, len(record.turns), delivered, injected, round(held_for, 2),
                         link.refused or ("" if delivered else link.last_error))
    finally:
        link.close()
