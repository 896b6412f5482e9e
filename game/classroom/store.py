"""The class in a database through SQLAlchemy Core: settings, data files, students, records, injects.

``--db PATH`` is an SQLite file; anything with ``://`` is a SQLAlchemy URL (``postgresql://…``
for a school server). Every write is committed before the host answers, so a host killed at any
moment restarts from the database with every acknowledged record. Student tokens are stored as
SHA-256 hashes; the instructor's token is kept as given so a restarted host can print its URL.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import CursorResult, Engine

metadata = MetaData()
HASHES = ("token_hash", "attempt_hash")

settings = Table("settings", metadata, Column("key", String(40), primary_key=True), Column("value", Text, nullable=False))
datafiles = Table("datafiles", metadata, Column("name", String(200), primary_key=True),
                  Column("content", LargeBinary, nullable=False))
students = Table(
    "students", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("attempt_hash", String(64), nullable=True, unique=True),
    Column("joined", String(40), nullable=False),
    Column("months", Integer, nullable=False, default=0),
    Column("over", Boolean, nullable=False, default=False),
    Column("record", Text, nullable=True),
    Column("revision", Integer, nullable=False, default=0),
    Column("checked_revision", Integer, nullable=False, default=0),
    Column("check", String(40), nullable=False, default="waiting"),
    Column("summary", Text, nullable=False, default=""),
    Column("score", Float, nullable=True),
    Column("threats_pending", Integer, nullable=False, default=0),
    Column("deals_signed", Integer, nullable=False, default=0),
    Column("deals_in_force", Integer, nullable=False, default=0),
    Column("updated", String(40), nullable=False, default=""),
)
injects = Table("injects", metadata, Column("id", Integer, primary_key=True, autoincrement=True),
                Column("event", String(64), nullable=False), Column("country", String(8), nullable=False, default=""),
                Column("created", String(40), nullable=False))


def new_id(result: CursorResult[Any]) -> int:
    """The number the database gave the row one insert added."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the database did not report the new row's number")
    return int(key[0])


def now_text() -> str:
    """The wall-clock time as ISO 8601 UTC."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def token_hash(token: str) -> str:
    """How a student token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class StoreError(Exception):
    """The class database cannot be opened (a message for the instructor)."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL from ``--db``: an SQLite file path, or a URL. A plain ``postgresql://`` (or
    ``postgres://``) URL is given the psycopg 3 driver, the maintained one (``pip install
    "pressure-points[postgres]"``); a URL naming its driver (``postgresql+psycopg2://``) is kept."""
    if "://" not in db:
        return f"sqlite:///{db}"
    scheme, _, rest = db.partition("://")
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return db


@dataclass(frozen=True)
class StudentRow:
    """A student as stored (the record as its JSON text)."""

    id: int
    name: str
    joined: str
    months: int
    over: bool
    record: str | None
    revision: int
    checked_revision: int
    check: str
    summary: str
    score: float | None
    threats_pending: int
    deals_signed: int
    deals_in_force: int
    updated: str


