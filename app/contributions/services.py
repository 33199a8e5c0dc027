"""The rules of who pays (居民出资): charges from decisions, payments never above what is
owed, one payment per voucher, the flat's owners told of every payment, arrears."""
from collections import defaultdict
from sqlalchemy import func, select

from app.audit.api import record
from app.contributions import messages
from app.contributions.models import Charge, ChargeKind, Method, Payment
from app.contributions.owed import Line, lines
from app.db import add_once, lock_row
from app.display import china_time, china_today, day_label, yuan
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import flat_label
from app.extensions import db
from app.privacy import mask_phone
from app.unit_of_work import unit

#: elevator stages from which the cost shares are settled (协议签署 and after)
SETTLED_STAGES = ("signing", "permit", "construction", "acceptance", "operating")


def _invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, fields={field: message})


# --- charges ---------------------------------------------------------------------------------

def check_charge(project, data: dict) -> dict:
    """The charge's source, checked against the project's estate; the columns to store."""
    kind = ChargeKind(data["kind"])
    values = {"kind": kind, "title": data["title"].strip()}
    if kind == ChargeKind.elevator:
        from app.elevators.api import ElevatorProject

        elevator = db.session.get(ElevatorProject, data.get("elevator_project_id") or 0)
        if elevator is None or elevator.estate_id != project.estate_id:
            raise _invalid("elevator_project_id", messages.ELEVATOR_NOT_FOUND)
        if elevator.stage.value not in SETTLED_STAGES:
            raise Conflict(messages.ELEVATOR_NOT_SIGNING, code="shares_not_settled")
        values["elevator_project_id"] = elevator.id
    elif kind == ChargeKind.agreed:
        from app.projects.api import passed_decision

        if not data.get("consultation_id"):
            raise _invalid("consultation_id", messages.DECISION_NEEDED)
        if bool(data.get("per_flat_cents")) == bool(data.get("total_cents")):
            raise _invalid("per_flat_cents", messages.AMOUNT_NEEDED)
        passed_decision(project.estate_id, data["consultation_id"])
        values.update(consultation_id=data["consultation_id"], per_flat_cents=data.get("per_flat_cents"),
                      total_cents=data.get("total_cents"))
    else:
        from app.projects.api import FundEntry, FundEntryKind

        entry = db.session.get(FundEntry, data.get("fund_entry_id") or 0)
        if entry is None or entry.estate_id != project.estate_id or entry.kind != FundEntryKind.used:
            raise _invalid("fund_entry_id", messages.FUND_ENTRY_NOT_FOUND)
        values["fund_entry_id"] = entry.id
    return values


@unit
def add_charge(project, data: dict, actor_id: int) -> Charge:
    """A charge of the project, from the decision that sets its amounts (audited)."""
    values = check_charge(project, data)
    charge = Charge(estate_id=project.estate_id, project_id=project.id, created_by_id=actor_id, **values)
    add_once(db.session, charge, Conflict(messages.ALREADY_CHARGED, code="already_charged"))
    record("contribution.charge_added", estate_id=project.estate_id, actor_id=actor_id,
           subject_type="project", subject_id=project.id,
           data={"charge_id": charge.id, "kind": charge.kind.value, "title": charge.title})
    return charge


def charges_of(project_id: int) -> list[Charge]:
    return list(db.session.scalars(select(Charge).where(Charge.project_id == project_id).order_by(Charge.id)))


def get_charge(charge_id: int) -> Charge:
    charge = db.session.get(Charge, charge_id)
    if charge is None:
        raise NotFound()
    return charge


# --- payments --------------------------------------------------------------------------------

def paid_cents(charge_id: int, flat_id: int | None = None) -> dict[int, int]:
    """What each flat paid for the charge (payments only; a fund use's debit is not one)."""
    query = select(Payment.flat_id, func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        Payment.charge_id == charge_id, Payment.voided_at.is_(None)).group_by(Payment.flat_id)
    if flat_id is not None:
        query = query.where(Payment.flat_id == flat_id)
    return {flat: int(total) for flat, total in db.session.execute(query)}


