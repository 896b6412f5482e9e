"""Self-voicing: the game reads out what a blind player needs (the focused control, the selected
country and its values, each response and news item of the month's report, every refusal).

Where the espeak-ng program is installed (Linux, usually) the game runs it directly, in the game's
language; elsewhere speech goes through pyttsx3, which drives SAPI on Windows and NSSpeechSynthesizer
on macOS (its own espeak driver can drop the end of an utterance, so it is not used). A worker
thread owns the engine, so the game never waits for a sentence to finish. Every utterance is also written to a text log, spoken or not. On a machine
without a voice the game says so once (``problem``) and goes on silent, still logging.
"""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.i18n import _, current_language

EngineFactory = Callable[[], Any]


def plain(text: str) -> str:
    """Text without markup or repeated spaces, as it is read out."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def speech_log_path() -> Path:
    """The log of every utterance, beside the saves in the user data folder."""
    from game.ui.storage import saves_dir
    return saves_dir().parent / "speech-log.txt"


class EspeakProgram:
    """The espeak-ng program as a speech engine, with the part of pyttsx3's interface the worker uses."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._pending: list[list[str]] = []
        self._playing: subprocess.Popen[bytes] | None = None

    def _command(self, text: str) -> list[str]:
        return [self.program, "-v", current_language(), "--", text]

    def say(self, text: str) -> None:
        self._pending.append(self._command(text))

    def save_to_file(self, text: str, filename: str) -> None:
        command = self._command(text)
        self._pending.append(command[:1] + ["-w", filename] + command[1:])

    def stop(self) -> None:
        if self._playing is not None and self._playing.poll() is None:
            self._playing.terminate()
        self._playing = None

    def runAndWait(self) -> None:
        """Start what was queued; a file is written before this returns, speech plays on."""
        for command in self._pending:
            writes_file = "-w" in command
            try:
                if writes_file:
                    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=30)
                else:
                    self._playing = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except (subprocess.SubprocessError, OSError) as error:
                self._pending = []
                raise RuntimeError(str(error)) from error
        self._pending = []


def _default_engine() -> Any:
    program = shutil.which("espeak-ng")
    if program is not None:
        return EspeakProgram(program)
    import pyttsx3  # imported here: a game without speech never needs it
    return pyttsx3.init()


class Speaker:
    """Says texts aloud (when enabled) and logs every one.

    ``audio_dir``: write each utterance to a numbered WAV file there instead of the speakers (tests).
    """

    def __init__(self, enabled: bool, log_path: Path | None = None, *, audio_dir: Path | None = None,
                 engine_factory: EngineFactory = _default_engine) -> None:
        self.enabled = enabled
        self.log_path = log_path
        self.audio_dir = audio_dir
        self.spoken: list[str] = []
        self.problem: str | None = None
        self._last = ""
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        if enabled:
            self._thread = threading.Thread(target=self._run, args=(engine_factory,), daemon=True)
            self._thread.start()
            self._ready.wait(timeout=10)

    def _run(self, engine_factory: EngineFactory) -> None:
        try:
            engine = engine_factory()
        except (ImportError, RuntimeError, OSError) as error:  # no speech on this machine
            self.problem = _("Speech is not available on this computer ({reason}); the game goes on "
                             "without it and keeps the log of what it would have said.").format(reason=error)
            self.enabled = False
            self._ready.set()
            return
        self._ready.set()
        count = 0
        while (text := self._queue.get()) is not None:
            try:
                if self.audio_dir is not None:
                    count += 1
                    engine.save_to_file(text, str(self.audio_dir / f"utterance-{count:03d}.wav"))
                else:
                    engine.stop()  # the newest announcement replaces one still being read
                    engine.say(text)
                engine.runAndWait()
            except (RuntimeError, OSError) as error:
                self.problem = _("Speech stopped working ({reason}); the game goes on without it.").format(reason=error)
                self.enabled = False
            finally:
                self._queue.task_done()
        self._queue.task_done()

    def say(self, text: str) -> None:
        """Announce a text (the same text twice in a row is said once)."""
        text = plain(text)
        if not text or text == self._last:
            return
        self._last = text
        self.spoken.append(text)
        if self.log_path is not None:
            try:
                self.log_path.parent.mkdir(parents=True, exist_ok=True)
                with self.log_path.open("a", encoding="utf-8") as log:
                    log.write(text + "\n")
            except OSError as error:
                self.problem = _("The speech log could not be written ({reason}).").format(reason=error)
                self.log_path = None
        if self.enabled:
            self._queue.put(text)

    def say_new(self, texts: tuple[str | None, ...], heard: tuple[str | None, ...]) -> tuple[str | None, ...]:
        """Say each of ``texts`` (banners on screen) not among those already ``heard``; returns what is now heard."""
        if texts != heard:
            for text in texts:
                if text and text not in heard:
                    self.say(text)
        return texts

    def wait(self) -> None:
        """Block until everything queued has been spoken (tests, quitting)."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.join()

    def close(self) -> None:
        """Stop the worker."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=10)
