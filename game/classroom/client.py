"""The student's link to the class host, used by the game and by the headless student.

``join`` asks the host for a place in the class and returns a :class:`ClassLink` with the
class's game (scenario, mandate, seed, and the data when it differs from the student's: held in
memory, never written). ``link.submit(record)`` hands over the newest record: a background thread
sends it, and while the host is unreachable keeps it and retries, so the game never waits on the
network. ``link.fetch_status()`` asks whether the class is held and which events were injected.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from dataclasses import dataclass, field

import httpx
from pydantic import ValidationError

from game.classroom.protocol import JoinReply, JoinRequest, RecordReply, StatusReply
from game.content import ContentBundle
from game.engine import Action, FireEvent, GameState
from game.i18n import _
from game.loading import load_files
from game.records.model import Record

log = logging.getLogger("pressure_points.classroom")
TIMEOUT_SECONDS = 5.0
JOIN_TIMEOUT_SECONDS = 15.0
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0, 3.0)  # waits between failed sends, the last repeated
SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")
PERMANENT = (400, 401, 403, 404, 409, 413, 422)  # refusals that sending again cannot change


class ClassError(Exception):
    """Joining or talking to the host failed; the message is for the player."""


def base_url(address: str) -> str:
    """``http://ADDRESS`` from what a student typed (``192.168.1.20:8765`` or a full URL)."""
    address = address.strip().rstrip("/")
    if not address:
        raise ClassError(_("Type the host's address, for example 192.168.1.20:8765."))
    return address if "://" in address else f"http://{address}"


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("error", response.text))
    except ValueError:
        return response.text[:200]


@dataclass
class ClassGame:
    """The class's game as the host sent it."""

    reply: JoinReply
    bundle: ContentBundle  # the host's data, or the student's own when it is the same


def new_attempt() -> str:
    """A random key for one student's join, kept while the join is retried."""
    return secrets.token_urlsafe(24)


