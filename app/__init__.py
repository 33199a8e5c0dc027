"""共治: the resident participation backend for old-estate renovation."""
import importlib
import pkgutil

from flask import Flask

from app.config import Config, check_public_base_url, check_secret_key, normalize_database_url, redis_options
from app.db import ping_idle_connections
from app.display import cents_yuan
from app.errors import register_error_handlers
from app.extensions import api, db, limiter, migrate
from app.logs import configure_logging
from app import unit_of_work



def domain_packages() -> list[str]:
    """Every package under app/, sorted by name for a stable order.

    `create_app` initialises those whose root has an `init_app(app)` (one per domain):
    each registers its own routes, CLI commands and signal listeners, so adding a
    domain never touches this file.
    """
    import app as package

    return sorted(info.name for info in pkgutil.iter_modules(package.__path__) if info.ispkg)


def create_app(config: object | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config or Config())
    app.config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "pool_size": app.config["DB_POOL_SIZE"], "max_overflow": app.config["DB_POOL_OVERFLOW"],
            # the connection given back last goes out first: after a burst, a quieter spell
            # keeps reusing a few warm ones (no ping, app.db) while the rest stay idle
            "pool_use_lifo": True,
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"]}
    check_secret_key(app.config)
    check_public_base_url(app.config)
    app.json.ensure_ascii = False
    configure_logging(app)  # first: every later before_request's log line has the request id

    db.init_app(app)
    with app.app_context():
        for engine in db.engines.values():
            ping_idle_connections(engine)
    migrate.init_app(app, db, directory=str(Config.MIGRATIONS_DIR), render_as_batch=True)
    api.init_app(app)
    if app.config.get("REDIS_URL") and app.config.get("RATELIMIT_STORAGE_URI") == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]  # shared by every process
    if app.config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):
        app.config["RATELIMIT_STORAGE_OPTIONS"] = {
            **redis_options(app.config), **app.config.get("RATELIMIT_STORAGE_OPTIONS", {})}
    limiter.init_app(app)
    register_error_handlers(app)
    unit_of_work.init_app(app)  # a request is one unit of work
    app.add_template_filter(cents_yuan)  # money on every page: exact, from integer cents
    for name in domain_packages():
        module = importlib.import_module(f"app.{name}")
        if hasattr(module, "init_app"):
            module.init_app(app)
    return app
