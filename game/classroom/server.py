"""The class host's web app (Starlette): the students' API, the instructor's API and dashboard.

Every body is parsed with the strict models of ``protocol``; every route but the join, the health
check and the dashboard's static files needs a bearer token: a student's own (it reaches only that
student's status and record) or the instructor's (the whole class). Build with ``build_app(room)``
and serve with uvicorn (see ``host``).
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from game.classroom.checker import CheckerProcess, check_pending
from game.classroom.dashboard_text import dashboard_page, names, shown_bundle
from game.classroom.limits import LimitsMiddleware
from game.classroom.protocol import (
    ClassView,
    EventChoice,
    HoldRequest,
    Inject,
    InjectRequest,
    JoinReply,
    JoinRequest,
    RecordPost,
    RecordReply,
    StatusReply,
    StudentView,
)
from game.classroom.report import class_report, report_data
from game.classroom.room import Room
from game.classroom.store import StudentRow, token_hash
from game.debrief.classpage import report_html
from game.i18n import _

STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "no-store"}


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=HEADERS)


def _reply(model: BaseModel) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"), headers=HEADERS)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


Body = TypeVar("Body", bound=BaseModel)


class HoldState(TypedDict):
    """Whether the instructor holds the class, and before which month (None: at any)."""

    hold: bool
    hold_month: int | None


async def _body(request: Request, model: type[Body]) -> Body | JSONResponse:
    """The request's JSON body as ``model``, or a 400/422 reply saying what is wrong."""
    raw = await request.body()
    try:
        data = json.loads(raw)
    except ValueError:
        return _error(400, _("the body must be JSON"))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        return _error(422, _first_problem(error))


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "the body"
    return f"{where}: {first['msg']}"


def _outcome_summary(record: Any) -> dict[str, Any]:
    last = record.turns[-1].outcome if record.turns else None
    if last is None:
        return {"threats_pending": 0, "deals_signed": 0, "deals_in_force": 0}
    return {"threats_pending": sum(1 for s in last.threats.values() if s == "pending"),
            "deals_signed": len(last.deals), "deals_in_force": sum(1 for s in last.deals.values() if s == "in_force")}


def _student_view(row: StudentRow, months: int) -> StudentView:
    return StudentView(id=row.id, name=row.name, joined=row.joined, month=min(months, row.months + 1),
                       months_done=row.months, over=row.over, check=row.check, score=row.score,
                       threats_pending=row.threats_pending, deals_in_force=row.deals_in_force,
                       deals_signed=row.deals_signed, updated=row.updated)


@dataclass
class Known:
    """A student the host has seen: its number, name and how many months of its record it holds."""

    id: int
    name: str
    months: int


def _title(text: str) -> str:
    return text.replace("{country}", "…").replace("{leader}", _("the leader"))