def join(address: str, code: str, name: str, own: ContentBundle | None = None,
         attempt: str | None = None) -> tuple[ClassLink, ClassGame]:
    """Join the class; ``own`` is the student's data (used when the host's data is the same).

    Pass the same ``attempt`` (``new_attempt()``) when trying again after a lost answer."""
    url = base_url(address)
    try:
        body = JoinRequest(code=code, name=name, fingerprint=own.fingerprint if own else None, attempt=attempt)
    except ValidationError as error:
        raise ClassError(_("Type the class code and a name (up to 40 letters).")) from error
    try:
        response = httpx.post(f"{url}/api/join", json=body.model_dump(), timeout=JOIN_TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        raise ClassError(_("The class host at {url} cannot be reached ({name}).").format(
                             url=url, name=type(error).__name__)) from None
    if response.status_code != 200:
        raise ClassError(_("The host refused to join: {message}.").format(message=_message(response)))
    try:
        reply = JoinReply.model_validate(response.json())
    except (ValueError, ValidationError):
        raise ClassError(_("The host's answer could not be read: is this a Pressure Points class host?")) from None
    if reply.files is None:
        if own is None or own.fingerprint != reply.fingerprint:
            raise ClassError(_("The host did not send its data."))
        bundle = own
    else:
        result = load_files([(name, text.encode("utf-8")) for name, text in reply.files.items()])
        if not result.ok or result.bundle is None:
            raise ClassError(_("The class's data has errors; tell the instructor."))
        bundle = result.bundle
    return ClassLink(url, reply.token, reply.student), ClassGame(reply, bundle)


def injects_due(state: GameState, status: StatusReply) -> list[Action]:
    """The injects this game has not played yet, as actions for the month being ended.

    Injects are delivered in order; the game has played as many as it holds ``FireEvent`` actions.
    """
    played = sum(1 for month in state.actions_log for a in month if isinstance(a, FireEvent))
    played += sum(1 for a in state.queue if isinstance(a, FireEvent))
    return [FireEvent(event=i.event, country=i.country) for i in status.injects[played:]]


def held(status: StatusReply, turn: int) -> bool:
    """True when the class is held and this month may not be ended yet."""
    return status.hold and (status.hold_month is None or turn >= status.hold_month)


@dataclass
class ClassLink:
    """A joined student's connection: sends records in the background, fetches the class status."""

    url: str
    token: str
    student: int
    pending: bytes | None = None
    pending_months: int = 0
    delivered_months: int = -1
    delivered_over: bool = False
    reachable: bool = True
    last_error: str = ""
    refused: str = ""
    timings: list[tuple[str, float, float]] | None = None  # (request, seconds, host's seconds) when kept
    _lock: threading.Condition = field(default_factory=threading.Condition)
    _asking: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=TIMEOUT_SECONDS))
    _sending: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=TIMEOUT_SECONDS))
    _thread: threading.Thread | None = None
    _stop: bool = False

    def _headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}

    def fetch_status(self, timeout: float = TIMEOUT_SECONDS) -> StatusReply | None:
        """The class's status now, or None while the host is unreachable."""
        try:
            started = time.perf_counter()
            response = self._asking.get(f"{self.url}/api/status", headers=self._headers(), timeout=timeout)
            self._time("status", started, response)
            if response.status_code != 200:
                self._failed(f"status refused: {_message(response)}")
                return None
            status = StatusReply.model_validate(response.json())
        except (httpx.HTTPError, ValueError, ValidationError) as error:
            self._failed(f"status: {type(error).__name__}")
            return None
        self.reachable = True
        if status.months_received < self.delivered_months:  # the host lost a record (restored from a backup)
            with self._lock:
                self.delivered_months = status.months_received
                self._lock.notify_all()
        return status

    def _time(self, what: str, started: float, response: httpx.Response) -> None:
        if self.timings is not None:
            match = SERVER_TIMING.search(response.headers.get("server-timing", ""))
            self.timings.append((what, time.perf_counter() - started, float(match.group(1)) / 1000 if match else -1.0))

    def _failed(self, why: str) -> None:
        self.reachable = False
        self.last_error = why

    def submit(self, record: Record) -> None:
        """Hand over the newest record (serialized now: the game may change it); sent in the background."""
        body = b'{"record":' + record.model_dump_json().encode("utf-8") + b"}"
        with self._lock:
            self.pending, self.pending_months = body, len(record.turns)
            self._lock.notify_all()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="class-sender", daemon=True)
            self._thread.start()

    def wait_delivered(self, months: int, timeout: float) -> bool:
        """Wait until the host holds ``months`` months of the record; False if it did not in time."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self.delivered_months < months or self.pending is not None:
                if self.refused and self.pending is None:
                    return False
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._lock.wait(left)
        return True

    def close(self) -> None:
        """Stop the sender (what was not sent stays in the local record)."""
        with self._lock:
            self._stop = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=TIMEOUT_SECONDS + 1)
        self._asking.close()
        self._sending.close()

    def _send(self, body: bytes) -> RecordReply | None:
        try:
            started = time.perf_counter()
            response = self._sending.put(f"{self.url}/api/record", content=body,
                                         headers={**self._headers(), "content-type": "application/json"})
            self._time("record", started, response)
        except httpx.HTTPError as error:
            self._failed(f"send: {type(error).__name__}")
            return None
        if response.status_code in PERMANENT:
            self.refused = _("The host refused the record: {message}.").format(message=_message(response))
            self.reachable = True
            return None
        if response.status_code != 200:
            self._failed(f"the host could not take the record ({response.status_code}): {_message(response)}")
            return None
        self.reachable = True
        try:
            return RecordReply.model_validate(response.json())
        except (ValueError, ValidationError):
            self._failed("the host's receipt could not be read")
            return None

    def _run(self) -> None:
        failures = 0
        while True:
            with self._lock:
                while self.pending is None and not self._stop:
                    self._lock.wait()
                if self._stop:
                    return
                record, _months = self.pending, self.pending_months
            reply = self._send(record) if record is not None else None
            with self._lock:
                if self.refused and self.pending is record:  # kept in the local record; not sent again
                    self.pending = None
                    self._lock.notify_all()
                    continue
                if reply is not None:
                    failures = 0
                    if self.pending is record:
                        self.pending = None
                    self.delivered_months = max(self.delivered_months, reply.months_received)
                    self.delivered_over = reply.over
                    self._lock.notify_all()
                    continue
                failures += 1
                wait = RETRY_SECONDS[min(failures, len(RETRY_SECONDS)) - 1]
                self._lock.wait(wait)
