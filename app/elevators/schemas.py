"""Input and output shapes of the elevator routes."""
from app.elevators import messages
from app.elevators.stages import ORDER
from app.schemas import BaseSchema, DecimalString, fields, validate

MAX_CENTS = 10**12  # ten billion yuan: anything larger is a typing error



def Cents(message: str, **kwargs) -> fields.Integer:  # noqa: N802 - reads like a field class
    """An amount in integer cents, not negative, refused with `message`."""
    return fields.Integer(strict=True, validate=validate.Range(min=0, max=MAX_CENTS, error=message),
                          **kwargs)


class ElevatorPlanSchema(BaseSchema):
    """The cost plan; every field optional (the what-if changes only what it names)."""

    total_cost_cents = Cents(messages.COST_NEGATIVE)
    subsidy_cents = Cents(messages.SUBSIDY_NEGATIVE)
    #: {"1": "0", "2": "0.4", ...}: exact decimal strings keyed by floor
    floor_coefficients = fields.Dict(keys=fields.String(), values=fields.Raw())
    #: {"1": 300000}: cents each flat on that floor receives from the others
    low_floor_compensation_cents = fields.Dict(keys=fields.String(), values=fields.Raw())
    #: cap on the compensation as a share of the owners' cost, "3/10" or "0.3"
    compensation_cap = fields.String(validate=validate.Length(max=20))


class ElevatorProjectInSchema(ElevatorPlanSchema):
    total_cost_cents = Cents(messages.COST_NEGATIVE, required=True)
    subsidy_cents = Cents(messages.SUBSIDY_NEGATIVE, load_default=0)
    floor_coefficients = fields.Dict(keys=fields.String(), values=fields.Raw(), required=True)
    #: default: the city's 公示 days for an elevator plan (rules/periods/)
    publicity_days = fields.Integer(strict=True, load_default=None, validate=validate.Range(
        min=1, max=365, error=messages.PUBLICITY_DAYS))
    #: when the consent round closes
    closes_at = fields.AwareDateTime(required=True)
    #: another named decision rule for the consent round (default: the template's)
    rule = fields.String(load_default=None, validate=validate.Length(max=64))


class CostShareSchema(BaseSchema):
    flat_id = fields.Integer()
    room = fields.String()
    floor = fields.Integer()
    area_m2 = DecimalString()
    coefficient = fields.Function(lambda share: str(share.coefficient))
    #: net: what the flat pays minus what it receives (negative: it receives)
    share_cents = fields.Integer()
    pays_cents = fields.Integer()
    receives_cents = fields.Integer()


class CostSplitSchema(BaseSchema):
    owners_cost_cents = fields.Integer()
    compensation_cents = fields.Integer()
    compensation_requested_cents = fields.Integer()
    compensation_capped = fields.Boolean()
    shares = fields.List(fields.Nested(CostShareSchema))
    saved = fields.Constant(False)


class ElevatorObjectionInSchema(BaseSchema):
    flat_id = fields.Integer(required=True, strict=True)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=1000))


class ElevatorSignatureInSchema(BaseSchema):
    flat_id = fields.Integer(required=True, strict=True)


class ElevatorAdvanceSchema(BaseSchema):
    to = fields.String(required=True, validate=validate.OneOf([s.value for s in ORDER]))
    #: e.g. the permit number or the acceptance report's reference
    note = fields.String(load_default=None, validate=validate.Length(max=500))


class ElevatorObjectionSchema(BaseSchema):
    id = fields.Integer()
    flat_id = fields.Integer()
    room = fields.String()
    reason = fields.String()
    status = fields.String()
    case_id = fields.Integer(allow_none=True)
    handled = fields.Boolean()
    created_at = fields.DateTime()
    withdrawn_at = fields.DateTime(allow_none=True)


class ElevatorSignatureSchema(BaseSchema):
    id = fields.Integer()
    flat_id = fields.Integer()
    room = fields.String()
    share_cents = fields.Integer()
    signed_at = fields.DateTime()


class ElevatorTransitionSchema(BaseSchema):
    from_stage = fields.Function(lambda t: t.from_stage.value if t.from_stage else None)
    to_stage = fields.Function(lambda t: t.to_stage.value)
    actor_id = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)
    created_at = fields.DateTime()


class ConsentProgressSchema(BaseSchema):
    threshold = fields.String()
    label = fields.String()
    met = fields.Boolean()
    missing_owners = fields.Integer()
    missing_area_m2 = fields.String()
    text = fields.String()


class ElevatorProjectSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer()
    stairwell_id = fields.Integer()
    stage = fields.String()
    stage_label = fields.String()
    next_stage = fields.String(allow_none=True)
    consultation_id = fields.Integer(allow_none=True)
    total_cost_cents = fields.Integer()
    subsidy_cents = fields.Integer()
    floor_coefficients = fields.Dict()
    low_floor_compensation_cents = fields.Dict()
    compensation_cap = fields.String()
    publicity_days = fields.Integer()
    publicity_started_at = fields.DateTime(allow_none=True)
    publicity_ends_at = fields.DateTime(allow_none=True)
    #: the consent round's results (API.md results shape)
    consent = fields.Dict(allow_none=True)
    #: per threshold, what is still missing
    progress = fields.List(fields.Nested(ConsentProgressSchema))
    objections = fields.List(fields.Nested(ElevatorObjectionSchema))
    signatures = fields.List(fields.Nested(ElevatorSignatureSchema))
    transitions = fields.List(fields.Nested(ElevatorTransitionSchema))
    #: how owners may pay (住房公积金); shown only, no money is handled here
    payment_note = fields.String()
    created_at = fields.DateTime()


class ElevatorProjectSummarySchema(BaseSchema):
    id = fields.Integer()
    stairwell_id = fields.Integer()
    stage = fields.Function(lambda p: p.stage.value)
    stage_label = fields.Function(lambda p: p.stage.label)
    consultation_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime()
