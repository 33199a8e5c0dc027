from app.schemas import BaseSchema, fields


class ExportAccountSchema(BaseSchema):
    id = fields.Integer()
    phone = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    wechat_openid = fields.String(allow_none=True)
    wechat_mini_openid = fields.String(allow_none=True)
    wechat_unionid = fields.String(allow_none=True)
    created_at = fields.String()


class ExportSchema(BaseSchema):
    """A person's own data, in full (it is theirs: nothing masked)."""

    exported_at = fields.String()
    account = fields.Nested(ExportAccountSchema)
    records = fields.Dict(keys=fields.String(), values=fields.List(fields.Dict()),
                          metadata={"description": "rows that point at this person, by table"})
