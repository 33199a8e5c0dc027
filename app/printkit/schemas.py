"""Inputs of the printed kit."""
from marshmallow import fields

from app.schemas import BaseSchema


class StairwellQuery(BaseSchema):
    #: one stairwell's pages only (none: every stairwell in the vote's scope)
    stairwell_id = fields.Integer(load_default=None, allow_none=True, strict=False)


class LettersInSchema(BaseSchema):
    stairwell_id = fields.Integer(load_default=None, allow_none=True)
