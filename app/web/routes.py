"""Resident pages: home, login, claiming a flat, a case's discussion."""
from flask import Blueprint, make_response, redirect, render_template, request
from sqlalchemy import select

from app.auth import messages as auth_messages
from app.auth import tickets, wechat
from app.auth.models import Role, TicketPurpose, User
from app.auth.permissions import (
    current_user, is_moderator, is_staff, login_session, require_member, require_user)
from app.auth.routes import me_view, safe_next
from app.cases import services as cases
from app.cases.models import Case
from app.display import china_time
from app.elevators import services as elevators
from app.errors import DomainError
from app.estates.models import Estate, FlatLink, LinkStatus
from app.estates.services import get_or_404, stairwell_rooms
from app.extensions import db
from app.web.pages import page_context, page_error

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")
bp.app_context_processor(page_context)
bp.register_error_handler(DomainError, page_error)


@bp.app_template_filter("cn_time")
def cn_time(value) -> str:
    """A time as people in China read it: 2026年11月30日 18:00 (Beijing time)."""
    return china_time(value)


def committee_estates(user) -> list[Estate]:
    """Estates whose console this user may open: their committee roles, or all for staff."""
    query = select(Estate).order_by(Estate.id)
    if not is_staff(user):
        ids = {grant.estate_id for grant in user.roles if grant.role == Role.committee}
        query = query.where(Estate.id.in_(ids))
    return list(db.session.scalars(query.limit(200)))


@bp.get("/")
def home():
    user = current_user()
    if user is None:
        return render_template("web/welcome.html")
    me = me_view(user)
    estate_ids = sorted({link.estate_id for link in me["flats"] if link.status == LinkStatus.verified}
                        | {grant.estate_id for grant in user.roles if grant.estate_id is not None})
    from app.web.consultations import open_for_home

    estates = [(db.session.get(Estate, estate_id), open_for_home(user, estate_id),
                [c for c in cases.list_cases(estate_id) if c.status.value != "closed"])
               for estate_id in estate_ids]
    projects = [(p.stairwell, p) for p in elevators.projects_for_user(user.id)]
    return render_template("web/home.html", me=me, estates=estates, projects=projects,
                           console_estates=committee_estates(user))


@bp.get("/login")
def login():
    next_url = safe_next(request.args.get("next"))
    if current_user() is not None:
        return redirect(next_url)
    return render_template("web/login.html", next_url=next_url, wechat=wechat.enabled())


@bp.get("/claim")
def claim():
    user = require_user()
    stairwell_id = request.args.get("stairwell", type=int)
    place = stairwell_rooms(stairwell_id) if stairwell_id else None
    mine = {}
    if place:
        flat_ids = [room["flat_id"] for room in place["rooms"]]
        mine = {link.flat_id: link for link in db.session.scalars(select(FlatLink).where(
            FlatLink.user_id == user.id, FlatLink.flat_id.in_(flat_ids),
            FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))}
    floors = {}
    for room in (place or {}).get("rooms", []):
        floors.setdefault(room["floor"], []).append(room)
    return render_template("web/claim.html", place=place, floors=sorted(floors.items()),
                           mine=mine)


@bp.get("/cases/<int:case_id>")
def case(case_id):
    """A case's discussion (一事一议): read, post, reply, report; moderators hide."""
    found = get_or_404(Case, case_id)
    user = require_member(found.estate_id)
    moderator = is_moderator(user, found.estate_id)
    posts = [cases.post_view(post, moderator=moderator) for post in cases.posts_of(found)]
    reports = {}
    if moderator:
        for report in cases.reports_of(found):
            reports.setdefault(report.post_id, []).append(report.reason)
    return render_template("web/case.html", case=cases.case_view(found, user), posts=posts,
                           moderator=moderator, user_id=user.id, reports=reports)


@bp.get("/enter/<ticket>")
def enter(ticket):
    """A one-time link from the mini-program (POST /api/v1/auth/web-tickets): signs the web
    pages in as the web login does, then opens the page it names. Used or late: refused."""
    used = tickets.consume(TicketPurpose.web, ticket[:200])
    user = db.session.get(User, used.user_id) if used else None
    if user is None or user.deleted_at is not None:
        db.session.rollback()
        response = make_response(
            render_template("web/error.html", message=auth_messages.WEB_TICKET_INVALID), 410)
    else:
        db.session.commit()
        login_session(user)
        response = redirect(safe_next(used.next_path))
    response.headers["Cache-Control"] = "no-store"
    return response
