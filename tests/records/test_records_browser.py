"""The exported debrief page in a real headless browser: charts and tables rendered, no request made.

Uses Debian's ``chromium`` (``.ci/run`` installs it when missing). The browser's network log is
kept and every request a page started is listed (the browser's own background traffic, which has no
page origin, is ignored); a control page with an external image proves the check sees requests.
Name resolution is disabled for the browser, so nothing can leave the machine in any case.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from records_helpers import NOTES, bot_record

from game.debrief import build_debrief, render

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND")
URL_ATTRS = {"src", "href", "xlink:href", "action", "srcset", "poster", "data", "formaction", "background"}


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium was not found on this machine (install it with: apt-get install -y chromium; "
                ".ci/run does this), so the exported page could not be opened in a real browser")


def _run(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    proc = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def page_requests(netlog: Path) -> list[str]:
    """URLs of every request a web page started (not the browser's own), from a Chromium net log."""
    text = netlog.read_text(encoding="utf-8", errors="replace").rstrip().rstrip(",")
    try:
        data = json.loads(text)
    except ValueError:
        data = json.loads(text + "]}")  # the log of a browser that did not close it
    types = {value: name for name, value in data["constants"]["logEventTypes"].items()}
    out = []
    for event in data.get("events", []):
        params = event.get("params") or {}
        if types.get(event.get("type")) == "URL_REQUEST_START_JOB" and params.get("initiator") != "not an origin":
            url = str(params.get("url", ""))
            if url and not url.startswith("file:"):
                out.append(url)
    return out


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.classes: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name == "class" and value:
                self.classes.append(f"{tag}.{value}")
            if name in URL_ATTRS:
                self.urls.append(f"{tag} {name}={value}")


def _parse(text: str) -> _Collect:
    parser = _Collect()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from records_helpers import shipped
    folder = tmp_path_factory.mktemp("page")
    record = bot_record(strategy="hardline", notes=NOTES, player="Ana")
    path = folder / "debrief.html"
    path.write_text(render(build_debrief(record, shipped(), without=(2, 1)), "html"), encoding="utf-8")
    return path


def test_the_page_asks_for_nothing_outside_itself(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    found = _parse(text)
    assert found.urls == []  # the player's note that holds a URL stays plain text, never a link
    assert "url(" not in text and "@import" not in text
    assert "http://evil.invalid" in text and '"http' not in text and "'http" not in text
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base"):
        assert tag not in found.tags, tag
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_the_browser_renders_charts_and_tables_without_any_request(page: Path, tmp_path: Path) -> None:
    browser = _browser()
    netlog = tmp_path / "net.json"
    dom = _run(browser, tmp_path, f"--log-net-log={netlog}", "--dump-dom", page.as_uri()).stdout
    found = _parse(dom)
    charts = [c for c in found.classes if c == "svg.chart"]
    assert len(charts) >= 9  # the objectives and the eight timelines
    assert found.tags.get("polyline", 0) >= 20 and found.tags.get("rect", 0) >= 8
    for css in ("readings", "threats", "promises", "humanitarian", "actions", "counterfactual"):
        assert f"table.{css}" in found.classes, css
    assert "Reading the governments" in dom and "Credibility ledger" in dom and "Discussion" in dom
    assert page_requests(netlog) == []

    shot = tmp_path / "shot.png"
    _run(browser, tmp_path, "--window-size=1000,4000", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 20_000
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    image = pygame.image.load(str(shot))
    total = image.get_width() * image.get_height()
    white = pygame.transform.threshold(None, image, (255, 255, 255), (4, 4, 4, 255), set_behavior=0)
    orange = pygame.transform.threshold(None, image, (0xD5, 0x5E, 0x00), (12, 12, 12, 255), set_behavior=0)
    blue = pygame.transform.threshold(None, image, (0x00, 0x72, 0xB2), (12, 12, 12, 255), set_behavior=0)
    assert white < 0.97 * total, "the screenshot is blank"
    assert blue > 20_000, "the objectives bar chart is not drawn"
    assert orange > 200, "the timeline chart lines are not drawn"


def test_the_request_check_sees_a_page_that_loads_something(tmp_path: Path) -> None:
    browser = _browser()
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><html><body><img src="http://example.invalid/pixel.png"></body></html>',
                       encoding="utf-8")
    netlog = tmp_path / "control-net.json"
    _run(browser, tmp_path, f"--log-net-log={netlog}", "--dump-dom", control.as_uri())
    assert page_requests(netlog) == ["http://example.invalid/pixel.png"]


def test_line_chart_lines_differ_in_dash_and_marker_and_are_labelled_at_their_ends() -> None:
    from game.debrief.svg import colour, line_chart, style
    pairs = {style(i) for i in range(12)}
    assert len(pairs) == 12  # twelve series: no two share both dash and marker
    assert len({colour(i)[1] for i in range(4)}) == 4
    names = [f"Country {i}" for i in range(12)]
    svg = line_chart("c", "Relations", list(range(13)), [(n, [float(i * 3 + m) for m in range(13)]) for i, n in enumerate(names)])
    assert svg.count('class="end-label"') == 12 and all(f">{n}</text>" in svg for n in names)
    assert svg.count('class="marker"') >= 12 * 13
    assert 'class="marker" points=' in svg and "<rect class=\"marker\"" in svg and "<path class=\"marker\"" in svg
