"""Supports collected on paper: entered by the committee with the sheet's photo, counted
exactly like an online support, never replacing an owner's own, one per flat (the unique
constraint), and the flat's owners told who entered it, how and when."""
import pytest

from app.applications.api import paper, services
from app.applications.api import Application, ApplicationSupport, SupportChannel
from app.auth.api import SmsOutboxMessage
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.media.api import media_store
from app.notifications.api import Notification
from tests.applications.helpers import sheet_photo
from tests.helpers import together
from tests.factories import flats_of, link, make_estate, make_owner, make_user


def committee_of(estate):
    return make_user(name="王芳", roles=[("committee", estate.id)])


def test_a_paper_support_counts_like_an_online_one_and_keeps_its_photo(app, estate):
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    committee = committee_of(estate)
    application = services.start_application(estate.id, "屋面漏水", owner.id)
    services.add_support(application, flats[0].id, owner.id)
    before = services.support_of(application).supported
    support = paper.enter_paper_support(application, flats[1].id, committee.id, sheet_photo())
    assert services.support_of(application).supported == before + 1 == 2
    assert support.channel == SupportChannel.paper and support.entered_by_id == committee.id
    assert support.user_id is None
    assert media_store().get(support.evidence)[:2] == b"\xff\xd8"  # the sheet, re-encoded JPEG
    listed = {row["flat_id"]: row for row in paper.supports_list(application)}
    assert listed[flats[1].id]["channel_label"] == "纸质"
    assert "王*" in listed[flats[1].id]["how"] and "纸质" in listed[flats[1].id]["how"]
    assert listed[flats[0].id]["channel"] == "online"
    assert flats[1].id not in {f["flat_id"] for f in paper.flats_without_support(application)}


def test_an_owners_online_support_is_never_replaced_by_a_paper_entry(app, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    application = services.start_application(estate.id, "外墙脱落", owner.id)
    services.add_support(application, flat.id, owner.id)
    with pytest.raises(Conflict) as refused:
        paper.enter_paper_support(application, flat.id, committee_of(estate).id, sheet_photo())
    assert refused.value.code == "already_supported"
    assert "在网上支持" in refused.value.message and "年" in refused.value.message
    [kept] = db.session.scalars(db.select(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id)).all()
    assert kept.user_id == owner.id and kept.channel == SupportChannel.online


def test_a_flat_entered_on_paper_is_not_entered_twice_nor_supported_again_online(app, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    committee = committee_of(estate)
    application = services.start_application(estate.id, "管线老化", owner.id)
    paper.enter_paper_support(application, flat.id, committee.id, sheet_photo())
    with pytest.raises(Conflict) as again:
        paper.enter_paper_support(application, flat.id, committee.id, sheet_photo())
    assert "纸质" in again.value.message
    with pytest.raises(Conflict) as online:
        services.add_support(application, flat.id, owner.id)
    assert online.value.code == "already_supported" and "纸质" in online.value.message
    assert services.support_of(application).supported == 1
    [mine] = services.my_flats(application, owner.id)
    assert mine["supported"] and mine["channel"] == "paper" and "王*" in mine["how"]


def test_a_paper_support_counts_by_owners_too(app):
    estate = make_estate(name="一人两户小区")
    flats = flats_of(estate.id)
    flats[1].owner_id = flats[0].owner_id
    db.session.commit()
    owner = make_owner(flats[0])
    link(owner, flats[1])
    app.config["APPLICATION_SUPPORT_BASIS"] = "owners"
    application = services.start_application(estate.id, "加装电梯", owner.id)
    committee = committee_of(estate)
    paper.enter_paper_support(application, flats[0].id, committee.id, sheet_photo())
    paper.enter_paper_support(application, flats[1].id, committee.id, sheet_photo())
    support = services.support_of(application)
    assert (support.supported, support.total) == (1, 11)  # one owner of two flats: one head


def test_the_owners_are_told_in_the_app_and_by_sms_with_the_page(app, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat, phone="13912340001")
    application = services.start_application(estate.id, "屋面漏水", owner.id)
    paper.enter_paper_support(application, flat.id, committee_of(estate).id, sheet_photo())
    [notice] = db.session.scalars(db.select(Notification).where(
        Notification.user_id == owner.id, Notification.kind == "support_entered")).all()
    assert notice.link == f"/estates/{estate.id}/application"
    assert "王*" in notice.body and "纸质" in notice.body
    [text] = db.session.scalars(db.select(SmsOutboxMessage.body).where(
        SmsOutboxMessage.phone == "13912340001", SmsOutboxMessage.kind == "support_entered")).all()
    assert "纸质" in text and f"/estates/{estate.id}/application" in text


def test_refusals_leave_nothing_behind(app, estate):
    other = make_estate(name="别的小区")
    flat = flats_of(estate.id)[0]
    application = services.start_application(estate.id, "屋面漏水", make_owner(flat).id)
    committee = committee_of(estate)
    with pytest.raises(InvalidInput):
        paper.enter_paper_support(application, flats_of(other.id)[0].id, committee.id, sheet_photo())
    with pytest.raises(InvalidInput):
        paper.enter_paper_support(application, flat.id, committee.id, b"not a photo")
    application.status = "submitted"
    db.session.commit()
    with pytest.raises(Conflict) as closed:
        paper.enter_paper_support(application, flat.id, committee.id, sheet_photo())
    assert closed.value.code == "not_collecting"
    assert services.support_of(application).supported == 0


def test_an_owner_and_a_paper_entry_at_once_leave_exactly_one_support(app, estate, backend):
    """Real threads: the owner taps while the committee enters the sheet; never two."""
    flats = flats_of(estate.id)[:6]
    owners = [make_owner(flat) for flat in flats]
    committee = committee_of(estate)
    application_id = services.start_application(estate.id, "屋面漏水", owners[0].id).id
    photo = sheet_photo()
    for n, flat in enumerate(flats):
        def work(i, flat=flat, owner=owners[n]):
            application = db.session.get(Application, application_id)
            if i == 0:
                services.add_support(application, flat.id, owner.id)
            else:
                paper.enter_paper_support(application, flat.id, committee.id, photo)
        outcomes = together(app, 2, work)
        assert sorted(outcomes) == ["already_supported", "ok"], outcomes
        db.session.expire_all()
        [kept] = db.session.scalars(db.select(ApplicationSupport).where(
            ApplicationSupport.application_id == application_id,
            ApplicationSupport.flat_id == flat.id)).all()
        assert kept.channel in (SupportChannel.online, SupportChannel.paper)
    assert services.support_of(db.session.get(Application, application_id)).supported == len(flats)


def test_an_owner_who_came_first_keeps_the_support(app, estate):
    """The owner's tap commits first; the paper entry arriving after is refused."""
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    application_id = services.start_application(estate.id, "屋面漏水", owner.id).id
    services.add_support(db.session.get(Application, application_id), flat.id, owner.id)
    committee_id, photo = committee_of(estate).id, sheet_photo()
    outcomes = together(app, 3, lambda i: paper.enter_paper_support(
        db.session.get(Application, application_id), flat.id, committee_id, photo))
    assert outcomes == ["already_supported"] * 3
    [kept] = db.session.scalars(db.select(ApplicationSupport).where(
        ApplicationSupport.application_id == application_id)).all()
    assert kept.user_id == owner.id and kept.channel == SupportChannel.online

