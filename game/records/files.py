"""Record files on disk: where they live, atomic writes with a ``.bak``, and reading with clear errors.

Writing goes to ``NAME.tmp`` (flushed and synced), the current file is linked or copied to
``NAME.bak``, then one rename puts the temporary file over ``NAME``: at every moment ``NAME`` is a
whole file, and a failed or killed write leaves the last good version in place (a killed write's
``NAME.tmp`` is removed by the next write or by :func:`remove_stale_temps`). Reading can fall back
to the ``.bak`` (:func:`recover_record`), as saves do. A file that is not a record (corrupt, or
another program's) is never overwritten: ``save_record`` refuses with a ``RecordError``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError

from game.i18n import _
from game.i18n.formats import counted
from game.paths import user_home
from game.records.model import FORMAT, VERSION, Record
from game.safe_json import loads as read_json

MAX_RECORD_BYTES = 50_000_000
STALE_TEMP_SECONDS = 60.0  # a temporary file this old belongs to a write that was killed


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


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """Make ``NAME.bak`` a copy of ``path`` (a hard link when possible) without ever moving ``path``."""
    bak = backup_path(path)
    staging = bak.with_name(bak.name + ".tmp")
    staging.unlink(missing_ok=True)
    try:
        os.link(path, staging)
    except OSError:  # no hard links here (FAT, some network drives): copy instead
        shutil.copyfile(path, staging)
    os.replace(staging, bak)


def atomic_write(path: Path, text: str, before_replace: Callable[[], None] | None = None) -> None:
    """Write ``text`` to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    The text goes to ``NAME.tmp`` (flushed and synced), the current file is linked or copied to
    ``NAME.bak``, then one ``os.replace`` puts the new file in place: ``path`` is never absent,
    and holds the old or the new text whole. ``before_replace`` runs after the temporary file is
    written and before anything else changes (tests use it to simulate a crash). Raises ``OSError``
    on failure, with ``path`` untouched.
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
        if path.is_file():
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def remove_stale_temps(folder: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the ``*.json.tmp`` files a killed write left in one of the game's folders; returns them.

    Only files older than ``older_than`` seconds go, so a write in progress in another copy of the
    game is never disturbed.
    """
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.endswith((".json.tmp", ".json.bak.tmp"))]
    except OSError:
        return removed
    now = time.time()
    for candidate in candidates:
        try:
            if candidate.is_file() and now - candidate.stat().st_mtime > older_than:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # gone already, or not ours to delete
    return removed


def _parse(text: str, name: str) -> Record:
    try:
        data = read_json(text)
    except ValueError as error:
        raise RecordError(_("{name} is damaged: it is not readable JSON ({error}).").format(name=name, error=error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RecordError(_("{name} is not a Pressure Points record (it may be a save file or another program's file).").format(
                              name=name))
    if data.get("version") != VERSION:
        raise RecordError(_("{name} is record format version {version!r}; this game reads version {readable}.").format(
                              name=name, version=data.get('version'), readable=VERSION))
    try:
        return Record.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or _("the top level")
        raise RecordError(_("{name} is damaged ({problems}; first at {where}: {first}).").format(
                              name=name, problems=counted(error.error_count(), "{n} problem", "{n} problems"), where=where,
                              first=first['msg'])) from None


def parse_record(text: str | bytes, name: str = "") -> Record:
    """A record from its text, or a ``RecordError`` saying what is wrong with it."""
    name = name or _("the record")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise RecordError(_("{name} is not a text file, so it is not a Pressure Points record.").format(name=name)) from None
    return _parse(text, name)


def load_record(path: str | Path) -> Record:
    """Read a record file; every failure is a ``RecordError`` with a clear message."""
    path = Path(path)
    try:
        if path.is_dir():
            raise RecordError(_("{path} is a folder, not a record file.").format(path=path))
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise RecordError(_("{path} is too large to be a Pressure Points record.").format(path=path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise RecordError(_("There is no record at {path}.").format(path=path)) from None
    except OSError as error:
        raise RecordError(_("{path} could not be read ({value}).").format(path=path, value=error.strerror or error)) from None
    return parse_record(data, str(path))


def recover_record(path: str | Path) -> tuple[Record, Path]:
    """A record and the file it was read from: ``path``, or its ``NAME.bak`` when ``path`` is missing
    or damaged and the previous version is readable. Raises the main file's ``RecordError`` otherwise."""
    path = Path(path)
    try:
        return load_record(path), path
    except RecordError as first:
        bak = backup_path(path)
        if not bak.is_file():
            raise
        try:
            return load_record(bak), bak
        except RecordError:
            raise first from None


def _check_replaceable(path: Path) -> None:
    """Refuse to overwrite anything but a readable record."""
    if not path.exists():
        return
    try:
        load_record(path)
    except RecordError as error:
        raise RecordError(_("{error} It was left untouched; choose another file name.").format(error=error)) from None


def record_text(record: Record) -> str:
    """The record's file contents (JSON, with its checksum)."""
    return json.dumps(record.to_data(), indent=1, ensure_ascii=False) + "\n"


def save_record(path: str | Path, record: Record, before_replace: Callable[[], None] | None = None) -> Path:
    """Write a record atomically (previous version kept as ``.bak``); returns the path.

    Raises ``RecordError`` when the target is a corrupt or foreign file, or the write fails.
    """
    path = Path(path)
    _check_replaceable(path)
    remove_stale_temps(path.parent)
    record.checksum = record.to_data()["checksum"]
    try:
        atomic_write(path, record_text(record), before_replace)
    except OSError as error:
        raise RecordError(_("The record could not be saved to {path} ({value}).").format(
                              path=path, value=error.strerror or error)) from None
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
            missing.append(_("{path}: no such file or folder").format(path=path))
    seen: set[Path] = set()
    unique = [p for p in files if not (p.resolve() in seen or seen.add(p.resolve()))]  # type: ignore[func-returns-value]
    return unique, missing


