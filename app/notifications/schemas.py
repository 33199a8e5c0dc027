from app.schemas import BaseSchema, fields, validate


class NotificationSchema(BaseSchema):
    id = fields.Integer()
    estate_id = fields.Integer(allow_none=True)
    kind = fields.String()
    title = fields.String()
    body = fields.String()
    link = fields.String(allow_none=True)
    created_at = fields.DateTime()
    read = fields.Function(lambda n: n.read_at is not None)


class NotificationQuery(BaseSchema):
    unread = fields.Boolean(load_default=False)


class MarkReadSchema(BaseSchema):
    ids = fields.List(fields.Integer(strict=True), load_default=None, validate=validate.Length(max=500))


class MarkedSchema(BaseSchema):
    marked = fields.Integer()
