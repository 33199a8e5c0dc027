"""The consent gate: a signed-in person who has not agreed to the current version of the
processing rules sees the consent page before anything else (pages), or a 403
`consent_required` naming where to agree (API). Reads only: `users.privacy_version` comes
with the user the request already loaded, so the gate costs no query."""
from flask import g, jsonify, redirect, request, url_for

from app.errors import Forbidden, error_body
from app.personal import messages

#: what a person may reach before agreeing: signing in and out, who am I, the rules, the
#: consent itself, and their rights (export, deletion) - never anything of an estate
OPEN_BLUEPRINTS = {"auth", "account", "personal"}
OPEN_ENDPOINTS = {"static", "web.static", "web.login", "web.privacy", "web.consent",
                  "web.consent_answer", "web.enter", "web.enter_confirmed", "web.account",
                  "web.my_data", "web.my_data_pdf"}


def consent_page_url(next_path: str | None = None) -> str:
    return url_for("web.consent", next=next_path) if next_path else url_for("web.consent")


def has_agreed(user) -> bool:
    """The person agreed to the current version of the processing rules."""
    return user.privacy_version == messages.NOTICE_VERSION


def consent_refusal() -> dict:
    """What a person who must agree first is told, the API and the live channel alike:
    the error body's `error`, naming the version and where to read and agree."""
    error = error_body("consent_required", messages.CONSENT_REQUIRED)["error"]
    error.update(version=messages.NOTICE_VERSION, consent_url=consent_page_url(),
                 accept_url=url_for("personal.MyConsents"), rules_url=url_for("web.privacy"))
    return error


def _open_before_consent() -> bool:
    endpoint = request.endpoint or ""
    return endpoint in OPEN_ENDPOINTS or endpoint.split(".")[0] in OPEN_BLUEPRINTS


def check_consent():
    """before_request, after the user is known (app.auth.permissions.load_request_user)."""
    user = g.get("user")
    if user is None or has_agreed(user) or _open_before_consent():
        return None
    if request.path.startswith("/api/"):
        response = jsonify({"error": consent_refusal()})
        response.status_code = 403
        return response
    return redirect(consent_page_url(request.full_path.rstrip("?")))


def refuse_without_consent(user) -> None:
    """The same gate for a view that loads its user itself (an API view: app.auth.signed)."""
    if not (has_agreed(user) or _open_before_consent()):
        refusal = consent_refusal()
        raise Forbidden(refusal["message"], code=refusal["code"], more=refusal)
