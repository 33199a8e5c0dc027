"""What every page shares: the logged-in user, the CSRF token, elder mode, errors."""
from flask import redirect, render_template, request, session, url_for

from app.auth.api import current_user
from app.errors import DomainError, Unauthorized
from app.web import (
    messages, messages_comanage, messages_console, messages_coplan, messages_elevators, messages_fund,
    messages_resident, messages_work)

#: the modules of page texts: the shared texts, the elevator, resident, console and fund pages',
#: co-planning and works (messages_coplan, messages_work; the latter's scripts' texts are
#: `m.WORK_JS`), 共管 (messages_comanage)
MODULES = (messages, messages_elevators, messages_resident, messages_console, messages_coplan,
           messages_work, messages_fund, messages_comanage)
#: every text a template reads as `m.NAME`
TEXTS = {name: value for module in MODULES for name, value in vars(module).items() if name.isupper()}
TEXTS["JS"] = {**messages_resident.JS, **messages.JS}
TEXTS["WORK_JS"] = messages_work.JS

ELDER_COOKIE = "gz_elder"


def here() -> str:
    """This page's path and query, as the `next` of a login link."""
    return request.full_path.rstrip("?")


def page_context() -> dict:
    """Variables every template gets (also pages of other packages that extend web/base.html)."""
    return {"m": TEXTS, "user": current_user(), "csrf_token": session.get("csrf", ""),
            "elder": request.cookies.get(ELDER_COOKIE) == "1", "here": here()}


def page_error(error: DomainError):
    """Pages answer errors with a readable page; a missing login goes to the login page.

    Pages use the API's own checks (`require_user`, `require_member`, …), so a page
    shows exactly what the API would let the same person see.
    """
    if isinstance(error, Unauthorized):
        return redirect(url_for("web.login", next=here()))
    return render_template("web/error.html", message=error.message), error.status
