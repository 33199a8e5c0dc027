"""The sunlight standard a window must meet (GB 50180-2018 §4.0.9), read from standards.yaml.

The file is validated when first loaded; a wrong file stops with the field named.
"""
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from marshmallow import Schema, ValidationError, fields, validate

PATH = Path(__file__).with_name("standards.yaml")
ZONES = ("I", "II", "III", "IV", "V", "VI", "VII")
USES = ("home", "elderly", "new_home")
DAYS = ("dahan", "dongzhi")


class _Requirement(Schema):
    day = fields.String(required=True, validate=validate.OneOf(DAYS))
    hours = fields.Integer(required=True, validate=validate.Range(min=1, max=8))


class _Zone(Schema):
    large = fields.Nested(_Requirement, required=True)
    small = fields.Nested(_Requirement, required=True)


class _Use(Schema):
    label = fields.String(required=True)
    day = fields.String(validate=validate.OneOf(DAYS))
    hours = fields.Integer(validate=validate.Range(min=1, max=8))


class _Standards(Schema):
    source = fields.String(required=True)
    zones = fields.Dict(keys=fields.String(validate=validate.OneOf(ZONES)),
                        values=fields.Nested(_Zone), required=True)
    uses = fields.Dict(keys=fields.String(validate=validate.OneOf(USES)),
                       values=fields.Nested(_Use), required=True)
    exempt_kinds = fields.List(fields.String(), required=True)


@dataclass(frozen=True)
class Requirement:
    """A window needs `minutes` of sun on `day` ("dahan" or "dongzhi")."""

    day: str
    minutes: int
    label: str


@lru_cache(maxsize=1)
def load(path: Path = PATH) -> dict:
    try:
        data = _Standards().load(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as error:
        raise RuntimeError(f"{path}: {error.messages}") from error
    missing = set(ZONES) - set(data["zones"]) or set(USES) - set(data["uses"])
    if missing:
        raise RuntimeError(f"{path}: missing {sorted(missing)}")
    return data


def requirement(climate_zone: str, large_city: bool, use: str = "home") -> Requirement:
    data = load()
    spec = data["uses"][use]
    if "day" in spec:
        return Requirement(spec["day"], spec["hours"] * 60, spec["label"])
    zone = data["zones"][climate_zone]["large" if large_city else "small"]
    return Requirement(zone["day"], zone["hours"] * 60, spec["label"])


def exempt(kinds: list[str]) -> bool:
    """Every proposed structure is of an exempt kind (elevators): §4.0.9 item 2 does not bind."""
    return bool(kinds) and all(kind in load()["exempt_kinds"] for kind in kinds)
