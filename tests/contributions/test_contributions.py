"""Who pays (居民出资): owed amounts derived from the decisions that set them, exact to the fen
and explained; payments never above what is owed (unless decided), one per voucher, the
flat's owners told; the committee sees every flat, residents their own and, of the others,
only how many flats per stairwell paid and owe."""
import re
import subprocess

import pytest
from sqlalchemy import select

from app.auth.api import SmsOutboxMessage
from app.contributions.api import Payment, paid_by_project
from app.db import utcnow
from app.extensions import db
from app.funding.api import public_money
from app.notifications.api import Notification
from app.projects.api import FundEntryKind, add_fund_entry
from tests.contributions.helpers import Place, add_charge, pay
from tests.factories import auth, make_user




@pytest.fixture
def place(app):
    return Place()


def elevator_charge(client, place):
    made = add_charge(client, place, kind="elevator", title="1号楼1单元加装电梯",
                      elevator_project_id=place.elevator.id)
    assert made.status_code == 201, made.json
    return made.json


def test_elevator_shares_are_owed_exactly_and_explain_themselves(client, place):
    charge = elevator_charge(client, place)
    rows = {row["flat_id"]: row for row in charge["flats"]}
    # total − subsidy, split by floor coefficient × area, to the fen
    assert charge["owed_cents"] == 40_000_001 == sum(row["owed_cents"] for row in rows.values())
    ground = rows[place.flats[0].id]
    assert ground["owed_cents"] == 0 and "本户不需出资" in ground["basis"]
    top = rows[place.flats[-1].id]
    assert "系数 2" in top["basis"] and "81.25 ㎡" in top["basis"] and "业主共担 400,000.01 元" in top["basis"]
    assert top["owed_cents"] > rows[place.flats[-2].id]["owed_cents"]  # the larger flat pays more
    assert charge["due_cents"] == charge["owed_cents"] and charge["paid_cents"] == 0
    again = add_charge(client, place, kind="elevator", title="再来一次", elevator_project_id=place.elevator.id)
    assert again.status_code == 409 and again.json["error"]["code"] == "already_charged"


def test_an_elevator_before_signing_sets_no_amounts_yet(client, place):
    place.elevator.stage = type(place.elevator.stage)("publicity")
    db.session.commit()
    refused = add_charge(client, place, kind="elevator", title="电梯", elevator_project_id=place.elevator.id)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "shares_not_settled"


def test_an_agreed_amount_rests_on_a_passed_decision_per_flat_or_by_area(client, place):

    decision = place.decision()
    per_flat = add_charge(client, place, kind="agreed", title="楼道自筹", consultation_id=decision.id,
                          per_flat_cents=120_000)
    assert per_flat.status_code == 201, per_flat.json
    assert {row["owed_cents"] for row in per_flat.json["flats"]} == {120_000}
    assert per_flat.json["owed_cents"] == 12 * 120_000
    assert f"《{decision.title}》通过：每户 1,200.00 元" in per_flat.json["flats"][0]["basis"]
    second = place.decision()
    by_area = add_charge(client, place, kind="agreed", title="外墙保温自筹", consultation_id=second.id,
                         total_cents=1_000_000)
    assert by_area.status_code == 201, by_area.json
    parts = [row["owed_cents"] for row in by_area.json["flats"]]
    assert sum(parts) == 1_000_000 and max(parts) - min(parts) > 0
    both = add_charge(client, place, kind="agreed", title="x", consultation_id=second.id,
                      total_cents=1, per_flat_cents=1)
    assert both.status_code == 422 and "per_flat_cents" in both.json["error"]["fields"]


def test_a_decision_still_open_sets_nothing(client, place):
    from tests.factories import make_consultation

    vote = make_consultation(place.estate, "fund_use", actor=place.committee)
    refused = add_charge(client, place, kind="agreed", title="自筹", consultation_id=vote.id, per_flat_cents=100)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "decision_not_passed"


