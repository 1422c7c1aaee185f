"""Hostile paths, files and moments (issue 11): nothing lost, nothing written where it must not be.

Each test failed on the code before issue 11. Classes of input are generated
(hypothesis): spellings of the database's path as an output, file names
with ``? # % &`` and spaces, passwords in server addresses. Kills happen for
real, in a child process, at each rename, link or unlink a restore makes
(the child wraps those os functions, whatever code calls them).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from models import backup
from models.database import DatabaseDamaged, mask_password, open_database, safe_url
from models.errors import DatabaseRefused, MinutierError
from models.files import write_atomically
from models.services import meetings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "meeting-2023.json"


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def titles(path: Path) -> list[str]:
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT title FROM meeting ORDER BY id")]
    finally:
        con.close()


def add_meeting(path: Path, title: str) -> None:
    db = open_database(path)
    try:
        with db.transaction() as session:
            meetings.create_meeting(session, title, "2024-05-01")
    finally:
        db.close()


def cli(*args) -> tuple[int, str, str]:
    """main.main in this process; (exit status, stdout, stderr). Any exception is a failure."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def assert_one_line_refusal(code: int, err: str, *says: str) -> None:
    assert code == 1, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    for text in says:
        assert text in err, err


# ---------------------------------------------------------------- 1. an export onto the database


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A database with a meeting and a backup, a hard link to it, and a link to its folder."""
    top = tmp_path_factory.mktemp("place")
    folder = top / "dir"
    (folder / "sub").mkdir(parents=True)
    db = folder / "db.sqlite"
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    backup.backup_now(db)
    os.link(db, folder / "hard.sqlite")
    os.symlink(folder, top / "via")
    os.symlink(db, folder / "soft.sqlite")
    return top, db


@contextlib.contextmanager
def cwd(folder: Path):
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def spell(top: Path, names: list[str], draw) -> str:
    """One spelling of top/dir/<names…>: absolute or relative, through the link, with detours."""
    parts = [draw(st.sampled_from(["dir", "via"]))]
    if draw(st.booleans()):
        parts += draw(st.sampled_from([["."], ["sub", ".."], [".", "sub", ".."]]))
    parts += names
    sep = draw(st.sampled_from(["/", "//", "/./"]))
    if draw(st.booleans()):
        return str(top) + "/" + sep.join(parts)
    return "../../" + sep.join(parts)  # from top/dir/sub


@st.composite
def output_spellings(draw, top: Path, db: Path):
    kept = backup.list_backups(db)[0].path.name
    target = draw(
        st.sampled_from(
            [
                ["db.sqlite"],
                ["db.sqlite-wal"],
                ["db.sqlite-shm"],
                ["hard.sqlite"],  # the same file by inode
                ["soft.sqlite"],
                ["db-backups", kept],
                ["db-backups", "db-backup-20991231-235959.sqlite"],  # a name only a backup has
            ]
        )
    )
    return spell(top, target, draw)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_spelling_of_the_database_or_its_backups_is_written_over(place, data):
    top, db = place
    spelling = data.draw(output_spellings(top, db))
    kept = {p: digest(p) for p in [db, *backup.backup_folder(db).iterdir()]}
    listing = sorted(os.listdir(backup.backup_folder(db)))
    with cwd(top / "dir" / "sub"):
        code, _out, err = cli("dump", "1", "-o", spelling, "--db", db)
    assert_one_line_refusal(code, err, "Will not write")
    assert {p: digest(p) for p in kept} == kept
    assert sorted(os.listdir(backup.backup_folder(db))) == listing
    assert len(titles(db)) == 1


@pytest.mark.parametrize(
    ("command", "name"),
    [("export", "db.sqlite"), ("attendance-sheet", "db.docx"), ("export-people", "db.csv")],
)
def test_every_export_command_refuses_the_database_as_output(tmp_path, command, name):
    db = tmp_path / name
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    before = digest(db)
    code, _out, err = cli(command, "1", "-o", db, "--db", db)
    assert_one_line_refusal(code, err, "Will not write", "open database")
    assert digest(db) == before
    assert cli("list", "--db", db)[0] == 0


def test_the_editors_writes_refuse_the_open_database_and_any_minutier_file(tmp_path):
    path = tmp_path / "minutier.sqlite"
    add_meeting(path, "kept")
    other = tmp_path / "other.sqlite"
    add_meeting(other, "also kept")
    db = open_database(path)  # as the editor holds it while its export dialogs write
    try:
        for target in (path, Path(f"{path}-wal"), other):
            before = digest(target)
            with pytest.raises(MinutierError, match="Will not write") as info:
                write_atomically(target, b"PK\x03\x04 a document")
            assert "\n" not in str(info.value)
            assert digest(target) == before
    finally:
        db.close()
    assert titles(path) == ["kept"] and titles(other) == ["also kept"]


# ---------------------------------------------------------------- 8. special files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_outputs_that_are_not_regular_files_are_refused_and_left_as_they_are(tmp_path):
    db = tmp_path / "db.sqlite"
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    specials = [fifo]
    try:
        os.mknod(tmp_path / "null.json", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null
        specials.append(tmp_path / "null.json")
    except PermissionError:
        pass  # not root: the FIFO alone
    for special in specials:
        kind = stat.S_IFMT(special.stat().st_mode)
        code, _out, err = cli("dump", "1", "-o", special, "--db", db)
        assert_one_line_refusal(code, err, "not a regular file")
        assert stat.S_IFMT(special.stat().st_mode) == kind


# ---------------------------------------------------------------- 9. stale temporaries

KILLED_AT_RENAME = """
import os, signal, sys
from models.files import write_atomically
def killed(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
write_atomically(sys.argv[1], b"never renamed")
"""

HOLDS_A_TEMPORARY = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and flock")
def test_a_temporary_left_by_a_killed_write_goes_at_the_next_one(tmp_path):
    out = tmp_path / "out.json"
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, str(out)], cwd=ROOT)
    assert killed.returncode == -signal.SIGKILL
    (left,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert left.name.startswith(".out.json.")
    # Another writer's temporary, in use right now, is not stale.
    busy = tmp_path / ".out.json.busy1234.tmp"
    with subprocess.Popen(
        [sys.executable, "-c", HOLDS_A_TEMPORARY, str(busy)], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            write_atomically(out, b"data")
            assert out.read_bytes() == b"data"
            assert sorted(p.name for p in tmp_path.iterdir()) == [busy.name, "out.json"]
        finally:
            holder.kill()
    write_atomically(out, b"again")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


# ---------------------------------------------------------------- 5. file names


def file_names():
    specials = st.sampled_from([*"?#%&= ;'\"[]*~$!:+", "%3F", "%41", "?x=1", "#f", "%%", "&mode=ro"])
    ordinary = st.characters(exclude_categories=("Cs",), exclude_characters="/\x00")
    return (
        st.lists(specials | st.text(ordinary, min_size=1, max_size=3), min_size=1, max_size=6)
        .map("".join)
        .filter(lambda n: n not in (".", "..") and len(n.encode()) <= 150 and not n.startswith("-"))
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=file_names(), suffix=st.sampled_from(["", ".sqlite"]))
def test_any_legal_file_name_means_that_file(tmp_path, name, suffix):
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    name += suffix
    # Decoys: the files an address built by pasting the name would have written to.
    decoys = {cut for cut in {name.split("?")[0], name.split("#")[0]} if cut and cut != name}
    from urllib.parse import unquote

    if unquote(name) != name:
        decoys.add(unquote(name).split("?")[0])
    decoys = {d for d in decoys if d not in ("", ".", "..") and "/" not in d}
    for decoy in decoys:
        con = sqlite3.connect(folder / decoy)
        con.execute("CREATE TABLE notes (x)")
        con.commit()
        con.close()
    before = {d: digest(folder / d) for d in decoys}
    path = folder / name
    add_meeting(path, "here")
    code, out, err = cli("list", f"--db={path}")
    assert code == 0, err
    assert out.endswith("\there\n")
    assert {d: digest(folder / d) for d in decoys} == before
    made = sorted(set(os.listdir(folder)) - decoys - {name})
    assert made == [f"{path.stem}-backups"], made
    assert titles(path) == ["here"]


# ---------------------------------------------------------------- 6. a damaged index


def damage_an_index(path: Path) -> None:
    """Make an index disagree with its table: quick_check passes, integrity_check does not."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA writable_schema=ON")
    con.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(person_id)', '(meeting_id)') "
        "WHERE name = 'ix_attendance_person_id'"
    )
    con.commit()
    con.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    finally:
        con.close()


