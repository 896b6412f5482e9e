"""Every screen in Spanish: each visible text (labels, buttons, menus, text boxes, tooltips, the list of
keys) comes from the catalog or the translated data, so none is left showing the English it had.

Each screen of the scene list (``tests.ui.scenes``, built through ``game.ui.scenes.nav``) and the
list of keys is built once in English and once in Spanish; a piece of text that reads the same in
both is untranslated unless it is a proper name, a number or on the short list below.
"""

from __future__ import annotations

import html
import re

import pytest
from pygame_gui.elements import UIButton, UICheckBox, UIDropDownMenu, UILabel, UITextBox

from game import i18n
from game.ui.scenes import nav
from game.ui.tour import DEBRIEF_SECTIONS
from tests.decimal_marks import decimal_points
from tests.ui.helpers import make_app, pump
from tests.ui.scenes import SCENE_FACTORIES, played_session

# Texts that are the same in both languages: key names and abbreviations.
SAME_IN_BOTH = {"Esc", "Tab", "F1 / ?", "F5", "F1", "F2", "F10", "PageUp", "PageDown", "Pressure Points", "Tutorial",
                "Error", "error", "Total", "Global", "Mandato", "id", "Idioma", "English", "español"}
NUMBERISH = re.compile(r"^[\W\d_±×%kKmM$·]*$")
KEY_NAME = re.compile(r"^([A-Z]|[A-Z0-9 ]{2,12}|F\d+)$")  # a key as pygame names it: "E", "PAGE DOWN", "F2"


def _pieces(text: str) -> list[str]:
    """A widget's text cut into the sentences a reader sees (tags removed, split at breaks and bullets)."""
    plain = re.sub(r"<br\s*/?>", "\n", text or "")
    plain = html.unescape(re.sub(r"<[^>]+>", "", plain))
    out = []
    for part in re.split(r"[\n•]|(?<=[.:;])\s+", plain):
        part = part.strip(" \t\"“”()[],;:.")
        if part and not NUMBERISH.match(part):
            out.append(part)
    return out


def _texts(app) -> dict[str, str]:
    """Every visible text piece of the live scenes, with the kind of widget that shows it."""
    found: dict[str, str] = {}
    for scene in app.live():
        for element in scene.ui.elements:
            if not element.alive():
                continue
            texts = []
            if isinstance(element, (UIButton, UILabel, UICheckBox)):
                texts.append(getattr(element, "text", ""))
            if isinstance(element, UITextBox):
                texts.append(element.html_text)
            if isinstance(element, UIDropDownMenu):
                texts += [option[0] if isinstance(option, tuple) else option for option in element.options_list]
            tip = getattr(element, "tool_tip_text", None)
            if tip:
                texts.append(tip)
            for text in texts:
                for piece in _pieces(text):
                    found.setdefault(piece, type(element).__name__)
    for _key, what in app.live()[-1].key_lines():  # what the list of keys (F1) would say about this screen
        for piece in _pieces(what):
            found.setdefault(piece, "keys")
    return found


def _debrief_section(section: str):
    def build(ctx):
        stack = SCENE_FACTORIES["debrief"](ctx)
        stack[-1].set_tab(section)
        if section == "whatif":
            stack[-1].choose(1)
        return stack
    return build


def _screens() -> dict:
    screens = dict(SCENE_FACTORIES)
    screens["keys"] = lambda ctx: [*nav.screen("map", ctx), nav.keys_scene(ctx, None)]
    screens.update({f"debrief-{section}": _debrief_section(section) for section in DEBRIEF_SECTIONS})
    return screens


def _proper_names(content) -> set[str]:
    """Names that stay as they are in every language: governments, capitals, leaders, scenario ids."""
    names: set[str] = set()
    for cid, country in content.countries.items():
        names |= {country.name, country.capital, country.leader, cid}
        for source in country.facts.sources:  # publications keep their titles
            names |= set(_pieces(source))
    names |= set(content.scenarios) | set(content.levers) | set(content.asks)
    return names


def _collect(content, language: str) -> dict[str, dict[str, str]]:
    i18n.set_language(language)
    app = make_app(content)
    out = {}
    for name, factory in _screens().items():
        app.ctx.session = played_session(content)
        app.switch(*factory(app.ctx))
        pump(app)
        out[name] = _texts(app)
    return out


@pytest.fixture
def both(content, saves):
    """The texts of every screen in English, then in Spanish (with the Spanish data), then English again."""
    from game.loading import load_content

    try:
        english = _collect(content, "en")
        i18n.set_language("es")
        result = load_content()
        assert result.bundle is not None
        spanish = _collect(result.bundle, "es")
        yield english, spanish, _proper_names(result.bundle) | _proper_names(content)
    finally:
        i18n.set_language("en")


def _only_names(piece: str, names: set[str]) -> bool:
    """True when the piece is made of proper names, numbers, file locations and punctuation alone."""
    rest = re.sub(r"\S+\.toml(:\d+)*|\b[a-z_]+(\.[A-Za-z0-9_]+)+\b", " ", piece)  # file:line:col, dotted fields
    for name in sorted(names, key=len, reverse=True):
        if name:
            rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest)
    return bool(NUMBERISH.match(rest.strip()))


def test_every_visible_string_is_spanish(both):
    english, spanish, names = both
    untranslated = {}
    for screen, texts in spanish.items():
        same = [piece for piece in texts if piece in english.get(screen, {})
                and piece not in SAME_IN_BOTH and not KEY_NAME.match(piece) and not _only_names(piece, names | SAME_IN_BOTH)]
        if same:
            untranslated[screen] = sorted(same)
    assert not untranslated, "\n".join(f"{screen}: {pieces}" for screen, pieces in untranslated.items())


def test_every_screen_has_texts_to_check(both):
    english, spanish, _names = both
    for screen, texts in spanish.items():
        assert len(texts) >= 3, screen  # the walk saw the screen's widgets
        assert texts.keys() != english[screen].keys(), screen


def test_spanish_screens_write_decimals_with_a_comma(both):
    english, spanish, _names = both
    points = {screen: found for screen, texts in spanish.items()
              if (found := [d for piece in texts for d in decimal_points(piece)])}
    assert not points, points
    assert any(re.search(r"\d,\d", piece) for texts in spanish.values() for piece in texts)  # decimals are shown
    assert any(decimal_points(piece, ",") for texts in english.values() for piece in texts)  # ... with a point in English


def test_chart_ticks_and_read_out_values_follow_the_decimal_mark():
    from game.axis import tick_label
    from game.ui.chartreader import number

    try:
        i18n.set_language("es")
        assert [tick_label(v) for v in (2.5, -0.4, 50.0, 1234.0)] == ["2,5", "-0,4", "50", "1234"]
        assert [number(v) for v in (2.54, 7.0)] == ["2,5", "7"]
    finally:
        i18n.set_language("en")
    assert tick_label(2.5) == "2.5" and number(2.54) == "2.5"
