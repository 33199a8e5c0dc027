"""The papers of who pays (居民出资): a receipt per payment, and a certificate per flat of its
elevator share for withdrawing housing provident fund (住房公积金) to pay it."""
from app.auth.api import User
from app.contributions.api import Charge, ChargeKind, Payment
from app.contributions.api import lines, messages, receipt_no
from app.contributions.api import services as contributions
from app.display import china_time, yuan
from app.errors import Conflict
from app.estates.api import Estate, Flat
from app.estates.api import flat_label
from app.extensions import db
from app.printkit.pdf import Page, render
from app.projects.api import RenovationProject

DAY = "%Y年%m月%d日"


def _who(user_id) -> str:
    if not user_id:
        return messages.METHOD_LABELS["wechat"]
    return contributions.person(db.session.get(User, user_id))


def receipt(payment: Payment) -> bytes:
    """收款收据: what was received, for which flat and charge, how, and by whom."""
    charge = db.session.get(Charge, payment.charge_id)
    flat = db.session.get(Flat, payment.flat_id)
    values = (receipt_no(payment), db.session.get(Estate, payment.estate_id).name,
              db.session.get(RenovationProject, payment.project_id).title, flat_label(flat), charge.title,
              yuan(payment.amount_cents, unit=True), messages.METHOD_LABELS[payment.method.value],
              payment.reference, payment.paid_on.strftime(DAY), payment.payer_name or "—",
              _who(payment.recorded_by_id), china_time(payment.recorded_at))
    headline = messages.RECEIPT_HEADLINE + (messages.RECEIPT_VOIDED if payment.voided_at else "")
    page = (Page().text("headline", headline)
            .table(("项目", "内容"), list(zip(messages.RECEIPT_ROWS, values)), (0.3, 0.7), row_mm=13)
            .space().text("small", messages.RECEIPT_NOTE))
    if payment.voided_at is not None:  # a voided payment's receipt says so, and why
        page.space().text("body", contributions.void_text(payment))
    return render([page], f"{messages.RECEIPT_HEADLINE} {receipt_no(payment)}")


def certificate(charge: Charge, flat_id: int) -> bytes:
    """加装电梯出资证明 for the housing provident fund centre: the flat's share, what it rests
    on, what it paid; the committee signs and stamps it."""
    from app.elevators.api import ElevatorProject

    if charge.kind != ChargeKind.elevator:
        raise Conflict(messages.NOT_ELEVATOR, code="not_elevator")
    line = next((line for line in lines(charge) if line.flat.id == flat_id), None)
    if line is None or not line.owed_cents:
        raise Conflict(messages.NOTHING_OWED, code="nothing_owed")
    elevator = db.session.get(ElevatorProject, charge.elevator_project_id)
    flat = line.flat
    paid = contributions.paid_cents(charge.id, flat.id).get(flat.id, 0)
    from app.db import utcnow

    values = (db.session.get(Estate, charge.estate_id).name, flat_label(flat),
              (flat.owner.name if flat.owner is not None else "") or "—", charge.title,
              yuan(elevator.total_cost_cents, unit=True), yuan(elevator.subsidy_cents, unit=True),
              yuan(line.owed_cents, unit=True), yuan(paid, unit=True), line.basis, elevator.stage.label,
              china_time(utcnow(), DAY))
    page = (Page().text("headline", messages.CERTIFICATE_HEADLINE).text("body", messages.CERTIFICATE_SUB)
            .table(("项目", "内容"), list(zip(messages.CERTIFICATE_ROWS, values)), (0.26, 0.74), row_mm=13)
            .space().text("body", messages.CERTIFICATE_TEXT).space(12).text("body", messages.CERTIFICATE_SIGN))
    return render([page], messages.CERTIFICATE_HEADLINE)