def test_a_damaged_index_is_refused_before_any_write(tmp_path):
    db = tmp_path / "db.sqlite"
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    open_database(db).close()  # a clean close: the file alone, in WAL mode
    damage_an_index(db)
    before = digest(db)
    code, _out, err = cli("import", SAMPLE, "--db", db)
    assert_one_line_refusal(code, err, "damaged")
    assert digest(db) == before
    with pytest.raises(DatabaseDamaged):
        open_database(db)
    assert backup.check_backup(db).startswith("damaged")


def test_a_skipped_daily_backup_is_said(tmp_path):
    db = tmp_path / "db.sqlite"
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    shutil.rmtree(backup.backup_folder(db), ignore_errors=True)
    backup.backup_folder(db).write_text("a file where the backups folder should be", encoding="utf-8")
    code, out, err = cli("list", "--db", db)
    assert code == 0 and "2023" in out
    assert "warning" in err and "No daily backup" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- 7. a backup Minutier cannot open


def test_restore_refuses_a_backup_minutier_could_not_open(tmp_path):
    db = tmp_path / "db.sqlite"
    add_meeting(db, "current")
    taken = backup.backup_now(db)
    odd = tmp_path / "no-revision.sqlite"
    shutil.copy(taken, odd)
    con = sqlite3.connect(odd)
    con.execute("DROP TABLE alembic_version")
    con.commit()
    con.close()
    with pytest.raises(DatabaseRefused):
        open_database(shutil.copy(odd, tmp_path / "probe.sqlite"))
    assert backup.check_backup(odd).startswith("not a Minutier database")
    before = digest(db)
    code, _out, err = cli("restore", odd, "--db", db)
    assert_one_line_refusal(code, err, "Nothing was changed")
    assert digest(db) == before and titles(db) == ["current"]


