"""Replaying a record and checking it: every month's outcome and the final score must come out the same.

``replay_record`` rebuilds the game (the ``GameState`` the debrief and the counterfactual read);
``verify_record`` also compares what the replay produced with what the record says, field by
field, and lists every difference with its month; ``verify_months`` does that from a month on, for
a game already replayed that far (the class host's checker, as a student's record grows).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import game
from game.content import ContentBundle
from game.engine import (
    GameState,
    Impossible,
    Rules,
    UnknownContent,
    apply,
    compile_rules,
    describe,
    end_turn,
    new_game,
    scorecard,
)
from game.i18n import _, ngettext
from game.records.capture import final_of, outcome_of
from game.records.files import RecordError
from game.records.model import DIGITS, Record

NEWS_ID = re.compile(r"^[a-z0-9_]+(:[A-Z]{3})?$")  # how records name news (capture.news_id)

TOLERANCE = 2e-6  # outcomes are rounded to 6 decimals
MAX_LISTED = 200
SCORED_AGAINST_IDLE = (0, 3, 0)  # the first version whose scores are measured against doing nothing
NEW_SCORE_KEYS = ("baseline", "gains", "absolute_total", "baseline_total", "facts", "baseline_facts")


@dataclass(frozen=True)
class Mismatch:
    """One difference between the record and its replay (turn 0 = the record as a whole)."""

    turn: int
    field: str
    recorded: Any
    replayed: Any

    def __str__(self) -> str:
        where = _("month {turn}").format(turn=self.turn) if self.turn else "record"
        return _("{where}: {field}: recorded {recorded}, replay gives {replayed}").format(
                   where=where, field=self.field, recorded=_show(self.recorded), replayed=_show(self.replayed))


@dataclass
class VerifyResult:
    """The verdict on a record."""

    ok: bool
    turns_checked: int
    mismatches: list[Mismatch] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    final_total: float | None = None

    def summary(self) -> str:
        """One line for people."""
        if self.ok:
            score = (_(" and the final score ({total:.2f})").format(total=self.final_total)
                     if self.final_total is not None else "")
            months = _("the 1 month") if self.turns_checked == 1 else _("all {turns_checked} months").format(
                                                                       turns_checked=self.turns_checked)
            return _("OK: {months}{score} match the replay.").format(months=months, score=score)
        count = len(self.mismatches)
        return ngettext("NOT MATCHING: {count} difference between the record and its replay.",
                        "NOT MATCHING: {count} differences between the record and its replay.", count).format(count=count)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def diff(recorded: Any, replayed: Any, path: str, turn: int, out: list[Mismatch]) -> None:
    """Append every difference between two JSON-like values (floats within ``TOLERANCE``)."""
    if len(out) >= MAX_LISTED:
        return
    if isinstance(recorded, dict) and isinstance(replayed, dict):
        for key in list(recorded) + [k for k in replayed if k not in recorded]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in recorded or key not in replayed:
                out.append(Mismatch(turn, sub, recorded.get(key), replayed.get(key)))
            else:
                diff(recorded[key], replayed[key], sub, turn, out)
    elif isinstance(recorded, list) and isinstance(replayed, list):
        if len(recorded) != len(replayed):
            out.append(Mismatch(turn, f"{path} (count)", len(recorded), len(replayed)))
        for i, (a, b) in enumerate(zip(recorded, replayed)):
            diff(a, b, f"{path}[{i}]", turn, out)
    elif (isinstance(recorded, (int, float)) and isinstance(replayed, (int, float))
          and not isinstance(recorded, bool) and not isinstance(replayed, bool)):
        if not math.isclose(float(recorded), float(replayed), rel_tol=0.0, abs_tol=TOLERANCE):
            out.append(Mismatch(turn, path, recorded, replayed))
    elif recorded != replayed:
        out.append(Mismatch(turn, path, recorded, replayed))


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits and len(digits) < 6 else 0)
    return tuple(parts)


def scored_absolute(record: Record) -> bool:
    """True for a record made before scores were measured against doing nothing: its scores are
    the absolute weighted objectives (its final scorecard has no gains; an unfinished one says so
    by its version)."""
    if record.final is not None:
        return "gains" not in record.final
    return _version(record.game_version or "0") < SCORED_AGAINST_IDLE


def _legacy_final(final: dict[str, Any]) -> dict[str, Any]:
    """A scorecard in the form records had before scoring against doing nothing."""
    out = {k: v for k, v in final.items() if k not in NEW_SCORE_KEYS}
    out["total"] = final["absolute_total"]
    return out


def rules_for(record: Record, content: ContentBundle | Rules) -> Rules:
    """The compiled rules of the record's scenario, or a ``RecordError``."""
    if isinstance(content, Rules):
        if content.scenario_id != record.scenario:
            raise RecordError(_("The record is for scenario '{scenario}', not '{scenario_id}'.").format(
                                  scenario=record.scenario, scenario_id=content.scenario_id))
        return content
    try:
        return compile_rules(content, record.scenario)
    except UnknownContent as error:
        raise RecordError(_("The record needs scenario '{scenario}', which the data does not have ({error}).").format(
                              scenario=record.scenario, error=error)) from None


