"""Voiding a payment recorded by mistake (作废), on SQLite and PostgreSQL: the row stays with
who, when and why; it no longer counts in what the flat paid, the charge's totals, the public
money table or the owners' page, where it shows as 已作废（原因：…）; the flat's owners are told;
its voucher may be recorded again; a WeChat Pay payment, a second void and another estate's
payment are refused; two voids at once: exactly one succeeds."""
import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.contributions.api import (
    Charge, Method, Payment, add_charge, charge_view, lines, member_contributions, paid_by_project, payments_in_total,
    record_payment, void_payment,
)
from app.contributions.api import services
from app.db import utcnow
from app.display import china_time
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.funding.api import public_money
from app.auth.api import SmsOutboxMessage
from app.notifications.api import Notification
from tests.contributions.helpers import Place, pay
from tests.factories import auth, make_estate, make_user
from tests.helpers import together


@pytest.fixture
def place(app):
    return Place()


@pytest.fixture
def charge(place):
    return add_charge(place.project, {"kind": "elevator", "title": "1号楼1单元加装电梯",
                                      "elevator_project_id": place.elevator.id}, place.committee.id)


def owed_of(charge, flat) -> int:
    return next(line.owed_cents for line in lines(charge) if line.flat.id == flat.id)


def received(charge, flat, amount_cents, reference, method="transfer") -> Payment:
    return record_payment(charge, {"flat_id": flat.id, "amount_cents": amount_cents, "method": method,
                                   "reference": reference, "paid_on": utcnow().date() - timedelta(days=1)},
                          charge.created_by_id)


def wechat_paid(place, charge, flat, amount_cents, reference) -> Payment:
    """A payment as WeChat Pay's notify records it (the notify itself: test_wechat_pay.py)."""
    line = services.line_of(charge, flat.id)
    payment = services._add_payment(charge, line, amount_cents=amount_cents, method=Method.wechat,
                                    paid_on=utcnow().date(), reference=reference, recorded_by_id=None,
                                    paid_by_id=place.owner_of(flat).id, payer_name="", note="")
    db.session.commit()
    return payment


def test_a_voided_payment_stays_but_counts_nowhere_and_shows_its_reason(place, charge):
    flat, other = place.flats[6], place.flats[8]
    wrong = received(charge, flat, 30_000, "BANK-WRONG")
    kept = received(charge, other, 20_000, "CASH-KEPT", method="cash")
    assert paid_by_project(place.project.id) == 50_000
    voided = void_payment(wrong, "  户号登记错了，应是402  ", place.committee.id)
    db.session.expire_all()
    row = db.session.get(Payment, wrong.id)
    assert row is not None and row.voided_by_id == place.committee.id and row.voided_at is not None
    assert row.void_reason == "户号登记错了，应是402" and voided.id == wrong.id
    # no longer counted: the flat, the charge, the project, the public money table
    assert services.paid_cents(charge.id) == {other.id: 20_000}
    assert paid_by_project(place.project.id) == 20_000
    assert payments_in_total(place.project.id)["count"] == 1
    residents = next(r for r in public_money(place.project.id)["sources"] if r["source"] == "residents")
    assert residents["received_cents"] == 20_000
    view = charge_view(db.session.get(Charge, charge.id))
    line = next(r for r in view["flats"] if r["flat_id"] == flat.id)
    assert (line["paid_cents"], line["due_cents"]) == (0, owed_of(charge, flat))
    assert view["paid_cents"] == 20_000
    # … but still listed, saying it was voided and why
    (shown,) = line["payments"]
    assert shown["voided"] and shown["voided_text"] == "已作废（原因：户号登记错了，应是402）"
    mine = member_contributions(place.project, place.owner_of(flat).id, full=False)["mine"]
    assert mine[0]["payments"][0]["voided_text"] == "已作废（原因：户号登记错了，应是402）"
    assert mine[0]["paid_cents"] == 0
    assert kept.voided_at is None


def test_a_void_is_audited_and_the_owners_are_told_who_when_and_why(place, charge):
    flat = place.flats[6]
    wrong = received(charge, flat, 30_000, "BANK-AUDIT")
    void_payment(wrong, "金额写错了", place.committee.id)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "contribution.payment_voided"))
    assert entry.actor_id == place.committee.id and entry.estate_id == place.estate.id
    assert entry.data["payment_id"] == wrong.id and entry.data["reason"] == "金额写错了"
    assert entry.data["amount_cents"] == 30_000
    (told,) = db.session.scalars(select(Notification).where(Notification.kind == "contribution_voided")).all()
    assert told.user_id == place.owner_of(flat).id
    payment = db.session.get(Payment, wrong.id)
    assert "居委会李建国" in told.body and china_time(payment.voided_at) in told.body
    assert "原因：金额写错了" in told.body and "300.00 元" in told.body and "BANK-AUDIT" in told.body
    assert told.title == "一条登记错的交款记录已作废（300.00 元）"
    assert f"收据 GZ{place.estate.id:04d}-{wrong.id:06d}" in told.body and "请交回居委会" in told.body
    assert told.link == f"/projects/{place.project.id}/contributions#payment-{wrong.id}"
    # by SMS too, naming the receipt to hand back
    (sms,) = db.session.scalars(select(SmsOutboxMessage.body).where(
        SmsOutboxMessage.phone == place.owner_of(flat).phone, SmsOutboxMessage.kind == "payment_voided")).all()
    assert f"1号楼 1单元 401的一条 300.00 元交款记录登记错了，已作废，收据 GZ{place.estate.id:04d}-{wrong.id:06d} 请交回居委会" in sms
    assert sms.endswith(told.link)


