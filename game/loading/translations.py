"""Translations of the data: read ``<data folder>/i18n/<lang>/*.toml``, check them, lay them over the bundle.

Each translation file is read and validated like a data file (:class:`TranslationFile`: an
unknown field is an error with file, line and column). Then every text of the English bundle is
matched with its translation: an id that is not in the data, a list with another number of items
or an event text whose ``{country}``/``{leader}`` differ is an error; a text with no translation
is a warning naming it (one per entry; none when the data has no files for the language at all,
which is then shown in English). The counts give each language's completeness.

The translated bundle keeps the English one's fingerprint: the texts do not change a game, so a
record played in one language verifies and compares in any other.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from pydantic import ValidationError

from game.content.bundle import ContentBundle
from game.content.translation import TranslationFile
from game.i18n import _
from game.loading.messages import validation_problems
from game.loading.problems import Problem, Severity
from game.loading.reading import SourceFile, read_toml
from game.loading.references import NOUNS

TRANSLATIONS_DIR = "i18n"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The sections with texts a player reads; backtest episodes are an instrument, kept in English.
SECTIONS: tuple[str, ...] = tuple(TranslationFile.model_fields)


@dataclass
class Completeness:
    """How many of the data's texts a language translates."""

    language: str
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> float:
        """Share translated, 0 to 100 (100 when there is nothing to translate)."""
        return 100.0 if self.total == 0 else 100.0 * self.done / self.total


@dataclass
class Translated:
    """A language laid over a bundle: the translated bundle, the problems and the completeness."""

    bundle: ContentBundle
    problems: list[Problem] = field(default_factory=list)
    completeness: Completeness = field(default_factory=lambda: Completeness(""))


def translation_folders(data_folders: Sequence[Path], language: str) -> list[Path]:
    """The folders holding a language's translation files, one per data folder that has it."""
    return [folder / TRANSLATIONS_DIR / language for folder in data_folders
            if (folder / TRANSLATIONS_DIR / language).is_dir()]


def data_languages(data_folders: Sequence[Path]) -> list[str]:
    """Every language some data folder has translations for, sorted."""
    found = {path.name for folder in data_folders if (folder / TRANSLATIONS_DIR).is_dir()
             for path in (folder / TRANSLATIONS_DIR).iterdir() if path.is_dir() and not path.name.startswith(".")}
    return sorted(found)


