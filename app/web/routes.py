"""The resident pages' blueprint, and its pages: login, claiming a flat, a case's discussion.

The home page (app/web/home.py) and the consultation and elevator pages join `bp` from
their own modules; this module imports none of them.
"""
from datetime import date, datetime

from flask import Blueprint, make_response, redirect, render_template, request

from app.auth.api import messages as auth_messages
from app.auth.api import tickets, wechat
from app.auth.api import current_user, is_moderator, load_checked, login_session, require_user
from app.auth.api import safe_next
from app.cases.api import services as cases
from app.cases.api import sign_ins
from app.cases.api import views as case_views
from app.cases.api import Case
from app.display import china_time, day_label, percent
from app.errors import DomainError
from app.privacy import mask_name, mask_phone
from app.estates.api import live_claims
from app.estates.api import stairwell_rooms
from app.web import messages_resident as messages
from app.web.forms import check_csrf
from app.web.pages import page_context, page_error

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")
bp.app_context_processor(page_context)
bp.register_error_handler(DomainError, page_error)


@bp.app_template_filter("cn_time")
def cn_time(value) -> str:
    """A time as people in China read it: 2026年11月30日 18:00 (Beijing time)."""
    return china_time(value)


@bp.app_template_filter("cn_date")
def cn_date(value) -> str:
    """A day as people in China read it (Beijing time): 2026年11月30日; takes ISO text and
    calendar days (a ledger entry's date, already a day in China, as a date or "2026-11-30") too."""
    if isinstance(value, str):
        value = (date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)) if value else None
    if isinstance(value, date) and not isinstance(value, datetime):
        return day_label(value)
    return china_time(value, "%Y年%m月%d日")


bp.add_app_template_filter(percent, "percent")  # "0.0833" -> "8.3%" (app.display.percent)


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
        mine = live_claims(user.id, flat_ids)
    floors = {}
    for room in (place or {}).get("rooms", []):
        floors.setdefault(room["floor"], []).append(room)
    return render_template("web/claim.html", place=place, floors=sorted(floors.items()),
                           mine=mine)


@bp.get("/cases/<int:case_id>")
def case(case_id):
    """A case's discussion (一事一议): read, post, reply, report; moderators hide."""
    found, user = load_checked(Case, case_id)
    moderator = is_moderator(user, found.estate_id)
    posts = []
    for post in cases.posts_of(found):
        posts.append({**cases.post_view(post, moderator=moderator),
                      "editable": cases.editable_by(post, found, user)})
    reports = {}
    if moderator:
        for report in cases.reports_of(found):
            reports.setdefault(report.post_id, []).append(report.reason)
    return render_template("web/case.html", case=case_views.case_view(found, user), posts=posts,
                           moderator=moderator, user_id=user.id, reports=reports,
                           log=cases.moderation_of(found),
                           attendance=sign_ins.attendance_by_meeting(found.id))


def _account(user) -> str:
    """An account as the switch question names it: masked name and phone."""
    name, phone = mask_name(user.name), mask_phone(user.phone)
    if name and phone:
        return messages.ENTER_ACCOUNT.format(name=name, phone=phone)
    return name or phone or messages.ENTER_ACCOUNT_UNNAMED


def _entered(ticket: str):
    """Use the ticket up and sign the pages in as its person, then open its page (410 when
    it was used, lapsed or its person is gone)."""
    entered = tickets.enter_web(ticket)
    if entered is None:
        response = make_response(
            render_template("web/error.html", message=auth_messages.WEB_TICKET_INVALID), 410)
    else:
        user, next_path = entered
        login_session(user, "ticket")
        response = redirect(safe_next(next_path))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/enter/<ticket>")
def enter(ticket):
    """A one-time link from the mini-program (POST /api/v1/auth/web-tickets): signs the web
    pages in as the web login does, then opens the page it names. Used or late: refused.

    Where someone else is signed in, a GET never switches (login CSRF: a link with another
    account's ticket would silently replace the session): it asks, naming both accounts,
    and only the POST of that question (with this session's CSRF token) switches."""
    me = current_user()
    if me is None:
        return _entered(ticket)
    holder = tickets.web_holder(ticket)
    if holder is None:
        return _entered(ticket)  # refused as any used or late ticket is
    user, next_path = holder
    if user.id == me.id:
        response = redirect(safe_next(next_path))  # already signed in as this person
    else:
        response = make_response(render_template(
            "web/enter_switch.html", ticket=ticket, current=_account(me), other=_account(user)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/enter/<ticket>")
def enter_confirmed(ticket):
    """The answer to "切换到…账号？": the page's own token, then the switch."""
    check_csrf()
    return _entered(ticket)
