"""Maintenance fund schemas: an entry with its scope, its preview, the sub-accounts."""
from marshmallow import ValidationError, post_load, validates_schema

from app.display import china_today
from app.estates.api import Scope, ScopeInSchema
from app.projects import messages
from app.projects.fund import SCOPE_TYPES
from app.projects.models import FundEntryKind
from app.schemas import MAX_CENTS
from app.schemas import BaseSchema, DecimalString, fields, validate


DEPRECATED = ("Deprecated, read for one more release: give `scope` ({type, id, flat_ids}, "
              "the consultation's shape) instead. ")


class FundScopeInSchema(BaseSchema):
    """Whose sub-accounts an entry goes to (列支范围): `scope` as a consultation's; the older
    `scope_type`/`scope_ids` (several buildings or stairwells at once) is still read."""

    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in FundEntryKind]))
    amount_cents = fields.Integer(strict=True, required=True,
                                  validate=validate.Range(min=1, max=MAX_CENTS))
    consultation_id = fields.Integer(strict=True, load_default=None)
    scope = fields.Nested(ScopeInSchema, load_default=None, metadata={
        "description": "列支范围: the estate, a building or a stairwell (`id`), or some flats "
                       "(`flat_ids`); the estate when absent."})
    scope_type = fields.String(load_default=None, validate=validate.OneOf(SCOPE_TYPES), metadata={
        "deprecated": True, "description": DEPRECATED + "estate, buildings, stairwells or flats."})
    scope_ids = fields.List(fields.Integer(strict=True), load_default=list,
                            validate=validate.Length(max=5000), metadata={
                                "deprecated": True, "description": DEPRECATED + "ids of the type."})

    @validates_schema
    def _ids_for_scope(self, data, **kwargs):
        if data.get("scope") is not None and (data.get("scope_type") or data.get("scope_ids")):
            raise ValidationError(messages.FUND_SCOPE_TWO_SHAPES, "scope")
        scope = data.get("scope")
        if scope is not None and scope["type"] != "estate" and not (
                scope.get("flat_ids") if scope["type"] == "flats" else scope.get("id")):
            raise ValidationError(messages.FUND_SCOPE_IDS_REQUIRED, "scope")
        if (data.get("scope_type") or "estate") != "estate" and not data.get("scope_ids"):
            raise ValidationError(messages.FUND_SCOPE_IDS_REQUIRED, "scope_ids")

    @post_load
    def _one_scope(self, data, **kwargs):
        """Either shape as the fund keeps it: `scope_type` and `scope_ids`."""
        scope = data.pop("scope", None)
        if scope is not None:
            one = Scope.from_api(None, scope)
            data["scope_type"], data["scope_ids"] = one.fund_type, list(one.ids)
        data["scope_type"] = data["scope_type"] or "estate"
        return data


class FundEntryInSchema(FundScopeInSchema):
    occurred_on = fields.Date(load_default=china_today)
    memo = fields.String(required=True, validate=validate.Length(min=1, max=200))


class FundEntrySchema(BaseSchema):
    id = fields.Function(lambda row: row["entry"].id)
    kind = fields.Function(lambda row: row["entry"].kind.value)
    amount_cents = fields.Function(lambda row: row["entry"].amount_cents)
    occurred_on = fields.Function(lambda row: row["entry"].occurred_on.isoformat())
    memo = fields.Function(lambda row: row["entry"].memo)
    consultation_id = fields.Function(lambda row: row["entry"].consultation_id)
    scope_type = fields.Function(lambda row: row["entry"].scope_type)
    scope_ids = fields.Function(lambda row: row["entry"].scope_ids)
    scope_label = fields.String()
    balance_cents = fields.Integer()


class FundLedgerSchema(BaseSchema):
    balance_cents = fields.Integer()
    entries = fields.List(fields.Nested(FundEntrySchema))


class ShareRowSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String()
    area_m2 = DecimalString()
    share_cents = fields.Integer()
    balance_cents = fields.Integer()
    after_cents = fields.Integer()
    #: a use larger than this flat's balance: the entry would be refused
    short = fields.Boolean()


class DecisionCheckSchema(BaseSchema):
    needed = fields.Boolean()
    ok = fields.Boolean()
    problem = fields.String(allow_none=True)
    item = fields.Integer(allow_none=True)
    item_label = fields.String(allow_none=True)
    rule = fields.String(allow_none=True)


class FundPreviewSchema(BaseSchema):
    kind = fields.String()
    amount_cents = fields.Integer()
    scope_type = fields.String()
    flat_count = fields.Integer()
    area_m2 = DecimalString()
    short_count = fields.Integer()
    decision = fields.Nested(DecisionCheckSchema)
    #: the consequence in words, for the confirmation
    consequence = fields.String()
    flats = fields.List(fields.Nested(ShareRowSchema))


class AccountSchema(BaseSchema):
    flat_id = fields.Integer()
    label = fields.String()
    area_m2 = DecimalString()
    balance_cents = fields.Integer()


class PostingSchema(BaseSchema):
    kind = fields.String()
    occurred_on = fields.Date(allow_none=True)
    memo = fields.String()
    amount_cents = fields.Integer()
    balance_cents = fields.Integer()
    consultation_id = fields.Integer(allow_none=True)


class MyAccountSchema(AccountSchema):
    estate_id = fields.Integer()
    postings = fields.List(fields.Nested(PostingSchema))
