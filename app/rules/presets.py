"""Decision rules as named presets in data (`consultation_templates/rules/*.yaml`).

A city adds its own rules by adding a file; each is validated at load time, and
thresholds are written as exact fractions ("3/4"), never floats.
"""
from pathlib import Path

from marshmallow import ValidationError, fields, post_load, validate, validates_schema

from app.rules.data import DataFileError, load_file, yaml_files
from app.rules.engine import COMPARISONS, Rule, Threshold, parse_fraction
from app.schemas import BaseSchema

KEY_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"


class FractionField(fields.Field):
    """'2/3' in data, Fraction in Python; floats are refused."""

    default_error_messages = {"invalid": "must be an exact fraction between 0 and 1, e.g. \"2/3\""}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.make_error("invalid")
        try:
            return parse_fraction(value)
        except (ValueError, ZeroDivisionError) as error:
            raise self.make_error("invalid") from error


class ThresholdSchema(BaseSchema):
    owners = FractionField(load_default=None, allow_none=True)
    area = FractionField(load_default=None, allow_none=True)
    comparison = fields.String(required=True, validate=validate.OneOf(COMPARISONS))

    @validates_schema
    def _some_measure(self, data, **kwargs):
        if data.get("owners") is None and data.get("area") is None:
            raise ValidationError("a threshold needs owners or area", "owners")

    @post_load
    def _make(self, data, **kwargs):
        return Threshold(**data)


class RuleSchema(BaseSchema):
    key = fields.String(required=True, validate=validate.Regexp(KEY_PATTERN))
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    #: the legal basis, shown to committees
    basis = fields.String(load_default=None)
    participation = fields.Nested(ThresholdSchema, load_default=None, allow_none=True)
    approval = fields.Nested(ThresholdSchema, load_default=None, allow_none=True)
    #: 询异公示: days owners may dispute how their flat is recorded before the final 公示
    objection_days = fields.Integer(strict=True, load_default=0, validate=validate.Range(min=0, max=60))

    @post_load
    def _make(self, data, **kwargs):
        data.pop("basis", None)
        return Rule(**data)


class RuleFileSchema(BaseSchema):
    rules = fields.List(fields.Nested(RuleSchema), required=True, validate=validate.Length(min=1))


def load_rules(directory: Path) -> dict[str, Rule]:
    """Every rule of every file in the folder, by key; a key defined twice is an error."""
    rules: dict[str, Rule] = {}
    for path in yaml_files(directory):
        for rule in load_file(path, RuleFileSchema())["rules"]:
            if rule.key in rules:
                raise DataFileError(f"{path}: rules.key: rule {rule.key!r} is defined twice")
            rules[rule.key] = rule
    return rules


REQUIRED_RULES = ("civil_code_278_special", "civil_code_278_ordinary", "simple_majority", "none")


def check_required(rules: dict[str, Rule], directory: Path) -> None:
    absent = [key for key in REQUIRED_RULES if key not in rules]
    if absent:
        raise DataFileError(f"{directory}: rules.key: missing required rules {absent}")


__all__ = ["load_rules", "check_required", "REQUIRED_RULES"]