def build_app(room: Room, check_records: bool = True) -> Starlette:
    """The ASGI app of one class (the record checker's process runs while the app does)."""
    store = room.store
    months = room.months
    checker = CheckerProcess(room.db)
    shown = shown_bundle(room.bundle)
    titles = {key: event.title for key, event in shown.events.items()}
    id_names = names(shown)
    events = [EventChoice(id=plan.id, title=_title(titles.get(plan.id, room.rules.events[plan.id].title)),
                          places=[p for p in plan.places if p]) for plan in room.rules.event_plan]
    event_places = {choice.id: set(choice.places) for choice in events}
    template = (STATIC / "dashboard.html").read_text(encoding="utf-8")

    def instructor(request: Request) -> bool:
        token = _bearer(request)
        return token is not None and hmac.compare_digest(token.encode(), room.token.encode())

    # The app is the only writer of students, settings and injects: what the students ask for each
    # month is answered from memory, kept in step with every write.
    known: dict[str, Known] = {}
    current = store.settings()
    hold_state: HoldState = {"hold": bool(current.get("hold")), "hold_month": current.get("hold_month")}
    inject_list = [Inject(id=i, event=e, country=c) for i, e, c in store.injects()]

    def student(request: Request) -> Known | None:
        token = _bearer(request)
        if not token:
            return None
        key = token_hash(token)
        found = known.get(key)
        if found is None:
            row = store.student_by_token(token)
            if row is None:
                return None
            found = known[key] = Known(row.id, row.name, row.months)
        return found

    def guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            if not instructor(request):
                return _error(401, _("the instructor's token is needed"))
            return await handler(request)
        return endpoint

    def status_of(who: Known) -> StatusReply:
        return StatusReply(hold=hold_state["hold"], hold_month=hold_state["hold_month"], injects=inject_list,
                           months_received=who.months)

    async def join(request: Request) -> Response:
        body = await _body(request, JoinRequest)
        if isinstance(body, Response):
            return body
        if not hmac.compare_digest(body.code.upper().encode(), room.code.upper().encode()):
            return _error(403, _("that is not this class's join code"))
        token = secrets.token_urlsafe(24)
        again = store.rejoin(body.attempt, token) if body.attempt else None
        if again is not None:
            sid, name = again
            known.pop(next((k for k, v in known.items() if v.id == sid), ""), None)
        else:
            taken = store.names()
            name, n = body.name, 2
            while name in taken:
                name, n = f"{body.name} ({n})", n + 1
            sid = store.add_student(name, token, body.attempt)
        files = None if body.fingerprint == room.fingerprint else room.files
        return _reply(JoinReply(student=sid, token=token, name=name, scenario=room.scenario, mandate=room.mandate,
                                seed=room.seed, fingerprint=room.fingerprint, files=files))

    async def status(request: Request) -> Response:
        row = student(request)
        if row is None:
            return _error(401, _("a student's token is needed (join the class first)"))
        return _reply(status_of(row))

    async def put_record(request: Request) -> Response:
        row = student(request)
        if row is None:
            return _error(401, _("a student's token is needed (join the class first)"))
        raw = await request.body()
        try:
            record = RecordPost.model_validate_json(raw).record
        except ValidationError as error:
            return _error(422, _first_problem(error))
        if (record.scenario, record.mandate, record.seed) != (room.scenario, room.mandate, room.seed):
            return _error(409, _("this record is not of the class's game (scenario, mandate and seed differ)"))
        if len(record.turns) < row.months:
            return _error(409, _("the host already holds {months} months of this student's record").format(months=row.months))
        store.save_record(row.id, raw.decode("utf-8"), len(record.turns), record.over, _outcome_summary(record))
        row.months = len(record.turns)
        return _reply(RecordReply(months_received=len(record.turns), over=record.over))

    async def class_view(request: Request) -> Response:
        return _reply(ClassView(
            scenario=room.scenario, mandate=room.mandate, seed=room.seed, months_total=months, code=room.code,
            hold=hold_state["hold"], hold_month=hold_state["hold_month"], injects=inject_list, events=events,
            students=[_student_view(row, months) for row in store.all_students()]))

    async def hold(request: Request) -> Response:
        body = await _body(request, HoldRequest)
        if isinstance(body, Response):
            return body
        hold_state["hold"], hold_state["hold_month"] = body.hold, body.month if body.hold else None
        store.put_settings(hold_state)
        return JSONResponse(hold_state, headers=HEADERS)

    async def inject(request: Request) -> Response:
        body = await _body(request, InjectRequest)
        if isinstance(body, Response):
            return body
        if body.event not in event_places:
            return _error(422, _("there is no event '{event}' in this scenario").format(event=body.event))
        if body.country and body.country not in event_places[body.event]:
            return _error(422, _("the event '{event}' cannot happen in {country}").format(event=body.event, country=body.country))
        added = Inject(id=store.add_inject(body.event, body.country), event=body.event, country=body.country)
        inject_list.append(added)
        return _reply(added)

    async def report(request: Request) -> Response:
        check_pending(store, room.rules)
        return JSONResponse(report_data(class_report(room)), headers=HEADERS)

    async def report_page(request: Request) -> Response:
        check_pending(store, room.rules)
        page = class_report(room)
        page.name(shown)  # the scenarios' and mandates' names in the host's language
        return HTMLResponse(report_html(page), headers=HEADERS)

    async def dashboard(_request: Request) -> Response:
        return HTMLResponse(dashboard_page(template, id_names), headers={**HEADERS, "content-security-policy": CSP})

    def static(name: str, media: str) -> Callable[[Request], Any]:
        async def endpoint(_request: Request) -> Response:
            return FileResponse(STATIC / name, media_type=media, headers=HEADERS)
        return endpoint

    async def health(_request: Request) -> Response:
        return JSONResponse({"ok": True}, headers=HEADERS)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if check_records:
            checker.start()
        try:
            yield
        finally:
            if check_records:
                checker.stop()

    routes = [
        Route("/api/join", join, methods=["POST"]),
        Route("/api/status", status, methods=["GET"]),
        Route("/api/record", put_record, methods=["PUT"]),
        Route("/api/class", guarded(class_view), methods=["GET"]),
        Route("/api/class/hold", guarded(hold), methods=["POST"]),
        Route("/api/class/inject", guarded(inject), methods=["POST"]),
        Route("/api/class/report", guarded(report), methods=["GET"]),
        Route("/api/class/report.html", guarded(report_page), methods=["GET"]),
        Route("/api/health", health, methods=["GET"]),
        Route("/", dashboard, methods=["GET"]),
        Route("/dashboard", dashboard, methods=["GET"]),
        Route("/static/dashboard.js", static("dashboard.js", "text/javascript"), methods=["GET"]),
        Route("/static/dashboard.css", static("dashboard.css", "text/css"), methods=["GET"]),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(LimitsMiddleware)], lifespan=lifespan)
    return app