def line_of(charge: Charge, flat_id: int) -> Line:
    line = next((line for line in lines(charge) if line.flat.id == flat_id), None)
    if line is None or (line.owed_cents == 0 and charge.kind != ChargeKind.fund_use):
        raise _invalid("flat_id", messages.FLAT_NOT_CHARGED)
    return line


def _check_over(charge: Charge, line: Line, amount_cents: int, over_decision_id: int | None) -> None:
    """Never above what is owed, unless a decision covering the flat allows it."""
    paid = paid_cents(charge.id, line.flat.id).get(line.flat.id, 0)
    left = line.owed_cents - line.from_fund_cents - paid
    if amount_cents <= left:
        return
    if over_decision_id is not None:
        from app.projects.api import passed_decision

        _decision, flat_ids = passed_decision(charge.estate_id, over_decision_id)
        if line.flat.id not in flat_ids:
            raise _invalid("over_decision_id", messages.OVER_DECISION_FLAT)
        return
    text = messages.OVER_OWED.format(owed=yuan(line.owed_cents), paid=yuan(paid), left=yuan(max(left, 0)))
    raise Conflict(text, code="over_owed", fields={"amount_cents": text})


def check_payment(charge: Charge, data: dict) -> None:
    if charge.kind == ChargeKind.fund_use:
        raise Conflict(messages.FUND_ALREADY_PAID, code="paid_from_fund")
    if data["method"] not in messages.RECORDED_METHODS:
        raise _invalid("method", messages.METHOD_NOT_BY_HAND)
    if not data["reference"].strip():
        raise _invalid("reference", messages.REFERENCE_NEEDED)
    if data["paid_on"] > china_today():
        raise _invalid("paid_on", messages.DATE_IN_FUTURE)


@unit
def record_payment(charge: Charge, data: dict, actor_id: int) -> Payment:
    """A sum the committee received for one flat (audited; the flat's owners are told).

    The charge is locked while the flat's payments are summed and the new one written, so two
    recordings at once never take a flat above what it owes; a voucher recorded twice (the
    same reference) is refused by the database's unique constraint."""
    check_payment(charge, data)
    line = line_of(charge, data["flat_id"])
    lock_row(db.session, Charge, charge.id)
    _check_over(charge, line, data["amount_cents"], data.get("over_decision_id"))
    return _add_payment(charge, line, amount_cents=data["amount_cents"], method=Method(data["method"]),
                        paid_on=data["paid_on"], reference=data["reference"].strip(),
                        payer_name=data.get("payer_name", "").strip(), note=data.get("note", "").strip(),
                        over_decision_id=data.get("over_decision_id"), recorded_by_id=actor_id)


def _add_payment(charge: Charge, line: Line, **values) -> Payment:
    payment = Payment(estate_id=charge.estate_id, project_id=charge.project_id, charge_id=charge.id,
                      flat_id=line.flat.id, **values)
    add_once(db.session, payment, Conflict(messages.PAYMENT_EXISTS.format(reference=values["reference"]),
                                           code="payment_exists", fields={"reference": messages.PAYMENT_EXISTS.format(
                                               reference=values["reference"])}))
    record("contribution.payment", estate_id=charge.estate_id, actor_id=values.get("recorded_by_id"),
           subject_type="contribution_charge", subject_id=charge.id,
           data={"payment_id": payment.id, "flat_id": line.flat.id, "amount_cents": payment.amount_cents,
                 "method": payment.method.value, "reference": payment.reference})
    tell_owners(payment, charge, line.flat)
    return payment


def tell_owners(payment: Payment, charge: Charge, flat) -> None:
    """The flat's owners learn who recorded or paid what, how and when (in the same
    transaction: the notices go out only if the payment stands). The payer is not told."""
    from app.auth.api import User

    if payment.paid_by_id is not None:
        payer = db.session.get(User, payment.paid_by_id)
        who = messages.PAID_ONLINE_BY.format(name=person(payer))
    else:
        who = messages.RECORDED_BY.format(name=person(db.session.get(User, payment.recorded_by_id)))
    label = flat_label(flat)
    tell_flat(payment, kind="contribution_paid", notice="payment_recorded",
              title=messages.PAID_TITLE.format(flat=label),
              body=messages.PAID_BODY.format(who=who, when=china_time(payment.recorded_at), flat=label,
                                             charge=charge.title, amount=yuan(payment.amount_cents),
                                             method=messages.METHOD_LABELS[payment.method.value],
                                             reference=payment.reference),
              params={"flat": label, "amount": yuan(payment.amount_cents)},
              dedup_key=f"contribution-payment:{payment.id}", skip=payment.paid_by_id)


