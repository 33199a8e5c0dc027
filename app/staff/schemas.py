from app.schemas import BaseSchema, fields, validate


class StaffQuery(BaseSchema):
    district = fields.String(load_default=None, validate=validate.Length(max=50))
    street = fields.String(load_default=None, validate=validate.Length(max=50))
    phase = fields.String(load_default=None, validate=validate.OneOf(
        ["co_plan", "co_build", "co_manage", "co_evaluate", "co_share"]))


class EstateBriefSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    district = fields.String()
    street = fields.String()
    built_year = fields.Integer()


class FactorSchema(BaseSchema):
    key = fields.String()
    label = fields.String()
    text = fields.String()
    points = fields.Function(lambda f: f"{float(f.points):.2f}")
    points_fraction = fields.Function(lambda f: str(f.points))
    max_points = fields.Integer()


def _fraction(value):
    return None if value is None else f"{value.numerator}/{value.denominator}"


class OutcomeFiguresSchema(BaseSchema):
    """Satisfaction and the property service index: exact fractions and percentages."""

    satisfaction = fields.Function(lambda row: _fraction(row["satisfaction"]))
    satisfaction_percent = fields.String(allow_none=True)
    satisfaction_text = fields.String()
    evaluation_id = fields.Integer(allow_none=True)
    service_index = fields.Function(lambda row: _fraction(row["service_index"]))
    service_index_percent = fields.String(allow_none=True)
    service_index_text = fields.String()


class RankingRowSchema(OutcomeFiguresSchema):
    rank = fields.Integer()
    estate = fields.Nested(EstateBriefSchema)
    score = fields.Function(lambda row: f"{float(row['score']):.2f}")
    score_fraction = fields.Function(lambda row: str(row["score"]))
    factors = fields.List(fields.Nested(FactorSchema))
    explanation = fields.String()
    willingness_survey_id = fields.Integer(allow_none=True)


class OverviewRowSchema(OutcomeFiguresSchema):
    estate = fields.Nested(EstateBriefSchema)
    phase = fields.String(allow_none=True)
    phase_label = fields.String()
    project_id = fields.Integer(allow_none=True)
    overdue_complaints = fields.Integer()
    flags = fields.List(fields.String())


class ReserveQuery(BaseSchema):
    district = fields.String(load_default=None, validate=validate.Length(max=50))


class ReserveRowSchema(RankingRowSchema):
    estimated_cost_cents = fields.Integer()
    note = fields.String(allow_none=True)
    planned_plan_id = fields.Integer(allow_none=True)
