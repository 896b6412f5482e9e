"""``class host|bot|export``: host a class on the local network, a headless student, the class's files.

``class host --db PATH`` serves the class (students join from the game's title screen) and its
dashboard; ``class bot --url URL --code CODE --name NAME`` plays a bot game as a student;
``class export --db PATH --out DIR`` writes the class report and every record. The web server and
database libraries are imported only when one of these runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli import COMMANDS
from game.commands._scripting import add_data_option
from game.i18n import _

DEFAULT_PORT = 8765


def add_parser(subparsers: Any) -> None:
    """Register the ``class`` command and its three subcommands."""
    parser = subparsers.add_parser(
        "class", help=_(COMMANDS["class"]),
        description=_("A class in one room: the instructor hosts, the students' games join over the local "
        "network with a code (no accounts, no internet), and a dashboard shows the class live."))
    sub = parser.add_subparsers(dest="class_command", metavar="SUBCOMMAND", required=True)

    host = sub.add_parser("host", help=_("host a class (stored in a database; a restart resumes it)"),
                          description=_("Serve a class. On the first start the class's game and data are stored in "
                          "the database; a restart on the same database resumes the class with nothing lost."))
    host.add_argument("--db", required=True, metavar="PATH", help=_("SQLite file (or a SQLAlchemy URL) of the class"))
    host.add_argument("--bind", default="127.0.0.1", metavar="ADDR",
                      help=_("address to listen on: this computer's address on the classroom network "
                      "(default 127.0.0.1, this computer only)"))
    host.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N", help=_("port (default {DEFAULT_PORT})").format(
                                                                                      DEFAULT_PORT=DEFAULT_PORT))
    host.add_argument("--scenario", metavar="ID", help=_("scenario of a new class (default: default)"))
    host.add_argument("--mandate", metavar="ID", help=_("mandate of a new class (default: balanced)"))
    host.add_argument("--seed", type=int, metavar="N", help=_("seed of a new class (default 1)"))
    host.add_argument("--code", metavar="CODE", help=_("join code (default: a random one, kept on restart)"))
    host.add_argument("--token", metavar="TOKEN", help=_("instructor's token (default: a random one, kept on restart)"))
    add_data_option(host)
    host.set_defaults(func=run_host)

    bot = sub.add_parser("bot", help=_("join a class as a headless student and play a bot game"),
                         description=_("Join a class and play a bot game through the same protocol as the game. "
                         "Exit status 0 only once the host holds the whole record."))
    bot.add_argument("--url", required=True, help=_("the host's address, e.g. http://192.168.1.20:8765"))
    bot.add_argument("--code", required=True, help=_("the class's join code"))
    bot.add_argument("--name", required=True, help=_("the name to join under"))
    bot.add_argument("--strategy", default="balanced", help=_("bot strategy (as in simulate)"))
    bot.add_argument("--retry", type=float, default=60.0, metavar="SECONDS",
                     help=_("how long to keep retrying an unreachable host (default 60)"))
    bot.add_argument("--delay", type=float, default=0.0, metavar="SECONDS", help=_("pause after each month (default 0)"))
    bot.add_argument("--record", metavar="FILE", help=_("also keep the record in this file"))
    bot.set_defaults(func=run_bot)

    export = sub.add_parser("export", help=_("write the class report and every record of a class"),
                            description=_("Write class-report.html, class-records.csv, class-groups.csv and "
                            "records/*.json of the class stored in the database."))
    export.add_argument("--db", required=True, metavar="PATH", help=_("the class's database"))
    export.add_argument("--out", required=True, metavar="DIR", help=_("folder to write into"))
    export.set_defaults(func=run_export)


def _missing(command: str, error: ImportError) -> int:
    print(_("class {command}: needs the classroom extras ({name}); install the game with pip install "
             "'pressure-points[classroom]'").format(command=command, name=error.name), file=sys.stderr)
    return 2


def run_host(args: argparse.Namespace) -> int:
    """Serve the class until stopped (Ctrl+C)."""
    try:
        from game.classroom.host import serve
    except ImportError as error:
        return _missing("host", error)
    return serve(args)


def run_bot(args: argparse.Namespace) -> int:
    """Play one headless student; 0 once the whole record has arrived."""
    try:
        from game.classroom.bot import play_class_bot
        from game.classroom.client import ClassError
    except ImportError as error:
        return _missing("bot", error)
    from game.engine.bots import STRATEGIES
    from game.loading import load_content
    if args.strategy not in STRATEGIES:
        print(_("class bot: no strategy '{strategy}' (choose from: {join})").format(
                  strategy=args.strategy, join=', '.join(STRATEGIES)), file=sys.stderr)
        return 2
    own = load_content().bundle
    try:
        result = play_class_bot(args.url, args.code, args.name, args.strategy, own, retry=args.retry,
                                month_delay=args.delay, record_path=Path(args.record) if args.record else None)
    except ClassError as error:
        print(_("class bot: {error}").format(error=error), file=sys.stderr)
        return 1
    if not result.delivered:
        print(_("class bot: {name}: the host does not hold the whole record ({message})").format(
                  name=result.name, message=result.message), file=sys.stderr)
        return 1
    print(_("{name}: {months} months played, record delivered, {injects} inject(s), held "
             "{held_seconds:.1f} s").format(
              name=result.name, months=result.months, injects=result.injects, held_seconds=result.held_seconds))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the class's report and records."""
    try:
        from sqlalchemy.exc import SQLAlchemyError

        from game.classroom.report import write_export
        from game.classroom.room import RoomError, open_existing
        from game.classroom.store import StoreError, describe_error
    except ImportError as error:
        return _missing("export", error)
    from game.records import RecordError
    try:
        room = open_existing(args.db)
        written = write_export(room.store, room.bundle, Path(args.out))
    except (RoomError, StoreError, SQLAlchemyError) as error:
        print(_("class export: {error}").format(error=describe_error(error) if not isinstance(error, RoomError) else error),
              file=sys.stderr)
        return 1
    except (OSError, RecordError) as error:
        print(_("class export: could not write into {out} ({error})").format(out=args.out, error=error), file=sys.stderr)
        return 1
    records = sum(1 for p in written if p.parent.name == "records")
    print(_("class export: wrote the class report and {records} record(s) into {out}").format(
              records=records, out=args.out))
    return 0