def tell_flat(payment: Payment, *, kind: str, notice: str, title: str, body: str, params: dict,
              dedup_key: str, skip: int | None = None) -> None:
    """News of a payment to its flat's owners, each with the link to its line: an owner with an
    account in the app and by SMS (`notice`); an owner known only by the ledger's number by
    SMS once the transaction commits (app.reach, within the estate's SMS budget)."""
    from app.notifications.api import owners_of, tell
    from app.signals import flats_entered
    from app.unit_of_work import announce

    path = f"/projects/{payment.project_id}/contributions#payment-{payment.id}"
    tell([owner for owner in owners_of(payment.flat_id) if owner != skip], estate_id=payment.estate_id,
         kind=kind, title=title, body=body, link=path, dedup_key=dedup_key, notice=notice, params=params)
    announce(flats_entered, estate_id=payment.estate_id, flat_ids=[payment.flat_id], kind=notice,
             params=params, path=path, dedup_key=dedup_key)


def person(user) -> str:
    """How a receipt or a notice names who recorded or paid: the name, else the masked phone."""
    if user is None:
        return messages.SOMEONE
    return user.name or mask_phone(user.phone)


def _from_residents(project_id: int):
    # every standing payment except those from the maintenance fund (public money counts the
    # fund apart); a voided one counts nowhere
    return (Payment.project_id == project_id, Payment.method != Method.maintenance_fund,
            Payment.voided_at.is_(None))


def paid_by_project(project_id: int) -> int:
    """Cents received from residents for the project."""
    return int(db.session.scalar(select(func.coalesce(func.sum(Payment.amount_cents), 0)).where(
        *_from_residents(project_id))))


def payments_in_total(project_id: int) -> dict:
    """The residents' recorded payments as one figure for the public: how much, how many
    payments and the last one's date (never who paid)."""
    cents, count, last = db.session.execute(select(
        func.coalesce(func.sum(Payment.amount_cents), 0), func.count(Payment.id), func.max(Payment.paid_on),
    ).where(*_from_residents(project_id))).one()
    return {"amount_cents": int(cents), "count": int(count), "last_paid_on": last}


# --- views -----------------------------------------------------------------------------------

def _owner_name(flat) -> str:
    return flat.owner.name if flat.owner is not None and flat.owner.name else ""


def by_stairwell(found: list[Line], rows: list[dict]) -> list[dict]:
    """What every member may see of the neighbours: per building and stairwell, how many
    flats paid all they owe, paid a part, paid nothing yet, and have nothing to pay
    themselves (a ground floor of a lift, a line the fund pays); never which flats."""
    counts: dict[int, dict] = {}
    for line, row in zip(found, rows):
        place = counts.setdefault(line.flat.stairwell_id, {
            "stairwell_id": line.flat.stairwell_id, "label": f"{line.flat.building.name}{line.flat.stairwell.name}",
            "paid_flats": 0, "owing_flats": 0, "partly_flats": 0, "nothing_to_pay_flats": 0})
        if row["owed_cents"] - row["from_fund_cents"] <= 0:
            place["nothing_to_pay_flats"] += 1
        elif row["due_cents"] == 0:
            place["paid_flats"] += 1
        else:
            place["owing_flats"] += 1
            place["partly_flats"] += row["paid_cents"] > 0
    return [{**place, "text": _counts_text(place)} for place in counts.values()]


