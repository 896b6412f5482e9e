"""Verifying every record the host receives, by replaying it, in one background thread.

The web app only stores a record and wakes the checker; the checker replays the newest record of
each student (records that arrive while it works are coalesced: only the newest is replayed) and
stores the verdict. A record made with other data than the class's, or whose replay differs from
what it says, is marked ``NOT MATCHING``.
"""

from __future__ import annotations

import logging
import threading

from pydantic import ValidationError

from game.classroom.store import Store
from game.engine import Rules
from game.records import RecordError, parse_record, verify_record

log = logging.getLogger("pressure_points.classroom")
IDLE_SECONDS = 1.0


def check_text(record_text: str, rules: Rules) -> tuple[str, str, float | None]:
    """The verdict on one stored record: (check, one-line summary, verified score or None)."""
    try:
        record = parse_record(record_text)
    except (RecordError, ValidationError, ValueError) as error:
        return "cannot replay", str(error), None
    if record.fingerprint != rules.fingerprint:
        return "NOT MATCHING", "The record was made with other data than the class's.", None
    result = verify_record(record, rules)
    if not result.ok:
        return "NOT MATCHING", result.summary() + " " + "; ".join(str(m) for m in result.mismatches[:3]), None
    score = record.turns[-1].outcome.score if record.turns else None
    return "verified", result.summary(), score


class Checker:
    """The thread that verifies records as they arrive."""

    def __init__(self, store: Store, rules: Rules) -> None:
        self.store = store
        self.rules = rules
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="record-checker", daemon=True)

    def start(self) -> None:
        """Start checking (records left unchecked by an earlier run are checked first)."""
        self.thread.start()

    def stop(self) -> None:
        """Stop after the record being checked."""
        self.stopping.set()
        self.wake.set()
        self.thread.join(timeout=10)

    def check_pending(self) -> int:
        """Check every record not yet checked; returns how many were checked."""
        done = 0
        for sid in self.store.unchecked():
            row = self.store.student(sid)
            if row is None or row.record is None:
                continue
            check, summary, score = check_text(row.record, self.rules)
            self.store.set_check(sid, row.revision, check, summary, score)
            done += 1
        return done

    def _run(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait(IDLE_SECONDS)
            self.wake.clear()
            try:
                self.check_pending()
            except Exception:  # the checker must outlive a database hiccup; the next pass retries
                log.exception("checking records failed; retrying on the next pass")
