"""Input shapes of the decision-to-work routes: a project from a content vote, an item's
update, the joint acceptance."""
from app.projects.models import ItemStatus
from app.schemas import BaseSchema, fields, validate


class FromVoteInSchema(BaseSchema):
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))


class ItemUpdateInSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in ItemStatus]))
    progress_percent = fields.Integer(strict=True, required=True, validate=validate.Range(min=0, max=100))
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class RepresentativeInSchema(BaseSchema):
    flat_id = fields.Integer(strict=True, required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=50))
    signed_on = fields.Date(load_default=None)


class AcceptanceInSchema(BaseSchema):
    held_on = fields.Date(required=True)
    units = fields.String(required=True, validate=validate.Length(min=1, max=300))
    conclusion = fields.String(required=True, validate=validate.Length(min=1, max=5000))
    representatives = fields.List(fields.Nested(RepresentativeInSchema), required=True,
                                  validate=validate.Length(max=50))
