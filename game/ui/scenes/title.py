"""The title screen: new game (scenario, mandate, seed, the player's name), the tutorial, continue,
load, settings, quit.

A damaged autosave is reported here and left as it is; nothing replaces it silently: the screen
says what is damaged and offers, one button each, what can be recovered (its previous copy, which
may be another game, and the game rebuilt from its record), each described.
"""

from __future__ import annotations

import random
from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.contentcache import ContentBrief, brief_of
from game.i18n import _, current_language
from game.player import PLAYER_MAX, clean_player
from game.ui import storage
from game.ui.entry import TextEntry
from game.ui.language import language_options, switch_language
from game.ui.layout import Column, Flow, wrap
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.transition import Quit

if TYPE_CHECKING:
    from game.records import Recovery, SaveCheck

MAX_SEED = 999_999


class TitleScene(Scene):
    """Choose and start a game."""

    name = "title"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        listing = self._listing()
        self.scenario = ""
        if listing is not None and listing.scenarios:
            self.scenario = "default" if "default" in listing.scenarios else next(iter(listing.scenarios))
        self.mandate = "balanced"
        self.seed = random.randint(1, MAX_SEED)
        self.seed_entry: TextEntry | None = None
        self.name_entry: TextEntry | None = None
        self.autosave_problem = storage.autosave_problem()
        self.built_from: ContentBrief | None = None  # what the widgets list
        self.recovery: SaveCheck | None = None  # what can be recovered of the damaged autosave, once the data is there

    def _listing(self) -> ContentBrief | None:
        """What the title lists: the data's scenarios, or the content cache's brief of them while the
        data is still loading (the actions that need the data wait for it)."""
        content = self.ctx.content
        return brief_of(content) if content is not None else self.ctx.brief

    def data_arrived(self) -> None:
        """Built from the content cache's brief of this very data, the title stays as it is (the
        player may be typing); the autosave's recovery needs the data itself."""
        if self.built_from is None or self.built_from != self._listing() or self.autosave_problem:
            self.rebuild()

    def _mandates(self) -> dict:
        listing = self._listing()
        if listing is None or self.scenario not in listing.scenarios:
            return {}
        return dict(listing.scenarios[self.scenario].mandates)

    def build(self) -> None:
        lay = self.lay
        width = min(lay.w - lay.px(40), lay.px(780))
        col = Column(pygame.Rect((lay.w - width) // 2, lay.px(24), width, lay.h - lay.px(40)), lay.px(8))
        self.ui.label(col.take(lay.line_h(34)), _("Pressure Points"), object_id="#title")
        self.ui.label(col.take(lay.line_h(14)), _("Migration diplomacy in the Americas: a game for classrooms and solo play"),
                   object_id="#muted")
        listing = self.built_from = self._listing()
        loading = self.ctx.extra.get("loading", False)
        if loading and listing is None:
            self.ui.textbox(col.take(lay.px(120)), _("Reading the scenarios and the governments' data…"))
        elif listing is None or not listing.scenarios:
            from game.paths import data_note, validate_hint
            problem = self.ctx.content_error or _("No scenarios were found in the data files.")
            self.textbox(col.take(lay.px(200)), _("<b>The game data could not be loaded.</b><br>") + escape(problem).replace("\n", "<br>")
                         + _("<br><br>The game is {source}. Run <b>{command}</b> for every problem with its file and line.").format(
                               source=escape(data_note(self.ctx.data_paths)), command=escape(validate_hint(self.ctx.data_paths))))
        else:
            self._build_choices(col, listing)
        flow = Flow(col.take(lay.row_h() * 2 + lay.px(8)), lay.row_h(), lay.px(10))
        no_game = None if listing is not None and listing.scenarios else (
            _("The data is still loading.") if loading else _("The data could not be loaded."))
        self.ui.button(flow.place(lay.button_w(_("New game"), key=pygame.K_n)), _("New game"), self.new_game, key=pygame.K_n,
                    object_id="#primary", refusal=no_game, tip=_("Start the chosen scenario and mandate with this seed."))
        has_tutorial = listing is not None and "tutorial" in listing.scenarios
        self.button(flow.place(lay.button_w(_("Tutorial"), key=pygame.K_t)), _("Tutorial"), self.tutorial, key=pygame.K_t,
                    refusal=no_game or (None if has_tutorial else _("This data has no tutorial scenario.")),
                    tip=_("New to the game? The tutorial teaches the controls in three short months (about 10 minutes)."))
        has_auto = storage.can_continue()
        damaged = _("The autosave is damaged: choose below what to recover.") if self.autosave_problem else None
        self.button(flow.place(lay.button_w(_("Continue"), key=pygame.K_c)), _("Continue"), self.resume, key=pygame.K_c,
                    refusal=no_game or damaged or (None if has_auto else _("There is no autosave yet.")),
                    tip=_("Resume the last autosaved game (saved at the end of every month and when the window closes)."))
        self.button(flow.place(lay.button_w(_("Load"), key=pygame.K_l)), _("Load"), self.load, key=pygame.K_l,
                    refusal=no_game, tip=_("Choose a saved game."))
        self.button(flow.place(lay.button_w(_("Join a class"), key=pygame.K_j)), _("Join a class"), self.join_class, key=pygame.K_j,
                    refusal=no_game, tip=_("Play the game your instructor hosts on this room's network."))
        self.button(flow.place(lay.button_w(_("Settings"), key=pygame.K_s)), _("Settings"), self.settings, key=pygame.K_s,
                    tip=_("Full screen, UI scale, colour-blind-safe palette, high contrast."))
        self.ui.button(flow.place(lay.button_w(_("Quit"), key=pygame.K_q)), _("Quit"), Quit, key=pygame.K_q)
        options = language_options()
        self.ui.dropdown(flow.place(max(lay.button_w(name) for name, _ in options) + lay.px(40)), options,
                      current_language(), self.set_language,
                      tip=_("Language of the game's texts (remembered between runs)."))
        col.y = flow.bottom + lay.px(8)
        if self.autosave_problem and col.left > lay.line_h() * 2:
            self._build_recovery(col)
        elif col.left > lay.line_h() * 2:
            hint = (_("New here? Start with the Tutorial. ") if has_tutorial else "") + \
                _("F5 reloads the data files at any time (for instructors editing them).")
            for line in wrap(hint, lay.font(14), col.area.w - lay.px(4))[:max(1, (col.left + col.gap) // (lay.line_h(14) + col.gap))]:
                self.label(col.take(lay.line_h(14)), line, object_id="#muted")
        if self.focus.index < 0:
            self.focus.index = 0

    def _build_recovery(self, col: Column) -> None:
        """What is damaged in the autosave, and a button for each game that can be recovered."""
        lay = self.lay
        content = self.ctx.content
        if self.recovery is None and content is not None:
            from game.records import check_save
            self.recovery = check_save(storage.autosave_file(), content, self.ctx.records_dir)
        options = list(self.recovery.options) if self.recovery is not None else []
        lines = [_("<b>The autosave is damaged.</b> {escape}").format(escape=escape(self.autosave_problem or ''))]
        if options:
            lines.append(_("Nothing was loaded in its place. You can recover one of these instead:"))
            lines += [f"{i}. {escape(o.label)}" for i, o in enumerate(options, start=1)]
        else:
            lines.append(_("No earlier copy or record of it can be recovered; start a new game or load a save."))
        buttons_h = lay.row_h() + lay.px(6) if options else 0
        box = self.textbox(col.take(max(lay.line_h() * 2, min(col.left - buttons_h, lay.line_h() * 6 + lay.px(16)))),
                           "<br>".join(lines), object_id="#refusal", panel="autosave")
        self.targets["autosave_problem"] = box.rect
        if options and col.left >= lay.row_h():
            flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(10))
            for i, option in enumerate(options, start=1):
                text = _("Recover {i}: ").format(i=i) + (_("previous copy") if option.kind == "previous" else _("from the record"))
                self.button(flow.place(lay.button_w(text)), text, partial(self.recover, option), tip=escape(option.label))

    def recover(self, option: Recovery) -> Outcome:
        """Continue the chosen recovered game (the damaged autosave stays as it is until the next autosave
        moves it aside to ``autosave.json.damaged``)."""
        from game.ui.notes import Notes
        from game.ui.session import Session
        content = self.ctx.content
        assert content is not None  # the recovery buttons are built only once the data is there
        session = Session(content=content, state=option.state, notes=Notes.from_json(option.notes))
        session.player = self.ctx.player
        nav.begin(self.ctx, session)
        note = _("Recovered: {label}. The damaged autosave is kept as autosave.json.damaged at the next "
                  "autosave.").format(label=option.label)
        self.ctx.message = f"{note} {self.ctx.message}" if self.ctx.message else note
        return nav.game_scene(self.ctx)

    def _build_choices(self, col: Column, listing: ContentBrief) -> None:
        lay = self.lay
        if self.scenario not in listing.scenarios:
            self.scenario = "default" if "default" in listing.scenarios else next(iter(listing.scenarios))
        label_w = lay.text_w(_("Mandate")) + lay.px(30)
        row = col.take(lay.row_h())
        self.ui.label(pygame.Rect(row.x, row.y, label_w, row.h), _("Scenario"))
        options = [(sc.title, sid) for sid, sc in listing.scenarios.items()]
        self.ui.dropdown(pygame.Rect(row.x + label_w, row.y, row.w - label_w, row.h), options, self.scenario,
                      self._set_scenario, tip=_("The situation to play."))
        scenario = listing.scenarios[self.scenario]
        tutorial = _(" This scenario is a guided tutorial.") if scenario.tutorial else ""
        self.ui.textbox(col.take(lay.line_h() * 3 + lay.px(16)), escape(_("{summary} ({turns} months, {n} governments.){tutorial}").format(
                                                                            summary=scenario.summary, turns=scenario.turns,
                                                                            n=len(scenario.countries), tutorial=tutorial)), panel="summary")
        mandates = self._mandates()
        if self.mandate not in mandates:
            self.mandate = next(iter(mandates))
        row = col.take(lay.row_h())
        self.ui.label(pygame.Rect(row.x, row.y, label_w, row.h), _("Mandate"))
        self.ui.dropdown(pygame.Rect(row.x + label_w, row.y, row.w - label_w, row.h),
                      [(m.name, mid) for mid, m in mandates.items()], self.mandate, self._set_mandate,
                      tip=_("What the administration wants; it decides how your run is scored."))
        self.ui.textbox(col.take(lay.line_h() * 3 + lay.px(16)), escape(mandates[self.mandate].summary), panel="summary")
        row = col.take(lay.row_h())
        self.ui.label(pygame.Rect(row.x, row.y, label_w, row.h), _("Seed"))
        entry_w = lay.text_w("0000000") + lay.px(30)
        self.seed_entry = TextEntry(pygame.Rect(row.x + label_w, row.y, entry_w, row.h), manager=self.ctx.manager,
                                    container=self.ui.root, initial_text=str(self.seed))
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(6)
        self.seed_entry.set_tooltip(_("The same scenario, mandate, seed and actions always give the same game: "
                                    "share the seed so a class plays the same year."))
        self.ui.keep(self.seed_entry)
        self.focus.add(self.seed_entry)
        x = row.x + label_w + entry_w + lay.px(10)
        self.ui.button(pygame.Rect(x, row.y, lay.button_w(_("New seed"), key=pygame.K_r), row.h), _("New seed"), self.reroll, key=pygame.K_r,
                    tip=_("Pick another random seed."))
        nx = x + lay.button_w(_("New seed"), key=pygame.K_r) + lay.px(16)
        name_label = _("Your name")
        name_w = lay.text_w(name_label) + lay.px(12)
        if row.right - nx >= name_w + lay.px(160):
            self.label(pygame.Rect(nx, row.y, name_w, row.h), name_label)
            rect = pygame.Rect(nx + name_w, row.y, row.right - nx - name_w, row.h)
        else:
            row = col.take(lay.row_h())
            self.label(pygame.Rect(row.x, row.y, label_w, row.h), _("Name"))
            rect = pygame.Rect(row.x + label_w, row.y, row.w - label_w, row.h)
        self.name_entry = TextEntry(rect, manager=self.ctx.manager, container=self.ui.root, initial_text=self.ctx.player)
        self.name_entry.set_text_length_limit(PLAYER_MAX)
        self.name_entry.set_tooltip(_("Your name goes into the record of the game, its file name and the class report."))
        self._keep(self.name_entry)
        self.focus.add(self.name_entry)

    def _set_scenario(self, sid: str) -> Outcome:
        self.scenario = sid
        self.rebuild()
        return None

    def _set_mandate(self, mid: str) -> Outcome:
        self.mandate = mid
        self.rebuild()
        return None

    def reroll(self) -> Outcome:
        """A new random seed."""
        self.seed = random.randint(1, MAX_SEED)
        if self.seed_entry is not None:
            self.seed_entry.set_text(str(self.seed))
        return None

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.seed_entry:
            text = self.seed_entry.get_text()
            self.seed = int(text) if text.isdigit() else 0
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.name_entry:
            self.ctx.player = clean_player(self.name_entry.get_text())
        return None

    def new_game(self, scenario: str | None = None) -> Outcome:
        """Start the chosen game (or the given scenario), in the player's name."""
        self.ctx.wait_for_content()
        content = self.ctx.content
        if content is None:
            return None
        from game.engine import UnknownContent
        from game.ui.session import Session
        try:
            session = Session.start(content, scenario or self.scenario, self.mandate, self.seed)
        except UnknownContent as error:
            self.ctx.message = str(error)
            return None
        session.player = self.ctx.player
        nav.begin(self.ctx, session, new=True)
        return nav.briefing(self.ctx)

    def tutorial(self) -> Outcome:
        """Start the tutorial scenario."""
        return self.new_game("tutorial")

    def resume(self) -> Outcome:
        """Continue from the autosave (a game played in a class first offers to rejoin the class)."""
        self.ctx.wait_for_content()
        ticket = storage.seat_ticket_for_autosave()
        if ticket is not None and self.ctx.content is not None:
            return nav.rejoin(self.ctx, ticket)
        return load_path(self, storage.autosave_file())

    def load(self) -> Outcome:
        """Open the load screen."""
        self.ctx.wait_for_content()
        return nav.load(self.ctx)

    def set_language(self, code: str) -> Outcome:
        """Show the game in another language and remember it."""
        self.ctx.wait_for_content()  # the data still loading is in the old language: take it first
        return switch_language(self.ctx, self, code)

    def settings(self) -> Outcome:
        """Open the settings."""
        return nav.settings(self.ctx)

    def join_class(self) -> Outcome:
        """Open the join-a-class form."""
        self.ctx.wait_for_content()
        return nav.join(self.ctx)

    def back(self) -> Outcome:
        return None


def load_path(scene: Scene, path) -> Outcome:
    """Load a save into the context and go to its screen; a damaged save gives a message."""
    if scene.ctx.content is None:
        return None
    try:
        loaded = storage.read_save(path, scene.ctx.content, fallback=False)
    except storage.StorageError as error:
        scene.ctx.message = str(error)
        return None
    from game.ui.session import Session
    session = Session(content=scene.ctx.content, state=loaded.state, notes=loaded.notes)
    session.player = loaded.player or scene.ctx.player
    nav.begin(scene.ctx, session)
    return nav.game_scene(scene.ctx)
