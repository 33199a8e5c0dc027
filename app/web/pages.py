"""What every page shares: the logged-in user, the CSRF token, elder mode, errors."""
from flask import redirect, render_template, request, session, url_for

from app.auth.permissions import current_user
from app.errors import DomainError, Unauthorized
from app.web import messages, messages_console, messages_elevators, messages_resident



def _texts(*modules) -> dict:
    """Every text a template reads as `m.NAME`; a later module's name wins over an earlier's."""
    return {name: value for module in modules for name, value in vars(module).items() if name.isupper()}


#: the console's pages read the console's wording where both name a text (CASE_NEW is
#: 代居民发起一事一议 there, 发起一事一议 for residents); every other page the residents'
CONSOLE_TEXTS = _texts(messages, messages_elevators, messages_resident, messages_console)
TEXTS = _texts(messages, messages_elevators, messages_console, messages_resident)
#: the scripts' texts: the shared ones and the resident pages' (appended, never overriding)
TEXTS["JS"] = CONSOLE_TEXTS["JS"] = {**messages_resident.JS, **messages.JS}
CONSOLE_BLUEPRINTS = {"console", "street"}

ELDER_COOKIE = "gz_elder"


def here() -> str:
    """This page's path and query, as the `next` of a login link."""
    return request.full_path.rstrip("?")


def page_context() -> dict:
    """Variables every template gets (also pages of other packages that extend web/base.html)."""
    texts = CONSOLE_TEXTS if request.blueprint in CONSOLE_BLUEPRINTS else TEXTS
    return {"m": texts, "user": current_user(), "csrf_token": session.get("csrf", ""),
            "elder": request.cookies.get(ELDER_COOKIE) == "1", "here": here()}


def page_error(error: DomainError):
    """Pages answer errors with a readable page; a missing login goes to the login page.

    Pages use the API's own checks (`require_user`, `require_member`, …), so a page
    shows exactly what the API would let the same person see.
    """
    if isinstance(error, Unauthorized):
        return redirect(url_for("web.login", next=here()))
    return render_template("web/error.html", message=error.message), error.status