def test_a_fund_use_is_owed_and_paid_from_the_fund_never_counted_twice(client, place):
    add_fund_entry(place.estate.id, FundEntryKind.collected, 1_200_000, utcnow().date(), "归集", place.committee.id)
    use = add_fund_entry(place.estate.id, FundEntryKind.used, 600_000, utcnow().date(), "屋面防水",
                         place.committee.id, place.decision().id)
    made = add_charge(client, place, kind="fund_use", title="屋面防水（维修资金）", fund_entry_id=use.id)
    assert made.status_code == 201, made.json
    body = made.json
    assert body["owed_cents"] == body["from_fund_cents"] == 600_000 and body["due_cents"] == 0
    assert "已从本户维修资金分户账扣除" in body["flats"][0]["basis"]
    refused = pay(client, place, body["id"], place.flats[3], 100, "FUND-1", method="maintenance_fund")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "paid_from_fund"
    assert paid_by_project(place.project.id) == 0


def test_payments_never_exceed_what_is_owed_and_tell_the_owners(client, place):
    charge = elevator_charge(client, place)
    flat = place.flats[6]  # 4th floor
    owed = next(row["owed_cents"] for row in charge["flats"] if row["flat_id"] == flat.id)
    first = pay(client, place, charge["id"], flat, owed - 100, "BANK-0001", payer_name="业主之子")
    assert first.status_code == 201, first.json
    assert first.json["receipt_no"].startswith("GZ") and first.json["method_label"] == "银行转账"
    over = pay(client, place, charge["id"], flat, 101, "BANK-0002")
    assert over.status_code == 409 and over.json["error"]["code"] == "over_owed"
    assert "最多还能收 1.00 元" in over.json["error"]["message"]
    twice = pay(client, place, charge["id"], flat, 50, "BANK-0001")
    assert twice.status_code == 409 and twice.json["error"]["code"] == "payment_exists"
    rest = pay(client, place, charge["id"], flat, 100, "公积金-7", method="provident_fund")
    assert rest.status_code == 201
    assert db.session.scalar(select(db.func.count(Payment.id))) == 2  # refusals left nothing behind
    told = db.session.scalars(select(Notification).where(
        Notification.user_id == place.owner_of(flat).id, Notification.kind == "contribution_paid")
        .order_by(Notification.id)).all()
    assert len(told) == 2
    assert "居委会李建国于" in told[0].body and "银行转账" in told[0].body and "BANK-0001" in told[0].body
    assert told[0].link == f"/projects/{place.project.id}/contributions#payment-{first.json['id']}"
    # and by SMS, for an owner who seldom opens the app, with the link to the same line
    texts = db.session.scalars(select(SmsOutboxMessage.body).where(
        SmsOutboxMessage.phone == place.owner_of(flat).phone, SmsOutboxMessage.kind == "payment_recorded")
        .order_by(SmsOutboxMessage.id)).all()
    assert len(texts) == 2 and f"1号楼 1单元 401交来的 {(owed - 100) // 100:,}.{(owed - 100) % 100:02d} 元已经记账" in texts[0]
    assert texts[0].endswith(f"/projects/{place.project.id}/contributions#payment-{first.json['id']}")
    ground = pay(client, place, charge["id"], place.flats[0], 100, "BANK-9")
    assert ground.status_code == 422 and ground.json["error"]["fields"]["flat_id"] == "这户不需要交这笔钱"
    view = client.get(f"/api/v1/contribution-charges/{charge['id']}", headers=place.auth()).json
    row = next(row for row in view["flats"] if row["flat_id"] == flat.id)
    assert (row["paid_cents"], row["due_cents"], len(row["payments"])) == (owed, 0, 2)


def test_money_still_due_is_on_the_owners_home_page_until_it_is_paid(client, place):
    from tests.web.helpers import web_login

    def todo_of(person):
        browser = client.application.test_client()
        web_login(browser, person.phone)
        return lambda: browser.get("/").text.split('id="todo"')[1].split("</section>")[0]

    charge = elevator_charge(client, place)
    flat, ground = place.flats[6], place.flats[0]  # the ground floor pays nothing for the elevator
    owed = next(row["owed_cents"] for row in charge["flats"] if row["flat_id"] == flat.id)
    assert pay(client, place, charge["id"], flat, 100_00, "BANK-0001").status_code == 201
    owner_todo, ground_todo = todo_of(place.owner_of(flat)), todo_of(place.owner_of(ground))
    link = f'href="/projects/{place.project.id}/contributions"'
    assert link in owner_todo() and "要交的钱：1号楼1单元加装电梯" in owner_todo()
    assert f"您家还要交 {(owed - 100_00) // 100:,}.{(owed - 100_00) % 100:02d} 元" in owner_todo()
    assert link not in ground_todo() and "要交的钱" not in ground_todo()
    assert pay(client, place, charge["id"], flat, owed - 100_00, "BANK-0002").status_code == 201
    assert link not in owner_todo() and "要交的钱" not in owner_todo()


