"""The green-community criteria as data (criteria.yaml or a city's copy), loaded once."""
import functools
from pathlib import Path

from marshmallow import validates_schema, ValidationError

from app.rules.api import load_file
from app.schemas import BaseSchema, fields, validate

DEFAULT_FILE = Path(__file__).with_name("criteria.yaml")
KEY = validate.Regexp(r"^[a-z][a-z0-9_]{0,39}$")


class ItemSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    text = fields.String(required=True, validate=validate.Length(min=1, max=200))


class AreaSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    items = fields.List(fields.Nested(ItemSchema), required=True, validate=validate.Length(min=1))


class CriteriaSchema(BaseSchema):
    areas = fields.List(fields.Nested(AreaSchema), required=True, validate=validate.Length(min=1))

    @validates_schema
    def _keys_once(self, data, **kwargs):
        keys = [item["key"] for area in data["areas"] for item in area["items"]]
        if len(keys) != len(set(keys)):
            raise ValidationError("每一项的 key 只能用一次", "areas")


@functools.lru_cache(maxsize=4)
def criteria(path: str = "") -> list[dict]:
    """The areas with their items; a broken file stops the start naming file and field."""
    return load_file(Path(path) if path else DEFAULT_FILE, CriteriaSchema())["areas"]


def item_keys(path: str = "") -> set[str]:
    return {item["key"] for area in criteria(path) for item in area["items"]}
