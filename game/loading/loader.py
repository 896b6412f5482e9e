"""Load every data file into one checked :class:`ContentBundle`, reporting all problems at once.

``load_content()`` reads the shipped data folder; ``load_content(["my_data", "extra.toml"])``
reads the given folders (every ``*.toml`` directly inside, sorted) and files. A file named after a
section (``countries.toml``…) holds that section only; any other ``*.toml`` may hold any section.

The texts are shown in ``language`` (by default the current language of :mod:`game.i18n`): its
translation files under each data folder's ``i18n/<lang>/`` are checked and laid over the bundle
(:mod:`game.loading.translations`). ``check_languages=True`` checks every language found there
too and fills ``completeness`` (what ``validate`` prints).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game import paths as game_paths
from game.content.bundle import FILE_MODELS, ContentBundle, DataFile
from game.i18n import _
from game.loading.messages import validation_problems
from game.loading.problems import Problem, Severity, sort_problems
from game.loading.reading import SourceFile, parse_toml, read_toml
from game.loading.references import NOUNS, SECTIONS, check_references
from game.loading.translations import Completeness, data_languages, translate

PathLike = str | Path


@dataclass
class LoadResult:
    """The outcome of loading: the bundle (None when there is any error) and every problem."""

    bundle: ContentBundle | None
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    completeness: list[Completeness] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings are allowed)."""
        return not any(problem.severity is Severity.error for problem in self.problems)

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [problem for problem in self.problems if problem.severity is Severity.error]

    @property
    def warnings(self) -> list[Problem]:
        """Only the warnings."""
        return [problem for problem in self.problems if problem.severity is Severity.warning]


def _display(path: Path, given: PathLike | None) -> str:
    """How a path is shown: as given by the user, else relative to the working folder if inside it."""
    if given is not None:
        return Path(given).as_posix()
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: Sequence[PathLike] | PathLike | None = None) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The data files to read, as ``(path, shown path)``, and problems with the paths themselves."""
    if paths is None or (not isinstance(paths, (str, Path)) and len(paths) == 0):
        items: list[tuple[Path, PathLike | None]] = [(game_paths.data_dir(), None)]
    elif isinstance(paths, (str, Path)):
        items = [(Path(paths), paths)]
    else:
        items = [(Path(item), item) for item in paths]
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for path, given in items:
        shown = _display(path, given)
        if path.is_dir():
            # Every *.toml entry, links and devices too: one that cannot be read is reported, not skipped.
            files = sorted(p for p in path.glob("*.toml") if not p.name.startswith("."))
            if not files:
                problems.append(Problem(path=shown, message=_("no .toml data files in this folder")))
            candidates = [(p, f"{shown.rstrip('/')}/{p.name}") for p in files]
        elif path.exists() or path.is_symlink():
            candidates = [(path, shown)]
        else:
            problems.append(Problem(path=shown, message=_("no such file or folder")))
            candidates = []
        for file_path, file_shown in candidates:
            try:
                key = file_path.resolve()
            except (RuntimeError, OSError):  # a loop of links: reported when the file is read
                key = file_path.absolute()
            if key not in seen:
                seen.add(key)
                found.append((file_path, file_shown))
    return found, problems


def _salvage(section: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The entries of a section that are valid on their own, when the whole file is not."""
    good: dict[str, Any] = {}
    for key, value in raw.items():
        try:
            good[key] = getattr(DataFile.model_validate({section: {key: value}}), section)[key]
        except ValidationError:
            continue
    return good


def fingerprint(sources: Sequence[SourceFile]) -> str:
    """SHA-256 over the name and bytes of each file, in sorted order: identifies the data of a game."""
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda s: (s.path.name, s.display)):
        digest.update(source.path.name.encode("utf-8"))
        digest.update(source.data)
    return digest.hexdigest()


