"""The instructor's dashboard in headless Chromium: students arrive live, the class report at the end.

Selenium drives Debian's ``chromium`` through ``chromedriver`` (``.ci/run`` installs both when
missing). The browser's performance log lists every request the page made: all go to the host.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from classhost_helpers import CODE, TOKEN, Host, free_port

from game.classroom.bot import BotResult, play_class_bot
from game.classroom.dashboard_text import CHECKS, COLUMNS, PAGE, SCRIPT
from game.content import ContentBundle
from game.i18n import _, current_language, set_language

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


@pytest.fixture
def host_es(tmp_path: Path) -> Iterator[Host]:
    """A class host started with ``--lang es``."""
    running = Host(tmp_path / "class-es.db", free_port()).start(lang="es")
    try:
        yield running
    finally:
        running.stop()


def _dashboard_texts() -> list[str]:
    """Every text of the dashboard's page and script in the current language."""
    return [*(table[key] for table in (PAGE, SCRIPT, COLUMNS) for key in table), *(_(check) for check in CHECKS)]


def _english_leftovers(text: str) -> list[str]:
    """The dashboard's English texts (those Spanish writes differently) that show in ``text``."""
    before = current_language()
    try:
        set_language("en")
        english_texts = _dashboard_texts()
        set_language("es")
        pairs = list(zip(english_texts, _dashboard_texts(), strict=True))
    finally:
        set_language(before)
    found = []
    for english, spanish in pairs:
        if english == spanish:
            continue
        for part in re.split(r"\{\w+\}", english):  # the fixed words of a message with fields
            part = part.strip(" ,.;:()—")
            if part and re.search(r"(?<!\w)" + re.escape(part) + r"(?!\w)", text):
                found.append(part)
    return found


def test_dashboard_in_spanish(host_es: Host, own_bundle: ContentBundle, tmp_path: Path) -> None:
    browser = _browser(tmp_path)
    try:
        browser.get(f"{host_es.url}/dashboard#token={TOKEN}")
        wait = WebDriverWait(browser, 60, poll_frequency=0.1)
        wait.until(lambda b: b.find_element(By.ID, "code").text == CODE)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
        result = play_class_bot(host_es.url, CODE, "Ana", "balanced", own_bundle, month_delay=0.0)
        assert result.delivered
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#report-rows tbody tr")) == 1)
        wait.until(lambda b: "verificado" in b.find_element(By.CSS_SELECTOR, "#students tbody tr").text)
        browser.find_element(By.ID, "hold-now").click()
        wait.until(lambda b: b.find_element(By.ID, "hold-state").text == "En pausa al final del mes")
        text = browser.find_element(By.TAG_NAME, "body").text
        for spanish in ("Pressure Points: panel de la clase", "Código de acceso", "Estudiantes", "Último envío",
                        "Informe de la clase", "Lanzar para todos el próximo mes", "Jugador", "terminó", "Mandato Equilibrio", "mandato Equilibrio"):
            assert spanish in text, spanish
        assert _english_leftovers(text) == []
        assert re.search(r"\d\.\d", text) is None, text  # decimals with a comma; times have colons
        assert re.search(r"\d,\d", browser.find_element(By.ID, "report-groups").text)  # a mean with a decimal comma
        score = browser.find_element(By.CSS_SELECTOR, "#students tbody td.score").text
        assert re.fullmatch(r"-?\d+,\d", score), score
        options = [o.text for o in browser.find_elements(By.CSS_SELECTOR, "#event option")]
        assert "Protestas en …" in options
        network = [u for u in _requests(browser) if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]
        assert network and all(u.startswith(host_es.url + "/") for u in network)
        page = host_es.instructor("GET", "/api/class/report.html").text
        assert '<html lang="es">' in page and "Comparación de la clase" in page and "Escenario Primer año" in page
    finally:
        browser.quit()
