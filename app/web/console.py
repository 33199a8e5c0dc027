"""The committee console (desktop and tablet): one estate's work, section by section."""
from functools import wraps

from flask import Blueprint, render_template

from app.auth.api import is_staff, require_committee, require_user
from app.cases.api import services as cases
from app.errors import DomainError
from app.estates.api import Estate
from app.estates.api import (
    buildings_with_stairwells, claims_for_review, committee_estates, estate_counts,
    estate_flat_labels, estate_members, get_or_404,
)
from app.web.pages import page_error

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates")
bp.register_error_handler(DomainError, page_error)


def committee_page(section: str):
    """A console page of one estate, for its committee (and staff) only.

    The view gets the estate after the check and returns (template, context).
    """
    def decorate(view):
        @wraps(view)
        def page(estate_id, **kwargs):
            require_committee(estate_id)
            estate = get_or_404(Estate, estate_id)
            template, context = view(estate, **kwargs)
            return render_template(template, estate=estate, section=section, **context)
        return page
    return decorate


@bp.get("/")
def index():
    user = require_user()
    return render_template("web/console/index.html", staff=is_staff(user),
                           estates=[(e, estate_counts(e.id)) for e in committee_estates(user)])


@bp.get("/estates/<int:estate_id>")
@committee_page("overview")
def overview(estate):
    return "web/console/overview.html", {
        "counts": estate_counts(estate.id), "buildings": buildings_with_stairwells(estate.id)}


@bp.get("/estates/<int:estate_id>/claims")
@committee_page("claims")
def claims(estate):
    return "web/console/claims.html", {"rows": claims_for_review(estate.id),
                                       "flats": estate_flat_labels(estate.id)}


@bp.get("/estates/<int:estate_id>/ledger")
@committee_page("ledger")
def ledger(estate):
    return "web/console/ledger.html", {}


@bp.get("/estates/<int:estate_id>/flat-codes")
@committee_page("flat_codes")
def flat_codes(estate):
    """Codes for every flat, or for some flats of one stairwell (an owner lost theirs)."""
    return "web/console/flat_codes.html", {"buildings": buildings_with_stairwells(estate.id)}


@bp.get("/estates/<int:estate_id>/cases")
@committee_page("cases")
def case_list(estate):
    """Cases with their reported posts still visible: what needs a moderator's look."""
    counts = cases.moderation_counts(estate.id)
    rows = [{"case": case, "posts": counts.get(case.id, (0, 0))[0],
             "reports": counts.get(case.id, (0, 0))[1]} for case in cases.list_cases(estate.id)]
    return "web/console/cases.html", {"rows": rows}


@bp.get("/estates/<int:estate_id>/posters")
@committee_page("posters")
def posters(estate):
    """QR posters to print: the estate's PDF, and each stairwell's code to check or replace."""
    return "web/console/posters.html", {"buildings": buildings_with_stairwells(estate.id)}


@bp.get("/estates/<int:estate_id>/members")
@committee_page("members")
def members(estate):
    """Who holds a role in the estate, and adding one (a phone number and a role)."""
    return "web/console/members.html", {"rows": estate_members(estate.id)}
