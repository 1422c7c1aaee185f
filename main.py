"""Minutier: command line entry point. Parses arguments, opens the database, runs one command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

USAGE_EXIT = 2
DATA_EXIT = 1


def build_parser() -> argparse.ArgumentParser:
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $MINUTIER_DB, else the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="minutier",
        description="Minutier, the editor for the minutes of yearly meetings. "
        "Without a command, opens the editor.",
        parents=[db_parent],
    )
    parser.add_argument("--screenshots", metavar="DIR", type=Path, help="save a PNG of each tab and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("list", parents=[db_parent], help="one line per meeting: id, date, title")

    p = commands.add_parser(
        "import", parents=[db_parent], help="add a meeting from a JSON file; prints its id"
    )
    p.add_argument("file", type=Path, metavar="FILE.json")

    p = commands.add_parser("dump", parents=[db_parent], help="write a meeting as JSON")
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json", help="'-' for stdout")

    p = commands.add_parser("export", parents=[db_parent], help="write the Word compte-rendu of a meeting")
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx")
    p.add_argument("--lang", choices=("fr", "en", "es"), help="labels language (default: the meeting's)")
    return parser


def database_target(args: argparse.Namespace) -> tuple[str, bool]:
    """The database to open, and whether it is the default one (seeded on creation)."""
    explicit = getattr(args, "db", None) or os.environ.get("MINUTIER_DB")
    if explicit:
        return explicit, False
    from models.database import default_database_path

    return str(default_database_path()), True


def open_db(args: argparse.Namespace):
    from models.database import open_database

    target, is_default = database_target(args)
    db = open_database(target)
    if db.created and is_default:
        from models.sample import load_sample

        with db.transaction() as session:
            load_sample(session)
    return db


def read_input(path: Path) -> bytes:
    from models.errors import MinutierError

    try:
        return sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise MinutierError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def write_output(path: Path, data: bytes) -> None:
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from models.files import write_atomically

    write_atomically(path, data)


def cmd_list(db, args) -> int:
    from models.services import meetings

    with db.reading() as session:
        for m in meetings.list_meetings(session):
            print(f"{m.id}\t{m.date.isoformat()}\t{m.title}")
    return 0


def cmd_import(db, args) -> int:
    from models import interchange

    data = interchange.loads_data(read_input(args.file))
    with db.transaction() as session:
        meeting = interchange.import_data(session, data)
        meeting_id = meeting.id
    print(meeting_id)
    return 0


def cmd_dump(db, args) -> int:
    from models import interchange
    from models.services import meetings

    with db.reading() as session:
        text = interchange.dumps(meetings.resolve(session, args.meeting))
    write_output(args.output, text.encode("utf-8"))
    return 0


def cmd_export(db, args) -> int:
    from exporters.compte_rendu import export_meeting
    from models.services import meetings

    with db.reading() as session:
        data = export_meeting(meetings.resolve(session, args.meeting), language=args.lang)
    write_output(args.output, data)
    return 0


COMMANDS = {"list": cmd_list, "import": cmd_import, "dump": cmd_dump, "export": cmd_export}


def run_command(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        return COMMANDS[args.command](db, args)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from models.errors import MinutierError

    try:
        if args.command is None:
            from ui.app import run_gui

            return run_gui(args, open_db)
        return run_command(args)
    except MinutierError as exc:
        print(f"minutier: {exc}", file=sys.stderr)
        return DATA_EXIT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
