"""Scratch databases for benchmarks: a migrated SQLite file, and PostgreSQL when reachable."""
import contextlib
import os
import tempfile
import uuid

PG_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def scratch_database(backend: str):
    """The URL of a fresh, migrated database of that backend; dropped afterwards."""
    import psycopg
    from flask_migrate import upgrade

    from app import create_app
    from app.config import TestConfig
    from app.extensions import db

    name = None
    with tempfile.TemporaryDirectory() as tmp:
        if backend == "sqlite":
            url = f"sqlite:///{tmp}/bench.sqlite"
        else:
            name = f"gz_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
        try:
            app = create_app(type("MigrateConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
            with app.app_context():
                upgrade()
                db.engine.dispose()
            yield url
        finally:
            if name:
                with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = %s", (name,))
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextlib.contextmanager
def scratch_app(backend: str, **config):
    """An app bound to a fresh, migrated database of that backend; dropped afterwards."""
    from app import create_app
    from app.config import TestConfig
    from app.extensions import db

    with scratch_database(backend) as url:
        app = create_app(type("BenchConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url, **config}))
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


def backends() -> list[str]:
    """SQLite always; PostgreSQL when the server answers."""
    import psycopg

    try:
        psycopg.connect(PG_ADMIN_URL, connect_timeout=2).close()
    except psycopg.OperationalError:
        return ["sqlite"]
    return ["sqlite", "postgresql"]


@contextlib.contextmanager
def live_server(seed, backend: str | None = None, **env):
    """Seeds a scratch database with `seed()` (run in an app context; its return value is
    passed on) and serves it from a real gunicorn + gevent process: yields (url, seeded)."""
    from tests.live import TEST_SECRET, LiveServer

    backend = backend or backends()[-1]
    with scratch_app(backend, SECRET_KEY=TEST_SECRET) as app:
        seeded = seed()
        server = LiveServer(app.config["SQLALCHEMY_DATABASE_URI"], **env).start()
        try:
            yield server.url, seeded
        finally:
            server.stop()


def committee_token(estate_id: int, phone: str = "13800000009") -> str:
    """An access token of a committee member of the estate (created if needed), who has
    agreed to the processing rules as at a first login (else the consent gate answers 403)."""
    from app.auth.api import Role
    from app.auth.api import get_or_create_user, grant_role
    from app.auth.api import issue
    from app.extensions import db
    from tests.factories import agree_to_rules

    user = get_or_create_user(phone)
    agree_to_rules(user)
    grant_role(user, Role.committee, estate_id)
    db.session.commit()
    return issue(user, "access")


def analyze(engine) -> None:
    """Fresh planner statistics after a bulk load, as autovacuum leaves them a minute later;
    without them PostgreSQL guesses one row per table and nests loops over thousands."""
    from sqlalchemy import text

    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
