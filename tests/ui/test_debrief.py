"""The debrief screen: every section fits at every size, the keyboard reaches everything, the
counterfactual panel replays and shows a difference, the export writes HTML and CSV."""

from __future__ import annotations

import pygame
import pytest

from game.ui.layoutcheck import problems
from game.ui.scenes import nav
from game.ui.scenes.debrief import SECTIONS
from game.ui.settings import Settings
from tests.ui.helpers import button, click, key, make_app, pump
from tests.ui.scenes import finished_session


def _debrief_app(content, size=(1280, 720), scale=100, records=None):
    app = make_app(content, size=size, settings=Settings(ui_scale=scale))
    app.ctx.session = finished_session(content)
    if records is not None:
        app.ctx.session.records_dir = records
    app.switch(nav.end_scene(app.ctx))
    pump(app)
    key(app, pygame.K_d)
    assert app.scene.name == "debrief"
    return app


@pytest.mark.parametrize("size,scale", [((1024, 600), 100), ((1280, 720), 200), ((1280, 720), 300), ((3840, 2160), 100),
                                        ((1920, 1080), 300)], ids=lambda v: str(v))
def test_every_section_fits(content, saves, size, scale):
    app = _debrief_app(content, size, scale)
    found = {}
    for i, (sid, _, _) in enumerate(SECTIONS):
        key(app, pygame.K_1 + i)
        assert app.scene.tab == sid
        bad = problems(app.scene, app.ctx.layout.size)
        if bad:
            found[sid] = bad[:4]
        assert sid in app.scene.targets
    assert app.scene.cf_list.list_item_height >= app.ctx.layout.font(15).get_linesize()  # entries readable at 4K
    assert not found, found


def test_sections_by_mouse_and_keyboard_and_back(content, saves):
    app = _debrief_app(content)
    click(app, button(app, "Priorities"))
    assert app.scene.tab == "priorities"
    box = app.scene.scroll_target
    key(app, pygame.K_PAGEDOWN)
    assert box.vert_scroll_bar.start_percentage > 0
    key(app, pygame.K_HOME)
    assert box.vert_scroll_bar.start_percentage == 0
    key(app, pygame.K_RIGHT)
    assert app.scene.tab == "timelines"
    charts = len([e for e in app.scene.ui.elements if type(e).__name__ == "UIImage"])
    menu = next(e for e in app.scene.ui.choices)
    app.scene.focus.focus(menu, app.ctx.manager)
    key(app, pygame.K_DOWN)  # the focused drop-down: only the first government's lines
    assert app.scene.country == app.ctx.session.country_name(app.ctx.session.order[0])
    assert len([e for e in app.scene.ui.elements if type(e).__name__ == "UIImage"]) == charts
    key(app, pygame.K_5)
    text = app.scene.scroll_target.html_text
    assert "Total:" in text and "[" in text  # decisions with their hidden numbers
    key(app, pygame.K_6)
    assert all(p[:30] in app.scene.scroll_target.html_text.replace("&#x27;", "'")
               for p in app.ctx.session.rules.scenario.discussion[:1])
    key(app, pygame.K_4)
    assert "Credibility ledger" in app.scene.scroll_target.html_text
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "end"
    click(app, button(app, "Debrief"))
    assert app.scene.name == "debrief" and app.scene.tab == "summary"


def test_counterfactual_panel_shows_a_difference(content, saves):
    app = _debrief_app(content)
    key(app, pygame.K_7)
    scene = app.scene
    assert scene.tab == "whatif" and scene.cf_list is not None
    actions = scene.action_list()
    assert len(actions) > 3
    for _ in range(20):  # try actions until one makes a measurable difference (most do)
        key(app, pygame.K_r)
        assert scene.cf_pending is None and scene.comparison is not None
        if scene.comparison.changed():
            break
        key(app, pygame.K_DOWN)
    changed = scene.comparison.changed()
    assert changed
    text = scene.cf_result.html_text
    assert "in your game" in text and "without it" in text
    assert f"{scene.comparison.actual_total:.1f}" in text
    # choosing with the mouse puts the comparison away until the next replay
    items = scene.cf_list.item_list
    target = next(i for i, item in enumerate(items) if item.get("button_element") is not None and i != scene.cf_index)
    click(app, items[target]["button_element"])
    pump(app, 2)  # the list reports the new choice one frame after the click
    assert scene.cf_index == target and scene.comparison is None
    click(app, button(app, "Replay without it"))
    pump(app)  # "Replaying…" is shown for one frame first
    assert scene.comparison is not None and scene.comparison.turn == actions[target][0]


