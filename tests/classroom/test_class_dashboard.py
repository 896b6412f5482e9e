"""The instructor's dashboard in headless Chromium: students arrive live, the class report at the end.

Selenium drives Debian's ``chromium`` through ``chromedriver`` (``.ci/run`` installs both when
missing). The browser's performance log lists every request the page made: all go to the host.
"""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from classhost_helpers import CODE, TOKEN, Host

from game.classroom.bot import BotResult, play_class_bot
from game.content import ContentBundle

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
         "--window-size=1400,1000")


def _browser(tmp_path: Path):
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("chromium and chromedriver are needed (apt-get install -y chromium chromium-driver; .ci/run does this)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = webdriver.ChromeService(executable_path=driver)
    return webdriver.Chrome(options=options, service=service)


def _requests(browser) -> list[str]:
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_dashboard_shows_students_live_and_the_class_report(host: Host, own_bundle: ContentBundle,
                                                            tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    results: list[BotResult] = []
    try:
        browser.get(f"{host.url}/dashboard#token={TOKEN}")
        wait = WebDriverWait(browser, 60, poll_frequency=0.1)
        wait.until(lambda b: b.find_element(By.ID, "code").text == CODE)
        assert browser.find_element(By.ID, "count").text == "0"
        assert "token" not in browser.current_url  # the token left the address bar
        names = ["Ana", "Bruno", "Chen"]

        def play() -> None:
            for name in names:  # one after the other: the page must show each as they come
                results.append(play_class_bot(host.url, CODE, name, "balanced", own_bundle, month_delay=0.1))

        players = threading.Thread(target=play)
        players.start()
        wait.until(lambda b: b.find_element(By.ID, "count").text == "1")
        first = browser.find_element(By.CSS_SELECTOR, "#students tbody tr td").text
        assert first == "Ana" and len(results) == 0  # shown while Ana is still playing
        wait.until(lambda b: b.find_element(By.ID, "count").text == "3")
        players.join(timeout=180)
        assert not players.is_alive() and all(r.delivered for r in results)
        wait.until(lambda b: b.find_element(By.ID, "report").is_displayed())
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#report-rows tbody tr")) == 3)
        rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#report-rows tbody tr")]
        assert all("verified" in row for row in rows) and {n for n in names if any(n in r for r in rows)} == set(names)
        table = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#students tbody tr")]
        assert all("finished" in row and "verified" in row for row in table), table
        browser.find_element(By.ID, "show-scores").click()
        assert not browser.find_element(By.CSS_SELECTOR, "#students tbody td.score").is_displayed()
        urls = _requests(browser)
        assert any(u.endswith("/api/class/report") for u in urls)
        network = [u for u in urls if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]  # not chrome:// pages
        assert any(u.endswith("/static/dashboard.js") for u in network)
        outside = [u for u in network if not u.startswith(host.url + "/")]
        assert outside == []
    finally:
        browser.quit()


def test_dashboard_without_the_token_says_so(host: Host, tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    try:
        browser.get(f"{host.url}/dashboard")
        WebDriverWait(browser, 30, poll_frequency=0.1).until(
            lambda b: "token" in b.find_element(By.ID, "problem").text)
        assert browser.find_element(By.ID, "count").text == "0"
    finally:
        browser.quit()
