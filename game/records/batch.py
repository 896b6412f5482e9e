"""``--records DIR`` for the scripting commands: write the same records a played session writes.

``replay`` calls :func:`write_records_option` with its finished game; ``simulate`` calls
:func:`write_simulated_records`, which plays the same bot games again (same seeds, same games)
and writes one record per game. Messages go to stderr so ``--json`` output stays clean.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from game.engine import GameState, Rules
from game.engine.autoplay import play_bot_game
from game.i18n import _
from game.i18n.formats import counted
from game.records.files import RecordError
from game.records.session import write_game_record


def write_records_option(states: list[GameState], directory: str | Path, source: str, command: str,
                         strategy: str | None = None, player: str | None = None) -> bool:
    """Write one record per game into ``directory``; False (after a message) if one cannot be written."""
    return _write(((state, strategy) for state in states), directory, source, command, player)


def write_simulated_records(rules: Rules, mandates: list[str], strategies: list[str], games: int, seed: int,
                            directory: str | Path, command: str = "simulate") -> bool:
    """The record of every game ``simulate`` played (seeds seed..seed+games-1, per mandate and strategy)."""
    played = ((play_bot_game(rules, mandate, seed + i, strategy), strategy)
              for mandate in mandates for strategy in strategies for i in range(games))
    return _write(played, directory, "simulate", command)


def _write(games: Iterable[tuple[GameState, str | None]], directory: str | Path, source: str, command: str,
           player: str | None = None) -> bool:
    """Write each game's record (with the strategy that played it) as it comes; stop at the first failure."""
    written = 0
    for state, strategy in games:
        try:
            write_game_record(state, directory, player=player, source=source, strategy=strategy)
        except RecordError as error:
            print(f"{command}: {error}", file=sys.stderr)
            return False
        written += 1
    print(_("{command}: wrote {records} into {directory}").format(
              command=command, records=counted(written, "{n} record", "{n} records"), directory=directory), file=sys.stderr)
    return True
