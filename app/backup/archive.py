"""Making and restoring one backup archive (a .tar.gz): manifest.json, the database, media/.

The database is copied first and the photos after it, so every photo a saved row names
is in the archive (a photo stored meanwhile is in it too, unnamed: harmless).
"""
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine, make_url

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Manifest:
    database: str
    revision: str | None
    counts: dict[str, int]
    media_files: int
    created_at: str
    format: int = FORMAT


def kind_of(engine: Engine) -> str:
    name = engine.url.get_backend_name()
    if name not in DUMPS:
        raise BackupError(f"cannot back up a {name} database")
    return name


def table_counts(engine: Engine) -> dict[str, int]:
    """The number of rows of every table (alembic_version included), by name."""
    with engine.connect() as conn:
        return {name: conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in sorted(inspect(conn).get_table_names())}


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _libpq(engine: Engine) -> tuple[str, dict]:
    """A libpq connection string without the password, and the environment carrying it
    (a password on the command line would show in `ps`)."""
    url = make_url(engine.url).set(drivername="postgresql")
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = url.password
    return url.set(password=None).render_as_string(hide_password=False), env


def _run(command: list[str], env: dict) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)") from error
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up or restore into")
    return Path(database)


def _dump(engine: Engine, kind: str, target: Path) -> None:
    if kind == "postgresql":
        conninfo, env = _libpq(engine)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--file={target}", f"--dbname={conninfo}"], env)
        return
    source = sqlite3.connect(_sqlite_path(engine))
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # the online backup API: a consistent copy while others write
    finally:
        copy.close()
        source.close()


def _media_files(media_root: str | None) -> list[Path]:
    if not media_root or not Path(media_root).is_dir():
        return []
    return sorted(path for path in Path(media_root).rglob("*") if path.is_file())


def create_backup(engine: Engine, media_root: str | None, target: Path) -> Manifest:
    """Write the archive to `target` (a partial file is never left under that name)."""
    kind = kind_of(engine)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongzhi-backup-") as work:
        dump = Path(work) / DUMPS[kind]
        counts = table_counts(engine)
        _dump(engine, kind, dump)
        files = _media_files(media_root)
        manifest = Manifest(database=kind, revision=_revision(engine), counts=counts,
                            media_files=len(files),
                            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        (Path(work) / MANIFEST).write_text(json.dumps(vars(manifest), indent=2), "utf-8")
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, MANIFEST)
            archive.add(dump, DUMPS[kind])
            for path in files:
                archive.add(path, f"{MEDIA}/{path.relative_to(media_root).as_posix()}")
        partial.replace(target)
    return manifest


def read_manifest(archive: tarfile.TarFile) -> Manifest:
    try:
        data = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("not a 共治 backup archive (no manifest.json)") from error
    if data.get("format") != FORMAT:
        raise BackupError(f"backup format {data.get('format')} is not {FORMAT}")
    return Manifest(**data)


def _require_empty(engine: Engine, kind: str) -> None:
    if kind == "sqlite" and not _sqlite_path(engine).exists():
        return
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
    if tables:
        raise BackupError(
            f"the database to restore into already has {len(tables)} tables; restore into a "
            "new, empty database (createdb, or a new SQLite path) and point DATABASE_URL at it")


def _load(engine: Engine, kind: str, dump: Path) -> None:
    engine.dispose()
    if kind == "postgresql":
        conninfo, env = _libpq(engine)
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", f"--dbname={conninfo}", str(dump)], env)
        return
    path = _sqlite_path(engine)
    path.parent.mkdir(parents=True, exist_ok=True)
    source, copy = sqlite3.connect(dump), sqlite3.connect(path)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def restore_backup(engine: Engine, media_root: str | None, source: Path) -> Manifest:
    """Restore `source` into the (empty) database and the media folder; the row counts are
    checked against the manifest."""
    kind = kind_of(engine)
    with tarfile.open(source, "r:gz") as archive, \
            tempfile.TemporaryDirectory(prefix="gongzhi-restore-") as work:
        manifest = read_manifest(archive)
        if manifest.database != kind:
            raise BackupError(f"this backup holds a {manifest.database} database; DATABASE_URL "
                              f"names a {kind} one")
        _require_empty(engine, kind)
        archive.extractall(work, filter="data")  # refuses absolute paths and ../ escapes
        _load(engine, kind, Path(work) / DUMPS[kind])
        if manifest.media_files:
            if not media_root:
                raise BackupError("the backup holds photos; set MEDIA_ROOT to restore them")
            shutil.copytree(Path(work) / MEDIA, media_root, dirs_exist_ok=True)
    found = table_counts(engine)
    if found != manifest.counts:
        differ = sorted(name for name in set(found) | set(manifest.counts)
                        if found.get(name) != manifest.counts.get(name))
        raise BackupError(f"restored row counts differ from the backup's in: {', '.join(differ)}")
    return manifest
