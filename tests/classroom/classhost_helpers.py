"""A real class host on the loopback interface, started as its own process, for the classroom tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from game.classroom.bot import BotResult, play_class_bot
from game.content import ContentBundle
from game.records import parse_record

ROOT = Path(__file__).resolve().parents[2]
CODE = "TESTCODE"
TOKEN = "instructor-secret-token"
START_SECONDS = 30.0


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Host:
    """A running ``class host`` process."""

    db: Path
    port: int
    process: subprocess.Popen[str] | None = None
    url_db: str | None = None  # a database URL instead of the SQLite file ``db`` (beside which the log goes)

    @property
    def log(self) -> Path:
        """Where the host's output goes."""
        return self.db.with_suffix(".log")

    @property
    def db_arg(self) -> str:
        """What ``--db`` is given."""
        return self.url_db or str(self.db)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra: str, lang: str = "en") -> Host:
        """Start the host (its texts in ``lang``) and wait (bounded) until it answers."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--lang", lang, "class", "host", "--db", self.db_arg, "--bind", "127.0.0.1",
             "--port", str(self.port), "--code", CODE, "--token", TOKEN, *extra],
            cwd=ROOT, env=env, stdout=self.log.open("a", encoding="utf-8"), stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the host exited: {self.log.read_text(encoding='utf-8')}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise AssertionError("the host did not start in time")

    def kill(self) -> None:
        """SIGKILL: no chance to clean up."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> str:
        """Stop the host (Ctrl+C) and return what it printed."""
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.log.read_text(encoding="utf-8")

    def instructor(self, method: str, path: str, body: Any = None) -> httpx.Response:
        """A request with the instructor's token."""
        return httpx.request(method, f"{self.url}{path}", json=body, timeout=10,
                             headers={"authorization": f"Bearer {TOKEN}"})

    def view(self) -> dict[str, Any]:
        """The class as the dashboard sees it."""
        response = self.instructor("GET", "/api/class")
        assert response.status_code == 200, response.text
        return response.json()

    def wait_for(self, test: Any, seconds: float, what: str) -> dict[str, Any]:
        """Poll the class until ``test(view)`` holds (bounded)."""
        deadline = time.monotonic() + seconds
        view = self.view()
        while not test(view):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}: {view['students']}")
            time.sleep(0.1)
            view = self.view()
        return view


def play_class(host: Host, bundle: ContentBundle, names: list[str], **options: object) -> list[BotResult]:
    """Headless students playing at once (balanced and incentives bots in turn); their results."""
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        futures = [pool.submit(play_class_bot, host.url, CODE, name, "balanced" if i % 2 else "incentives", bundle,
                               **options) for i, name in enumerate(names)]
        return [f.result(timeout=240) for f in futures]


def records_of(host: Host) -> dict[str, Any]:
    """The exported records by player name."""
    out = {}
    for path in sorted((host.db.parent / "export" / "records").glob("*.json")):
        record = parse_record(path.read_text(encoding="utf-8"))
        out[record.player] = record
    return out


def export_class(host: Host) -> None:
    """``class export`` of the host's database into ``export/`` beside it."""
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "class", "export", "--db", host.db_arg, "--out",
                           str(host.db.parent / "export")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def crash_mid_class(host: Host, bundle: ContentBundle, names: list[str]) -> str:
    """Students play while the host is killed (SIGKILL) two months in and started again on the same
    database: nothing acknowledged is lost, every game ends delivered and verified. Returns what the
    host printed."""
    results: list[BotResult] = []
    players = threading.Thread(target=lambda: results.extend(play_class(host, bundle, names, month_delay=0.15)))
    players.start()
    host.wait_for(lambda v: len(v["students"]) == len(names) and min(s["months_done"] for s in v["students"]) >= 2,
                  90, "every student two months in")
    before = {s["name"]: s["months_done"] for s in host.view()["students"]}
    host.kill()
    time.sleep(1.0)  # the students play on and queue their records meanwhile
    host.start()
    after = {s["name"]: s["months_done"] for s in host.view()["students"]}
    assert set(after) == set(before) and all(after[n] >= before[n] for n in names)  # nothing acknowledged was lost
    players.join(timeout=240)
    assert not players.is_alive()
    assert all(r.delivered and r.months == 12 for r in results), results
    view = host.wait_for(lambda v: all(s["check"] == "verified" for s in v["students"]), 90, "every check")
    assert len(view["students"]) == len(names) and all(s["over"] for s in view["students"])
    return host.stop()
