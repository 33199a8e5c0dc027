"""Extensions, created unbound here and bound in create_app."""
from flask import current_app, g
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy

from app.db import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
limiter = Limiter(key_func=get_remote_address)


def user_or_address() -> str:
    """Rate-limit key: the signed-in person, else the client address.

    Per person where a login exists, so neighbours behind one community Wi-Fi
    do not use up each other's allowance.
    """
    user = g.get("user")
    return f"user:{user.id}" if user is not None else f"ip:{get_remote_address()}"


def limit_from_config(setting: str, *, per_user: bool = False, methods=("POST",)):
    """A Flask-Limiter decorator whose rate is read from config[setting] at request time."""
    return limiter.limit(lambda: current_app.config[setting], methods=list(methods),
                         key_func=user_or_address if per_user else None)


api = Api()
