"""The class protocol: every request and reply body as a strict pydantic model.

Students: ``POST /api/join`` (JoinRequest -> JoinReply), ``GET /api/status`` (-> StatusReply),
``PUT /api/record`` (RecordPost -> RecordReply), each after the join with ``Authorization: Bearer
<student token>``. The instructor: ``GET /api/class`` (-> ClassView), ``POST /api/class/hold``
(HoldRequest), ``POST /api/class/inject`` (InjectRequest), ``GET /api/class/report`` (the class
report), with the instructor's token. Replies to students never carry another student's data
nor any number the game hides from its player.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from game.records.model import Record

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
EventId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^([A-Z]{3})?$")]


class Body(BaseModel):
    """Every body: unknown fields are refused, and values are not coerced from other types."""

    model_config = ConfigDict(extra="forbid", strict=True)


class JoinRequest(Body):
    """A student asks to join with the class code and a name to appear under."""

    code: Code = Field(description="The join code the host printed.")
    name: Name = Field(description="The student's name as shown to the instructor.")
    fingerprint: str | None = Field(default=None, max_length=64,
                                       description="The student's own data fingerprint: the data is sent only if it differs.")
    attempt: str | None = Field(default=None, min_length=16, max_length=64,
                                   description="A random key the student keeps while retrying: a join sent again "
                                   "(its answer was lost) gives the same place in the class with a new token.")


class JoinReply(Body):
    """What a student needs to play the class's game."""

    student: int = Field(ge=1, description="The student's number in this class.")
    token: str = Field(description="The student's own token: it writes only this student's record.")
    name: str
    scenario: str
    mandate: str
    seed: int
    fingerprint: str
    files: dict[str, str] | None = Field(default=None, description="file name -> TOML text, when the data differs.")


class Inject(Body):
    """An event the instructor fired for the whole class."""

    id: int = Field(ge=1)
    event: str
    country: str = ""


class StatusReply(Body):
    """What a student's game checks at each month boundary."""

    hold: bool = Field(description="True while the instructor holds the class at a month boundary.")
    hold_month: int | None = Field(default=None, description="Hold only before this month is ended (None: at any).")
    injects: list[Inject] = Field(default_factory=list, description="Every inject so far, in order.")
    months_received: int = Field(default=0, description="How many months of this student's record the host holds.")


class RecordPost(Body):
    """A student's whole record so far (the newest supersedes the earlier ones)."""

    model_config = ConfigDict(extra="forbid", strict=False)

    record: Record


class RecordReply(Body):
    """The host's receipt."""

    months_received: int
    over: bool


class HoldRequest(Body):
    """Hold the class (at every student's next month boundary, or before one month ends) or release it."""

    hold: bool
    month: int | None = Field(default=None, ge=1, le=120)


class InjectRequest(Body):
    """Fire an event from the data for everyone, in each student's next month."""

    event: EventId
    country: CountryCode = ""


class StudentView(Body):
    """One student as the dashboard shows them."""

    id: int
    name: str
    joined: str
    month: int = Field(description="The month the student is playing (months done + 1, or the last when over).")
    months_done: int
    over: bool
    check: str = Field(description="waiting, pending, verified, NOT MATCHING or cannot replay")
    score: float | None = None
    threats_pending: int = 0
    deals_in_force: int = 0
    deals_signed: int = 0
    updated: str = ""


class EventChoice(Body):
    """An event the instructor can inject."""

    id: str
    title: str
    places: list[str]


class ClassView(Body):
    """The whole class for the instructor."""

    scenario: str
    mandate: str
    seed: int
    months_total: int
    code: str
    hold: bool
    hold_month: int | None = None
    injects: list[Inject] = Field(default_factory=list)
    events: list[EventChoice] = Field(default_factory=list)
    students: list[StudentView] = Field(default_factory=list)
