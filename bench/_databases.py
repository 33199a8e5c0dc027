"""Scratch databases for benchmarks: a migrated SQLite file, and PostgreSQL when reachable."""
import contextlib
import os
import tempfile
import uuid

PG_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def scratch_app(backend: str, **config):
    """An app bound to a fresh, migrated database of that backend; dropped afterwards."""
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
        app = create_app(type("BenchConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url, **config}))
        try:
            with app.app_context():
                upgrade()
                yield app
                db.session.remove()
                db.engine.dispose()
        finally:
            if name:
                with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def backends() -> list[str]:
    """SQLite always; PostgreSQL when the server answers."""
    import psycopg

    try:
        psycopg.connect(PG_ADMIN_URL, connect_timeout=2).close()
    except psycopg.OperationalError:
        return ["sqlite"]
    return ["sqlite", "postgresql"]
