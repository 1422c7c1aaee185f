"""Minutier: command line entry point. Parses arguments, opens the database, runs one command."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

# Installed (pyproject.toml), this file is site-packages/minutier/main.py, next to the program's
# folders, which import each other by their own names (`models`, `ui`...): from this folder only.
if __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

USAGE_EXIT = 2
DATA_EXIT = 1


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("minutier")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class VersionAction(argparse.Action):
    """--version, looked up only when asked: importlib.metadata would cost every command ~20 ms."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        help = help or "show program's version number and exit"
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {program_version()}")
        parser.exit()


class OneLineHelp(argparse.HelpFormatter):
    """--help gives each command one line, whatever the terminal's width."""

    def __init__(self, prog):
        super().__init__(prog, max_help_position=30, width=200)

    def add_argument(self, action):
        super().add_argument(action)
        # argparse leaves the commands' indent out of the column width, so the longest name
        # would push its help onto a second line.
        for sub in self._iter_indented_subactions(action):
            length = len(self._format_action_invocation(sub)) + self._current_indent
            self._action_max_length = max(self._action_max_length, length)


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
        formatter_class=OneLineHelp,
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("--screenshots", metavar="DIR", type=Path, help="save a PNG of each tab and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("list", parents=[db_parent], help="one line per meeting: id, date, title")

    p = commands.add_parser(
        "import", parents=[db_parent], help="add a meeting from a JSON file; prints its id"
    )
    p.add_argument("file", type=Path, metavar="FILE.json")

    p = commands.add_parser(
        "import-docx", parents=[db_parent], help="add a meeting from a Word compte-rendu; prints its id"
    )
    p.add_argument("file", type=Path, metavar="FILE.docx")
    p.add_argument("--dry-run", action="store_true", help="show what was understood as what; write nothing")
    p.add_argument("--again", action="store_true", help="even if a meeting is on that date already")

    p = commands.add_parser("dump", parents=[db_parent], help="write a meeting as JSON")
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json", help="'-' for stdout")

    p = commands.add_parser(
        "export", parents=[db_parent], help="write the compte-rendu (.docx, or .pdf through LibreOffice)"
    )
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx|FILE.pdf")
    p.add_argument("--lang", choices=("fr", "en", "es"), help="labels language (default: the meeting's)")
    p.add_argument(
        "--template",
        type=Path,
        metavar="WORD.docx",
        help="take fonts, page, headers and footers from this Word file (default: the meeting's own)",
    )

    commands.add_parser(
        "backups", parents=[db_parent], help="list the backups of the database: date, size, tier, check"
    )
    p = commands.add_parser(
        "restore",
        parents=[db_parent],
        help="replace the database by a backup (the current file is kept aside)",
    )
    p.add_argument("backup", metavar="BACKUP", help="backup file, or its name as `backups` lists it")

    p = commands.add_parser(
        "new-from", parents=[db_parent], help="next year's meeting from this one; prints its id"
    )
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year to start from")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="date of the new meeting")
    p.add_argument("--title", help="title of the new meeting (default: the same, with its date moved on)")
    p.add_argument("--with-objectives", action="store_true", help="copy the objectives text too")
    p.add_argument("--again", action="store_true", help="even if a meeting is on that date already")

    from models import person_fields  # no dependency: the names of a person's fields

    # A person's fields as --map takes them most simply: the name, or its first alias for « first_name ».
    person = [f.aliases[0] if "_" in f.name and f.aliases else f.name for f in person_fields.FIELDS]
    p = commands.add_parser(
        "import-people",
        parents=[db_parent],
        help="import a participant list (CSV or XLSX) into a meeting; prints the counts",
        description="Columns are guessed from the headers; --map overrides the guess. "
        "Rows with problems are listed with their line number; when there are any, "
        "nothing is imported unless --yes confirms importing the other rows.",
    )
    p.add_argument(
        "file", type=Path, metavar="FILE", help=".csv (any delimiter, UTF-8 or Windows-1252) or .xlsx"
    )
    p.add_argument("--meeting", required=True, metavar="MEETING", help="meeting id or year")
    p.add_argument(
        "--map",
        metavar="FIELD=HEADER,...",
        help="columns to use, e.g. first=Prénom,last=Nom,org=Organisation; "
        f"fields: {' '.join(person)} mode status; field= ignores a guess",
    )
    p.add_argument("--sheet", metavar="NAME", help="XLSX: the sheet to read (default: the first)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    p.add_argument("--yes", action="store_true", help="import the good rows even if some rows are bad")

    p = commands.add_parser(
        "export-people", parents=[db_parent], help="write a meeting's attendance as CSV or XLSX"
    )
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    p.add_argument("--lang", choices=("fr", "en", "es"), help="headers language (default: the meeting's)")
    p.add_argument(
        "--delimiter", default=";", choices=(";", ",", "tab"), help="CSV column separator (default ;)"
    )

    p = commands.add_parser(
        "copy",
        help="copy every meeting and the roster to an empty database (a file to a server, or back)",
        description="Copies every meeting, with the whole roster, from one database to another that "
        "holds none yet, in one transaction, then checks that each meeting dumps the same on both "
        "sides. The source is only read.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="FILE_OR_URL", help="database to copy")
    p.add_argument(
        "--to", dest="target", required=True, metavar="FILE_OR_URL", help="empty database to copy into"
    )

    p = commands.add_parser(
        "attendance-sheet",
        parents=[db_parent],
        help="write the sign-in sheet (feuille d'émargement) as .docx",
    )
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx")
    p.add_argument("--lang", choices=("fr", "en", "es"), help="labels language (default: the meeting's)")
    p.add_argument("--landscape", action="store_true", help="A4 landscape (wider columns)")

    p = commands.add_parser(
        "decisions", parents=[db_parent], help="a meeting's decisions: one line each, or a CSV/XLSX table"
    )
    p.add_argument("meeting", metavar="MEETING", help="meeting id or year")
    p.add_argument("--open", action="store_true", help="only those still open or in progress")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.csv|FILE.xlsx", help="write a table file")
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


def cmd_import_docx(db, args) -> int:
    from models import word_import

    reading = word_import.read_docx(word_import.read_file(args.file), str(args.file))
    if args.dry_run:
        with db.reading() as session:
            word_import.preview(session, reading)
        print("\n".join(reading.understanding.lines()))
        print("dry run: nothing was written")
        return 0
    with db.transaction() as session:
        meeting_id = word_import.add_meeting(session, reading, again=args.again).meeting_id
    for what in reading.understanding.missing:
        print(f"minutier: not found in {args.file.name}: {what}", file=sys.stderr)
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
    from models.services import meetings, reading

    to_pdf = args.output.suffix.lower() == ".pdf"
    if to_pdf:
        from exporters.pdf import docx_to_pdf, locate_soffice

        soffice = locate_soffice()  # before any work: a missing LibreOffice is said at once
    reference = None
    if args.template is not None:
        from models.services.templates import read_template_file

        reference = read_template_file(args.template)
    with db.reading() as session:
        record = reading.record_of(meetings.resolve(session, args.meeting))
    reference = reference or record.style_template
    if reference:
        from exporters.template_check import layout_warnings

        for warning in layout_warnings(reference):
            print(f"minutier: warning: {warning}", file=sys.stderr)
    data = export_meeting(record, language=args.lang, reference=reference)
    if to_pdf:
        data = docx_to_pdf(data, soffice=soffice)
    write_output(args.output, data)
    return 0


def cmd_backups(args) -> int:
    from models import backup

    db_path = backup.database_file(database_target(args)[0])
    found = backup.list_backups(db_path, check=True)
    if not found:
        print(f"No backups yet in {backup.backup_folder(db_path)}.")
    for info in found:
        size = backup.human_size(info.size)
        print(f"{info.taken:%Y-%m-%d %H:%M}\t{size}\t{info.tier}\t{info.status}\t{info.path}")
    return 0


def cmd_restore(args) -> int:
    from models import backup

    done = backup.restore_backup(backup.database_file(database_target(args)[0]), args.backup)
    kept = f"; the previous file is kept as {done.set_aside}" if done.set_aside else ""
    print(f"Restored {done.database} from {done.backup.name}{kept}.")
    return 0


def cmd_copy(args) -> int:
    from models.database import mask_password, open_database
    from models.errors import MinutierError
    from models.transfer import copy_all

    if "://" not in args.source and not Path(args.source).expanduser().is_file():
        raise MinutierError(f"{mask_password(args.source)}: no such database file to copy from.")
    source = open_database(args.source)
    try:
        target = open_database(args.target)
        try:
            report = copy_all(source, target)
            where = f"from {source.label} to {target.label}"
        finally:
            target.close()
    finally:
        source.close()
    print(f"Copied {report.meetings} meeting(s) and {report.people} roster people {mask_password(where)}.")
    print(f"Checked: each of the {report.meetings} meeting(s) dumps identically on both sides.")
    return 0


# Commands that must work on a database that cannot be opened (damaged, locked…),
# or that open their databases themselves.
OFFLINE_COMMANDS = {"backups": cmd_backups, "restore": cmd_restore, "copy": cmd_copy}


def cmd_new_from(db, args) -> int:
    from models.services import meetings, rollover

    with db.transaction() as session:
        source = meetings.resolve(session, args.meeting)
        meeting = rollover.new_meeting_from(
            session,
            source.id,
            args.date,
            title=args.title,
            copy_objectives=args.with_objectives,
            again=args.again,
        )
        meeting_id, left = meeting.id, rollover.title_dates_left(meeting.title, meeting.date)
    print(meeting_id)
    if left:
        print(
            f"minutier: the title still gives another date: {', '.join(left)}; --title sets it",
            file=sys.stderr,
        )
    return 0


def cmd_import_people(db, args) -> int:
    from models import people_import, tabular
    from models.errors import MinutierError
    from models.services import meetings

    table = tabular.read_table(args.file, sheet=args.sheet)
    mapping = people_import.guess_mapping(table.headers)
    if args.map:
        mapping.update(people_import.parse_mapping(args.map))
        mapping = {f: h for f, h in mapping.items() if h}
    with db.reading() as session:
        meeting_id = meetings.resolve(session, args.meeting).id
        plan = people_import.plan_import(session, table, mapping, meeting_id)
    counts = plan.counts
    print(f"mapping: {people_import.format_mapping(plan.mapping)}")
    print(f"added {counts['add']}, updated {counts['update']}, skipped {counts['skip']}, bad {counts['bad']}")
    for line in people_import.plan_lines(plan):  # warnings, bad rows, each change (old → new)
        print(line)
    if args.dry_run:
        print("dry run: nothing was written")
        return 0
    if plan.bad and not args.yes:
        raise MinutierError(
            f"nothing imported: {counts['bad']} bad row(s); fix them, or run again with --yes "
            "to import the other rows"
        )
    with db.transaction() as session:
        people_import.apply_plan(session, plan, accept_bad_rows=args.yes)
    return 0


def cmd_export_people(db, args) -> int:
    from exporters.attendance_table import export_attendance
    from exporters.errors import ExportError
    from models.services import meetings, reading

    fmt = args.output.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise ExportError(f"{args.output}: give a .csv or .xlsx file name.")
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    with db.reading() as session:
        attendance = reading.attendance_of(meetings.resolve(session, args.meeting))
    data = export_attendance(attendance, fmt, language=args.lang, delimiter=delimiter)
    write_output(args.output, data)
    return 0


def cmd_attendance_sheet(db, args) -> int:
    from exporters.sign_in_sheet import export_sign_in_sheet
    from models.services import meetings, reading

    with db.reading() as session:
        attendance = reading.attendance_of(meetings.resolve(session, args.meeting))
    data = export_sign_in_sheet(attendance, language=args.lang, landscape=args.landscape)
    write_output(args.output, data)
    return 0


def cmd_decisions(db, args) -> int:
    from models.services import decisions, meetings
    from models.table_writer import write_table

    with db.reading() as session:
        meeting = meetings.resolve(session, args.meeting)
        rows = decisions.list_decisions(session, meeting.id, open_only=args.open)
        if args.output is None:
            for decision in rows:
                print(decisions.one_line(decision))
            return 0
        fmt = args.output.suffix.lower().lstrip(".")
        data = write_table(
            decisions.table(meeting, rows),
            fmt,
            sheet_name=decisions.sheet_name(meeting),
            widths=decisions.TABLE_WIDTHS,
        )
    write_output(args.output, data)
    return 0


COMMANDS = {
    "list": cmd_list,
    "import": cmd_import,
    "import-docx": cmd_import_docx,
    "dump": cmd_dump,
    "export": cmd_export,
    "new-from": cmd_new_from,
    "import-people": cmd_import_people,
    "export-people": cmd_export_people,
    "attendance-sheet": cmd_attendance_sheet,
    "decisions": cmd_decisions,
}


def run_command(args: argparse.Namespace) -> int:
    if args.command in OFFLINE_COMMANDS:
        imports_done()
        return OFFLINE_COMMANDS[args.command](args)
    db = open_db(args)
    imports_done()
    if db.backup_problem:  # the editor shows it in its status bar; a command says it once
        print(f"minutier: warning: {db.backup_problem}", file=sys.stderr)
    try:
        return COMMANDS[args.command](db, args)
    finally:
        db.close()


def imports_done() -> None:
    """The collector back on once a command's libraries are in, leaving them out of its walks.

    main() turns it off only when the process is ours; otherwise this does nothing.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        # The process is ours (`minutier`, `python main.py`). Importing SQLAlchemy, the tables
        # and Qt allocates hundreds of thousands of long-lived objects that the cyclic collector
        # would walk again and again: a third of `export`'s start-up. It stays off until they are
        # in (imports_done; the editor, once its window is up).
        gc.disable()
    parser = build_parser()
    args = parser.parse_args(argv)
    from models.errors import MinutierError

    try:
        if args.command is None:
            from ui.app import run_gui

            return run_gui(args, open_db, imports_done=imports_done)
        code = run_command(args)
        sys.stdout.flush()  # here, where a reader gone away is handled, not at exit
        return code
    except MinutierError as exc:
        print(f"minutier: {exc}", file=sys.stderr)
        return DATA_EXIT
    except BrokenPipeError:
        # The reader went away (`minutier list | head -1`): nothing left to say, to nobody.
        # Python would complain again when flushing stdout at exit, so point it at nothing.
        from contextlib import suppress

        with suppress(OSError, ValueError):  # stdout is not a file (tests capture it)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return DATA_EXIT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
