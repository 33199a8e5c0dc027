"""The consent page (/consent): what a signed-in person sees before anything else until they
agree to the current version of 个人信息处理规则 (the gate is app/personal/gate.py). Agreeing
records the version, the time and how they signed in; declining signs them out."""
from flask import redirect, render_template, request, session, url_for

from app.auth.api import consent as consents
from app.auth.api import require_user
from app.auth.api import safe_next
from app.auth.api import end_session
from app.personal.api import messages
from app.web.forms import check_csrf
from app.web.routes import bp, cn_date


@bp.get("/consent")
def consent():
    user = require_user()
    next_url = safe_next(request.args.get("next"))
    if user.privacy_version == messages.NOTICE_VERSION:
        return redirect(next_url)
    title = messages.CONSENT_TITLE_AGAIN if user.privacy_version else messages.CONSENT_TITLE
    return render_template("web/consent.html", pm=messages, title=title, next_url=next_url,
                           version=messages.NOTICE_VERSION,
                           version_text=messages.VERSION.format(version=cn_date(messages.NOTICE_VERSION)))


@bp.post("/consent")
def consent_answer():
    """同意: recorded, then the page the person was going to. 不同意: signed out."""
    user = require_user()
    check_csrf()
    if request.form.get("answer") != "agree":
        end_session(session.get("sid"))
        session.clear()
        return render_template("web/consent_declined.html", pm=messages)
    consents.accept(user, consents.RULES, request.form.get("version", ""), messages.NOTICE_VERSION,
                    consents.request_channel())
    return redirect(safe_next(request.form.get("next")) if request.form.get("next") else url_for("web.home"))
