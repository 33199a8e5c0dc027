"""Who pays (居民出资) in and out."""
from app.contributions.models import ChargeKind
from app.contributions import messages
from app.schemas import BaseSchema, Cents, Stripped, fields, validate


class ChargeInSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in ChargeKind]))
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    elevator_project_id = fields.Integer(load_default=None, allow_none=True)
    consultation_id = fields.Integer(load_default=None, allow_none=True)
    per_flat_cents = Cents(load_default=None, allow_none=True)
    total_cents = Cents(load_default=None, allow_none=True)
    fund_entry_id = fields.Integer(load_default=None, allow_none=True)


class PaymentInSchema(BaseSchema):
    flat_id = fields.Integer(required=True)
    amount_cents = Cents(required=True, maximum=10**11)
    method = fields.String(required=True, validate=validate.OneOf(list(messages.RECORDED_METHODS)))
    paid_on = fields.Date(required=True)
    reference = fields.String(required=True, validate=validate.Length(min=1, max=64))
    payer_name = fields.String(load_default="", validate=validate.Length(max=50))
    note = fields.String(load_default="", validate=validate.Length(max=200))
    over_decision_id = fields.Integer(load_default=None, allow_none=True)


class VoidInSchema(BaseSchema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=200, error=messages.VOID_REASON_NEEDED),
                           error_messages={"required": messages.VOID_REASON_NEEDED, "null": messages.VOID_REASON_NEEDED},
                           metadata={"description": "why it is voided (1-200 characters)"})


class InstructionsSchema(BaseSchema):
    text = Stripped(required=True, validate=validate.Length(min=1, max=300, error=messages.INSTRUCTIONS_NEEDED),
                         error_messages={"required": messages.INSTRUCTIONS_NEEDED, "null": messages.INSTRUCTIONS_NEEDED},
                         metadata={"description": "how the flats pay without the app: where and when, the "
                                                  "account, whom to call (1-300 characters)"})


class OrderInSchema(BaseSchema):
    flat_id = fields.Integer(required=True)
    channel = fields.String(required=True, validate=validate.OneOf(["jsapi", "h5"]))


class PaymentSchema(BaseSchema):
    id = fields.Integer()
    receipt_no = fields.String()
    charge_id = fields.Integer()
    flat_id = fields.Integer()
    amount_cents = fields.Integer()
    method = fields.String()
    method_label = fields.String()
    paid_on = fields.Date()
    reference = fields.String()
    payer_name = fields.String()
    note = fields.String()
    recorded_at = fields.DateTime()
    receipt_url = fields.String()
    voided = fields.Boolean(metadata={"description": "voided (作废): no longer counted"})
    voided_at = fields.DateTime(allow_none=True)
    void_reason = fields.String(allow_none=True)
    voided_text = fields.String(metadata={"description": "已作废（原因：…）, or empty"})


class LineSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String(metadata={"description": "the flat (3号楼 1单元 302)"})
    owner_name = fields.String(metadata={"description": "committee only"})
    owed_cents = fields.Integer()
    paid_cents = fields.Integer()
    from_fund_cents = fields.Integer(metadata={"description": "debited from the flat's maintenance fund sub-account"})
    due_cents = fields.Integer()
    basis = fields.String(metadata={"description": "which decision, which rule, which share"})
    payments = fields.List(fields.Nested(PaymentSchema))


class StairwellCountSchema(BaseSchema):
    stairwell_id = fields.Integer()
    label = fields.String(metadata={"description": "3号楼1单元"})
    paid_flats = fields.Integer(metadata={"description": "flats owing something that paid it all"})
    owing_flats = fields.Integer(metadata={"description": "flats that still owe (partly_flats among them)"})
    partly_flats = fields.Integer(metadata={"description": "flats that still owe and paid a part"})
    nothing_to_pay_flats = fields.Integer(
        metadata={"description": "flats with nothing to pay themselves (nothing owed, or the fund pays)"})
    text = fields.String(metadata={"description": "3号楼1单元：交清 10 户，交了一部分 1 户，还没交 1 户，不用另交 2 户"})


class ChargeSchema(BaseSchema):
    id = fields.Integer()
    project_id = fields.Integer()
    kind = fields.String()
    kind_label = fields.String()
    title = fields.String()
    elevator_project_id = fields.Integer(allow_none=True)
    consultation_id = fields.Integer(allow_none=True)
    fund_entry_id = fields.Integer(allow_none=True)
    owed_cents = fields.Integer()
    paid_cents = fields.Integer()
    from_fund_cents = fields.Integer()
    due_cents = fields.Integer()
    totals_text = fields.String()
    stairwells = fields.List(fields.Nested(StairwellCountSchema),
                             metadata={"description": "per stairwell, how many flats paid and how many owe"})
    flats = fields.List(fields.Nested(LineSchema), metadata={"description": "committee: every flat; others: none"})


class MyLineSchema(LineSchema):
    charge_id = fields.Integer()
    charge_title = fields.String()
    kind = fields.String()
    certificate_url = fields.String(allow_none=True)


class ProjectContributionsSchema(BaseSchema):
    charges = fields.List(fields.Nested(ChargeSchema))
    mine = fields.List(fields.Nested(MyLineSchema), metadata={"description": "the flats I own"})
    online_payment = fields.Boolean(metadata={"description": "WeChat Pay is configured"})
    paying_instructions = fields.String(allow_none=True, metadata={
        "description": "how the flats pay without the app (收款方式), as the committee wrote it; null: not yet"})


class OrderSchema(BaseSchema):
    out_trade_no = fields.String()
    amount_cents = fields.Integer()
    channel = fields.String()
    h5_url = fields.String(metadata={"description": "h5: open it to pay"})
    jsapi = fields.Dict(metadata={"description": "jsapi: the parameters of WeixinJSBridge getBrandWCPayRequest"})
