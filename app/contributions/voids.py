"""Voiding a payment recorded by mistake (作废): a committee member takes back a cash, transfer
or provident fund payment with a reason. The row stays (who, when, why) and no longer counts in
what the flat paid, the charge's totals or the project's public money; its voucher may be
recorded again. A WeChat Pay payment is refunded through WeChat Pay, never voided here."""
from sqlalchemy import update

from app.audit.api import record
from app.contributions import messages
from app.contributions.models import Charge, Method, Payment
from app.contributions.services import person, receipt_no, tell_flat
from app.db import utcnow
from app.display import china_time, yuan
from app.errors import Conflict, InvalidInput
from app.estates.api import Flat, flat_label
from app.extensions import db
from app.unit_of_work import unit


@unit
def void_payment(payment: Payment, reason: str, actor_id: int) -> Payment:
    """Void the payment (audited; the flat's owners are told who, when and why).

    Only one of two voids at once succeeds: the row is changed only while it still stands
    (UPDATE … WHERE voided_at IS NULL), which PostgreSQL's row lock and SQLite's write lock
    decide one at a time; the other finds it voided (409)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(messages.VOID_REASON_NEEDED, fields={"reason": messages.VOID_REASON_NEEDED})
    if payment.method == Method.wechat:
        raise Conflict(messages.VOID_WECHAT, code="wechat_payment")
    if payment.voided_at is not None:
        raise Conflict(messages.ALREADY_VOIDED, code="already_voided")
    changed = db.session.execute(
        update(Payment).where(Payment.id == payment.id, Payment.voided_at.is_(None))
        .values(voided_at=utcnow(), voided_by_id=actor_id, void_reason=reason)
        .execution_options(synchronize_session=False))
    if changed.rowcount != 1:
        raise Conflict(messages.ALREADY_VOIDED, code="already_voided")
    db.session.refresh(payment)
    record("contribution.payment_voided", estate_id=payment.estate_id, actor_id=actor_id,
           subject_type="contribution_charge", subject_id=payment.charge_id,
           data={"payment_id": payment.id, "flat_id": payment.flat_id, "amount_cents": payment.amount_cents,
                 "method": payment.method.value, "reference": payment.reference, "reason": reason})
    _tell_owners(payment)
    return payment


def _tell_owners(payment: Payment) -> None:
    """The flat's owners learn which payment was voided, by whom, when and why, and which
    receipt to hand back (tell_flat: in the app, by SMS, by the ledger's number)."""
    from app.auth.api import User

    charge = db.session.get(Charge, payment.charge_id)
    label = flat_label(db.session.get(Flat, payment.flat_id))
    who = messages.RECORDED_BY.format(name=person(db.session.get(User, payment.voided_by_id)))
    amount, receipt = yuan(payment.amount_cents), receipt_no(payment)
    tell_flat(payment, kind="contribution_voided", notice="payment_voided",
              title=messages.VOIDED_TITLE.format(amount=amount),
              body=messages.VOIDED_BODY.format(who=who, when=china_time(payment.voided_at), flat=label,
                                               charge=charge.title, amount=amount,
                                               method=messages.METHOD_LABELS[payment.method.value],
                                               receipt=receipt, reference=payment.reference,
                                               reason=payment.void_reason),
              params={"flat": label, "amount": amount, "receipt": receipt},
              dedup_key=f"contribution-voided:{payment.id}")
