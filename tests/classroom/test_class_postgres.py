"""The class host on a PostgreSQL server (a school's server) instead of an SQLite file: a class
plays through, the host is killed and resumes from the server, the export's records verify."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from classhost_helpers import Host, crash_mid_class, export_class, free_port, records_of
from postgres_server import postgres_url, unavailable

from game.classroom.store import database_url
from game.content import ContentBundle
from game.records import verify_record

WHY_NOT = unavailable()
if WHY_NOT and os.environ.get("POSTGRES_REQUIRED"):
    raise RuntimeError(f"POSTGRES_REQUIRED is set but {WHY_NOT}")
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")


@pytest.fixture
def pg_host(tmp_path: Path) -> Iterator[Host]:
    with postgres_url() as url:
        running = Host(tmp_path / "class.db", free_port(), url_db=url).start()
        try:
            yield running
        finally:
            running.stop()


def test_a_plain_postgresql_url_gets_the_maintained_driver() -> None:
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg2://u@h/db") == "postgresql+psycopg2://u@h/db"
    assert database_url("class.db") == "sqlite:///class.db"


def test_a_class_on_postgresql_survives_a_killed_host(pg_host: Host, own_bundle: ContentBundle) -> None:
    names = [f"School {i}" for i in range(6)]
    assert "Class resumed" in crash_mid_class(pg_host, own_bundle, names)
    export_class(pg_host)  # from the database itself, the host stopped
    records = records_of(pg_host)
    assert sorted(records) == sorted(names)
    assert all(verify_record(record, own_bundle).ok for record in records.values())
