from app.schemas import BaseSchema, fields, validate

#: the kinds a person agrees to through the API (a ledger's statement is made with its import)
ACCEPTED_KINDS = ("rules", "id_number")


class ConsentInSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf(ACCEPTED_KINDS), metadata={
        "description": "rules: 个人信息处理规则; id_number: the separate consent to one's ID number"})
    version = fields.String(required=True, validate=validate.Length(min=1, max=20), metadata={
        "description": "the version the person read (GET answers the current one)"})


class ConsentSchema(BaseSchema):
    kind = fields.String()
    version = fields.String()
    channel = fields.String(metadata={"description": "how the person had signed in: sms, wechat, "
                                                     "mini_program, ticket, web or api"})
    created_at = fields.DateTime()


class ConsentTextSchema(BaseSchema):
    kind = fields.String()
    version = fields.String(metadata={"description": "the current version, to send back when agreeing"})
    text = fields.String(metadata={"description": "what the person agrees to, in Chinese"})
    agreed = fields.Boolean(metadata={"description": "has the person agreed to this version?"})
    url = fields.String(metadata={"description": "the page with the full text"})


class MyConsentsSchema(BaseSchema):
    required = fields.List(fields.Nested(ConsentTextSchema))
    history = fields.List(fields.Nested(ConsentSchema))
