"""What the committee enters on paper for a flat (a meeting's sign-in, an application's
support) reaches an owner known only by the ledger's number by SMS, as the other notices do:
not a number that opted out, not an owner with an account (told in the app), and nothing over
the estate's monthly budget."""
import io

from PIL import Image
from sqlalchemy import select

from app.applications.api import paper, services as applications
from app.auth.api import SmsOutboxMessage
from app.cases.api import Meeting, sign_ins
from app.cases.api import services as cases
from app.db import utcnow
from app.extensions import db
from app.reach.api import services as reach
from tests.factories import flats_of, make_user
from tests.reach.helpers import PHONE0, ledger_estate, register


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (250, 250, 240)).save(out, "JPEG")
    return out.getvalue()


def texts(kind):
    return {m.phone: m.body for m in db.session.scalars(select(SmsOutboxMessage).where(
        SmsOutboxMessage.kind == kind))}


def test_sign_ins_reach_ledger_only_owners_by_sms_but_not_opted_out_nor_registered(app):
    estate = ledger_estate(6)
    [registered] = register(estate, 1)
    flats = sorted(flats_of(estate.id), key=lambda f: int(f.owner.phone))
    reach.opt_out(str(PHONE0 + 2), "reply")
    committee = make_user(roles=[("committee", estate.id)])
    case = cases.create_case(estate.id, title="楼道堆物", description="三楼楼道堆满杂物",
                             affected_flat_ids=[flats[0].id], actor_id=registered.id)
    meeting = Meeting(estate_id=estate.id, case_id=case.id, held_at=utcnow(), place="社区活动室",
                      agenda="堆物怎么清", attendees=[], minutes=None)
    db.session.add(meeting)
    db.session.commit()
    sign_ins.record_paper_sign_ins(meeting, [f.id for f in flats[:4]], committee.id, photo())
    sent = texts("meeting_sign_in")
    assert set(sent) == {str(PHONE0 + 1), str(PHONE0 + 3)}  # not 0 (registered), not 2 (opted out)
    assert "楼道堆物" in sent[str(PHONE0 + 1)] and f"/cases/{case.id}" in sent[str(PHONE0 + 1)]
    assert reach.budget_left(estate.id) < reach.monthly_cap(estate.id)  # paid from the month's budget


def test_a_paper_support_reaches_a_ledger_only_owner_and_the_budget_stops_it(app):
    estate = ledger_estate(3)
    flats = sorted(flats_of(estate.id), key=lambda f: int(f.owner.phone))
    committee = make_user(roles=[("committee", estate.id)])
    application = applications.start_application(estate.id, "屋面漏水", committee.id)
    paper.enter_paper_support(application, flats[0].id, committee.id, photo())
    sent = texts("support_entered")
    assert list(sent) == [str(PHONE0)] and f"/estates/{estate.id}/application" in sent[str(PHONE0)]

    reach.set_estate_budget(estate.id, 0, committee.id)
    paper.enter_paper_support(application, flats[1].id, committee.id, photo())
    assert list(texts("support_entered")) == [str(PHONE0)]  # over the budget: not sent, the support stands
    assert applications.support_of(application).supported == 2
