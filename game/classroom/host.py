"""``class host``: open (or resume) the class, print how to join, and serve it with uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys

from sqlalchemy.exc import SQLAlchemyError

from game.classroom.room import Room, RoomError, open_room
from game.classroom.server import build_app
from game.classroom.store import StoreError, describe_error
from game.i18n import _
from game.i18n.formats import counted

ALL_INTERFACES = ("0.0.0.0", "::")


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other than loopback (what students type when bound to all)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    found = {str(info[4][0]) for info in infos}  # (address, port): the address is a str for AF_INET
    return sorted(a for a in found if not ipaddress.ip_address(a).is_loopback)


def announce(room: Room, bind: str, port: int) -> list[str]:
    """The lines the host prints: the join code, the addresses to type, the dashboard URL."""
    shown = lan_addresses() if bind in ALL_INTERFACES else [bind]
    if not shown:
        shown = ["127.0.0.1"]
    host = f"[{shown[0]}]" if ":" in shown[0] else shown[0]
    made = (_("Class resumed: scenario '{scenario}', mandate '{mandate}', seed {seed}, {students} so far.")
            if room.resumed else
            _("Class created: scenario '{scenario}', mandate '{mandate}', seed {seed}, {students} so far."))
    lines = [made.format(scenario=room.scenario, mandate=room.mandate, seed=room.seed,
                         students=counted(room.store.count_students(), "{n} student", "{n} students")),
             _("Join code: {code}").format(code=room.code),
             _("Students type the address: ") + _(" or ").join(f"{a}:{port}" for a in shown),
             _("Dashboard (keep the token private): http://{host}:{port}/dashboard#token={token}").format(
                 host=host, port=port, token=room.token)]
    if bind in ALL_INTERFACES:
        lines.append(_("warning: listening on every network interface ({bind}); anyone on any network this computer "
                        "is on can reach the host. Prefer --bind with the classroom network's address.").format(
                         bind=bind))
    elif ipaddress.ip_address(bind).is_loopback if _is_ip(bind) else False:
        lines.append(_("note: bound to this computer only; students on other computers need --bind with this "
                     "computer's address on the classroom network."))
    return lines


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def serve(args: argparse.Namespace) -> int:
    """Run the host until Ctrl+C; returns the exit status."""
    import uvicorn

    try:
        room = open_room(args.db, args.scenario, args.mandate, args.seed, args.data, args.code, args.token)
    except (RoomError, StoreError, SQLAlchemyError) as error:
        print(_("class host: {error}").format(error=describe_error(error) if not isinstance(error, RoomError) else error),
              file=sys.stderr)
        return 1
    if room.resumed and (args.scenario or args.mandate or args.seed is not None or args.data):
        print(_("class host: this database already holds a class; its stored game and data are used "
              "(--scenario, --mandate, --seed and --data apply only to a new database)"), file=sys.stderr)
    for line in announce(room, args.bind, args.port):
        print(line, flush=True)
    config = uvicorn.Config(build_app(room), host=args.bind, port=args.port, log_level="warning",
                            access_log=False, limit_concurrency=400, timeout_keep_alive=30)
    server = uvicorn.Server(config)
    try:
        server.run()
    except OSError as error:
        print(_("class host: cannot listen on {bind}:{port} ({value})").format(
                  bind=args.bind, port=args.port, value=error.strerror or error), file=sys.stderr)
        return 1
    return 0 if server.started else 1
