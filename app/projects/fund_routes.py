"""Maintenance fund routes (住宅专项维修资金): the estate's ledger, a preview of an entry
flat by flat, every flat's sub-account for the committee, and an owner's own."""
from flask.views import MethodView

from app.auth.api import require_committee, require_member, require_user
from app.projects import fund
from app.projects.fund_schemas import (
    AccountSchema, FundEntryInSchema, FundLedgerSchema, FundPreviewSchema, FundScopeInSchema,
    MyAccountSchema)
from app.projects.models import FundEntryKind
from app.projects.routes import blp


@blp.route("/estates/<int:estate_id>/fund-ledger")
class FundLedger(MethodView):
    @blp.response(200, FundLedgerSchema)
    def get(self, estate_id):
        """The maintenance fund (维修资金) ledger with a running balance."""
        require_member(estate_id)
        return fund.fund_ledger(estate_id)

    @blp.arguments(FundEntryInSchema)
    @blp.response(201, FundLedgerSchema)
    def post(self, data, estate_id):
        """Committee: record money collected, raised (a passed Art. 278 item 六 decision of the
        same flats) or used (item 五, the same flats), apportioned to the scope's flats by area."""
        actor = require_committee(estate_id)
        fund.add_fund_entry(estate_id, FundEntryKind(data["kind"]), data["amount_cents"],
                            data["occurred_on"], data["memo"], actor.id, data["consultation_id"],
                            data["scope_type"], data["scope_ids"])
        return fund.fund_ledger(estate_id)


@blp.route("/estates/<int:estate_id>/fund-ledger/preview")
class FundPreview(MethodView):
    @blp.arguments(FundScopeInSchema)
    @blp.response(200, FundPreviewSchema)
    def post(self, data, estate_id):
        """Committee: what an entry would do to each flat, and whether the decision fits. Writes nothing."""
        require_committee(estate_id)
        return fund.preview(estate_id, FundEntryKind(data["kind"]), data["amount_cents"],
                            data["scope_type"], data["scope_ids"], data["consultation_id"])


@blp.route("/estates/<int:estate_id>/fund-accounts")
class FundAccounts(MethodView):
    @blp.response(200, AccountSchema(many=True))
    def get(self, estate_id):
        """Committee: every flat's sub-account (分户账) balance."""
        require_committee(estate_id)
        return fund.estate_accounts(estate_id)


@blp.route("/me/fund-accounts")
class MyFundAccounts(MethodView):
    @blp.response(200, MyAccountSchema(many=True))
    def get(self):
        """The sub-accounts of the flats I own, each with its entries."""
        return fund.owned_accounts(require_user().id)