def test_how_to_pay_is_the_committees_to_write_and_the_owners_to_read(client, place):
    from app.audit.api import AuditEntry, seal
    from tests.web.helpers import web_login

    elevator_charge(client, place)
    flat = place.flats[6]
    owner = place.owner_of(flat)
    url = f"/api/v1/projects/{place.project.id}/paying-instructions"
    contributions = f"/api/v1/projects/{place.project.id}/contributions"
    assert client.get(contributions, headers=auth(owner)).json["paying_instructions"] is None
    assert client.put(url, headers=auth(owner), json={"text": "交给我"}).status_code == 403
    for empty in ({"text": ""}, {"text": "   "}, {"text": None}, {}):
        refused = client.put(url, headers=place.auth(), json=empty)
        assert refused.status_code == 422 and "请写明怎么交" in refused.json["error"]["fields"]["text"]
    assert client.put(url, headers=place.auth(), json={"text": "x" * 301}).status_code == 422
    first = "每周一上午到居委会交现金；转账账号 0200 0012 3400 5678 901；电话 010-6421 0000"
    assert client.put(url, headers=place.auth(), json={"text": first}).json == {"text": first}
    assert client.get(contributions, headers=auth(owner)).json["paying_instructions"] == first
    again = first.replace("周一", "周三")
    assert client.put(url, headers=place.auth(), json={"text": again}).status_code == 200
    assert client.get(contributions, headers=auth(owner)).json["paying_instructions"] == again
    seal()
    audited = db.session.scalars(select(AuditEntry.data).where(AuditEntry.action == "contribution.instructions")).all()
    assert [entry["text"] for entry in audited] == [first, again]
    # the owner's page shows it where she reads what she owes
    web_login(client, owner.phone)
    page = client.get(f"/projects/{place.project.id}/contributions").text
    assert 'id="paying-instructions"' in page and "每周三上午到居委会交现金" in page
    assert "按上面“怎么交钱”交现金或转账" in page


def test_an_owner_known_only_by_the_ledger_hears_of_a_payment_and_its_void_by_sms(client, place):
    from app.contributions.api import void_payment
    from app.estates.api import FlatLink

    charge = elevator_charge(client, place)
    flat = place.flats[8]  # nobody signed up for it: the ledger's mobile number is all there is
    db.session.execute(db.delete(FlatLink).where(FlatLink.flat_id == flat.id))
    flat.owner.phone, flat.owner.phone_kind = "13955550008", "mobile"
    db.session.commit()
    paid = pay(client, place, charge["id"], flat, 500_00, "BANK-LEDGER")
    assert paid.status_code == 201, paid.json
    void_payment(db.session.get(Payment, paid.json["id"]), "户号登记错了", place.committee.id)
    sent = dict(db.session.execute(select(SmsOutboxMessage.kind, SmsOutboxMessage.body).where(
        SmsOutboxMessage.phone == "13955550008")).all())
    line = f"/projects/{place.project.id}/contributions#payment-{paid.json['id']}"
    assert "交来的 500.00 元已经记账" in sent["payment_recorded"] and sent["payment_recorded"].endswith(line)
    assert f"收据 {paid.json['receipt_no']} 请交回居委会" in sent["payment_voided"]
    assert db.session.scalar(select(db.func.count(Notification.id)).where(
        Notification.link == line)) == 0  # no account stands for the flat: nobody to tell in the app


@pytest.mark.parametrize("typed", ["３００", "1,000", "300元", "300.5", ""])
def test_an_amount_typed_as_text_is_refused_saying_what_to_write_never_read(client, place, typed):
    """int("３００") is 300 fen: a hundredth of the 300 yuan the person meant; text is refused."""
    charge = elevator_charge(client, place)
    answer = pay(client, place, charge["id"], place.flats[6], typed, "BANK-TYPED")
    assert answer.status_code == 422
    assert answer.json["error"]["fields"]["amount_cents"] == "金额请写数字，如 1200000 或 1200000.50，不要加逗号或“元”"
    assert db.session.scalar(select(Payment.id)) is None


