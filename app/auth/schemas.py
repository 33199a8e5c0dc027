from app.schemas import BaseSchema, fields, phone_length, validate


class PhoneSchema(BaseSchema):
    phone = fields.String(required=True, validate=phone_length)


class ExpiresSchema(BaseSchema):
    expires_in = fields.Integer(required=True, metadata={"description": "seconds"})


class LoginSchema(BaseSchema):
    phone = fields.String(required=True, validate=phone_length)
    code = fields.String(required=True, validate=validate.Length(min=4, max=10))


class RefreshSchema(BaseSchema):
    refresh_token = fields.String(required=True, validate=validate.Length(min=10, max=4000))


class RoleOutSchema(BaseSchema):
    role = fields.Function(lambda grant: grant.role.value)
    estate_id = fields.Integer(allow_none=True)


class MyFlatSchema(BaseSchema):
    link_id = fields.Integer(attribute="id")
    flat_id = fields.Integer()
    estate_id = fields.Integer()
    relation = fields.Function(lambda link: link.relation.value)
    status = fields.Function(lambda link: link.status.value)
    verified = fields.Function(lambda link: link.status.value == "verified")
    room = fields.Function(lambda link: link.flat.room)
    building = fields.Function(lambda link: link.flat.building.name)
    stairwell = fields.Function(lambda link: link.flat.stairwell.name)
    stairwell_id = fields.Function(lambda link: link.flat.stairwell_id)
    reason = fields.String(allow_none=True)


class MeSchema(BaseSchema):
    id = fields.Integer()
    phone_masked = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    roles = fields.List(fields.Nested(RoleOutSchema))
    flats = fields.List(fields.Nested(MyFlatSchema))


class TokenPairSchema(BaseSchema):
    access_token = fields.String()
    refresh_token = fields.String()
    expires_in = fields.Integer()
    user = fields.Nested(MeSchema)


class SessionSchema(BaseSchema):
    csrf_token = fields.String()
    user = fields.Nested(MeSchema)


class LiveTokenSchema(BaseSchema):
    access_token = fields.String()
    expires_in = fields.Integer()


class WechatAuthorizeQuery(BaseSchema):
    next = fields.String(load_default="/", validate=validate.Length(max=500))


class WechatCallbackQuery(BaseSchema):
    code = fields.String(load_default=None, validate=validate.Length(max=200))
    state = fields.String(load_default=None, validate=validate.Length(max=200))


class OutboxQuery(BaseSchema):
    phone = fields.String(load_default=None, validate=validate.Length(max=20))


class OutboxMessageSchema(BaseSchema):
    phone = fields.String()
    code = fields.String(allow_none=True)
    body = fields.String()
    sent_at = fields.DateTime()


class MiniProgramCodeSchema(BaseSchema):
    code = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"description": "the code from wx.login()"})


class MiniProgramPhoneSchema(BaseSchema):
    ticket = fields.String(required=True, validate=validate.Length(min=10, max=200))
    phone_code = fields.String(required=True, validate=validate.Length(min=1, max=200),
                               metadata={"description": "the code from the getPhoneNumber button"})


class NeedPhoneSchema(BaseSchema):
    need_phone = fields.Boolean()
    ticket = fields.String(metadata={"description": "trade it with a phone code within 10 minutes"})


class WebTicketRequestSchema(BaseSchema):
    next = fields.String(load_default="/", validate=validate.Length(max=500),
                         metadata={"description": "the page to open (a path of this site)"})


class WebTicketSchema(BaseSchema):
    url = fields.String(metadata={"description": "opens the web pages signed in; once, within 60 s"})


class SubscriptionsInSchema(BaseSchema):
    template_ids = fields.List(fields.String(validate=validate.Length(min=1, max=64)), required=True,
                               validate=validate.Length(min=1, max=20),
                               metadata={"description": "the ids passed to wx.requestSubscribeMessage"})
    accepted = fields.List(fields.String(validate=validate.Length(min=1, max=64)), required=True,
                           validate=validate.Length(max=20),
                           metadata={"description": "those the user answered 'accept'"})


class SubscriptionSchema(BaseSchema):
    kind = fields.String()
    template_id = fields.String()
    remaining = fields.Integer(metadata={"description": "messages still allowed"})


class SubscriptionsSchema(BaseSchema):
    templates = fields.Dict(keys=fields.String(), values=fields.String(),
                            metadata={"description": "kind -> template id to ask for"})
    subscriptions = fields.List(fields.Nested(SubscriptionSchema))