# ---------------------------------------------------------------- 2. restore killed at each step

CRASH_AFTER_COMMIT = """
import os, sys
from models.database import open_database
from models.services import meetings
db = open_database(sys.argv[1])
with db.transaction() as session:
    meetings.create_meeting(session, "after the backup", "2024-06-01")
os._exit(0)  # no close: the change stays in the -wal, as after a crash
"""

# For each line "DB BACKUP N", forks a restore that may make N renames/links/unlinks and is
# killed at the next one; answers its exit status, and the steps made when it was not killed.
# (Forked from one process that imported everything once: a fresh Python per trial is slow.)
KILL_AT_STEP = """
import os, signal, sys
from models import backup, database
for line in sys.stdin:
    db, taken, allowed = line.split()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        done = 0
        def wrap(real):
            def step(*args, **kwargs):
                global done
                if done == int(allowed):
                    os.kill(os.getpid(), signal.SIGKILL)
                done += 1
                return real(*args, **kwargs)
            return step
        for name in ("replace", "rename", "link", "unlink", "remove", "symlink"):
            setattr(os, name, wrap(getattr(os, name)))
        try:
            backup.restore_backup(db, taken)
        except BaseException as exc:
            os.write(write, repr(exc).encode())
            os._exit(3)
        os.write(write, str(done).encode())
        os._exit(0)
    os.close(write)
    told = os.read(read, 4096).decode()
    os.close(read)
    status = os.waitpid(pid, 0)[1]
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    print(code, told or "-", flush=True)
"""

OLD = ["in the backup", "in the file", "after the backup"]
NEW = ["in the backup"]


def crashed_writer(folder: Path) -> tuple[Path, Path]:
    """A database whose -wal holds a change committed after its backup; (database, backup)."""
    db = folder / "db.sqlite"
    add_meeting(db, "in the backup")
    taken = backup.backup_now(db)
    add_meeting(db, "in the file")  # closed cleanly: in the main file, not in the -wal
    subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(db)], cwd=ROOT, check=True)
    assert Path(f"{db}-wal").stat().st_size > 0
    return db, taken


