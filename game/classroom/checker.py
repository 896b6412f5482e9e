"""Verifying every record the host receives, by replaying it, in a process of its own.

The web app only stores a record; the checker process (started with the app) looks for records
not yet checked, replays the newest of each student (records that arrive meanwhile are coalesced:
only the newest is replayed; a record that continues the last one verified replays only its new
months) and stores the verdict. A record made with other data than the
class's, or whose replay differs from what it says, is marked ``NOT MATCHING``. Replays are CPU
work: in their own process they never hold up the host's answers. The process ends by itself
when the host's process is gone (even after SIGKILL).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from dataclasses import dataclass

from pydantic import ValidationError

from game.classroom.protocol import RecordPost
from game.classroom.store import Store
from game.engine import GameState, Rules
from game.records import RecordError, VerifyResult, replay_record, verify_record
from game.records.model import Record
from game.records.verify import scored_absolute, verify_months

log = logging.getLogger("pressure_points.classroom")
POLL_SECONDS = 0.25
CHECKER_NICENESS = 10  # replays yield the processor to the host's answers


def parse_stored(text: str) -> Record:
    """A record as the host stores it (the body the student sent); raises ``ValidationError``."""
    return RecordPost.model_validate_json(text).record


@dataclass
class Replayed:
    """A student's game replayed as far as its record was verified: the next record replays only its new months."""

    state: GameState
    entries: list[str]  # each verified month of the record, as JSON


def _verified(record: Record, replayed: Replayed | None, rules: Rules) -> tuple[bool, str, Replayed | None]:
    """Verify ``record`` going on from ``replayed`` when the record continues it, else from the start."""
    entries = [entry.model_dump_json() for entry in record.turns]
    if replayed is None or entries[:len(replayed.entries)] != replayed.entries or (record.final is not None \
            and len(entries) == len(replayed.entries)):
        result = verify_record(record, rules)  # the whole replay: first record, or one that changed its past
        if not result.ok:
            return False, result.summary() + " " + "; ".join(str(m) for m in result.mismatches[:3]), None
        return True, result.summary(), Replayed(replay_record(record, rules), entries)
    # only the new months, on the game replayed so far (the same checks, month by month)
    result = VerifyResult(ok=False, turns_checked=len(replayed.entries))
    verify_months(record, replayed.state, result, first=len(replayed.entries) + 1, legacy=scored_absolute(record))
    if not result.ok:
        return False, result.summary() + " " + "; ".join(str(m) for m in result.mismatches[:3]), None
    return True, result.summary(), Replayed(replayed.state, entries)


class RecordChecker:
    """Checks stored records, keeping each student's replayed game between records."""

    def __init__(self, store: Store, rules: Rules) -> None:
        self.store = store
        self.rules = rules
        self.replayed: dict[int, Replayed] = {}

    def check_text(self, sid: int, record_text: str) -> tuple[str, str, float | None]:
        """The verdict on one stored record: (check, one-line summary, verified score or None)."""
        try:
            record = parse_stored(record_text)
        except ValidationError as error:
            return "cannot replay", str(error).splitlines()[0], None
        if record.fingerprint != self.rules.fingerprint:
            return "NOT MATCHING", "The record was made with other data than the class's.", None
        try:
            ok, summary, replayed = _verified(record, self.replayed.get(sid), self.rules)
        except RecordError as error:
            ok, summary, replayed = False, str(error), None
        if replayed is None:
            self.replayed.pop(sid, None)
        else:
            self.replayed[sid] = replayed
        if not ok:
            return "NOT MATCHING", summary, None
        return "verified", summary, record.turns[-1].outcome.score if record.turns else None

    def check_pending(self) -> int:
        """Check every record not yet checked; returns how many were checked."""
        done = 0
        for sid in self.store.unchecked():
            row = self.store.student(sid)
            if row is None or row.record is None:
                continue
            check, summary, score = self.check_text(sid, row.record)
            self.store.set_check(sid, row.revision, check, summary, score)
            done += 1
        return done


def check_pending(store: Store, rules: Rules) -> int:
    """Check every record not yet checked, each replayed from its first month; returns how many."""
    return RecordChecker(store, rules).check_pending()


def run_checker(db: str, parent: int) -> None:
    """The checker process: check records until the host's process ``parent`` is gone."""
    from game.classroom.room import open_existing

    os.nice(CHECKER_NICENESS)
    room = open_existing(db)
    checker = RecordChecker(room.store, room.rules)
    while os.getppid() == parent:
        try:
            if not checker.check_pending():
                time.sleep(POLL_SECONDS)
        except Exception:  # a database hiccup must not end the checking: logged, retried on the next pass
            log.exception("checking records failed; retrying")
            time.sleep(POLL_SECONDS)


class CheckerProcess:
    """The checker's process, started and stopped with the web app."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.process: multiprocessing.process.BaseProcess | None = None

    def start(self) -> None:
        """Start checking (records left unchecked by an earlier run are checked first)."""
        context = multiprocessing.get_context("spawn")
        self.process = context.Process(target=run_checker, args=(self.db, os.getpid()), name="record-checker",
                                       daemon=True)
        self.process.start()

    def stop(self) -> None:
        """Stop checking (a record left unchecked is checked on the next start)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=10)
