"""City figures as data, validated at load time: 公示 periods (`<TEMPLATES_DIR>/rules/periods/`)
and the street's ranking weights (`rules/ranking/`).

Every period that counts days (a renovation plan's 公示, an elevator plan's 公示) is read
from here by its name, so a city changes a period in one file, never in code.
"""
from pathlib import Path

from marshmallow import fields, validate

from app.rules.data import DataFileError, load_file, yaml_files
from app.schemas import BaseSchema

#: the periods the code reads, by name
PERIODS = ("renovation_plan", "elevator_plan")


class PeriodsSchema(BaseSchema):
    publicity_days = fields.Dict(
        keys=fields.String(validate=validate.OneOf(PERIODS)),
        values=fields.Integer(strict=True, validate=validate.Range(min=1, max=365)), required=True)


def load_periods(directory: Path) -> dict[str, int]:
    """{period name: days} from every file of the folder; every period must be given once."""
    days: dict[str, int] = {}
    for path in yaml_files(directory):
        for name, value in load_file(path, PeriodsSchema())["publicity_days"].items():
            if name in days:
                raise DataFileError(f"{path}: publicity_days.{name}: given twice")
            days[name] = value
    absent = [name for name in PERIODS if name not in days]
    if absent:
        raise DataFileError(f"{directory}: publicity_days: missing {absent}")
    return days


#: the factors of the street's priority ranking (app/staff)
RANKING_FACTORS = ("age", "willingness", "participation")


class RankingSchema(BaseSchema):
    weights = fields.Dict(keys=fields.String(validate=validate.OneOf(RANKING_FACTORS)),
                          values=fields.Integer(strict=True, validate=validate.Range(min=0, max=100)),
                          required=True)


def load_ranking_weights(directory: Path) -> dict[str, int]:
    """{factor: points} for the ranking; every factor given, in one file."""
    files = yaml_files(directory)
    if len(files) != 1:
        raise DataFileError(f"{directory}: weights: one file expected, found {len(files)}")
    weights = load_file(files[0], RankingSchema())["weights"]
    absent = [name for name in RANKING_FACTORS if name not in weights]
    if absent:
        raise DataFileError(f"{files[0]}: weights: missing {absent}")
    return weights
