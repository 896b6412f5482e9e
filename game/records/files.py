"""Record files on disk: where they live, atomic writes with a ``.bak``, and reading with clear errors.

Writing goes to ``NAME.tmp`` (flushed and synced), the current file becomes ``NAME.bak``, then the
temporary file is renamed over ``NAME``: at every moment ``NAME`` is a whole file, and a failed or
killed write leaves the last good version in place. A file that is not a record (corrupt, or
another program's) is never overwritten: ``save_record`` refuses with a ``RecordError``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError

from game.jsonfile import peek as peek  # re-exported: the record listings read files through it
from game.paths import user_home
from game.records.model import FORMAT, VERSION, Record
from game.wording import count as count_of

MAX_RECORD_BYTES = 50_000_000


class RecordError(Exception):
    """A record that cannot be read or written; the message is for people, never a traceback."""


def data_home() -> Path:
    """The user data folder (``$PRESSURE_POINTS_DATA_DIR`` when set, as the UI's saves use)."""
    return user_home()


def records_dir() -> Path:
    """Where played sessions keep their records by default."""
    return data_home() / "records"


def backup_path(path: Path) -> Path:
    """The previous version of a file: ``NAME.bak``."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, text: str, before_replace: Callable[[], None] | None = None) -> None:
    """Write ``text`` to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    ``before_replace`` runs after the temporary file is written and before any rename (tests use
    it to simulate a crash). Raises ``OSError`` on failure, with ``path`` untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        if path.exists():
            os.replace(path, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _parse(text: str, name: str) -> Record:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise RecordError(f"{name} is damaged: it is not readable JSON ({error}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError(f"{name} is not a Pressure Points record (it may be a save file or another program's file).")
    if data.get("version") != VERSION:
        raise RecordError(f"{name} is record format version {data.get('version')!r}; this game reads version {VERSION}.")
    try:
        return Record.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise RecordError(f"{name} is damaged ({count_of(error.error_count(), 'problem')}; first at {where}: {first['msg']}).") from None


def parse_record(text: str | bytes, name: str = "the record") -> Record:
    """A record from its text, or a ``RecordError`` saying what is wrong with it."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError(f"{name} is not a text file, so it is not a Pressure Points record.") from None
    return _parse(text, name)


def load_record(path: str | Path) -> Record:
    """Read a record file; every failure is a ``RecordError`` with a clear message."""
    path = Path(path)
    try:
        if path.is_dir():
            raise RecordError(f"{path} is a folder, not a record file.")
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise RecordError(f"{path} is too large to be a Pressure Points record.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise RecordError(f"There is no record at {path}.") from None
    except OSError as error:
        raise RecordError(f"{path} could not be read ({error.strerror or error}).") from None
    return parse_record(data, str(path))


def _check_replaceable(path: Path) -> None:
    """Refuse to overwrite anything but a readable record."""
    if not path.exists():
        return
    try:
        load_record(path)
    except RecordError as error:
        raise RecordError(f"{error} It was left untouched; choose another file name.") from None


def record_text(record: Record) -> str:
    """The record's file contents (JSON, with its checksum)."""
    return json.dumps(record.to_data(), indent=1, ensure_ascii=False) + "\n"


def save_record(path: str | Path, record: Record, before_replace: Callable[[], None] | None = None) -> Path:
    """Write a record atomically (previous version kept as ``.bak``); returns the path.

    Raises ``RecordError`` when the target is a corrupt or foreign file, or the write fails.
    """
    path = Path(path)
    _check_replaceable(path)
    record.checksum = record.to_data()["checksum"]
    try:
        atomic_write(path, record_text(record), before_replace)
    except OSError as error:
        raise RecordError(f"The record could not be saved to {path} ({error.strerror or error}).") from None
    return path


def _slug(text: str) -> str:
    """ASCII letters and digits joined by '-', accents dropped ('María José' -> 'Maria-Jose')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40] or "x"


def record_filename(record: Record) -> str:
    """A readable file name: ``20250301-141500-default-balanced-s7[-player].json``."""
    stamp = re.sub(r"[^0-9]", "", record.created)[:14]
    stamp = f"{stamp[:8]}-{stamp[8:14]}" if len(stamp) >= 14 else "record"
    parts = [stamp, _slug(record.scenario), _slug(record.mandate), f"s{record.seed}"]
    extra = record.player or record.strategy
    if extra:
        parts.append(_slug(extra))
    return "-".join(parts) + ".json"


def new_record_path(directory: str | Path, record: Record) -> Path:
    """A path for a new record in ``directory`` that does not exist yet."""
    folder = Path(directory)
    base = record_filename(record)
    path = folder / base
    n = 1
    while path.exists() or backup_path(path).exists():
        n += 1
        path = folder / base.replace(".json", f"-{n}.json")
    return path


def write_new_record(directory: str | Path, record: Record) -> Path:
    """Save a record under a new name in ``directory``; returns its path."""
    return save_record(new_record_path(directory, record), record)


def record_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The record files named or inside the named folders (sorted), and messages for missing paths."""
    files: list[Path] = []
    missing: list[str] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(f"{path}: no such file or folder")
    seen: set[Path] = set()
    unique = [p for p in files if not (p.resolve() in seen or seen.add(p.resolve()))]  # type: ignore[func-returns-value]
    return unique, missing