def start_game(record: Record, content: ContentBundle | Rules) -> GameState:
    """A new game with the record's scenario, mandate and seed, or a ``RecordError``."""
    rules = rules_for(record, content)
    try:
        return new_game(rules, record.scenario, record.mandate, record.seed)
    except UnknownContent as error:
        raise RecordError(_("The record cannot be replayed with this data: {error}").format(error=error)) from None


def play_month(state: GameState, actions: list[Any], skip_refused: bool = False) -> list[tuple[int, Any, str]]:
    """Queue a month's actions and end it. Returns refused actions (index, action, reason).

    Without ``skip_refused`` the first refusal raises ``Impossible`` (the month is not ended).
    """
    refused: list[tuple[int, Any, str]] = []
    for index, action in enumerate(actions):
        try:
            apply(state, action)
        except (Impossible, UnknownContent) as error:
            if not skip_refused:
                raise Impossible(_("action {value} ({describe}) was refused: {error}").format(
                                     value=index + 1, describe=describe(action), error=error)) from None
            refused.append((index, action, str(error)))
    end_turn(state)
    return refused


def replay_record(record: Record, content: ContentBundle | Rules) -> GameState:
    """The game the record describes, replayed from its actions (raises ``RecordError``)."""
    state = start_game(record, content)
    for entry in record.turns:
        if state.is_over:
            raise RecordError(_("The record lists more months than scenario '{scenario}' has.").format(
                                  scenario=record.scenario))
        try:
            play_month(state, list(entry.actions))
        except Impossible as error:
            raise RecordError(_("Month {turn}: {error}").format(turn=entry.turn, error=error)) from None
    return state


def verify_record(record: Record, content: ContentBundle | Rules) -> VerifyResult:
    """Replay the record and compare every outcome and the final score with what it says."""
    result = VerifyResult(ok=False, turns_checked=0)
    out = result.mismatches
    try:
        state = start_game(record, content)
    except RecordError as error:
        out.append(Mismatch(0, "scenario", record.scenario, str(error)))
        return result
    if record.fingerprint != state.fingerprint:
        result.warnings.append(_("The data files differ from the ones this record was made with (fingerprint {fingerprint}…, "
                                  "current {fingerprint2}…).").format(
                                   fingerprint=record.fingerprint[:12], fingerprint2=state.fingerprint[:12]))
    if record.game_version and record.game_version != game.__version__:
        result.warnings.append(_("This record was made with version {game_version} of the game and is replayed with version "
                                  "{version}; if the engine changed in between, outcomes can differ.").format(
                                   game_version=record.game_version, version=game.__version__))
    if record.turns_total != state.turns:
        out.append(Mismatch(0, "turns_total", record.turns_total, state.turns))
    legacy = scored_absolute(record)
    if legacy:
        result.warnings.append(_("This record was scored before scores were measured against the same year with no "
                               "actions: its scores are checked as the absolute figures it holds. The debrief shows "
                               "the score against doing nothing."))
    if record.checksum and not record.checksum_ok():
        result.warnings.append(_("The record's checksum does not match its contents: it was edited after it was written."))
    verify_months(record, state, result, legacy=legacy)
    return result


def verify_months(record: Record, state: GameState, result: VerifyResult, first: int = 1, legacy: bool = False) -> None:
    """Play the record's months from month ``first`` on ``state`` (which has played the months before
    it, all verified) and compare each outcome, then the final scorecard, with what the record says.
    Adds to ``result`` (``legacy``: the record holds absolute scores, see ``scored_absolute``)."""
    out = result.mismatches
    for position, entry in enumerate(record.turns[first - 1:], start=first):
        if entry.turn != position:
            out.append(Mismatch(position, "turn", entry.turn, position))
        if state.is_over:
            out.append(Mismatch(position, _("turns (count)"), len(record.turns), state.turns))
            break
        try:
            play_month(state, list(entry.actions))
        except Impossible as error:
            out.append(Mismatch(position, "actions", "accepted", str(error)))
            break
        replayed = outcome_of(state, position).model_dump(mode="json")
        if legacy:
            replayed["score"] = round(scorecard(state).absolute_total, DIGITS)
        if not all(NEWS_ID.match(item) for item in entry.outcome.news):  # an older record: headlines
            replayed["news"] = [n.title for n in state.news if n.turn == position]
        diff(entry.outcome.model_dump(mode="json"), replayed, "outcome", position, out)
        result.turns_checked = position
    final = final_of(state)
    if state.turn - 1 == len(record.turns):
        if record.final is None and final is not None:
            out.append(Mismatch(0, "final", None, _("a final scorecard (the game is over)")))
        elif record.final is not None and final is None:
            out.append(Mismatch(0, "final", _("a final scorecard"), _("none (the game is not over)")))
        elif record.final is not None and final is not None:
            diff(record.final, _legacy_final(final) if legacy else final, "final", 0, out)
            result.final_total = final["total"]
    result.ok = not out

