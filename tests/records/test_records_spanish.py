"""Exports and the class report in Spanish: the language declared, Spanish texts, records from
either language verified side by side, and the pages rendered with their charts in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from records_helpers import NOTES, bot_record, rewrite

from game.cli import main
from game.engine import compile_rules
from game.engine.autoplay import play_bot_game
from game.loading import load_content
from game.records import load_record, record_from_state, save_record, verify_record
from tests.decimal_marks import decimal_points, visible_text


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    save_record(folder / "ana.json", bot_record("default", "balanced", 21, "balanced", notes=NOTES, player="Ana"))
    save_record(folder / "beto.json", bot_record("default", "hardline", 22, "hardline", player="Beto"))
    return folder


def _dom(page: Path, tmp_path: Path) -> str:
    browser = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                    if (found := shutil.which(name))), None)
    if browser is None:
        pytest.skip("chromium was not found on this machine (.ci/run installs it)")
    proc = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
                           "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_spanish_exports_declare_their_language(class_folder: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    record = class_folder / "ana.json"
    for fmt in ("html", "csv", "json"):
        assert main(["--lang", "es", "export", str(record), "--out", str(tmp_path / f"d.{fmt}")]) == 0
    assert "escrito" in capsys.readouterr().out
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "Informe final: Primer año: el enviado" in html
    assert "Registro de credibilidad" in html and "México" in html and "Discusión" in html
    rows = list(csv.reader(io.StringIO((tmp_path / "d.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["section", "turn", "country", "item", "value", "detail"]  # ids stay the same
    assert ["summary", "", "", "language", "es", "español"] in rows
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["language"] == "es"
    assert main(["export", str(record), "--out", str(tmp_path / "en.html")]) == 0
    assert '<html lang="en">' in (tmp_path / "en.html").read_text(encoding="utf-8")


def test_a_class_report_in_spanish_verifies_records_of_both_languages(class_folder: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    assert main(["--lang", "es", "report", str(class_folder), "--out", str(out)]) == 0
    assert "2 registros en 1 grupo" in capsys.readouterr().out
    page = (out / "class-report.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Comparación de la clase" in page
    assert "NOT MATCHING" not in page and "NO COINCIDE" not in page.split("<table")[-1]  # both records replay
    assert page.count(">verificado<") >= 2  # the check column in Spanish (kept in English in the CSV)

    dom = _dom(out / "class-report.html", tmp_path)
    assert 'lang="es"' in dom and dom.count('class="chart"') >= 2 and "Puntuación media" in dom

    assert main(["--lang", "es", "export", str(class_folder / "ana.json"), "--out", str(tmp_path / "d.html")]) == 0
    dom = _dom(tmp_path / "d.html", tmp_path)
    assert dom.count('class="chart"') >= 9 and dom.count("<polyline") >= 20 and "La lectura de los gobiernos" in dom
    # the charts' own titles, legends and units, and the ledgers, are Spanish too
    assert "Relaciones con Washington" in dom and "Llegadas a la frontera de EE. UU. por nacionalidad" in dom
    assert "Relations with Washington" not in dom and " level " not in dom and "in force" not in dom


def test_records_name_news_by_event_and_verify_in_any_language(class_folder: Path) -> None:
    record = load_record(class_folder / "ana.json")
    news = [item for entry in record.turns for item in entry.outcome.news]
    assert news and all(" " not in item for item in news)  # ids such as 'protests:HTI', not headlines
    spanish = load_content(language="es").bundle
    assert spanish is not None and verify_record(record, spanish).ok
    played_in_spanish = record_from_state(play_bot_game(compile_rules(spanish, "default"), "balanced", 21, "balanced"))
    assert [t.model_dump() for t in played_in_spanish.turns] == [t.model_dump() for t in record.turns]


def test_an_older_record_with_headlines_still_verifies(class_folder: Path) -> None:
    english = load_content(language="en").bundle
    assert english is not None
    titles = {key: event.title for key, event in english.events.items()}
    names = {cid: country.name for cid, country in english.countries.items()}

    def headlines(data: dict) -> None:
        for entry in data["turns"]:
            entry["outcome"]["news"] = [
                titles[item.split(":")[0]].replace("{country}", names[item.split(":")[1]]) if ":" in item
                else titles[item] for item in entry["outcome"]["news"]]

    path = class_folder / "ana.json"
    rewrite(path, headlines)
    record = load_record(path)
    assert any(" " in item for entry in record.turns for item in entry.outcome.news)
    assert verify_record(record, english).ok


def test_spanish_pages_write_decimals_with_a_comma(class_folder: Path, tmp_path: Path) -> None:
    assert main(["--lang", "es", "report", str(class_folder), "--out", str(tmp_path / "report")]) == 0
    assert main(["--lang", "es", "export", str(class_folder / "ana.json"), "--out", str(tmp_path / "d.html"),
                 "--without", "2:1"]) == 0
    assert "Contrafactual" in (tmp_path / "d.html").read_text(encoding="utf-8")  # the comparison's figures too
    for page in (tmp_path / "report" / "class-report.html", tmp_path / "d.html"):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert decimal_points(text) == [], page.name
        assert re.search(r"\d,\d", text), page.name  # there are decimals, written the Spanish way
    assert main(["export", str(class_folder / "ana.json"), "--out", str(tmp_path / "en.html")]) == 0
    assert decimal_points(visible_text((tmp_path / "en.html").read_text(encoding="utf-8")), ",")  # English keeps its points


def test_decimal_points_are_told_from_versions_addresses_and_times() -> None:
    assert decimal_points("media 2.5 y 3,5") == ["media 2.5"]
    assert decimal_points("1.800 personas, +0.004") == ["1.800 personas, +0.004"]
    assert decimal_points("1.800 personas", ",") == ["1.800"]
    assert decimal_points("127.0.0.1, versión 0.9, v1.2, game.json, data.toml:3:1, 12:30, 2026-12-02") == []
