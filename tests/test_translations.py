"""Translated data: ``data/i18n/<lang>/*.toml`` checked like data and laid over the English bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import compile_rules
from game.engine.autoplay import play_bot_game
from game.engine.score import scorecard
from game.loading import Severity, load_content
from game.loading.translations import TRANSLATIONS_DIR

MEX_ES = '''
[countries.MEX]
name = "México"
summary = "Resumen."
'''


def _write(mini: Path, name: str, text: str) -> Path:
    folder = mini / TRANSLATIONS_DIR / "es"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.shipped_data
def test_shipped_data_is_fully_translated_and_shown_in_spanish() -> None:
    english = load_content(language="en")
    result = load_content(language="es", check_languages=True)
    assert result.ok and result.bundle is not None and english.bundle is not None
    assert [(c.language, c.done == c.total, c.total > 300) for c in result.completeness] == [("es", True, True)]
    assert not [p for p in result.problems if "translation" in p.message]
    bundle = result.bundle
    assert bundle.countries["MEX"].name == "México"
    assert bundle.countries["MEX"].leader == english.bundle.countries["MEX"].leader  # proper names stay
    assert bundle.scenarios["default"].briefing.startswith("Enero de 2025")
    assert bundle.asks["return_flights"].levels[0].value == english.bundle.asks["return_flights"].levels[0].value
    assert bundle.fingerprint == english.bundle.fingerprint  # records stay comparable across languages
    for key, event in bundle.events.items():
        assert event.text != english.bundle.events[key].text


@pytest.mark.shipped_data
def test_a_bot_game_is_the_same_game_in_both_languages() -> None:
    cards = []
    for language in ("en", "es"):
        bundle = load_content(language=language).bundle
        assert bundle is not None
        state = play_bot_game(compile_rules(bundle, "northern_triangle"), "balanced", 11, "balanced")
        cards.append(scorecard(state))
    english, spanish = cards
    assert english == spanish


def test_a_partial_translation_warns_per_entry_and_counts(mini_dir: Path) -> None:
    _write(mini_dir, "countries.toml", MEX_ES)
    result = load_content(mini_dir, language="es", check_languages=True)
    assert result.ok and result.bundle is not None
    assert result.bundle.countries["MEX"].name == "México"
    assert result.bundle.countries["GTM"].name == "Guatemala"  # untranslated: English
    [completeness] = result.completeness
    assert 0 < completeness.done < completeness.total
    warnings = {p.field: p for p in result.problems if p.severity is Severity.warning}
    assert "capital" in warnings["countries.MEX"].message and "name" not in warnings["countries.MEX"].message.split(": ")[1]
    assert warnings["countries.MEX"].path.endswith("i18n/es/countries.toml")
    assert warnings["countries.GTM"].path.endswith("countries.toml") and "name" in warnings["countries.GTM"].message
    assert "levers.tariff" in warnings


def test_english_play_does_not_read_other_languages(mini_dir: Path) -> None:
    _write(mini_dir, "broken.toml", "[countries.MEX]\nnmae = 'x'\n")
    assert load_content(mini_dir, language="en").ok
    assert not load_content(mini_dir, language="en", check_languages=True).ok


def test_unknown_field_is_a_located_error_with_a_suggestion(mini_dir: Path) -> None:
    path = _write(mini_dir, "countries.toml", '[countries.MEX]\nnmae = "México"\n')
    result = load_content(mini_dir, language="es")
    assert not result.ok
    [error] = result.errors
    assert (error.path, error.line, error.column) == (path.as_posix(), 2, 1)
    assert "'name'" in error.message


def test_unknown_id_is_a_located_error(mini_dir: Path) -> None:
    path = _write(mini_dir, "levers.toml", '[levers.tarif]\nname = "Aranceles"\n')
    [error] = load_content(mini_dir, language="es").errors
    assert (error.path, error.line, error.field) == (path.as_posix(), 1, "levers.tarif")
    assert "tarif" in error.message


def test_a_list_must_keep_the_english_number_of_items(mini_dir: Path) -> None:
    _write(mini_dir, "countries.toml", '[countries.MEX.lines]\naccept = ["Uno", "Dos", "Tres", "Cuatro"]\n')
    [error] = load_content(mini_dir, language="es").errors
    assert error.field == "countries.MEX.lines.accept" and error.line == 2
    assert "same order" in error.message


def test_placeholders_must_match(mini_dir: Path) -> None:
    english = load_content(mini_dir, language="en").bundle
    assert english is not None
    key, event = next((k, e) for k, e in english.events.items() if "{country}" in e.title + e.text)
    field = "title" if "{country}" in event.title else "text"
    _write(mini_dir, "events.toml", f'[events.{key}]\n{field} = "Sin el marcador"\n')
    [error] = load_content(mini_dir, language="es").errors
    assert error.field == f"events.{key}.{field}" and "{country}" in error.message


def test_translated_twice_is_an_error(mini_dir: Path) -> None:
    _write(mini_dir, "a.toml", MEX_ES)
    _write(mini_dir, "b.toml", MEX_ES)
    [error] = load_content(mini_dir, language="es").errors
    assert error.field == "countries.MEX" and "a.toml" in error.message


def test_engine_and_loading_need_no_pygame() -> None:
    import game.i18n
    import game.i18n.formats
    import game.loading.translations
    source = "\n".join(Path(module.__file__).read_text(encoding="utf-8") for module in (
        game.i18n, game.i18n.formats, game.loading.translations))
    assert "import pygame" not in source