def _counts_text(place: dict) -> str:
    """3号楼1单元：交清 10 户，交了一部分 1 户，还没交 1 户 (only the kinds there are)."""
    parts = [(messages.COUNT_PAID, place["paid_flats"]), (messages.COUNT_PARTLY, place["partly_flats"]),
             (messages.COUNT_NOT_YET, place["owing_flats"] - place["partly_flats"]),
             (messages.COUNT_NOTHING_TO_PAY, place["nothing_to_pay_flats"])]
    return messages.STAIRWELL_COUNTS.format(place=place["label"], counts="，".join(
        f"{label} {count} 户" for label, count in parts if count))


def payment_view(payment: Payment) -> dict:
    return {"id": payment.id, "receipt_no": receipt_no(payment), "charge_id": payment.charge_id,
            "flat_id": payment.flat_id, "amount_cents": payment.amount_cents, "amount": yuan(payment.amount_cents),
            "method": payment.method.value, "method_label": messages.METHOD_LABELS[payment.method.value],
            "paid_on": payment.paid_on, "reference": payment.reference, "payer_name": payment.payer_name,
            "note": payment.note, "recorded_at": payment.recorded_at,
            "receipt_url": f"/api/v1/contribution-payments/{payment.id}/receipt.pdf",
            "voided": payment.voided_at is not None, "voided_at": payment.voided_at,
            "void_reason": payment.void_reason, "voided_text": void_text(payment)}


def void_text(payment: Payment) -> str:
    """How a list or a receipt shows a voided payment: 已作废（原因：…）; '' for one that stands
    (voiding itself: app/contributions/voids.py)."""
    return messages.VOIDED.format(reason=payment.void_reason) if payment.voided_at is not None else ""


def receipt_no(payment: Payment) -> str:
    return f"GZ{payment.estate_id:04d}-{payment.id:06d}"


def payments_by_line(charge_ids: list[int]) -> dict[tuple[int, int], list[Payment]]:
    """The payments of these charges, read in one statement, by (charge, flat), oldest first."""
    found = defaultdict(list)
    if charge_ids:
        for payment in db.session.scalars(select(Payment).where(Payment.charge_id.in_(charge_ids))
                                          .order_by(Payment.id)):
            found[(payment.charge_id, payment.flat_id)].append(payment)
    return found


def charge_view(charge: Charge, full: bool = True, payments: dict | None = None) -> dict:
    """The charge with each flat's line: owed, paid, from the fund, due, and why, and per
    stairwell how many flats paid and how many owe. `full` (the committee): every flat with
    names and rooms; otherwise no flat's line at all, only the stairwells' counts.
    `payments`: the charge's payments already read (payments_by_line), else read here."""
    found = lines(charge)
    payments = payments_by_line([charge.id]) if payments is None else payments
    rows = []
    for line in found:
        made = payments.get((charge.id, line.flat.id), [])
        paid = sum(payment.amount_cents for payment in made if payment.voided_at is None)  # a voided one counts nowhere
        rows.append({"flat_id": line.flat.id, "owed_cents": line.owed_cents, "paid_cents": paid,
                     "from_fund_cents": line.from_fund_cents,
                     "due_cents": max(line.owed_cents - line.from_fund_cents - paid, 0), "basis": line.basis,
                     "label": flat_label(line.flat), "owner_name": _owner_name(line.flat),
                     "payments": [payment_view(payment) for payment in made]})
    totals = {name: sum(row[name] for row in rows) for name in ("owed_cents", "paid_cents", "from_fund_cents", "due_cents")}
    return {"id": charge.id, "project_id": charge.project_id, "kind": charge.kind.value,
            "kind_label": messages.KIND_LABELS[charge.kind.value], "title": charge.title,
            "elevator_project_id": charge.elevator_project_id, "consultation_id": charge.consultation_id,
            "fund_entry_id": charge.fund_entry_id, **totals,
            "totals_text": (messages.TOTALS_WITH_FUND if totals["from_fund_cents"] else messages.TOTALS).format(flats=len(rows), owed=yuan(totals["owed_cents"]), paid=yuan(totals["paid_cents"]),
                                                  fund=yuan(totals["from_fund_cents"]), due=yuan(totals["due_cents"])),
            "stairwells": by_stairwell(found, rows), "flats": rows if full else []}


