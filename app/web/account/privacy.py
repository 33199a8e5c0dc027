"""个人信息处理规则 (/privacy): open to everyone, signed in or not, linked from every
page's footer. The retention periods come from the rules the scheduler applies."""
from flask import current_app, render_template

from app.auth.api import messages as auth_messages
from app.personal.api import messages
from app.personal.api import RULES
from app.web.routes import bp, cn_date


@bp.app_context_processor
def privacy_link():
    """The footer's link, and the separate consents to ID numbers where a form asks for one."""
    return {"privacy_title": messages.TITLE, "id_consent_text": auth_messages.ID_NUMBER_CONSENT,
            "ledger_id_consent_text": auth_messages.LEDGER_ID_CONSENT}


@bp.get("/privacy")
def privacy():
    config = current_app.config
    contact = config.get("PRIVACY_CONTACT")
    return render_template(
        "web/privacy.html", pm=messages,
        who=messages.WHO_TEXT.format(controller=config["PRIVACY_CONTROLLER"]),
        contact=messages.CONTACT.format(contact=contact) if contact else messages.CONTACT_NONE,
        retention=[rule.label.format(days=rule.keep_days) for rule in RULES],
        version=messages.VERSION.format(version=cn_date(messages.NOTICE_VERSION)))
