"""Fixtures: every database test runs on SQLite and on PostgreSQL.

The schema is built once per run by the real migrations. SQLite tests get a copy
of a migrated template file; PostgreSQL tests share one database made for this
run (a unique name, dropped at the end) and empty it after each test. A test process
keeps its app from one test to the next while the settings stay the same (`AppCache`).
Servers started in a subprocess get their own clone (`clone_database`), dropped once
their test is over.
"""
import copy
import os
import queue
import shutil
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from app import create_app
from app.config import TestConfig

PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def pytest_addoption(parser):
    parser.addoption("--db", default="both", choices=("both",) + BACKENDS,
                     help="which database the database tests run on")


def pytest_configure(config):
    """The run's start, inherited by the pytest-xdist workers (they are started after this):
    a screenshot a journey already took in this run on the other database is not taken again
    (tests/web/conftest.py `screenshot`)."""
    if not hasattr(config, "workerinput"):
        os.environ["GZ_TEST_RUN_STARTED"] = str(time.time())


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("--db")
        backends = BACKENDS if chosen == "both" else (chosen,)
        metafunc.parametrize("backend", backends, scope="session")


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make test`), the tests of a module that builds something once per
    module and backend (a World of the security tests, a fake outside server) stay in one
    process, so it is built as often as in a plain run, not once in every process
    (`--dist loadgroup`)."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        if fixtures and any(d.scope == "module" for defs in fixtures.name2fixturedefs.values()
                            for d in defs):
            backend = getattr(item, "callspec", None) and item.callspec.params.get("backend")
            item.add_marker(pytest.mark.xdist_group(f"{item.nodeid.split('::')[0]}-{backend}"))


def _pg_url(dbname: str) -> str:
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    return f"{base}/{dbname}".replace("postgresql://", "postgresql+psycopg://", 1)


def _pg_admin():
    return psycopg.connect(PG_ADMIN_URL, autocommit=True)


def migrate(url: str) -> None:
    from flask_migrate import upgrade

    app = create_app(type("MigrateConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()


class Databases:
    """The migrated templates of this run, and clones of them."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.run_id = f"gz_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.sqlite_template = None
        self.pg_template = None
        self.pg_shared = None
        self.demo_templates = {}
        self.created = []
        self.released = queue.Queue()
        self.dropper = None

    def sqlite(self) -> Path:
        if self.sqlite_template is None:
            self.sqlite_template = self.tmp / "template.sqlite"
            migrate(f"sqlite:///{self.sqlite_template}")
        return self.sqlite_template

    def postgresql_template(self) -> str:
        if self.pg_template is None:
            name = f"{self.run_id}_template"
            with _pg_admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            self.created.append(name)
            migrate(_pg_url(name))
            self.pg_template = name
        return self.pg_template

    def clone(self, backend: str, template_url: str | None = None) -> str:
        """A new database with the migrated schema (or a copy of `template_url`); its URL."""
        if backend == "sqlite":
            path = self.tmp / f"{uuid.uuid4().hex}.sqlite"
            shutil.copy(template_url.removeprefix("sqlite:///") if template_url else self.sqlite(), path)
            return f"sqlite:///{path}"
        template = template_url.rsplit("/", 1)[1] if template_url else self.postgresql_template()
        name = f"{self.run_id}_{uuid.uuid4().hex[:8]}"
        with _pg_admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.created.append(name)
        return _pg_url(name)

    def demo(self, backend: str) -> str:
        """A new database holding the demo estate. `flask demo load` (as an operator runs
        it, with a test server's environment) fills a template once per backend and test
        process; each caller gets its own copy, as if it had run the command itself."""
        if backend not in self.demo_templates:
            from tests.live import run_flask, server_env

            url = self.clone(backend)
            run_flask(server_env(url, "http://127.0.0.1"), "demo", "load")
            self.demo_templates[backend] = url
        return self.clone(backend, self.demo_templates[backend])

    def shared_postgresql(self) -> str:
        if self.pg_shared is None:
            self.pg_shared = self.clone("postgresql")
        return self.pg_shared

    def release(self, url: str) -> None:
        """A server's database that no test will open again (its test is over) is dropped
        now, by a thread of its own: each DROP DATABASE waits for a checkpoint (seconds
        while other tests write), which then overlaps the next tests instead of piling
        up at the end of the run. The templates and the shared database stay to the end."""
        name = url.rsplit("/", 1)[1] if url.startswith("postgresql") else None
        kept = {self.pg_template, self.pg_shared,
                *(template.rsplit("/", 1)[1] for template in self.demo_templates.values())}
        if name is None or name not in self.created or name in kept:
            return
        self.created.remove(name)
        if self.dropper is None:
            self.dropper = threading.Thread(target=self._drop_released, daemon=True)
            self.dropper.start()
        self.released.put(name)

    def _drop_released(self):
        done = False
        while not done:
            names = [self.released.get()]
            while not self.released.empty():
                names.append(self.released.get())
            done = None in names
            names = [name for name in names if name is not None]
            with ThreadPoolExecutor(max_workers=max(1, len(names))) as pool:
                for name, error in zip(names, pool.map(_drop_quietly, names)):
                    if error is not None:
                        self.created.append(name)  # drop_all tries again, and says why

    def drop_all(self):
        """Drop what is left at once, each database from a connection of its own: DROP
        DATABASEs waiting together are served by one checkpoint, one after the other each
        by its own."""
        if self.dropper is not None:
            self.released.put(None)
            self.dropper.join()
        with ThreadPoolExecutor(max_workers=max(1, len(self.created))) as pool:
            list(pool.map(_drop_alone, self.created))


def _drop_alone(name: str) -> None:
    with _pg_admin() as conn:
        _drop(conn, name)


def _drop_quietly(name: str) -> Exception | None:
    try:
        _drop_alone(name)
    except psycopg.Error as error:
        return error
    return None


def _drop(conn, name: str) -> None:
    conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                 (name,))
    conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def clone_database(databases):
    return databases.clone


def make_config(url: str, **overrides):
    return type("TestRunConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url, **overrides})


@pytest.fixture
def config_overrides():
    """Override in a test module to change settings for its app."""
    return {}


#: settings whose app holds state beyond the database (limiter counters, metrics, a
#: Redis client, a media store): a test that overrides one gets an app of its own
STATEFUL_SETTINGS = ("RATELIMIT_", "METRICS_", "REDIS_", "MEDIA_", "S3_")


class AppCache:
    """One app per test process for the settings the last test used, reused by the next
    test with the same backend and settings (building an app takes about a third of a
    second of CPU, most of a short test). Between tests everything an app holds is put
    back as it was built: its settings, the extensions made on first use, its realtime
    marks, and its database (SQLite: a fresh copy of the migrated template; PostgreSQL:
    the shared database, truncated). A test with stateful settings (STATEFUL_SETTINGS),
    or after another app was built in this process (the API spec and the rate limiter are
    module-level objects that follow the last app built), gets a new app."""

    def __init__(self):
        self.key = None
        self.app = None
        self.settings = None
        self.extensions = None
        self.sqlite_path = None
        self.storage = None

    def reusable(self, key) -> bool:
        from app.extensions import api, limiter

        return (self.app is not None and self.key == key and api._app is self.app
                and getattr(limiter, "_storage", None) is self.storage)

    def get(self, backend, databases, overrides: dict, read_aloud_dir: str):
        from app.extensions import limiter

        key = (backend, repr(sorted(overrides.items())))
        cacheable = not any(name.startswith(STATEFUL_SETTINGS) for name in overrides)
        if cacheable and self.reusable(key):
            application = self.app
            if backend == "sqlite":
                fresh = self.sqlite_path.with_name(f".{self.sqlite_path.name}.next")
                shutil.copy(databases.sqlite(), fresh)
                os.replace(fresh, self.sqlite_path)
            application.config.clear()
            application.config.update(copy.deepcopy(self.settings))
            for name in set(application.extensions) - self.extensions:
                del application.extensions[name]
            live = application.extensions.get("realtime")
            if live is not None and type(live.tallies.marks).__name__ == "MemoryMarks":
                live.tallies.marks = type(live.tallies.marks)()
        else:
            if backend == "sqlite":
                url = databases.clone("sqlite")
                path = Path(url.removeprefix("sqlite:///"))
            else:
                url, path = databases.shared_postgresql(), None
            application = create_app(make_config(url, **overrides))
            if not cacheable:
                self.key = self.app = None
                return self.with_read_aloud_dir(application, overrides, read_aloud_dir)
            self.key, self.app, self.sqlite_path = key, application, path
            self.storage = getattr(limiter, "_storage", None)
            self.settings = copy.deepcopy(dict(application.config))
            self.extensions = set(application.extensions)
        return self.with_read_aloud_dir(application, overrides, read_aloud_dir)

    @staticmethod
    def with_read_aloud_dir(application, overrides: dict, read_aloud_dir: str):
        """Spoken pages are cached by their text: each test starts with an empty cache."""
        if "READ_ALOUD_CACHE_DIR" not in overrides:
            application.config["READ_ALOUD_CACHE_DIR"] = read_aloud_dir
        return application


_apps = AppCache()


@pytest.fixture
def app(backend, databases, config_overrides, tmp_path):
    application = _apps.get(backend, databases, config_overrides, str(tmp_path / "read-aloud"))
    from app.extensions import db

    with application.app_context():
        yield application
        db.session.remove()
        if backend == "postgresql":
            with db.engine.begin() as conn:
                conn.exec_driver_sql(empty_postgresql(db.metadata))
        db.engine.dispose()


def empty_postgresql(metadata) -> str:
    """SQL that empties every table of the models and restarts every sequence: the database
    as migrated, for the next test. The audit tables refuse DELETE and TRUNCATE (migration
    0004): the test database's superuser switches triggers off for this transaction only,
    which also switches off the foreign keys, so the order of the tables does not matter.
    DELETE, as tests leave a handful of rows: TRUNCATE makes new files for all the tables
    (measured on a busy two-core machine: 1.7–2.0 s a test, these DELETEs 0.01–0.05 s)."""
    return ";\n".join([
        "SET LOCAL session_replication_role = replica",
        *(f'DELETE FROM "{table.name}"' for table in metadata.sorted_tables),
        "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename), start_value,"
        " false) FROM pg_sequences WHERE schemaname = current_schema()"])


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def start_server(databases):
    """Factory: start_server(backend, database_url=None, **env) -> a running LiveServer."""
    from tests.live import LiveServer

    servers = []

    def start(backend="sqlite", database_url=None, **env):
        server = LiveServer(database_url or databases.clone(backend), **env).start()
        servers.append(server)
        return server

    yield start
    # The test is over: no request of it is left to finish, and a gevent worker told to stop
    # waits out the whole graceful timeout (2 s) before its master kills it anyway.
    for server in servers:
        server.kill()
        server.stop()
    for url in dict.fromkeys(server.database_url for server in servers):
        databases.release(url)


# --- a small estate with its committee and one owner, for tests that need no more ---

@pytest.fixture
def estate(app):
    from tests.factories import make_estate

    return make_estate()


@pytest.fixture
def committee(estate):
    from tests.factories import make_user

    return make_user(roles=[("committee", estate.id)])


@pytest.fixture
def owner(estate):
    from tests.factories import flats_of, make_owner

    return make_owner(flats_of(estate.id)[0])