def test_more_than_owed_only_with_a_decision_covering_the_flat(client, place):
    charge = elevator_charge(client, place)
    flat = place.flats[4]
    owed = next(row["owed_cents"] for row in charge["flats"] if row["flat_id"] == flat.id)
    decision = place.decision()
    allowed = pay(client, place, charge["id"], flat, owed + 50_000, "BANK-OVER", over_decision_id=decision.id)
    assert allowed.status_code == 201, allowed.json
    future = pay(client, place, charge["id"], place.flats[5], 1, "BANK-F", paid_on="2999-01-01")
    assert future.status_code == 422 and "paid_on" in future.json["error"]["fields"]


def test_maintenance_fund_payments_are_not_residents_money(client, place):
    charge = elevator_charge(client, place)
    pay(client, place, charge["id"], place.flats[8], 10_000, "CASH-1", method="cash")
    pay(client, place, charge["id"], place.flats[9], 20_000, "MF-1", method="maintenance_fund")
    assert paid_by_project(place.project.id) == 10_000


def test_payments_reach_the_public_money_table_as_one_line_naming_nobody(client, place):
    charge = elevator_charge(client, place)
    pay(client, place, charge["id"], place.flats[8], 10_000, "CASH-2", method="cash")
    pay(client, place, charge["id"], place.flats[9], 25_050, "BANK-2", method="transfer")
    pay(client, place, charge["id"], place.flats[7], 20_000, "MF-2", method="maintenance_fund")
    table = public_money(place.project.id)
    residents = next(row for row in table["sources"] if row["source"] == "residents")
    assert residents["received_cents"] == 35_050 == table["totals"]["received_cents"]
    line = next(e for e in table["entries"] if e["source"] == "residents")
    assert line["party"] == "平台记录的 2 笔缴款，截至该日" and line["amount_cents"] == 35_050
    shown = str(table)
    assert "CASH-2" not in shown and "BANK-2" not in shown
    assert all(flat.owner is None or flat.owner.name not in shown for flat in place.flats)


def test_residents_see_their_own_in_full_and_others_arrears_masked(client, place):
    charge = elevator_charge(client, place)
    flat = place.flats[10]
    owner = place.owner_of(flat)
    body = client.get(f"/api/v1/projects/{place.project.id}/contributions", headers=auth(owner)).json
    seen = body["charges"][0]
    assert seen["owed_cents"] == charge["owed_cents"]
    assert seen["flats"] == []  # no neighbour's line, masked or not
    assert [(s["paid_flats"], s["owing_flats"]) for s in seen["stairwells"]] == [(0, 10)]  # two ground flats owe nothing
    mine = body["mine"]
    assert [row["flat_id"] for row in mine] == [flat.id] and mine[0]["basis"]
    assert mine[0]["certificate_url"].endswith(f"/flats/{flat.id}/provident-fund-certificate.pdf")
    assert body["online_payment"] is False
    off = client.post(f"/api/v1/contribution-charges/{charge['id']}/wechat-orders", headers=auth(owner),
                      json={"flat_id": flat.id, "channel": "h5"})
    assert off.status_code == 409 and off.json["error"]["code"] == "wechat_pay_off"  # off by default
    assert pay(client, place, charge["id"], flat, 1, "X", headers=None).status_code == 201  # committee
    refused = client.post(f"/api/v1/contribution-charges/{charge['id']}/payments", headers=auth(owner),
                          json={"flat_id": flat.id, "amount_cents": 1, "method": "cash",
                                "paid_on": "2026-01-01", "reference": "Y"})
    assert refused.status_code == 403
    outsider = make_user()
    assert client.get(f"/api/v1/projects/{place.project.id}/contributions", headers=auth(outsider)).status_code == 404


