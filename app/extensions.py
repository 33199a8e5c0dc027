"""Extensions, created unbound here and bound in create_app."""
import functools
import json
import threading

from flask import current_app, g
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_smorest import Api
from flask_smorest.arguments import ArgumentsMixin
from flask_sqlalchemy import SQLAlchemy
from webargs.flaskparser import FlaskParser
from werkzeug.routing import IntegerConverter

from app.db import Base
from app.schemas import INT_MAX, ErrorSchema
from app.unit_of_work import UnitSession

db = SQLAlchemy(model_class=Base, session_options={"class_": UnitSession})
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


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: an id fits PostgreSQL's INTEGER, so a larger number in a
    path answers 404 (no such object) instead of overflowing in the database (500)."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=INT_MAX, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def id_parameter_schema(converter: IdConverter) -> dict:
    schema = {"type": "integer", "minimum": converter.min if converter.min is not None else 0}
    if converter.max is not None:
        schema["maximum"] = converter.max
    return schema


class BodyParser(FlaskParser):
    """webargs' parser, answering 400 (unreadable body) for JSON the json module gives up
    on without a JSONDecodeError: deep nesting (RecursionError; 50,000 brackets) and
    integers past Python's int-str digit limit (ValueError)."""

    def _get_schema(self, argmap, req):
        """One instance per schema class, made at its first request: webargs makes a new one
        on every request (a fifth of a millisecond for a ballot's), and loading keeps no state
        in the instance."""
        if isinstance(argmap, type):
            return _schema_instance(argmap)
        return super()._get_schema(argmap, req)

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise
        except (RecursionError, ValueError) as error:
            self._handle_invalid_json_error(error, req)


@functools.cache
def _schema_instance(schema_class):
    return schema_class()


# every @blp.arguments of every blueprint parses request bodies through it
ArgumentsMixin.ARGUMENTS_PARSER = BodyParser()


class GongzhiApi(Api):
    """flask-smorest, documenting our one error shape ({"error": {code, message, fields}})
    as the `default` and 422 responses of every operation, and bounded path ids.

    A blueprint's routes are added at once; its operations are written into the OpenAPI
    document when the document is first read (/api/v1/openapi.json, `flask openapi`),
    in the order the blueprints were registered. Describing ~200 operations was about a
    fifth of building an app, paid by every server process and CLI command that never
    serves the document."""

    ERROR_SCHEMA = ErrorSchema

    def __init__(self, *args, **kwargs):
        self._spec = None
        self._undocumented = []  # (blueprint, app, name, parameters) not yet in the document
        self._documenting = threading.RLock()
        super().__init__(*args, **kwargs)

    @property
    def spec(self):
        """The OpenAPI document (apispec.APISpec), with every registered blueprint in it."""
        if self._undocumented:
            with self._documenting:
                while self._undocumented:
                    blp, app, name, parameters = self._undocumented.pop(0)
                    blp.register_views_in_doc(self, app, self._spec, name=name,
                                              parameters=parameters)
                    self._spec.tag({"name": name, "description": blp.description})
        return self._spec

    @spec.setter
    def spec(self, document):
        """A new document (a new app): blueprints registered for an earlier one are not in it."""
        self._spec = document
        self._undocumented = []

    def init_app(self, app, *args, **kwargs):
        app.url_map.converters["int"] = IdConverter  # before any blueprint adds its rules
        super().init_app(app, *args, **kwargs)
        self._register_converter(IdConverter, id_parameter_schema)

    def register_blueprint(self, blp, *, parameters=None, **options):
        """As flask-smorest's, with the blueprint's operations documented on first read."""
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        self._undocumented.append((blp, self._app, name, parameters))


api = GongzhiApi()
