"""Console: 一事一议 cases — open one on behalf of residents, record meetings (minutes and
attendance), open the resolution vote, close with an outcome; the moderation queue (reported
and hidden posts: hide, 恢复, lock, unlock) with the report reasons and the moderation log.

Registered on the `console` blueprint; every change goes through the JSON API from
console_cases.js (and app.js's data-api forms).
"""
from datetime import timedelta

from flask import render_template

from app.auth.api import is_committee, load_checked, require_moderator
from app.cases.api import messages as case_messages
from app.cases.api import resolution, sign_ins
from app.cases.api import services as cases
from app.cases.api import views as case_views
from app.cases.api import Case
from app.db import utcnow
from app.display import CHINA_TZ
from app.estates.api import buildings_with_stairwells, estate_flat_labels, get_estate, stairwell_rooms
from app.rules.api import all_rules
from app.web import messages_console as messages
from app.web.console import bp, committee_page

RESOLUTION_DAYS = 7


def stairwell_flats(estate_id: int) -> list[dict]:
    """Each stairwell with its flats' ids: a new case's affected flats are picked by stairwell."""
    return [{"id": s["id"], "label": f"{b['name']} {s['name']}", "flat_count": s["flat_count"],
             "flat_ids": [room["flat_id"] for room in stairwell_rooms(s["id"])["rooms"]]}
            for b in buildings_with_stairwells(estate_id) for s in b["stairwells"]]


@bp.get("/estates/<int:estate_id>/cases/new")
@committee_page("cases")
def new_case(estate):
    """Open a case on behalf of residents (a complaint at the office, a neighbours' dispute)."""
    return "web/console/case_new.html", {"stairwells": stairwell_flats(estate.id)}


def moderation_queue(case: Case) -> list[dict]:
    """Posts that need a moderator's look first (reported, or hidden), then the others."""
    reasons: dict[int, list[str]] = {}
    for report in cases.reports_of(case):
        reasons.setdefault(report.post_id, []).append(report.reason)
    rows = [{"post": cases.post_view(post, moderator=True), "reports": reasons.get(post.id, [])}
            for post in cases.posts_of(case)]
    return sorted(rows, key=lambda row: (not (row["reports"] or row["post"]["hidden"]), row["post"]["id"]))


@bp.get("/cases/<int:case_id>")
def case(case_id):
    """One case for the committee: its state and next step, meetings, resolution, moderation.
    The estate's moderators see it too, to moderate (hide, 恢复, lock, unlock with the report
    reasons and the log); the committee's forms and the console's sections are not shown them."""
    found, user = load_checked(Case, case_id, require_moderator)
    committee = is_committee(user, found.estate_id)
    closes_on = (utcnow() + timedelta(days=RESOLUTION_DAYS)).astimezone(CHINA_TZ).date()
    return render_template(
        "web/console/case.html", estate=get_estate(found.estate_id), section="cases",
        case=case_views.case_view(found, user), queue=moderation_queue(found),
        log=cases.moderation_of(found), rules=[r for r in all_rules().values() if r.decides],
        closes_on=closes_on.isoformat(), kinds=messages.MODERATION_KINDS, now=utcnow(),
        resolution=resolution.resolution_of(found), committee=committee, console_nav=committee,
        attendance=sign_ins.attendance_by_meeting(found.id, full=True), cm=case_messages,
        flat_choices=estate_flat_labels(found.estate_id) if committee else {})