def project_contributions(project, full: bool) -> list[dict]:
    """Every charge of the project (charge_view), the payments of all of them read at once."""
    charges = charges_of(project.id)
    payments = payments_by_line([charge.id for charge in charges])
    return [charge_view(charge, full, payments) for charge in charges]


def member_contributions(project, user_id: int, full: bool) -> dict:
    """What a member reads of the project's contributions, each charge worked out once: the
    charges (`full`, the committee: with every flat's line; otherwise totals and counts per
    stairwell), and `mine`, the lines of the flats this person verifiably owns, in every
    charge, each with its payments (receipts) and what is still due."""
    views = project_contributions(project, full=True)
    return {"charges": views if full else [{**view, "flats": []} for view in views],
            "mine": _lines_of(views, owned_flat_ids(user_id))}


def _lines_of(views: list[dict], owned: set[int]) -> list[dict]:
    return [{"charge_id": view["id"], "charge_title": view["title"], "kind": view["kind"], **row,
             "certificate_url": certificate_url(view, row)}
            for view in views for row in view["flats"] if row["flat_id"] in owned]


def dues_of(user_id: int, estate_ids: list[int]) -> list[dict]:
    """What this person's flats still have to pay, per project of these estates (the home page's
    待办), each project worked out as its contributions page does; nothing read for a person
    who owns no flat there (most visitors of the home page)."""
    from app.projects.api import RenovationProject

    owned = owned_flat_ids(user_id)
    if not owned or not estate_ids:
        return []
    projects = db.session.scalars(select(RenovationProject).where(RenovationProject.id.in_(
        select(Charge.project_id).where(Charge.estate_id.in_(estate_ids)))).order_by(RenovationProject.id))
    dues = []
    for project in projects:
        owing = [row for row in _lines_of(project_contributions(project, full=True), owned) if row["due_cents"]]
        if owing:
            dues.append({"project_id": project.id, "project_title": project.title,
                         "due_cents": sum(row["due_cents"] for row in owing),
                         "charges": list(dict.fromkeys(row["charge_title"] for row in owing))})
    return dues


def owned_flat_ids(user_id: int) -> set[int]:
    """The flats this person is a verified owner of."""
    from app.estates.api import FlatLink, LinkStatus, Relation

    return set(db.session.scalars(select(FlatLink.flat_id).where(
        FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified,
        FlatLink.relation == Relation.owner)))


def certificate_url(view: dict, row: dict) -> str | None:
    """The 公积金 certificate of a flat's elevator share (a charge's view and the flat's row)."""
    if view["kind"] != ChargeKind.elevator.value or not row["owed_cents"]:
        return None
    return f"/api/v1/contribution-charges/{view['id']}/flats/{row['flat_id']}/provident-fund-certificate.pdf"


def charge_sources(project, user) -> dict:
    """What a new charge of the project may rest on: the estate's elevators whose shares are
    settled, its passed decisions, its maintenance fund uses (the console's form)."""
    from app.consultations.api import Consultation, results
    from app.elevators.api import ElevatorProject
    from app.projects.api import FundEntry, FundEntryKind

    from app.estates.api import place_label

    elevators = [(e.id, f"{place_label('stairwell', e.stairwell_id)} 加装电梯（{e.stage.label}）") for e in db.session.scalars(select(ElevatorProject).where(
        ElevatorProject.estate_id == project.estate_id).order_by(ElevatorProject.id))
        if e.stage.value in SETTLED_STAGES]
    decisions = [(c.id, c.title) for c in db.session.scalars(select(Consultation).where(
        Consultation.estate_id == project.estate_id, Consultation.rule_key.is_not(None)).order_by(Consultation.id))
        if getattr(c.status, "value", c.status) in ("closed", "published") and results(c).decision == "passed"]
    uses = [(e.id, f"{day_label(e.occurred_on)} {e.memo} {yuan(e.amount_cents)} 元") for e in db.session.scalars(
        select(FundEntry).where(FundEntry.estate_id == project.estate_id, FundEntry.kind == FundEntryKind.used)
        .order_by(FundEntry.id))]
    return {"elevators": elevators, "decisions": decisions, "fund_uses": uses}