def _bare(annotation: Any) -> Any:
    """The annotation without ``| None`` and ``Annotated[...]``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


class _Overlay:
    """Walks an English entry and its translation side by side (driven by the translation model)."""

    def __init__(self, language: str, section: str, key: str, source: SourceFile | None) -> None:
        self.language, self.section, self.key, self.source = language, section, key, source
        self.done = self.total = 0
        self.missing: list[str] = []
        self.problems: list[Problem] = []

    def error(self, loc: tuple[Any, ...], message: str) -> None:
        full = (self.section, self.key, *loc)
        line, column = self.source.locate(full) if self.source is not None else (0, 0)
        self.problems.append(Problem(path=self.source.display if self.source else "", line=line, column=column,
                                     field=".".join(str(part) for part in full), message=message))

    def merge(self, english: Any, text: Any, kind: Any, loc: tuple[Any, ...]) -> Any:
        kind = _bare(kind)
        origin = typing.get_origin(kind)
        if english is None:
            return None
        if kind is str:
            return self._text(english, text, loc)
        if origin is list:
            return self._list(english, text, typing.get_args(kind)[0], loc)
        if origin is dict:
            inner = typing.get_args(kind)[1]
            for unknown in sorted(set(text or {}) - set(english)):
                self.error((*loc, unknown), _("'{unknown}' is not an id in the English data").format(unknown=unknown))
            return {k: self.merge(v, (text or {}).get(k), inner, (*loc, k)) for k, v in english.items()}
        updates = {name: self.merge(getattr(english, name), getattr(text, name, None) if text is not None else None,
                                    info.annotation, (*loc, name))
                   for name, info in kind.model_fields.items()}
        return english.model_copy(update={k: v for k, v in updates.items() if v is not None})

    def _text(self, english: str, text: str | None, loc: tuple[Any, ...]) -> str:
        self.total += 1
        if text is None:
            self.missing.append(".".join(str(part) for part in loc))
            return english
        if set(_PLACEHOLDER.findall(english)) != set(_PLACEHOLDER.findall(text)):
            self.error(loc, _("keep the same {placeholders} as the English text: ")
                       + (", ".join("{" + p + "}" for p in sorted(set(_PLACEHOLDER.findall(english)))) or "none"))
        self.done += 1
        return text

    def _list(self, english: list[Any], text: list[Any] | None, inner: Any, loc: tuple[Any, ...]) -> list[Any]:
        if text is not None and len(text) != len(english):
            self.error(loc, _("the English has {n} items and this list {n2}: give one translation per English item, in the "
                               "same order").format(n=len(english), n2=len(text)))
            text = None
        return [self.merge(item, None if text is None else text[i], inner, (*loc, i)) for i, item in enumerate(english)]


def _read(folders: Sequence[Path]) -> tuple[dict[tuple[str, str], tuple[Any, SourceFile]], list[Problem]]:
    """Every translated entry of the files in ``folders``, with the file it is in."""
    entries: dict[tuple[str, str], tuple[Any, SourceFile]] = {}
    problems: list[Problem] = []
    for folder in folders:
        for path in sorted(p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith(".")):
            result = read_toml(path, path.as_posix(), section_file=False)
            problems += result.problems
            if result.source is None or result.document is None:
                continue
            source = result.source
            try:
                document = TranslationFile.model_validate(result.document)
            except ValidationError as exc:
                problems += validation_problems(exc, TranslationFile, source.display, source.source_map)
                continue
            for section in SECTIONS:
                for key, entry in getattr(document, section).items():
                    first = entries.get((section, key))
                    if first is not None:
                        line, column = source.locate((section, key))
                        problems.append(Problem(path=source.display, line=line, column=column,
                                                field=f"{section}.{key}",
                                                message=_("translated twice (also in {display})").format(
                                                            display=first[1].display)))
                        continue
                    entries[(section, key)] = (entry, source)
    return entries, problems


def translate(bundle: ContentBundle, data_folders: Sequence[Path], language: str,
              origins: dict[tuple[str, str], SourceFile]) -> Translated:
    """The bundle with a language's texts, every problem of its files, and its completeness."""
    folders = translation_folders(data_folders, language)
    entries, problems = _read(folders)
    completeness = Completeness(language)
    updates: dict[str, dict[str, Any]] = {}
    for (section, key), (_entry, source) in entries.items():
        if key not in getattr(bundle, section):
            line, column = source.locate((section, key))
            problems.append(Problem(path=source.display, line=line, column=column, field=f"{section}.{key}",
                                    message=_("there is no {noun} '{key}' in the English data").format(
                                                noun=NOUNS[section], key=key)))
    for section in SECTIONS:
        kind = TranslationFile.model_fields[section].annotation
        entry_kind = typing.get_args(_bare(kind))[1]
        translated = dict(getattr(bundle, section))
        for key, english in translated.items():
            text, origin = entries.get((section, key), (None, None))
            overlay = _Overlay(language, section, key, origin)
            translated[key] = overlay.merge(english, text, entry_kind, ())
            problems += overlay.problems
            completeness.done += overlay.done
            completeness.total += overlay.total
            if overlay.missing and folders:  # data with no files for the language: English, quietly
                where = origin or origins.get((section, key))
                line, column = where.locate((section, key)) if where is not None else (0, 0)
                problems.append(Problem(
                    path=where.display if where is not None else "", line=line, column=column,
                    severity=Severity.warning, field=f"{section}.{key}",
                    message=_("no '{language}' translation of: {join}").format(
                                language=language, join=', '.join(overlay.missing))))
        updates[section] = translated
    return Translated(bundle.model_copy(update=updates), problems, completeness)

