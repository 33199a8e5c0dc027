"""`flask backup create` / `restore`, run as an operator runs them, on the demo estate:
a restore into a new, empty database gives back every row, the same results, photos,
and an audit log that verifies."""
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import create_engine

from app.backup.api import table_counts
from tests.conftest import PG_ADMIN_URL, _pg_url
from tests.live import ROOT, run_flask, server_env


def _empty_database(backend, databases, tmp_path) -> str:
    """A new database with nothing in it, not even the schema."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite'}"
    name = f"{databases.run_id}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    databases.created.append(name)
    return _pg_url(name)


def _flask(env: dict, *args) -> subprocess.CompletedProcess:
    flask = Path(sys.executable).with_name("flask")
    return subprocess.run([str(flask), *args], cwd=ROOT, capture_output=True, text=True,
                          env={**env, "FLASK_APP": "wsgi.py"})


def _results(url: str) -> dict[int, str]:
    """Every consultation's explained result, read through the app's own counting."""
    from app import create_app
    from app.consultations.api import Consultation
    from app.consultations.api import explain
    from app.consultations.api import results
    from app.extensions import db
    from tests.conftest import make_config

    app = create_app(make_config(url))
    with app.app_context():
        try:
            return {c.id: explain(results(c)) for c in db.session.scalars(
                db.select(Consultation).order_by(Consultation.id))}
        finally:
            db.session.remove()
            db.engine.dispose()


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        return table_counts(engine)
    finally:
        engine.dispose()


def test_a_backup_restores_into_an_empty_database(backend, databases, tmp_path):
    source = databases.clone(backend)
    run_flask(server_env(source, "http://127.0.0.1"), "demo", "load", "--activity")
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    (media / "posts" / "7").mkdir(parents=True)
    photo = bytes(range(256)) * 40
    (media / "posts" / "7" / "a.jpg").write_bytes(photo)
    archive = tmp_path / "backups" / "nightly.tar.gz"
    before_counts, before_results = _counts(source), _results(source)
    assert before_counts["ballots"] > 0 and before_counts["audit_entries"] > 0 and before_results

    made = run_flask(server_env(source, "http://127.0.0.1", MEDIA_ROOT=media),
                     "backup", "create", "--output", str(archive))
    assert str(archive) in made and "1 photos" in made and archive.is_file()

    target = _empty_database(backend, databases, tmp_path)
    target_env = server_env(target, "http://127.0.0.1", MEDIA_ROOT=restored_media)
    restored = run_flask(target_env, "backup", "restore", str(archive))
    assert "every table's row count matches" in restored

    assert _counts(target) == before_counts
    assert _results(target) == before_results
    assert (restored_media / "posts" / "7" / "a.jpg").read_bytes() == photo
    verified = _flask(target_env, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK" in verified.stdout and "BROKEN" not in verified.stdout


def test_restore_refuses_a_database_that_holds_data(backend, databases, tmp_path):
    source = databases.demo(backend)
    archive = tmp_path / "b.tar.gz"
    env = server_env(source, "http://127.0.0.1", MEDIA_ROOT=tmp_path / "media")
    run_flask(env, "backup", "create", "--output", str(archive))
    before = _counts(source)
    refused = _flask(env, "backup", "restore", str(archive))
    assert refused.returncode != 0 and "new, empty database" in refused.stderr
    assert _counts(source) == before


def test_restore_refuses_another_database_kind_and_other_files(databases, tmp_path):
    archive = tmp_path / "b.tar.gz"
    run_flask(server_env(databases.demo("sqlite"), "http://127.0.0.1"),
              "backup", "create", "--output", str(archive))
    into_pg = _flask(server_env(_empty_database("postgresql", databases, tmp_path),
                                "http://127.0.0.1"), "backup", "restore", str(archive))
    assert into_pg.returncode != 0 and "holds a sqlite database" in into_pg.stderr
    stranger = tmp_path / "x.tar.gz"
    with tarfile.open(stranger, "w:gz") as tar:
        tar.add(__file__, "notes.py")
    refused = _flask(server_env(_empty_database("sqlite", databases, tmp_path),
                                "http://127.0.0.1"), "backup", "restore", str(stranger))
    assert refused.returncode != 0 and "no manifest.json" in refused.stderr