def test_after_a_void_the_flat_may_pay_again_even_with_the_same_voucher(place, charge):
    flat = place.flats[6]
    owed = owed_of(charge, flat)
    whole = received(charge, flat, owed, "BANK-SAME")
    with pytest.raises(Conflict) as over:
        received(charge, flat, 1, "BANK-MORE")
    assert over.value.code == "over_owed"
    void_payment(whole, "登记成了别的户", place.committee.id)
    again = received(charge, flat, owed, "BANK-SAME")  # the voided one no longer holds the voucher
    assert again.id != whole.id and services.paid_cents(charge.id, flat.id) == {flat.id: owed}
    with pytest.raises(Conflict) as twice:
        received(charge, place.flats[7], 100, "BANK-SAME")  # a standing payment still does
    assert twice.value.code == "payment_exists"


def test_a_wechat_payment_a_second_void_and_no_reason_are_refused(place, charge):
    flat = place.flats[6]
    online = wechat_paid(place, charge, flat, 10_000, "4200000000202612070001")
    with pytest.raises(Conflict) as wechat:
        void_payment(online, "多付了", place.committee.id)
    assert wechat.value.code == "wechat_payment" and "请通过微信支付退款" in wechat.value.message
    cash = received(charge, flat, 100, "CASH-1", method="cash")
    with pytest.raises(InvalidInput) as blank:
        void_payment(cash, "   ", place.committee.id)
    assert blank.value.fields["reason"] == "请写明作废原因（1 到 200 个字）"
    void_payment(cash, "重复登记", place.committee.id)
    with pytest.raises(Conflict) as again:
        void_payment(db.session.get(Payment, cash.id), "重复登记", place.committee.id)
    assert again.value.code == "already_voided"
    assert services.paid_cents(charge.id, flat.id) == {flat.id: 10_000}


def test_two_committee_members_voiding_at_once_one_succeeds(app, backend, place, charge):
    second = make_user(name="王秀英", roles=[("committee", place.estate.id)])
    payment_id = received(charge, place.flats[6], 30_000, "BANK-RACE").id
    actors = [place.committee.id, second.id] * 3

    def work(i):
        void_payment(db.session.get(Payment, payment_id), f"第{i}位委员作废", actors[i])

    outcomes = together(app, 6, work)
    print(f"\n[contributions] {backend}: 6 voids of one payment at once: {sorted(outcomes)}")
    assert sorted(outcomes) == ["already_voided"] * 5 + ["ok"], outcomes
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count(AuditEntry.id)).where(
        AuditEntry.action == "contribution.payment_voided")) == 1
    assert db.session.scalar(select(db.func.count(Notification.id)).where(
        Notification.kind == "contribution_voided")) == 1


# --- the route ---------------------------------------------------------------------------

def void(client, payment_id, headers, **body):
    return client.post(f"/api/v1/contribution-payments/{payment_id}/void", headers=headers, json=body)


def test_the_route_voids_once_and_answers_each_refusal_in_json(client, place, charge):
    flat = place.flats[6]
    made = pay(client, place, charge.id, flat, 30_000, "BANK-ROUTE")
    assert made.status_code == 201, made.json
    for body in ({}, {"reason": ""}, {"reason": "字" * 201}, {"reason": None}):
        refused = void(client, made.json["id"], place.auth(), **body)
        assert refused.status_code == 422, (body, refused.json)
        assert refused.json["error"]["fields"]["reason"] == "请写明作废原因（1 到 200 个字）"
    owner = void(client, made.json["id"], auth(place.owner_of(flat)), reason="不对")
    assert owner.status_code == 403 and owner.json["error"]["code"]
    done = void(client, made.json["id"], place.auth(), reason="户号错了")
    assert done.status_code == 200, done.json
    assert done.json["voided"] and done.json["voided_text"] == "已作废（原因：户号错了）"
    twice = void(client, made.json["id"], place.auth(), reason="户号错了")
    assert twice.status_code == 409 and twice.json["error"]["code"] == "already_voided"
    assert twice.json["error"]["message"] == "这笔缴款已经作废了"
    online = wechat_paid(place, charge, flat, 10_000, "4200000000202612070002")
    refused = void(client, online.id, place.auth(), reason="多付了")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "wechat_payment"
    assert "请通过微信支付退款" in refused.json["error"]["message"]
    view = client.get(f"/api/v1/contribution-charges/{charge.id}", headers=place.auth()).json
    row = next(r for r in view["flats"] if r["flat_id"] == flat.id)
    assert row["paid_cents"] == 10_000 and [p["voided"] for p in row["payments"]] == [True, False]
    receipt = client.get(done.json["receipt_url"], headers=auth(place.owner_of(flat)))
    text = subprocess.run(["pdftotext", "-", "-"], input=receipt.data, capture_output=True, check=True).stdout.decode()
    assert "收款收据（已作废）" in text and "已作废（原因：户号错了）" in text


def test_another_estates_committee_cannot_find_the_payment(client, place, charge):
    made = pay(client, place, charge.id, place.flats[6], 30_000, "BANK-OTHER")
    elsewhere = make_estate(name="别的小区")
    outsider = make_user(name="赵委员", roles=[("committee", elsewhere.id)])
    answer = void(client, made.json["id"], auth(outsider), reason="不是我们的")
    assert answer.status_code == 404 and answer.json["error"]["code"]
    missing = void(client, 999_999, place.auth(), reason="没有这笔")
    assert missing.status_code == 404
    assert db.session.get(Payment, made.json["id"]).voided_at is None
