"""Issue 30 item 3: a scan is confirmed once (row lock, real threads), and a flat whose sheet
has several pages gets a ballot only from every page read, or with each unread question
marked by the committee; the evidence is exactly the scans that made the ballot."""

from sqlalchemy import func, select

from app.audit.api import AuditEntry, AuditPending
from app.auth.api import User
from app.consultations.api import Ballot, BallotVersion
from app.errors import Conflict
from app.extensions import db
from app.paperballots.api import services
from app.paperballots.api import PaperBallotScan, ScanStatus
from tests.factories import auth, flats_of, make_consultation, sign_in_cookie
from tests.helpers import together
from tests.paperballots.sheets import sheet_photo
from tests.paperballots.helpers import A, upload

WITNESS = "13912345678"


def test_simultaneous_confirms_of_one_scan_make_one_ballot(app, estate, committee):
    """Fails on the old code: every confirm succeeded, each writing a version of the ballot."""
    vote = make_consultation(estate, actor=committee, scope_type="stairwell",
                             scope_id=flats_of(estate.id)[0].stairwell_id)
    flat = flats_of(estate.id)[0]
    scan = services.read_scan(vote, committee.id, sheet_photo(vote, flat.id, {("install", None): "agree"}))
    scan_id, committee_id, n = scan.id, committee.id, 4
    def confirm(i):
        answer = "agree" if i % 2 else "abstain"
        try:
            ballot = services.confirm_scan(services.get_scan(scan_id), db.session.get(User, committee_id),
                                           {"install": answer}, WITNESS)
            return ("confirmed", ballot.receipt)
        except Conflict as refusal:
            return (refusal.code, refusal.status)

    outcomes = together(app, n, confirm, returns=True)
    confirmed = [o for o in outcomes if o[0] == "confirmed"]
    assert len(confirmed) == 1, outcomes
    assert sorted(o for o in outcomes if o[0] != "confirmed") == [("scan_decided", 409)] * (n - 1)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(BallotVersion.id))) == 1
    ballot = db.session.scalar(select(Ballot))
    stored = db.session.get(PaperBallotScan, scan_id)
    assert (stored.status, stored.ballot_id, stored.receipt) == (ScanStatus.confirmed, ballot.id, confirmed[0][1])
    confirms = sum(db.session.scalar(select(func.count(model.id)).where(
        model.action == "paper_ballot.confirmed")) for model in (AuditEntry, AuditPending))
    assert confirms == 1


def content_vote(estate, committee):
    return make_consultation(estate, "content_vote", actor=committee, scope_type="stairwell",
                             scope_id=flats_of(estate.id)[0].stairwell_id)


def pages_of(client, committee, vote, flat_id):
    layout = client.get(f"{A}/consultations/{vote.id}/paper-ballots/layout.json", headers=auth(committee)).json
    return [sorted({b["item"] for b in p["boxes"]}) for p in layout["pages"] if p["flat_id"] == flat_id]


def read_page(client, committee, vote, flat_id, items, page):
    read = upload(client, committee, vote, sheet_photo(vote, flat_id, {("items", items[0]): "agree"}, page=page))
    assert read.status_code == 201, read.json
    return read.json["id"]


def confirm(client, committee, scan_id, answers):
    return client.post(f"{A}/paper-ballot-scans/{scan_id}/confirm", headers=auth(committee),
                       json={"answers": answers, "witness_phone": WITNESS})


def test_a_ballot_needs_every_page_or_each_unread_question_marked(client, estate, committee):
    """Fails on the old code: page 1 of 3 was confirmed and the unread items became 弃权."""
    vote = content_vote(estate, committee)
    flat = flats_of(estate.id)[0]
    pages = pages_of(client, committee, vote, flat.id)
    assert len(pages) >= 2
    first = read_page(client, committee, vote, flat.id, pages[0], 1)
    read = {item: "agree" for item in pages[0]}
    refused = confirm(client, committee, first, {"items": read})
    assert refused.status_code == 422 and refused.json["error"]["code"] == "pages_unread"
    assert "第 2" in refused.json["error"]["message"]
    assert "items" in refused.json["error"]["fields"]["answers"]
    assert db.session.scalar(select(Ballot)) is None
    assert db.session.get(PaperBallotScan, first).status == ScanStatus.draft
    # marking only some of the unread items is not enough
    partly = {**read, pages[1][0]: "abstain"}
    assert confirm(client, committee, first, {"items": partly}).status_code == 422
    # every unread item marked by the committee: the ballot is made, its evidence this page only
    marked = {**read, **{item: "abstain" for page in pages[1:] for item in page}}
    made = confirm(client, committee, first, {"items": marked})
    assert made.status_code == 201, made.json
    ballot = db.session.scalar(select(Ballot))
    assert ballot.answers["items"] == marked
    assert ballot.evidence.endswith(f"第 1 页（编号 {first}）")
    assert ballot.evidence.count("页（编号") == 1


def test_every_page_read_makes_a_ballot_whose_evidence_is_exactly_those_scans(client, estate, committee):
    vote = content_vote(estate, committee)
    flat = flats_of(estate.id)[1]
    pages = pages_of(client, committee, vote, flat.id)
    scans = [read_page(client, committee, vote, flat.id, items, number)
             for number, items in enumerate(pages, start=1)]
    again = read_page(client, committee, vote, flat.id, pages[0], 1)  # page 1 photographed twice
    answers = {"items": {item: "agree" for items in pages for item in items}}
    made = confirm(client, committee, scans[-1], answers)
    assert made.status_code == 201, made.json
    ballot = db.session.scalar(select(Ballot))
    used = sorted(db.session.scalars(select(PaperBallotScan.id).where(PaperBallotScan.ballot_id == ballot.id)))
    # the latest draft of each page: the second photo of page 1 replaces the first
    assert used == sorted([again, *scans[1:]])
    assert ballot.evidence.count("页（编号") == len(pages)
    assert all(f"（编号 {scan_id}）" in ballot.evidence for scan_id in used)
    assert "/api/v1" not in ballot.evidence
    assert db.session.get(PaperBallotScan, scans[0]).status == ScanStatus.draft


def test_the_console_page_says_which_pages_are_unread(client, estate, committee):
    vote = content_vote(estate, committee)
    flat = flats_of(estate.id)[2]
    pages = pages_of(client, committee, vote, flat.id)
    first = read_page(client, committee, vote, flat.id, pages[0], 1)
    sign_in_cookie(client, committee, csrf="t")
    form = {"csrf_token": "t", "witness_phone": WITNESS, **{f"q.items.{item}": "agree" for item in pages[0]}}
    page = client.post(f"/console/paper-ballot-scans/{first}/confirm", data=form)
    assert page.status_code == 422 and "还没有拍照读取" in page.text and "不会自动算作弃权" in page.text
    assert db.session.scalar(select(Ballot)) is None
    form.update({f"q.items.{item}": "abstain" for items in pages[1:] for item in items})
    done = client.post(f"/console/paper-ballot-scans/{first}/confirm", data=form)
    assert done.status_code == 303 and db.session.scalar(select(Ballot)) is not None
