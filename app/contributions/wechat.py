"""Online payment through WeChat Pay v3 (微信支付), with the `wechatpayv3` SDK, where a city
configures a merchant (WECHAT_PAY_MCH_ID and the rest; off when it is empty).

An owner orders the flat's amount still due (JSAPI inside WeChat, H5 in another phone
browser); WeChat Pay then calls our notify URL: its signature is verified with the platform
certificate, its resource decrypted with the APIv3 key, and the payment recorded once,
however often the notify is delivered (its transaction id is the payment's reference, unique
per estate). The SDK fixes WeChat Pay's address; `Merchant` takes it from the settings
(WECHAT_PAY_BASE_URL), so tests point it at a loopback fake and never call WeChat.
"""
import json
import secrets
import time
from datetime import datetime

from flask import current_app
from sqlalchemy import select
from wechatpayv3 import WeChatPay, WeChatPayType
from wechatpayv3.core import Core

from app.contributions import messages
from app.contributions.models import Charge, ChargeKind, Method, Payment, WechatOrder
from app.contributions.services import line_of, paid_cents, _add_payment
from app.display import CHINA_TZ, china_today
from app.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound, Unauthorized
from app.extensions import db
from app.unit_of_work import unit

EXTENSION = "contributions_wechat_pay"


class _Core(Core):
    """The SDK's core, speaking to the gateway the settings name."""

    def __init__(self, base_url: str, **kwargs):
        self._base_url = base_url.rstrip("/")
        super().__init__(**kwargs)

    @property
    def _gate_way(self) -> str:
        return self._base_url

    @_gate_way.setter
    def _gate_way(self, _value) -> None:
        """The SDK's own address is ignored: the settings choose."""


class Merchant(WeChatPay):
    """wechatpayv3's client for one merchant (直连商户), at a configurable address."""

    def __init__(self, base_url: str, *, mchid: str, private_key: str, cert_serial_no: str, appid: str,
                 apiv3_key: str, notify_url: str, cert_dir: str | None = None, timeout=(5, 15)):
        self._type = WeChatPayType.JSAPI
        self._mchid = mchid
        self._appid = appid
        self._notify_url = notify_url
        self._partner_mode = False
        self._core = _Core(base_url, mchid=mchid, cert_serial_no=cert_serial_no, private_key=private_key,
                           apiv3_key=apiv3_key, cert_dir=cert_dir, timeout=timeout)


class WechatPayUnavailable(DomainError):
    status, code, message = 503, "wechat_pay_unavailable", messages.WECHAT_ORDER_FAILED


def enabled() -> bool:
    return bool(current_app.config.get("WECHAT_PAY_MCH_ID"))


def merchant() -> Merchant:
    """The city's merchant, built once per app (it fetches the platform certificates)."""
    if not enabled():
        raise Conflict(messages.WECHAT_PAY_OFF, code="wechat_pay_off")
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        config = current_app.config
        with open(config["WECHAT_PAY_PRIVATE_KEY_PATH"], encoding="utf-8") as key_file:
            private_key = key_file.read()
        try:
            found = Merchant(config["WECHAT_PAY_BASE_URL"], mchid=config["WECHAT_PAY_MCH_ID"],
                             private_key=private_key, cert_serial_no=config["WECHAT_PAY_CERT_SERIAL_NO"],
                             appid=config["WECHAT_PAY_APP_ID"], apiv3_key=config["WECHAT_PAY_APIV3_KEY"],
                             notify_url=config["WECHAT_PAY_NOTIFY_URL"],
                             cert_dir=config["WECHAT_PAY_CERT_DIR"] or None)
        except Exception as error:  # noqa: BLE001 - no certificate, no network: say so, never 500
            current_app.logger.warning("WeChat Pay merchant not ready: %r", error)
            raise WechatPayUnavailable() from None
        current_app.extensions[EXTENSION] = found
    return found


def due_cents(charge: Charge, flat_id: int) -> int:
    line = line_of(charge, flat_id)
    return line.owed_cents - line.from_fund_cents - paid_cents(charge.id, flat_id).get(flat_id, 0)


