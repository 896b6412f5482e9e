"""Languages: choosing one, the gettext catalogs, Babel's formats and the command line in Spanish."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

import game.cli
from game import i18n
from game.i18n import catalog, formats

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the data commands, so these tests need neither pygame nor the game UI."""
    monkeypatch.setattr(game.cli, "COMMANDS", {name: game.cli.COMMANDS[name] for name in ("validate", "schema")})


def test_languages_are_found_from_the_catalog_files() -> None:
    assert {"en", "es"} <= set(i18n.available_languages())
    assert i18n.match_language("es_MX.UTF-8") == "es"
    assert i18n.match_language("es-CO") == "es"
    assert i18n.match_language("xx") is None
    with pytest.raises(i18n.UnknownLanguage, match=r"available: .*es"):
        i18n.set_language("xx")


def test_system_locale_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "es_CO:en")
    assert i18n.system_language() == "es"
    assert i18n.choose_language(None, None) == "es"
    assert i18n.choose_language(None, "en") == "en"  # the remembered setting wins over the system
    assert i18n.choose_language("es", "en") == "es"  # and --lang over both
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))
    assert i18n.system_language() == "en"


def test_spanish_formats(spanish: None) -> None:
    assert formats.number(1800) == "1.800"
    assert formats.number(2.5, 1) == "2,5"
    assert formats.month_year(2025, 1) == "enero de 2025"
    assert formats.money_millions(1800) == "1.800 millones de dólares"
    assert formats.money_millions(1) == "1 millón de dólares"
    assert formats.counted(1, "{n} record", "{n} records") == "1 registro"
    assert formats.counted(3, "{n} record", "{n} records") == "3 registros"


def test_english_formats() -> None:
    assert formats.number(1800) == "1,800"
    assert formats.month_year(2025, 1) == "January 2025"
    assert formats.money_millions(1800) == "$1,800 million"
    assert formats.counted(1, "{n} record", "{n} records") == "1 record"


def test_every_marked_string_is_translated_and_the_catalog_is_fresh() -> None:
    messages = catalog.extract()
    assert len(messages) > 50
    for language in i18n.available_languages():
        if language != i18n.BASE_LANGUAGE:
            assert catalog.missing_from_catalog([m.msgid for m in messages], language) == []
    spec = importlib.util.spec_from_file_location("update_catalog", ROOT / "tools" / "update_catalog.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["--check"]) == 0, "run: python tools/update_catalog.py"


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """The extractor cannot read ``_()`` inside an f-string: such a string would never be translated."""
    import tokenize

    offenders = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        with path.open(encoding="utf-8") as handle:
            for token in tokenize.generate_tokens(handle.readline):
                text = token.string
                if token.type == tokenize.STRING and text[:2].lower() in ("f'", 'f"', "rf", "fr") and "_(" in text:
                    offenders.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert offenders == []


def test_missing_from_catalog_names_what_is_not_translated() -> None:
    assert catalog.missing_from_catalog(["options", "a string nobody wrote"], "es") == ["a string nobody wrote"]


def test_lang_before_or_after_the_command(data_commands: None, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--lang", "es", "validate"], ["validate", "--lang=es"]):
        assert game.cli.main(args) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[-2] == "traducción es (español): 100\xa0%, 449 de 449 textos"
        assert out[-1].startswith("correcto: 6 archivos, 12 países, 14 palancas")
        assert i18n.current_language() == "es"


def test_help_is_in_the_chosen_language(data_commands: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        game.cli.main(["--lang", "es", "validate", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: ") and "opciones:" in out and "--lang CODE" in out
    assert "revisa" in out.lower()


def test_unknown_language_is_a_clear_error(data_commands: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert game.cli.main(["--lang", "xx", "validate"]) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err
    assert game.cli.main(["validate", "--lang"]) == 2


def test_the_remembered_language_is_used(data_commands: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PRESSURE_POINTS_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text(json.dumps({"language": "es"}), encoding="utf-8")
    assert game.cli.main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("correcto:")
    assert game.cli.main(["--lang", "en", "validate"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("ok:")


def test_validate_in_spanish_explains_a_broken_file(data_commands: None, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The validator's own messages, the did-you-mean and the summary, in Spanish."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("schema"))
    levers = folder / "levers.toml"
    text = levers.read_text(encoding="utf-8")
    levers.write_text(text.replace("\nname = ", "\nnmae = ", 1), encoding="utf-8")
    countries = folder / "countries.toml"
    countries.write_text(countries.read_text(encoding="utf-8").replace("retaliation = 0.35", 'retaliation = "mucha"', 1),
                         encoding="utf-8")
    try:
        assert game.cli.main(["--lang", "es", "validate", str(folder)]) == 1
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert "clave desconocida 'nmae'. ¿Quiso decir 'name'?" in out
    assert 'se esperaba un número, se encontró texto entre comillas "mucha"' in out
    assert ": error: " in out
    assert re.fullmatch(r"\d+ errores, 0 avisos en 6 archivos", out.splitlines()[-1])
    assert "unknown key" not in out and "did you mean" not in out


def test_numbers_in_a_translated_message_follow_the_language() -> None:
    try:
        i18n.set_language("es")
        assert i18n._("{outflow_k:.1f}k a month").format(outflow_k=1234.5) == "1234,5 mil al mes"
        assert formats.number(1800) == "1.800" and formats.money_millions(1800) == "1.800 millones de dólares"
    finally:
        i18n.set_language("en")
    assert i18n._("{outflow_k:.1f}k a month").format(outflow_k=1234.5) == "1234.5k a month"