def files_of(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in folder.iterdir() if p.is_file()}


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
def test_a_restore_killed_at_any_step_leaves_the_old_data_or_the_new(tmp_path):
    template = tmp_path / "template"
    template.mkdir()
    _db, taken = crashed_writer(template)
    steps = 0
    zygote = subprocess.Popen(
        [sys.executable, "-c", KILL_AT_STEP],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for allowed in range(40):
            trial = tmp_path / f"trial-{allowed}"
            shutil.copytree(template, trial)
            db, copy = trial / "db.sqlite", trial / "db-backups" / taken.name
            zygote.stdin.write(f"{db} {copy} {allowed}\n")
            zygote.stdin.flush()
            code, told = zygote.stdout.readline().split(maxsplit=1)
            if int(code) == 0:
                steps = int(told)
                assert titles(db) == NEW
                break
            assert int(code) == -signal.SIGKILL, told
            check_after_kill(db, copy, allowed)
    finally:
        zygote.stdin.close()
        zygote.wait()
        zygote.stdout.close()
    assert steps >= 2, "the restore was never killed"


def check_after_kill(db: Path, copy: Path, allowed: int) -> None:
    state = titles(db) if Path(db).exists() else None
    assert state in (OLD, NEW), f"killed after {allowed} steps: {state}"
    # Whatever was set aside is a file of its own: writing the live one leaves it as it is.
    aside = files_of(db.parent / "db-backups")
    add_meeting(db, "written after the kill")
    assert files_of(db.parent / "db-backups") == aside, f"killed after {allowed} steps"
    assert titles(db) == [*state, "written after the kill"]
    # And a restore run again completes.
    backup.restore_backup(db, copy)
    assert titles(db) == NEW


# ---------------------------------------------------------------- 3. nobody opens it during a restore

PAUSE_BEFORE_PUTTING_IN_PLACE = """
import os, sys
from models import backup
db, taken = os.path.abspath(sys.argv[1]), sys.argv[2]
real = os.replace
def replace(src, dst, **kwargs):
    if os.path.abspath(dst) == db:
        print("paused", flush=True)
        sys.stdin.readline()
    return real(src, dst, **kwargs)
os.replace = replace
backup.restore_backup(db, taken)
print("restored", flush=True)
"""

IMPORTER = """
import sys
import main
from models import database, interchange
from models.services import meetings
print("ready", flush=True)
sys.exit(main.main(["import", sys.argv[1], "--db", sys.argv[2]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_database_opened_during_a_restore_waits_for_its_end(tmp_path):
    db = tmp_path / "db.sqlite"
    add_meeting(db, "in the backup")
    taken = backup.backup_now(db)
    add_meeting(db, "replaced by the restore")
    restorer = subprocess.Popen(
        [sys.executable, "-c", PAUSE_BEFORE_PUTTING_IN_PLACE, str(db), str(taken)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    importer = None
    try:
        assert restorer.stdout.readline().strip() == "paused"
        importer = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(SAMPLE), str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert importer.stdout.readline().strip() == "ready"
        with contextlib.suppress(subprocess.TimeoutExpired):
            importer.wait(timeout=2)  # before the fix, the import was over by now
        restorer.stdin.write("go\n")
        restorer.stdin.flush()
        assert restorer.stdout.readline().strip() == "restored"
        out, err = importer.communicate(timeout=30)
        assert importer.returncode == 0, err
    finally:
        for process in (restorer, importer):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        restorer.stdin.close()
        restorer.stdout.close()
    # The import acknowledged after the restore is in the restored database, not set aside.
    restored = titles(db)
    assert len(restored) == 2 and restored[0] == "in the backup", restored
    assert out.strip().isdigit()


# ---------------------------------------------------------------- 10. passwords


def passwords():
    return st.text(st.sampled_from("abcdefXYZ0123456789@:/?#&%!=+ "), min_size=6, max_size=20).filter(
        lambda p: p.strip() == p and "secret" not in p
    )


@settings(max_examples=60, deadline=None)
@given(password=passwords())
def test_no_spelling_of_a_password_is_shown(password):
    from sqlalchemy.engine import make_url

    encoded = quote(password, safe="")
    forms = [
        f"postgresql://alice:{encoded}@db.example.org:5432/minutes",
        f"postgresql://alice@db.example.org/minutes?password={encoded}",
        f"postgresql+psycopg://alice@db.example.org/minutes?sslmode=require&password={encoded}&x=1",
        f"postgresql://alice:{password}@db.example.org/minutes",  # not encoded: still masked
    ]
    for form in forms:
        shown = mask_password(form)
        assert password not in shown and encoded not in shown, shown
        assert "alice" in shown and "db.example.org" in shown
        with contextlib.suppress(Exception):  # an unencoded form may not parse; mask_password did
            assert password not in safe_url(make_url(form)) and encoded not in safe_url(make_url(form))


def test_a_password_in_the_query_is_never_printed(tmp_path):
    url = "postgresql://alice@127.0.0.1:9/minutes?password=Sup3rSecretValue"
    with pytest.raises(DatabaseRefused) as info:
        open_database(url)
    assert "Sup3rSecretValue" not in str(info.value)
    for args in (("list", "--db", url), ("copy", "--from", url, "--to", tmp_path / "x.sqlite")):
        code, out, err = cli(*args)
        assert code == 1 and "Sup3rSecretValue" not in out + err and "***" in err


def test_a_password_from_pgpassword_quoted_back_by_the_server_is_masked(monkeypatch):
    from sqlalchemy.engine import make_url

    from models.database import _server_refusal

    monkeypatch.setenv("PGPASSWORD", "Env-Secret-42")
    url = make_url("postgresql+psycopg://alice@db.example.org/minutes")
    said = _server_refusal(RuntimeError('connection to server failed: password "Env-Secret-42"'), url, "x")
    assert "Env-Secret-42" not in said and "***" in said


def test_copys_report_never_shows_a_password_given_in_the_query(pg_url, tmp_path):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    if not url.password:
        pytest.skip("the test server takes no password")
    in_query = url.set(password=None).update_query_dict({"password": url.password})
    source = tmp_path / "source.sqlite"
    assert cli("import", SAMPLE, "--db", source)[0] == 0
    code, out, err = cli("copy", "--from", source, "--to", in_query.render_as_string(hide_password=False))
    assert code == 0, err
    assert url.password not in out + err and "password=***" in out
    code, out, err = cli("copy", "--from", source, "--to", in_query.render_as_string(hide_password=False))
    assert code == 1 and url.password not in out + err  # refused (not empty): the message neither


# ---------------------------------------------------------------- tracebacks become one line


def test_an_output_name_too_long_is_one_line(tmp_path):
    db = tmp_path / "db.sqlite"
    assert cli("import", SAMPLE, "--db", db)[0] == 0
    code, _out, err = cli("dump", "1", "-o", tmp_path / ("x" * 300 + ".json"), "--db", db)
    assert_one_line_refusal(code, err, "too long")
    # A legal name near the limit is written: the temporary's name is shortened, not the file's.
    long_name = tmp_path / ("y" * 250 + ".json")
    assert cli("dump", "1", "-o", long_name, "--db", db)[0] == 0 and long_name.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE")
@pytest.mark.parametrize("buffered", [True, False])
def test_a_closed_pipe_is_not_a_traceback(tmp_path, buffered):
    db = tmp_path / "db.sqlite"
    add_meeting(db, "one meeting")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:  # the error then comes from print() itself, not from the flush at exit
        env["PYTHONUNBUFFERED"] = "1"
    child = subprocess.Popen(
        [sys.executable, "main.py", "list", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # as `| head -0`
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait() == 1
    assert "Traceback" not in err and "Exception" not in err, err


@pytest.fixture
def mounted(tmp_path):
    """A tmpfs of 1 MiB (``remount(ro=True)`` makes it read-only); skipped where it cannot be mounted."""
    if shutil.which("mount") is None or sys.platform != "linux":
        pytest.skip("no mount command")
    point = tmp_path / f"mnt-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.decode().strip()}")

    def read_only() -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    try:
        yield point, read_only
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], check=False)


def test_restore_onto_a_read_only_disk_is_one_line(mounted):
    point, read_only = mounted
    db = point / "db.sqlite"
    add_meeting(db, "current")
    taken = backup.backup_now(db)
    add_meeting(db, "later")
    read_only()
    before = digest(db)
    code, _out, err = cli("restore", taken, "--db", db)
    assert_one_line_refusal(code, err, "read-only")
    assert digest(db) == before


def test_creating_a_database_on_a_read_only_disk_is_one_line(mounted, tmp_path):
    point, read_only = mounted
    read_only()
    source = tmp_path / "source.sqlite"
    assert cli("import", SAMPLE, "--db", source)[0] == 0
    for args in (
        ("list", "--db", point / "new.sqlite"),
        ("copy", "--from", source, "--to", point / "x.sqlite"),
    ):
        code, _out, err = cli(*args)
        assert_one_line_refusal(code, err, "Cannot create", "read-only")
    assert os.listdir(point) == []


def test_creating_a_database_on_a_full_disk_leaves_no_file(mounted, tmp_path):
    point, _read_only = mounted
    with (point / "filler").open("wb") as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
            fh.flush()
    with contextlib.suppress(OSError), (point / "filler").open("ab") as fh:
        fh.write(b"\0" * 4096)  # the last blocks
    source = tmp_path / "source.sqlite"
    assert cli("import", SAMPLE, "--db", source)[0] == 0
    for args in (
        ("import", SAMPLE, "--db", point / "new.sqlite"),
        ("copy", "--from", source, "--to", point / "x.sqlite"),
    ):
        code, _out, err = cli(*args)
        assert_one_line_refusal(code, err, "Cannot create")
        assert sorted(os.listdir(point)) == ["filler"], err
