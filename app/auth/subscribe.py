"""订阅消息: WeChat subscribe messages to mini-program users, and `send_notice`, which
sends a notice of one kind to a person by every channel they have (SMS, WeChat).

The mini-program asks with wx.requestSubscribeMessage for the template ids it gets
from `GET /api/v1/wechat/subscriptions`, then reports the answer:
`POST /api/v1/wechat/subscriptions {"template_ids": [...], "accepted": [...]}`. Each
acceptance allows one message of that template (WeChat's one-time subscription), so
the count goes up by one per accepted id, and down by one per message sent; the
database keeps it from going below zero. Templates and their fields are configured per
kind: WECHAT_SUBSCRIBE_<KIND> (the template id) and WECHAT_SUBSCRIBE_FIELDS_<KIND>
("thing1=title,time2=closes_at,thing3=estate": the template's keys and our parameters).
"""
import logging
from urllib.parse import quote

from flask import current_app
from sqlalchemy import select, update

from app.auth import messages
from app.auth.models import User, WechatSubscription
from app.auth.permissions import require_user
from app.auth.sms import send_sms
from app.auth.wechat_client import WechatApiError, call_with_token, enabled
from app.db import insert_or_ignore, utcnow
from app.errors import DomainError, InvalidInput, NotFound
from app.extensions import db

log = logging.getLogger(__name__)
#: WeChat's limits on a field's value by its key's type (thing: 20 characters, …)
VALUE_LIMITS = {"thing": 20, "name": 10, "phrase": 5, "character_string": 32, "number": 32}
#: user refused, or has no subscription left
REFUSED = 43101


def templates() -> dict[str, str]:
    """kind -> template id, for the kinds this deployment configured."""
    return {kind: tid for kind, tid in current_app.config["WECHAT_SUBSCRIBE_TEMPLATES"].items() if tid}


def fields_of(kind: str) -> dict[str, str]:
    """The template's data keys and the parameters they show."""
    spec = current_app.config["WECHAT_SUBSCRIBE_FIELDS"].get(kind) or ""
    pairs = (part.split("=", 1) for part in spec.split(",") if "=" in part)
    return {key.strip(): name.strip() for key, name in pairs}


def check(config) -> None:
    missing = [f"WECHAT_SUBSCRIBE_FIELDS_{kind.upper()}" for kind, tid in
               config["WECHAT_SUBSCRIBE_TEMPLATES"].items() if tid and not config["WECHAT_SUBSCRIBE_FIELDS"].get(kind)]
    if missing:
        raise RuntimeError(f"WeChat subscribe messages need {', '.join(missing)}")


def require_mini_program() -> User:
    """The signed-in user; 404 while the mini-program is not configured (as its login)."""
    if not enabled():
        raise NotFound(messages.MINI_OFF, code="mini_program_disabled")
    return require_user()


def subscriptions_of(user: User) -> list[WechatSubscription]:
    return list(db.session.scalars(select(WechatSubscription).where(
        WechatSubscription.user_id == user.id).order_by(WechatSubscription.kind)))


def record(user: User, template_ids: list[str], accepted: list[str]) -> list[WechatSubscription]:
    """Count one more message for each template the user accepted (commits)."""
    kinds = {tid: kind for kind, tid in templates().items()}
    unknown = [tid for tid in [*template_ids, *accepted] if tid not in kinds]
    if unknown or not set(accepted) <= set(template_ids):
        raise InvalidInput(messages.SUBSCRIBE_UNKNOWN, fields={"template_ids": messages.SUBSCRIBE_UNKNOWN})
    for tid in dict.fromkeys(accepted):
        insert_or_ignore(db.session, WechatSubscription,
                         {"user_id": user.id, "template_id": tid, "kind": kinds[tid], "remaining": 0,
                          "updated_at": utcnow()})
        db.session.execute(update(WechatSubscription).where(
            WechatSubscription.user_id == user.id, WechatSubscription.template_id == tid)
            .values(remaining=WechatSubscription.remaining + 1, updated_at=utcnow()))
    db.session.commit()
    return subscriptions_of(user)


def _take(user_id: int, template_id: str, change: int) -> bool:
    """Spend (-1) or give back (+1) one allowed message; False when none was left."""
    condition = [WechatSubscription.remaining > 0] if change < 0 else []
    result = db.session.execute(update(WechatSubscription).where(
        WechatSubscription.user_id == user_id, WechatSubscription.template_id == template_id, *condition)
        .values(remaining=WechatSubscription.remaining + change))
    return result.rowcount == 1


def _value(key: str, value: str) -> str:
    limit = next((n for prefix, n in VALUE_LIMITS.items() if key.startswith(prefix)), None)
    return value[:limit] if limit else value


def page_for(path: str) -> str:
    """The mini-program page a message opens: its web-view page showing our `path`."""
    return current_app.config["WECHAT_SUBSCRIBE_PAGE"].format(path=quote(path, safe=""))


def send_subscribe(user: User, kind: str, params: dict, path: str) -> bool:
    """Send one subscribe message if the user has one allowed; True when WeChat took it.
    The allowance is spent in the caller's transaction (commit after)."""
    template_id = templates().get(kind)
    if not (template_id and user.wechat_mini_openid and enabled()):
        return False
    if not _take(user.id, template_id, -1):
        return False
    config = current_app.config
    data = {key: {"value": _value(key, str(params[name]))} for key, name in fields_of(kind).items()}
    try:
        call_with_token("/cgi-bin/message/subscribe/send", {
            "touser": user.wechat_mini_openid, "template_id": template_id, "page": page_for(path),
            "data": data, "miniprogram_state": config["WECHAT_MINIPROGRAM_STATE"], "lang": "zh_CN"},
            messages.WECHAT_SUBSCRIBE_FAILED)
    except WechatApiError as error:
        if error.errcode == REFUSED:  # WeChat says none is left: so do we
            db.session.execute(update(WechatSubscription).where(
                WechatSubscription.user_id == user.id, WechatSubscription.template_id == template_id)
                .values(remaining=0))
        else:
            _take(user.id, template_id, +1)
        log.warning("subscribe message %s to user %s failed: errcode %s", kind, user.id, error.errcode)
        return False
    except DomainError as error:  # WeChat unreachable or slow: the allowance is kept
        _take(user.id, template_id, +1)
        log.warning("subscribe message %s to user %s failed: %s", kind, user.id, error.code)
        return False
    return True


def send_notice(user: User, kind: str, params: dict, path: str, now=None) -> None:
    """A notice of `kind` to one person: an SMS to their phone (queued in quiet hours) and a
    subscribe message in WeChat when they accepted one. `params` are the kind's parameters
    without `link`, which is PUBLIC_BASE_URL + `path`. The caller commits."""
    link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
    if user.phone:
        send_sms(user.phone, kind, {**params, "link": link}, now=now)
    send_subscribe(user, kind, {**params, "link": link}, path)