@unit
def start_order(charge: Charge, flat_id: int, user, channel: str, client_ip: str) -> dict:
    """An order for what the flat still owes on the charge, placed with WeChat Pay; what the
    phone needs to pay it (JSAPI: the signed parameters; H5: WeChat's page)."""
    from app.estates.api import is_verified_owner

    if not is_verified_owner(user.id, flat_id):
        raise Forbidden(messages.NOT_YOUR_FLAT)
    if not enabled():
        raise Conflict(messages.WECHAT_PAY_OFF, code="wechat_pay_off")
    if charge.kind == ChargeKind.fund_use:
        raise Conflict(messages.FUND_ALREADY_PAID, code="paid_from_fund")
    amount = due_cents(charge, flat_id)
    if amount <= 0:
        raise Conflict(messages.NOTHING_DUE, code="nothing_due")
    if channel == "jsapi" and not user.wechat_openid:
        raise InvalidInput(messages.WECHAT_NO_OPENID, fields={"channel": messages.WECHAT_NO_OPENID})
    order = WechatOrder(estate_id=charge.estate_id, charge_id=charge.id, flat_id=flat_id, user_id=user.id,
                        amount_cents=amount, channel=channel,
                        out_trade_no=f"GZ{charge.id}F{flat_id}T{secrets.token_hex(6)}")
    db.session.add(order)
    db.session.flush()
    pay = merchant()
    kwargs = {"description": charge.title[:127], "out_trade_no": order.out_trade_no,
              "amount": {"total": amount, "currency": "CNY"}}
    if channel == "jsapi":
        kwargs.update(payer={"openid": user.wechat_openid}, pay_type=WeChatPayType.JSAPI)
    else:
        kwargs.update(scene_info={"payer_client_ip": client_ip or "127.0.0.1", "h5_info": {"type": "Wap"}},
                      pay_type=WeChatPayType.H5)
    try:
        code, text = pay.pay(**kwargs)
        answer = json.loads(text) if 200 <= code < 300 else None
    except Exception as error:  # noqa: BLE001 - a refused signature, a network error
        current_app.logger.warning("WeChat Pay order %s failed: %r", order.out_trade_no, error)
        answer = None
    if not answer:
        raise WechatPayUnavailable()
    out = {"out_trade_no": order.out_trade_no, "amount_cents": amount, "channel": channel}
    if channel == "jsapi":
        stamp, nonce, package = str(int(time.time())), secrets.token_hex(16), f"prepay_id={answer['prepay_id']}"
        out["jsapi"] = {"appId": pay._appid, "timeStamp": stamp, "nonceStr": nonce, "package": package,
                        "signType": "RSA", "paySign": pay.sign([pay._appid, stamp, nonce, package])}
    else:
        out["h5_url"] = answer["h5_url"]
    return out


def _paid_on(success_time: str | None):
    try:
        return datetime.fromisoformat(success_time).astimezone(CHINA_TZ).date()
    except (TypeError, ValueError):
        return china_today()


def notified(headers, body: bytes) -> Payment | None:
    """WeChat Pay's notify: verified, decrypted, then one payment per transaction (a notify
    delivered twice, or twice at once, records one). None for a notify about no success.
    Without a merchant there is nothing to notify: 404."""
    if not enabled():
        raise NotFound()
    try:
        parsed = merchant().callback(headers, body)
    except DomainError:
        raise
    except Exception:  # noqa: BLE001 - an unknown algorithm or unreadable body: not from WeChat
        parsed = None
    if not parsed:
        raise Unauthorized(messages.NOTIFY_BAD, code="bad_signature")
    resource = parsed["resource"]
    if resource.get("trade_state") != "SUCCESS":
        return None
    order = db.session.scalar(select(WechatOrder).where(WechatOrder.out_trade_no == resource.get("out_trade_no")))
    if order is None or resource.get("mchid") != current_app.config["WECHAT_PAY_MCH_ID"] \
            or (resource.get("amount") or {}).get("total") != order.amount_cents:
        raise NotFound()
    return _record(order, resource["transaction_id"], _paid_on(resource.get("success_time")))


def _existing(order: WechatOrder, reference: str) -> Payment | None:
    return db.session.scalar(select(Payment).where(Payment.estate_id == order.estate_id,
                                                   Payment.reference == reference, Payment.voided_at.is_(None)))


@unit
def _record_once(order: WechatOrder, reference: str, paid_on) -> Payment:
    charge = db.session.get(Charge, order.charge_id)
    found = _existing(order, reference)
    if found is not None:
        return found
    line = line_of(charge, order.flat_id)
    return _add_payment(charge, line, amount_cents=order.amount_cents, method=Method.wechat, paid_on=paid_on,
                        reference=reference, paid_by_id=order.user_id, recorded_by_id=None,
                        payer_name="", note=order.out_trade_no)


def _record(order: WechatOrder, reference: str, paid_on) -> Payment:
    order_id = order.id
    try:
        return _record_once(order, reference, paid_on)
    except Conflict as refusal:
        if refusal.code != "payment_exists":
            raise
        order = db.session.get(WechatOrder, order_id)  # the twin notify recorded it first
        return _existing(order, reference)