class Store:
    """The class database. Thread-safe: the web app and the record checker share it."""

    def __init__(self, db: str) -> None:
        url = database_url(db)
        try:
            self.engine: Engine = create_engine(url, future=True,
                                                connect_args={"check_same_thread": False} if url.startswith("sqlite") else {})
        except ModuleNotFoundError as error:
            raise StoreError(f"the database driver for {url.partition('://')[0]} is not installed ({error.name}); "
                             'for PostgreSQL: pip install "pressure-points[postgres]"') from error
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.lock = threading.Lock()
        metadata.create_all(self.engine)

    # settings -----------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """Every stored setting (values are JSON)."""
        with self.engine.connect() as conn:
            return {row.key: json.loads(row.value) for row in conn.execute(select(settings))}

    def put_settings(self, values: Mapping[str, Any]) -> None:
        """Store settings, replacing those with the same key."""
        with self.lock, self.engine.begin() as conn:
            for key, value in values.items():
                text = json.dumps(value)
                done = conn.execute(update(settings).where(settings.c.key == key).values(value=text))
                if done.rowcount == 0:
                    conn.execute(insert(settings).values(key=key, value=text))

    def files(self) -> list[tuple[str, bytes]]:
        """The class's data files, by name."""
        with self.engine.connect() as conn:
            return [(row.name, bytes(row.content)) for row in conn.execute(select(datafiles).order_by(datafiles.c.name))]

    def put_files(self, files: list[tuple[str, bytes]]) -> None:
        """Store the class's data files (once, when the class is created)."""
        with self.lock, self.engine.begin() as conn:
            conn.execute(datafiles.delete())
            for name, content in files:
                conn.execute(insert(datafiles).values(name=name, content=content))

    # students -----------------------------------------------------------------------------
    def rejoin(self, attempt: str, token: str) -> tuple[int, str] | None:
        """The student who joined with this attempt key, now with a new token: (number, name), or None."""
        with self.lock, self.engine.begin() as conn:
            row = conn.execute(select(students.c.id, students.c.name)
                               .where(students.c.attempt_hash == token_hash(attempt))).first()
            if row is None:
                return None
            conn.execute(update(students).where(students.c.id == row.id).values(token_hash=token_hash(token)))
            return int(row.id), str(row.name)

    def add_student(self, name: str, token: str, attempt: str | None = None) -> int:
        """A new student; returns its number."""
        with self.lock, self.engine.begin() as conn:
            result = conn.execute(insert(students).values(
                name=name, token_hash=token_hash(token), attempt_hash=token_hash(attempt) if attempt else None,
                joined=now_text(), months=0, over=False, record=None,
                revision=0, checked_revision=0, check="waiting", summary="", score=None, threats_pending=0,
                deals_signed=0, deals_in_force=0, updated=now_text()))
            return new_id(result)

    def names(self) -> set[str]:
        """Every name in the class."""
        with self.engine.connect() as conn:
            return {row.name for row in conn.execute(select(students.c.name))}

    def student_by_token(self, token: str) -> StudentRow | None:
        """The student this token belongs to, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(students).where(students.c.token_hash == token_hash(token))).first()
        return StudentRow(**{k: v for k, v in row._mapping.items() if k not in HASHES}) if row else None

    def student(self, sid: int) -> StudentRow | None:
        """One student by number."""
        with self.engine.connect() as conn:
            row = conn.execute(select(students).where(students.c.id == sid)).first()
        return StudentRow(**{k: v for k, v in row._mapping.items() if k not in HASHES}) if row else None

    def all_students(self, with_records: bool = False) -> list[StudentRow]:
        """Every student in joining order (records left out unless asked for)."""
        columns = [c for c in students.c if c.name not in HASHES and (with_records or c.name != "record")]
        with self.engine.connect() as conn:
            rows = conn.execute(select(*columns).order_by(students.c.id)).all()
        return [StudentRow(**{"record": None, **row._mapping}) for row in rows]

    def save_record(self, sid: int, record_text: str, months: int, over: bool, summary: dict[str, Any]) -> None:
        """Store a student's newest record and what the dashboard shows of it; the check becomes pending."""
        with self.lock, self.engine.begin() as conn:
            conn.execute(update(students).where(students.c.id == sid).values(
                record=record_text, months=months, over=over, revision=students.c.revision + 1, check="pending",
                updated=now_text(), **summary))

    def unchecked(self) -> list[int]:
        """Students whose newest record has not been checked yet."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(students.c.id).where(students.c.revision > students.c.checked_revision)
                                .order_by(students.c.updated)).all()
        return [row.id for row in rows]

    def set_check(self, sid: int, revision: int, check: str, summary: str, score: float | None) -> None:
        """Store the verdict on revision ``revision`` of a student's record (ignored if a newer one arrived)."""
        with self.lock, self.engine.begin() as conn:
            conn.execute(update(students).where((students.c.id == sid) & (students.c.revision == revision)).values(
                check=check, summary=summary, score=score, checked_revision=revision))

    # injects ------------------------------------------------------------------------------
    def add_inject(self, event_id: str, country: str) -> int:
        """A new inject; returns its number."""
        with self.lock, self.engine.begin() as conn:
            result = conn.execute(insert(injects).values(event=event_id, country=country, created=now_text()))
            return new_id(result)

    def injects(self) -> list[tuple[int, str, str]]:
        """Every inject as (number, event, country), in order."""
        with self.engine.connect() as conn:
            return [(row.id, row.event, row.country) for row in conn.execute(select(injects).order_by(injects.c.id))]

    def count_students(self) -> int:
        """How many students joined."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(students)).scalar_one())


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    """WAL journal: readers do not wait for the writer; a commit survives the process being killed."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def describe_error(error: Exception) -> str:
    """A database problem in one plain line: the driver's own words, without SQLAlchemy's wrapping."""
    if isinstance(error, StoreError):
        return str(error)
    cause = getattr(error, "orig", None) or error
    return "the class database cannot be used: " + " ".join(str(cause).split("\n")[0].split())
