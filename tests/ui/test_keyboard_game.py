"""A whole game and its debrief played with key events only, every text box read to its end.

Nothing here clicks or moves the mouse: each screen is reached by its keys, each control by Tab or
its shortcut, and every text box that does not fit is focused (Tab) and paged (Page Down) to its
last line, as a student using the keyboard alone, or a screen-reader user, would read it.
"""

from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIButton, UIScrollingContainer, UITextBox

from game.ui.scrolling import _geometry
from game.ui.settings import Settings
from tests.ui.helpers import key, make_app, scene_of

MAX_PRESSES = 400


def at_end(element) -> bool:
    """Whether a text box or scrolling column shows its last line (its scroll bar is at the bottom)."""
    geometry = _geometry(element)
    if geometry is None:
        return True
    bar = geometry[0]
    return bar.start_percentage + bar.visible_percentage >= 0.999


def tab_to(app, element) -> None:
    """Move the focus to a widget with Tab only."""
    scene = scene_of(app)
    for _ in range(len(scene.focus.items) + 1):
        if scene.focus.current is element:
            return
        key(app, pygame.K_TAB)
    raise AssertionError(f"Tab never reaches {element} on {scene.name}")


def page_to_end(app, element, mod: int = 0) -> int:
    """Page Down until the element shows its end; returns the presses it took."""
    presses = 0
    key(app, pygame.K_HOME, mod=mod)
    while not at_end(element):
        key(app, pygame.K_PAGEDOWN, mod=mod)
        presses += 1
        assert presses < MAX_PRESSES, f"{scene_of(app).name}: the text never ends"
    return presses


def read_every_text_box(app, read: list[str]) -> None:
    """Read each text box of the screen that does not fit to its end, with keys only."""
    scene = scene_of(app)
    boxes = [e for e in scene.ui.elements if isinstance(e, UITextBox) and e.alive() and e.visible]
    for box in boxes:
        if at_end(box):
            read.append(f"{scene.name}: fits")
            continue
        mod = 0
        if scene.tab_moves_focus():
            tab_to(app, box)
        else:  # the map: Tab selects countries; Page Down reads the news, Shift+Page Down the summary
            assert scene.name == "map" and box in (scene.news, scene.summary), f"{scene.name}: a text box no key scrolls"
            mod = pygame.KMOD_SHIFT if box is scene.summary else 0
        page_to_end(app, box, mod)
        assert at_end(box)
        read.append(f"{scene.name}: read to the end")


def tab_press(app, predicate) -> None:
    """Tab to the first button whose text matches, and press Enter on it."""
    scene = scene_of(app)
    for _ in range(len(scene.focus.items) + 1):
        current = scene.focus.current
        if isinstance(current, UIButton) and current.is_enabled and predicate(current.text):
            key(app, pygame.K_RETURN)
            return
        key(app, pygame.K_TAB)
    raise AssertionError(f"no such button on {scene.name}")


@pytest.mark.parametrize(("scale", "language"), [(100, "en"), (300, "en"), (200, "es")], ids=str)
def test_a_whole_game_and_its_debrief_by_keys_alone(request, saves, scale, language):
    from game import i18n
    content = request.getfixturevalue("spanish_content" if language == "es" else "content")
    i18n.set_language(language)
    app = make_app(content, settings=Settings(ui_scale=scale))
    read: list[str] = []
    key(app, pygame.K_n)
    assert app.scene.name == "briefing"
    read_every_text_box(app, read)
    key(app, pygame.K_b)
    assert app.scene.name == "map"
    session = app.ctx.session
    month = 0
    while not session.over:
        month += 1
        read_every_text_box(app, read)  # the month's news
        key(app, pygame.K_RIGHT)  # another government
        key(app, pygame.K_d)
        assert app.scene.name == "dossier"
        read_every_text_box(app, read)
        key(app, pygame.K_ESCAPE)
        if month == 1:
            key(app, pygame.K_n)
            assert app.scene.name == "notes"
            read_every_text_box(app, read)
            key(app, pygame.K_ESCAPE)
        key(app, pygame.K_p)
        assert app.scene.name == "planning"
        queued = len(session.state.queue)
        tab_press(app, lambda text: text.startswith(i18n._("Do") + " · "))  # a diplomatic move, by Tab
        assert len(session.state.queue) == queued + 1
        key(app, pygame.K_e)
        assert app.scene.name == "report"
        read_every_text_box(app, read)
        key(app, pygame.K_c)
    assert app.scene.name == "end" and month == session.state.turns
    read_every_text_box(app, read)

    key(app, pygame.K_d)
    assert app.scene.name == "debrief"
    from game.ui.scenes.debrief import SECTIONS
    for i, (sid, _, _) in enumerate(SECTIONS):
        key(app, pygame.K_1 + i)
        scene = app.scene
        assert scene.tab == sid
        read_every_text_box(app, read)
        if isinstance(scene.scroll_target, UIScrollingContainer):  # the priorities cards and the charts
            page_to_end(app, scene.scroll_target)
            read.append(f"debrief {sid}: read to the end")
        if sid == "timelines":
            for _ in range(len(scene.reader.lines)):
                key(app, pygame.K_RIGHTBRACKET, text="]")
                assert scene.reader.text
        if sid == "whatif":
            key(app, pygame.K_DOWN)
            key(app, pygame.K_r)
            key(app, pygame.K_HOME)  # the replay runs over the next frames
            assert scene.comparison is not None
            read_every_text_box(app, read)
    key(app, pygame.K_x)
    assert app.scene.exported and all(path.exists() for path in app.scene.exported)
    key(app, pygame.K_ESCAPE)  # closes the "exported" message
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "end"
    key(app, pygame.K_t)
    assert app.scene.name == "title"
    done = {r.split(":")[0] for r in read if "read to the end" in r}
    assert {"briefing", "map", "dossier", "report", "end", "debrief"} <= done, sorted(set(read))
