from app.schemas import BaseSchema, fields, validate


class HeadSchema(BaseSchema):
    """The newest entry of an estate's chain: publish it, check it later."""

    seq = fields.Integer(required=True, metadata={"description": "number of entries so far"})
    hash = fields.String(required=True, metadata={"description": "SHA-256 of the newest entry"})


class HeadCheckQuery(BaseSchema):
    seq = fields.Integer(required=True, strict=False, validate=validate.Range(min=0, max=2**62))
    hash = fields.String(required=True, validate=validate.Regexp(r"^[0-9a-f]{64}$"))


class HeadCheckSchema(BaseSchema):
    contains = fields.Boolean(required=True)
    reason = fields.String(allow_none=True)
    head = fields.Nested(HeadSchema, required=True)