def test_replaying_shows_a_state_first(content, saves):
    app = _debrief_app(content)
    key(app, pygame.K_7)
    scene = app.scene
    scene.replay_without()
    assert "Replaying" in scene.cf_result.html_text and scene.comparison is None
    pump(app, 2)
    assert scene.comparison is not None


def test_export_writes_html_and_csv_next_to_the_records(content, saves, tmp_path):
    app = _debrief_app(content, records=tmp_path / "records")
    key(app, pygame.K_7)
    key(app, pygame.K_r)
    key(app, pygame.K_x)
    html_path, csv_path = app.scene.exported
    assert html_path.parent == tmp_path / "records" and html_path.suffix == ".html" and csv_path.suffix == ".csv"
    html = html_path.read_text(encoding="utf-8")
    for cid in app.ctx.session.order:
        assert app.ctx.session.country_name(cid) in html
    assert "Counterfactual" in html or "without" in html.lower()
    assert str(html_path) in app.ctx.info
    key(app, pygame.K_1)
    assert str(html_path) in app.scene.scroll_target.html_text


def test_export_failure_and_unbuildable_debrief_give_messages(content, saves, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the records folder should be")
    app = _debrief_app(content, records=blocker)
    key(app, pygame.K_x)
    assert app.scene.name == "debrief" and "could not be written" in app.ctx.message
    from game.records import RecordError

    def broken():
        raise RecordError("the record is missing a month")
    app.ctx.session.record = broken
    scene = nav.debrief_scene(app.ctx)
    app.switch(scene)
    pump(app)
    assert "missing a month" in scene.scroll_target.html_text
    assert not button(app, "Export debrief").is_enabled
    key(app, pygame.K_ESCAPE)  # the first Esc closes the message banner
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "end"


def test_the_keyboard_reads_the_timelines_line_by_line(content, saves):
    app = _debrief_app(content)
    key(app, pygame.K_3)
    assert app.scene.tab == "timelines"
    reader = app.scene.reader
    first = app.scene.debrief.timelines[0]
    assert len(reader.lines) == sum(len(t.series) for t in app.scene.debrief.timelines)
    key(app, pygame.K_RIGHTBRACKET, text="]")
    line = first.series[0]
    assert reader.text.startswith(f"{first.title}: {line.label}")
    assert f"line 1 of {len(reader.lines)}" in reader.text
    assert app.ctx.speech.spoken[-1].startswith(first.title)  # said as well as shown
    key(app, pygame.K_COMMA, text=",")
    months = len(line.values) - 1
    assert reader.text.startswith(f"{line.label}, month {months - 1}: ")
    for _ in range(len(reader.lines)):
        key(app, pygame.K_RIGHTBRACKET, text="]")  # every line, and round to the first again
        shown = reader.current.element
        view = app.scene.scroll_target.get_abs_rect()
        assert shown.get_abs_rect().colliderect(view), reader.text  # its chart scrolled into view
    assert reader.index == 0
    key(app, pygame.K_LEFTBRACKET, text="[")
    assert reader.index == len(reader.lines) - 1
    lines = dict(app.scene.key_lines())
    assert "] [" in lines and ". ," in lines
    before = app.screen.copy()
    app.scene.reader.text = ""
    pump(app)
    assert app.screen.get_view("2").raw != before.get_view("2").raw  # the status line was drawn
