"""A real class host on 127.0.0.1 with headless students: a whole class, a crash, refusals, hold, inject."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from classhost_helpers import CODE, ROOT, TOKEN, Host, crash_mid_class, export_class, play_class, records_of

from game.classroom.bot import BotResult
from game.content import ContentBundle
from game.engine import FireEvent
from game.records import verify_record


def test_thirty_students_play_a_whole_game_and_every_record_verifies(host: Host, own_bundle: ContentBundle) -> None:
    names = [f"Student {i:02d}" for i in range(30)]
    results = play_class(host, own_bundle, names)
    assert all(r.delivered and r.months == 12 for r in results), [r for r in results if not r.delivered]
    view = host.wait_for(lambda v: all(s["check"] != "pending" for s in v["students"]), 60, "every check")
    assert sorted(s["name"] for s in view["students"]) == names
    assert all(s["over"] and s["months_done"] == 12 and s["check"] == "verified" for s in view["students"])
    export_class(host)
    records = records_of(host)
    assert sorted(records) == names
    for record in records.values():
        assert record.over and verify_record(record, own_bundle).ok
    report = host.instructor("GET", "/api/class/report").json()
    assert len(report["rows"]) == 30 and {row[9] for row in report["rows"]} == {"verified"}
    assert (host.db.parent / "export" / "class-report.html").read_text(encoding="utf-8").count("Student ") >= 30


def test_the_host_killed_mid_class_resumes_from_its_database(host: Host, own_bundle: ContentBundle) -> None:
    out = crash_mid_class(host, own_bundle, [f"Crash {i}" for i in range(6)])
    assert "Class resumed" in out and f"Join code: {CODE}" in out


def test_refusals_without_the_right_token_code_or_body(host: Host, own_bundle: ContentBundle) -> None:
    url = host.url
    assert httpx.get(f"{url}/api/class", timeout=5).status_code == 401
    assert httpx.get(f"{url}/api/class", headers={"authorization": "Bearer wrong"}, timeout=5).status_code == 401
    assert httpx.post(f"{url}/api/class/hold", json={"hold": True}, timeout=5).status_code == 401
    assert httpx.get(f"{url}/api/status", timeout=5).status_code == 401
    assert httpx.put(f"{url}/api/record", json={"record": {}}, timeout=5).status_code == 401
    assert httpx.post(f"{url}/api/join", json={"code": "WRONG", "name": "Eve"}, timeout=5).status_code == 403
    assert httpx.post(f"{url}/api/join", json={"code": CODE, "name": "Eve", "admin": True}, timeout=5).status_code == 422
    assert httpx.post(f"{url}/api/join", json={"code": CODE, "name": 7}, timeout=5).status_code == 422
    assert httpx.post(f"{url}/api/join", content=b"x" * 20_000, timeout=5).status_code == 413
    joined = httpx.post(f"{url}/api/join", json={"code": CODE, "name": "Eve", "fingerprint": own_bundle.fingerprint},
                        timeout=5)
    assert joined.status_code == 200
    reply = joined.json()
    assert reply["files"] is None  # same data as the student's: nothing sent
    student = {"authorization": f"Bearer {reply['token']}"}
    assert httpx.get(f"{url}/api/class", headers=student, timeout=5).status_code == 401  # a student is no instructor
    assert httpx.get(f"{url}/api/class/report", headers=student, timeout=5).status_code == 401
    status = httpx.get(f"{url}/api/status", headers=student, timeout=5).json()
    assert set(status) == {"hold", "hold_month", "injects", "months_received"}
    other = httpx.post(f"{url}/api/join", json={"code": CODE, "name": "Eve"}, timeout=5).json()
    assert other["name"] == "Eve (2)" and other["files"] and "countries.toml" in other["files"]
    wrong_game = {"format": "pressure-points-record", "version": 1, "scenario": "default", "mandate": "balanced",
                  "seed": 999, "fingerprint": own_bundle.fingerprint, "turns_total": 12}
    refused = httpx.put(f"{url}/api/record", json={"record": wrong_game}, headers=student, timeout=5)
    assert refused.status_code == 409
    with httpx.Client(headers=student, timeout=10) as client, ThreadPoolExecutor(max_workers=16) as pool:
        flood = list(pool.map(lambda _: client.get(f"{url}/api/status").status_code, range(240)))
    assert 429 in flood  # the rate limit (per token: a burst of 80, then 20 a second)
    assert httpx.get(f"{url}/api/status", headers={"authorization": f"Bearer {other['token']}"},
                     timeout=5).status_code == 200  # another student is not slowed down
    assert TOKEN not in json.dumps(reply) and TOKEN not in json.dumps(other)
    attempt = {"code": CODE, "name": "Rita", "attempt": "k" * 24}
    first = httpx.post(f"{url}/api/join", json=attempt, timeout=5).json()
    again = httpx.post(f"{url}/api/join", json=attempt, timeout=5).json()  # the first answer was lost
    assert again["student"] == first["student"] and again["name"] == "Rita" and again["token"] != first["token"]
    assert httpx.get(f"{url}/api/status", headers={"authorization": f"Bearer {first['token']}"}, timeout=5).status_code == 401
    assert sum(1 for s in host.view()["students"] if s["name"].startswith("Rita")) == 1
    page = httpx.get(f"{url}/dashboard", timeout=5)
    assert page.status_code == 200 and TOKEN not in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "connect-src 'self'" in page.headers["content-security-policy"]


def test_hold_stops_everyone_and_an_inject_reaches_every_record(host: Host, own_bundle: ContentBundle) -> None:
    assert host.instructor("POST", "/api/class/hold", {"hold": True, "month": 4}).status_code == 200
    names = [f"Held {i}" for i in range(5)]
    results: list[BotResult] = []
    players = threading.Thread(target=lambda: results.extend(play_class(host, own_bundle, names)))
    players.start()
    host.wait_for(lambda v: len(v["students"]) == 5 and all(s["months_done"] == 3 for s in v["students"]), 60,
                  "everyone at the hold")
    time.sleep(1.0)
    assert all(s["months_done"] == 3 for s in host.view()["students"])  # nobody went past the boundary
    assert host.instructor("POST", "/api/class/inject", {"event": "protests", "country": "MEX"}).status_code == 200
    assert host.instructor("POST", "/api/class/inject", {"event": "hurricane_season", "country": ""}).status_code == 200
    assert host.instructor("POST", "/api/class/inject", {"event": "no_such_event"}).status_code == 422
    assert host.instructor("POST", "/api/class/inject", {"event": "darien_surge", "country": "MEX"}).status_code == 422
    assert host.instructor("POST", "/api/class/hold", {"hold": False}).status_code == 200
    players.join(timeout=240)
    assert not players.is_alive()
    assert all(r.delivered and r.injects == 2 and r.held_seconds > 0.5 for r in results), results
    host.wait_for(lambda v: all(s["check"] == "verified" for s in v["students"]), 60, "every check")
    export_class(host)
    for name, record in records_of(host).items():
        fired = [a for a in record.turns[3].actions if isinstance(a, FireEvent)]
        assert fired == [FireEvent("protests", "MEX"), FireEvent("hurricane_season", "")], name
        assert "protests:MEX" in record.turns[3].outcome.news and "hurricane_season:GTM" in record.turns[3].outcome.news
        assert verify_record(record, own_bundle).ok
    exported = next((host.db.parent / "export" / "records").glob("*.json"))
    verify = subprocess.run([sys.executable, str(ROOT / "main.py"), "verify", str(exported)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_the_headless_student_command_exits_zero_once_its_record_arrived(host: Host) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "class", "bot", "--url", host.url, "--code", CODE,
                           "--name", "Cli Bot", "--strategy", "hardline"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "12 months played, record delivered" in proc.stdout
    wrong = subprocess.run([sys.executable, str(ROOT / "main.py"), "class", "bot", "--url", host.url, "--code", "NOPE",
                            "--name", "X"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 1 and "join code" in wrong.stderr and "Traceback" not in wrong.stderr


def test_a_bot_with_no_host_gives_up_after_its_retry_time(tmp_path: Path) -> None:
    from classhost_helpers import free_port
    port = free_port()
    start = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "class", "bot", "--url", f"127.0.0.1:{port}",
                           "--code", CODE, "--name", "X", "--retry", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1 and "cannot be reached" in proc.stderr
    assert time.monotonic() - start < 30