class _Merger:
    """Validates files one by one and merges their sections, noting where each id comes from."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
        self.origins: dict[tuple[str, str], SourceFile] = {}
        self.incomplete: set[str] = set()
        self.problems: list[Problem] = []

    def add(self, source: SourceFile, document: dict[str, Any]) -> None:
        model: type[BaseModel] = FILE_MODELS.get(source.path.stem, DataFile)
        try:
            validated: BaseModel | None = model.model_validate(document)
        except ValidationError as exc:
            self.problems += validation_problems(exc, model, source.display, source.source_map)
            validated = None
        stem = source.path.stem
        if stem in FILE_MODELS and not isinstance(document.get(stem), dict):
            self.incomplete.add(stem)  # the file's own section is missing or not a table
        for section in SECTIONS:
            if section not in model.model_fields or section not in document:
                continue
            raw = document[section]
            if not isinstance(raw, dict):
                self.incomplete.add(section)
                continue
            entries = getattr(validated, section) if validated is not None else _salvage(section, raw)
            for key in raw:
                self._merge(source, section, key, entries.get(key))

    def _merge(self, source: SourceFile, section: str, key: str, entry: Any) -> None:
        first = self.origins.get((section, key))
        if first is None:
            self.origins[(section, key)] = source
            if entry is not None:
                self.entries[section][key] = entry
            return
        line, column = source.locate((section, key))
        first_line, _column = first.locate((section, key))
        self.problems.append(Problem(
            path=source.display, line=line, column=column, field=f"{section}.{key}",
            message=(_("{noun} '{key}' is already defined in {display} (line {first_line}); each id may be defined "
                        "only once: rename or remove one of them").format(
                         noun=NOUNS[section], key=key, display=first.display, first_line=first_line)),
        ))


def _missing_sections(found: Sequence[tuple[Path, str]], merger: _Merger) -> list[Problem]:
    """Errors for a data folder without any country or any scenario (said once, before what follows from it)."""
    if not found:
        return []
    shown = found[0][1]
    where = shown.rsplit("/", 1)[0] if "/" in shown else shown
    problems: list[Problem] = []
    for section, message in (
        ("countries", _("no countries are defined: the data needs countries.toml (or [countries.XXX] tables in "
                      "another .toml file); until then every country named elsewhere is unknown")),
        ("scenarios", _("no scenario is defined: add a [scenarios.<id>] table (in scenarios.toml) so that a game "
                      "can start")),
    ):
        if section in merger.incomplete or any(sec == section for sec, _ in merger.origins):
            continue
        problems.append(Problem(path=where, line=1, column=1, message=message))
        merger.incomplete.add(section)  # references into it are not listed one by one
    return problems


def _data_folders(paths: Sequence[PathLike] | PathLike | None) -> list[Path]:
    """The folders among the paths read (their ``i18n/`` holds the translations)."""
    if paths is None or (not isinstance(paths, (str, Path)) and len(paths) == 0):
        return [game_paths.data_dir()]
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return [Path(item) for item in items if Path(item).is_dir()]


def load_content(paths: Sequence[PathLike] | PathLike | None = None, *, language: str | None = None,
                 check_languages: bool = False) -> LoadResult:
    """Read, validate and cross-check the data; never raises for bad data (see ``problems``).

    The bundle's texts are in ``language`` (default: the current language).
    """
    found, problems = discover(paths)
    folders = _data_folders(paths)
    return _load([(path, shown, None) for path, shown in found], problems, folders, language, check_languages,
                 whole=bool(folders))


def load_files(files: Sequence[tuple[str, bytes]], language: str | None = None) -> LoadResult:
    """Load data files held in memory as ``(file name, bytes)`` (a class host's data); nothing is written.

    No translations come with them, so their texts stay as written (a student whose own data is the
    host's plays with their own, translated, data instead)."""
    return _load([(Path(name), name, data) for name, data in files], [], [], language, False, whole=True)


def _load(found: list[tuple[Path, str, bytes | None]], problems: list[Problem], folders: list[Path],
          language: str | None, check_languages: bool, whole: bool) -> LoadResult:
    from game.i18n import BASE_LANGUAGE, current_language

    merger = _Merger()
    sources: list[SourceFile] = []
    for path, shown, data in found:
        stem = path.stem
        section_file = stem in FILE_MODELS
        result = (read_toml(path, shown, section_file) if data is None
                  else parse_toml(path, shown, data, section_file))
        problems += result.problems
        if result.source is not None:
            sources.append(result.source)
        if result.source is None or result.document is None:
            merger.incomplete.update([stem] if stem in FILE_MODELS else SECTIONS)
            continue
        merger.add(result.source, result.document)
    problems += merger.problems
    if whole:
        # a folder is a whole set of data; a single file may be a part
        problems += _missing_sections([(path, shown) for path, shown, _ in found], merger)
    bundle = ContentBundle(**merger.entries, fingerprint=fingerprint(sources))
    problems += check_references(bundle, merger.origins, merger.incomplete)
    language = language or current_language()
    checked = data_languages(folders) if check_languages else []
    completeness: list[Completeness] = []
    for code in sorted(set(checked) | ({language} - {BASE_LANGUAGE})):
        translated = translate(bundle, folders, code, merger.origins)
        problems += translated.problems
        completeness.append(translated.completeness)
        if code == language:
            bundle = translated.bundle
    ordered = sort_problems(problems)
    ok = not any(problem.severity is Severity.error for problem in ordered)
    return LoadResult(bundle=bundle if ok else None, problems=ordered, files=[path for path, _, _ in found],
                      completeness=completeness)