def assert_no_text_over_the_next_row(pdf: bytes, label: str):
    """Every word printed above the row labelled `label` ends above that label (pdftotext's
    word boxes): a long cell in the row before printed over it when rows had a fixed height."""
    boxes = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    words = [(float(top), float(bottom), text) for top, bottom, text in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', boxes)]
    row_top = next(top for top, _bottom, text in words if text == label)
    over = [text for top, bottom, text in words if top < row_top - 1 and bottom > row_top + 0.5]
    assert not over, f"printed over {label}: {over}"


def test_receipt_and_provident_fund_certificate_are_pdfs_for_the_committee_and_the_owners(client, place):
    charge = elevator_charge(client, place)
    flat = place.flats[10]
    payment = pay(client, place, charge["id"], flat, 10_000, "BANK-R").json
    receipt = client.get(payment["receipt_url"], headers=auth(place.owner_of(flat)))
    assert receipt.status_code == 200 and receipt.data.startswith(b"%PDF")
    other = client.get(payment["receipt_url"], headers=auth(place.owner_of(place.flats[2])))
    assert other.status_code == 403
    url = f"/api/v1/contribution-charges/{charge['id']}/flats/{flat.id}/provident-fund-certificate.pdf"
    certificate = client.get(url, headers=auth(place.owner_of(flat)))
    assert certificate.status_code == 200 and certificate.data.startswith(b"%PDF")
    assert client.get(url, headers=place.auth()).status_code == 200
    assert_no_text_over_the_next_row(certificate.data, "项目阶段")  # the long 分摊依据 grows its row
    ground = f"/api/v1/contribution-charges/{charge['id']}/flats/{place.flats[0].id}/provident-fund-certificate.pdf"
    assert client.get(ground, headers=place.auth()).json["error"]["code"] == "nothing_owed"


def test_a_failure_after_the_payment_was_written_leaves_nothing_behind(client, place, monkeypatch):
    import app.notifications.api as notifications

    from app.audit.api import AuditEntry

    charge = elevator_charge(client, place)
    before = db.session.scalar(select(db.func.count(AuditEntry.id)))

    def broken(*_args, **_kwargs):
        raise RuntimeError("the notices could not be written")

    monkeypatch.setattr(notifications, "tell", broken)
    failed = pay(client, place, charge["id"], place.flats[7], 100, "BANK-HALF")
    assert failed.status_code == 500 and failed.json["error"]["code"] == "server_error"
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count(Payment.id))) == 0
    assert db.session.scalar(select(db.func.count(AuditEntry.id))) == before


def test_owners_see_counts_per_stairwell_never_a_neighbours_flat(client, place):
    from tests.web.helpers import web_login

    charge = elevator_charge(client, place)
    rows = {row["flat_id"]: row for row in charge["flats"]}
    paid_up, neighbour, flat = place.flats[4], place.flats[7], place.flats[10]
    assert pay(client, place, charge["id"], paid_up, rows[paid_up.id]["owed_cents"], "PAID-UP").status_code == 201
    assert pay(client, place, charge["id"], neighbour, 100, "A-PART").status_code == 201
    owner = place.owner_of(flat)
    counts = client.get(f"/api/v1/projects/{place.project.id}/contributions", headers=auth(owner)).json
    stairwell = counts["charges"][0]["stairwells"][0]
    # the ground floor pays nothing towards the lift; a part paid is not "not paid"
    free = sum(1 for row in charge["flats"] if row["owed_cents"] == 0)
    assert free == 2 and len(charge["flats"]) == 12
    assert (stairwell["paid_flats"], stairwell["owing_flats"], stairwell["partly_flats"],
            stairwell["nothing_to_pay_flats"]) == (1, 9, 1, 2)
    assert stairwell["text"].endswith("：交清 1 户，交了一部分 1 户，还没交 8 户，不用另交 2 户")
    web_login(client, owner.phone)
    page = client.get(f"/projects/{place.project.id}/contributions").text
    assert stairwell["text"] in page
    mine = f"{rows[flat.id]['owed_cents'] // 100:,}.{rows[flat.id]['owed_cents'] % 100:02d}"
    assert flat.room in page and mine in page  # the viewer's own flat, in full
    theirs = rows[neighbour.id]["owed_cents"]
    for other in (neighbour, paid_up):
        assert f" {other.room}" not in page and f"{other.room[0]}**" not in page
    assert f"{theirs // 100:,}.{theirs % 100:02d}" not in page
    assert neighbour.owner.name.startswith("业主") and neighbour.owner.name not in page
    committee = client.get(f"/api/v1/projects/{place.project.id}/contributions", headers=place.auth()).json
    assert len(committee["charges"][0]["flats"]) == 12  # the committee keeps every flat's line
