"""Console pages of 共管: start the owners' decisions (rules, the committee
election with its candidates and seats, the management model, the property company, a
public income use) and read who is chosen; open each quarter's property service rating;
keep the public income ledger; post notices and explainers and see how many read them.

Shells over the same services as the API; forms call the JSON API (app.js), each public
or irreversible act behind a confirmation that states its consequence (console.js).
"""
from app.auth.api import require_user
from app.comanage.api import choices, income, notices, rating
from app.comanage.api import MATTERS
from app.comanage.api import INCOME_CATEGORIES, MATTER_LABELS, NOTICE_KINDS, SPENDING_CATEGORIES
from app.consultations.api import services as consultations
from app.estates.api import buildings_with_stairwells
from app.web.comanage.pages import decision_rows
from app.web.console import bp, committee_page


@bp.get("/estates/<int:estate_id>/comanage")
@committee_page("comanage")
def comanage(estate):
    user = require_user()
    return "web/console/comanage.html", {
        "decisions": decision_rows(estate.id, user), "ratings": rating.index_over_time(estate.id),
        "matters": {key: MATTER_LABELS[key] for key in MATTERS},
        "named": choices.named_matters()}


@bp.get("/estates/<int:estate_id>/public-income")
@committee_page("public_income")
def public_income(estate):
    return "web/console/public_income.html", {
        "ledger": income.ledger(estate.id),
        "decisions": income.spending_decisions(estate.id, require_user()),
        "income_categories": INCOME_CATEGORIES, "spending_categories": SPENDING_CATEGORIES}


@bp.get("/estates/<int:estate_id>/notices")
@committee_page("notices")
def notice_list(estate):
    return "web/console/notices.html", {
        "notices": notices.estate_notices(estate.id), "kinds": NOTICE_KINDS,
        "buildings": buildings_with_stairwells(estate.id),
        "consultations": consultations.list_consultations(estate.id, require_user())}
