"""共治: the resident participation backend for old-estate renovation."""
import importlib
import logging

from flask import Flask

from app.config import Config, normalize_database_url
from app.errors import register_error_handlers
from app.extensions import api, db, limiter, migrate

# One package per domain; each exposes init_app(app) that registers its routes,
# CLI commands and signal listeners. Order matters only for listeners.
DOMAINS = (
    "auth",
    "estates",
    "audit",
    "demo",
)


def create_app(config: object | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config or Config())
    app.config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"])
    app.json.ensure_ascii = False
    logging.basicConfig(level=logging.INFO)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Config.MIGRATIONS_DIR), render_as_batch=True)
    api.init_app(app)
    limiter.init_app(app)
    register_error_handlers(app)
    for name in DOMAINS:
        importlib.import_module(f"app.{name}").init_app(app)
    return app
