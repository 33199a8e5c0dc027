"""Shapes of the 询异 routes."""
from app.cases.messages import OBJECTION_STATUS_LABELS
from app.consultations.api import CORRECTION_ACTIONS
from app.schemas import BaseSchema, fields, validate


class ObjectionInSchema(BaseSchema):
    flat_id = fields.Integer(strict=True, required=True)
    reason = fields.String(required=True, validate=validate.Length(min=2, max=2000))


class ObjectionResolveInSchema(BaseSchema):
    resolution = fields.String(required=True, validate=validate.Length(min=2, max=5000))
    #: upheld about the flat's ballot: void it (the flat did not vote) or correct its answers;
    #: the resolution is the reason
    ballot_action = fields.String(load_default=None, validate=validate.OneOf(("void", "correct")))
    #: the answers as the owner gave them (ballot_action correct)
    answers = fields.Dict(load_default=None)


class CorrectionSchema(BaseSchema):
    action = fields.String()
    action_label = fields.Function(lambda c: CORRECTION_ACTIONS[c.action])
    reason = fields.String()
    version_before = fields.Integer()
    receipt_before = fields.String()
    created_at = fields.DateTime()


class ObjectionSchema(BaseSchema):
    id = fields.Function(lambda row: row["objection"].id)
    consultation_id = fields.Function(lambda row: row["objection"].consultation_id)
    flat_id = fields.Function(lambda row: row["objection"].flat_id)
    room = fields.String(allow_none=True)
    reason = fields.Function(lambda row: row["objection"].reason)
    case_id = fields.Function(lambda row: row["objection"].case_id)
    status = fields.Function(lambda row: row["objection"].status.value)
    status_label = fields.Function(lambda row: OBJECTION_STATUS_LABELS[row["objection"].status.value])
    resolution = fields.Function(lambda row: row["objection"].resolution)
    created_at = fields.Function(lambda row: row["objection"].created_at.isoformat())
    resolved_at = fields.Function(
        lambda row: row["objection"].resolved_at.isoformat() if row["objection"].resolved_at else None)
    #: the ballot voided or corrected because the objection was upheld, if any
    correction = fields.Nested(CorrectionSchema, allow_none=True)


class FlatRecordSchema(BaseSchema):
    flat_id = fields.Integer()
    room = fields.String(allow_none=True)
    recorded = fields.Boolean()
    channel = fields.String(allow_none=True)
    answers = fields.Dict(allow_none=True)
    updated_at = fields.DateTime(allow_none=True)
    #: who cast the current ballot, how and when, as the owner reads it
    cast_by = fields.String(allow_none=True)
    objection_id = fields.Integer(allow_none=True)


class PreliminarySchema(BaseSchema):
    consultation_id = fields.Integer()
    #: days of 询异公示 under the vote's rule (0: none)
    objection_days = fields.Integer()
    preliminary_until = fields.DateTime(allow_none=True)
    in_period = fields.Boolean()
    my_flats = fields.List(fields.Nested(FlatRecordSchema))
    objections = fields.List(fields.Nested(ObjectionSchema))
