"""Input and output shapes of the sunlight routes (API.md, Sunlight)."""
from datetime import date

from marshmallow import ValidationError, validates_schema

from app.schemas import BaseSchema, fields, validate
from app.sunlight import messages, solar
from app.sunlight.standards import USES, ZONES

MAX_BUILDINGS, MAX_PROPOSED, MAX_WINDOWS = 50, 10, 500
#: footprint points of all buildings and proposed structures together
MAX_VERTICES = 1000
#: windows × footprint points × time steps of the day: what an analysis costs (1 亿 takes
#: about a second on one core); the helper's time limit (SUNLIGHT_TIME_LIMIT_S) is the backstop
MAX_WORK = 100_000_000
COORDINATE = validate.Range(min=-5000, max=5000, error=messages.COORDINATE)


def _day(value: str) -> None:
    if value in messages.DAY_LABELS:
        return
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(messages.DAY) from None
    if not 1900 <= day.year <= 2100:
        raise ValidationError(messages.DAY)


def Point():  # noqa: N802 - reads like a field class
    return fields.List(fields.Float(validate=COORDINATE), validate=validate.Length(
        equal=2, error=messages.POINT))


class BuildingInSchema(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=40))
    footprint = fields.List(Point(), required=True, validate=validate.Length(
        min=3, max=64, error=messages.FOOTPRINT_POINTS))
    height_m = fields.Float(required=True, validate=validate.Range(
        min=0, min_inclusive=False, max=300, error=messages.HEIGHT))


class ProposedInSchema(BuildingInSchema):
    kind = fields.String(load_default="other", validate=validate.OneOf(("elevator", "other")))


class WindowInSchema(BaseSchema):
    flat_id = fields.Integer(load_default=None, allow_none=True)
    label = fields.String(required=True, validate=validate.Length(min=1, max=40))
    x = fields.Float(required=True, validate=COORDINATE)
    y = fields.Float(required=True, validate=COORDINATE)
    z = fields.Float(required=True, validate=validate.Range(min=0, max=300, error=messages.SILL))
    facing_deg = fields.Float(required=True, validate=validate.Range(
        min=0, max=360, max_inclusive=False, error=messages.FACING))
    #: which row of GB 50180 §4.0.9 applies: home (the table), elderly, new_home (旧区改建)
    use = fields.String(load_default="home", validate=validate.OneOf(USES))


class SunlightInSchema(BaseSchema):
    latitude = fields.Float(required=True, validate=validate.Range(min=3, max=54, error=messages.LATITUDE))
    longitude = fields.Float(required=True, validate=validate.Range(
        min=73, max=136, error=messages.LONGITUDE))
    day = fields.String(required=True, validate=_day)
    buildings = fields.List(fields.Nested(BuildingInSchema), load_default=list, validate=validate.Length(
        max=MAX_BUILDINGS, error=messages.TOO_MANY_BUILDINGS))
    proposed = fields.List(fields.Nested(ProposedInSchema), required=True, validate=[
        validate.Length(min=1, error=messages.NO_PROPOSED),
        validate.Length(max=MAX_PROPOSED, error=messages.TOO_MANY_PROPOSED)])
    windows = fields.List(fields.Nested(WindowInSchema), required=True, validate=[
        validate.Length(min=1, error=messages.NO_WINDOWS),
        validate.Length(max=MAX_WINDOWS, error=messages.TOO_MANY_WINDOWS)])
    step_minutes = fields.Integer(strict=True, load_default=1, validate=validate.Range(
        min=1, max=10, error=messages.STEP))
    #: None: the SUNLIGHT_MIN_STRETCH_MINUTES setting (0 by default)
    min_stretch_minutes = fields.Integer(strict=True, load_default=None, allow_none=True,
                                         validate=validate.Range(min=0, max=120, error=messages.MIN_STRETCH))
    #: building climate zone (GB 50178) and city size; None: the SUNLIGHT_* settings
    climate_zone = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(ZONES))
    large_city = fields.Boolean(load_default=None, allow_none=True)
    case_id = fields.Integer(load_default=None, allow_none=True)
    elevator_project_id = fields.Integer(load_default=None, allow_none=True)

    @validates_schema
    def _bounded(self, data, **kwargs):
        """What the analysis costs is bounded before it starts, the limit named."""
        points = sum(len(b["footprint"]) for b in [*data["buildings"], *data["proposed"]])
        if points > MAX_VERTICES:
            raise ValidationError(messages.TOO_MANY_VERTICES.format(limit=MAX_VERTICES, count=points),
                                  "buildings")
        minutes = solar.day_plan(data["day"], data["longitude"], data["latitude"]).minutes
        work = len(data["windows"]) * points * -(-minutes // data["step_minutes"])
        if work > MAX_WORK:
            raise ValidationError(messages.TOO_MUCH_WORK.format(
                limit=f"{MAX_WORK / 1e8:g}", work=f"{work / 1e8:.1f}"), "windows")


class WindowResultSchema(BaseSchema):
    label = fields.String()
    flat_id = fields.Integer(allow_none=True)
    use = fields.String()
    before_minutes = fields.Integer()
    after_minutes = fields.Integer()
    loss_minutes = fields.Integer()
    #: None when the analysis' day is not the standard day of this window's rule
    standard_minutes = fields.Integer(allow_none=True)
    standard_day = fields.String()
    meets_before = fields.Boolean(allow_none=True)
    meets_after = fields.Boolean(allow_none=True)
    #: meets, falls_below, worse_already_below, already_below or not_assessed
    verdict = fields.String()


class SunlightAnalysisSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    case_id = fields.Integer(allow_none=True)
    elevator_project_id = fields.Integer(allow_none=True)
    day = fields.String()
    period = fields.String()
    exempt = fields.Boolean()
    windows = fields.List(fields.Nested(WindowResultSchema))
    explanation = fields.String()
    chart_url = fields.String()
    statement_url = fields.String()


class ChartQuery(BaseSchema):
    #: 0-based index of a window: draw only its bars and mark it on the plan
    window = fields.Integer(load_default=None, validate=validate.Range(min=0, max=MAX_WINDOWS - 1))
