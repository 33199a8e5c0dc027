"""Paper ballots over HTTP and through the services: sheets, scans, refusals, duplicates,
confirmation into a counted paper ballot, the owner's online ballot winning, and access."""
import io
import subprocess

import pytest
from PIL import Image
from sqlalchemy import select

from app.audit.api import AuditEntry
from app.consultations.api import Ballot, Channel
from app.consultations.api import results
from app.extensions import db
from app.paperballots.api import PaperBallotScan
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.paperballots.sheets import sheet_photo
from tests.paperballots.helpers import A, upload


@pytest.fixture
def vote(estate, committee):
    """An open elevator consent round over stairwell 1 (12 flats)."""
    return make_consultation(estate, actor=committee, scope_type="stairwell",
                             scope_id=flats_of(estate.id)[0].stairwell_id)


def test_sheets_pdf_and_layout_name_the_same_flats_in_the_same_order(client, vote, committee, estate):
    response = client.get(f"{A}/consultations/{vote.id}/paper-ballots.pdf", headers=auth(committee))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=response.data, capture_output=True,
                          check=True).stdout.decode()
    assert "1号楼 1单元 101 室" in text and "业主：业*" in text and "您是否同意本单元加装电梯" in text
    assert "业主2" not in text  # names are masked on paper too
    layout = client.get(f"{A}/consultations/{vote.id}/paper-ballots/layout.json",
                        headers=auth(committee)).json
    flats = [f.id for f in flats_of(estate.id)]
    assert [p["flat_id"] for p in layout["pages"]] == sorted(flats, key=lambda i: flats.index(i))
    assert text.count("纸质表决票") == len(layout["pages"]) == 12
    assert [p["page"] for p in layout["pages"]] == list(range(1, 13))
    first = layout["pages"][0]["boxes"]
    assert [(b["question"], b["item"], b["option"]) for b in first][:3] == [
        ("install", None, "agree"), ("install", None, "oppose"), ("install", None, "abstain")]
    x0, y0, x1, y1 = first[0]["rect_pt"]
    assert x1 - x0 == pytest.approx(y1 - y0) and x1 - x0 >= 20 and 0 < y0 < layout["page_size_pt"][1] / 2  # top-left origin
    one = client.get(f"{A}/consultations/{vote.id}/paper-ballots/layout.json?stairwell_id=99999",
                     headers=auth(committee))
    assert one.status_code == 422


def test_a_photo_is_read_confirmed_with_a_witness_and_counted(client, vote, committee, estate):
    flat = flats_of(estate.id)[3]
    read = upload(client, committee, vote, sheet_photo(vote, flat.id, {("install", None): "agree"}))
    assert read.status_code == 201, read.json
    assert read.json["flat_id"] == flat.id and read.json["answers"] == {"install": "agree"}
    assert read.json["uncertain"] == [] and read.json["duplicate_of"] is None
    assert results(vote).channels["paper"] == 0  # nothing counts before it is confirmed
    scan_id = read.json["id"]
    confirmed = client.post(f"{A}/paper-ballot-scans/{scan_id}/confirm", headers=auth(committee),
                            json={"answers": read.json["answers"], "witness_phone": "13912345678"})
    assert confirmed.status_code == 201, confirmed.json
    assert confirmed.json["channel"] == "paper" and confirmed.json["receipt"]
    ballot = db.session.scalar(select(Ballot))
    assert ballot.channel == Channel.paper and ballot.entered_by_id == committee.id
    assert ballot.witness_phone == "13912345678"
    # plain words a committee member reads: which page of the sheet, which scan
    assert f"第 1 页（编号 {scan_id}）" in ballot.evidence and "/api/v1" not in ballot.evidence
    outcome = results(vote).as_dict()
    assert outcome["channels"]["paper"] == 1
    assert outcome["questions"][0]["options"]["agree"]["ballots"] == 1
    scan = db.session.get(PaperBallotScan, scan_id)
    assert scan.status.value == "confirmed" and scan.receipt == ballot.receipt
    photo = client.get(f"{A}/paper-ballot-scans/{scan_id}/image", headers=auth(committee))
    assert photo.status_code == 200 and Image.open(io.BytesIO(photo.data)).format == "JPEG"
    counts = client.get(f"{A}/consultations/{vote.id}/paper-ballot-counts", headers=auth(committee)).json
    assert counts == [{"stairwell_id": flat.stairwell_id, "name": "1号楼 1单元", "printed": 12,
                       "returned": 1, "confirmed": 1}]
    again = client.post(f"{A}/paper-ballot-scans/{scan_id}/confirm", headers=auth(committee),
                        json={"answers": {"install": "oppose"}, "witness_phone": "13912345678"})
    assert again.status_code == 409 and again.json["error"]["code"] == "scan_decided"
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["paper_ballot.scanned", "paper_ballot.confirmed", "ballot.cast"]


def test_a_faint_mark_is_flagged_and_the_committee_decides(client, vote, committee, estate):
    flat = flats_of(estate.id)[0]
    photo = sheet_photo(vote, flat.id, {}, faint=[("install", None, "oppose")], seed=5)
    read = upload(client, committee, vote, photo)
    assert read.status_code == 201, read.json
    assert read.json["answers"] == {} and read.json["uncertain"] == [{"question": "install", "item": None}]
    detail = client.get(f"{A}/paper-ballot-scans/{read.json['id']}", headers=auth(committee)).json
    assert {m["option"]: m["state"] for m in detail["marks"] if m["question"] == "install"} == {
        "agree": "blank", "oppose": "faint", "abstain": "blank"}
    # an incomplete ballot is refused with the question named, and nothing is decided
    refused = client.post(f"{A}/paper-ballot-scans/{read.json['id']}/confirm", headers=auth(committee),
                          json={"answers": {}, "witness_phone": "13912345678"})
    assert refused.status_code == 422 and "install" in refused.json["error"]["fields"]["answers"]
    assert db.session.get(PaperBallotScan, read.json["id"]).status.value == "draft"
    done = client.post(f"{A}/paper-ballot-scans/{read.json['id']}/confirm", headers=auth(committee),
                       json={"answers": {"install": "oppose", "concerns": ["cost"]},
                             "witness_phone": "13912345678"})
    assert done.status_code == 201, done.json


def test_refusals_name_what_is_wrong(client, vote, committee, estate):
    flat = flats_of(estate.id)[0]
    plain = io.BytesIO()
    Image.new("RGB", (800, 1100), "white").save(plain, "JPEG")
    response = upload(client, committee, vote, plain.getvalue())
    assert response.status_code == 422 and response.json["error"]["code"] == "not_a_ballot_sheet"
    response = upload(client, committee, vote, b"just text", name="notes.txt")
    assert response.status_code == 422 and response.json["error"]["code"] == "unsupported_file"
    other = make_consultation(estate, actor=committee, scope_type="stairwell", scope_id=flat.stairwell_id)
    response = upload(client, committee, vote, sheet_photo(other, flat.id, {("install", None): "agree"}))
    assert response.status_code == 422 and response.json["error"]["code"] == "wrong_consultation"
    old = sheet_photo(vote, flat.id, {("install", None): "agree"})
    vote.questions = [{**vote.questions[0], "title": "改过的问题"}, *vote.questions[1:]]
    db.session.commit()
    response = upload(client, committee, vote, old)
    assert response.status_code == 422 and response.json["error"]["code"] == "outdated_sheet"
    assert db.session.scalar(select(db.func.count(PaperBallotScan.id))) == 0


def test_a_scanned_pdf_is_read_too_and_too_many_pages_are_refused(client, vote, committee, estate):
    flat = flats_of(estate.id)[1]
    photo = Image.open(io.BytesIO(sheet_photo(vote, flat.id, {("install", None): "abstain"}, turn_deg=2)))
    scanned = io.BytesIO()
    photo.save(scanned, "PDF", resolution=150)
    read = upload(client, committee, vote, scanned.getvalue(), name="scan.pdf")
    assert read.status_code == 201, read.json
    assert read.json["answers"] == {"install": "abstain"}
    two = io.BytesIO()
    photo.save(two, "PDF", resolution=150, save_all=True, append_images=[photo])
    refused = upload(client, committee, vote, two.getvalue(), name="two.pdf")
    assert refused.status_code == 422 and refused.json["error"]["code"] == "too_many_pages"


def test_a_second_sheet_of_a_flat_is_kept_beside_the_first(client, vote, committee, estate):
    flat = flats_of(estate.id)[2]
    first = upload(client, committee, vote, sheet_photo(vote, flat.id, {("install", None): "agree"}))
    second = upload(client, committee, vote, sheet_photo(vote, flat.id, {("install", None): "oppose"},
                                                         seed=9))
    assert second.status_code == 201 and second.json["duplicate_of"] == first.json["id"]
    assert client.post(f"{A}/paper-ballot-scans/{first.json['id']}/confirm", headers=auth(committee),
                       json={"answers": {"install": "agree"}, "witness_phone": "13912345678"}
                       ).status_code == 201
    rejected = client.post(f"{A}/paper-ballot-scans/{second.json['id']}/reject", headers=auth(committee),
                           json={"reason": "同一户交了两张，以第一张为准"})
    assert rejected.status_code == 200 and rejected.json["status"] == "rejected"
    third = upload(client, committee, vote, sheet_photo(vote, flat.id, {("install", None): "agree"}, seed=3))
    assert third.json["duplicate_of"] == first.json["id"]
    assert third.json["duplicate_ballot_id"] == db.session.scalar(select(Ballot.id))
    listed = client.get(f"{A}/consultations/{vote.id}/paper-ballot-scans?status=draft",
                        headers=auth(committee)).json
    assert [s["id"] for s in listed] == [third.json["id"]]


def test_the_owners_own_online_ballot_wins_over_paper(client, vote, committee, estate):
    flat = flats_of(estate.id)[4]
    owner = make_owner(flat)
    mine = client.put(f"{A}/consultations/{vote.id}/ballots/mine", headers=auth(owner),
                      json={"answers": {"install": "oppose", "concerns": ["noise"]}})
    assert mine.status_code == 200
    read = upload(client, committee, vote, sheet_photo(vote, flat.id, {("install", None): "agree"}))
    refused = client.post(f"{A}/paper-ballot-scans/{read.json['id']}/confirm", headers=auth(committee),
                          json={"answers": {"install": "agree"}, "witness_phone": "13912345678"})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "owner_already_voted"
    ballot = db.session.scalar(select(Ballot))
    assert ballot.channel == Channel.online and ballot.answers["install"] == "oppose"
    assert db.session.get(PaperBallotScan, read.json["id"]).status.value == "draft"


def test_long_consultations_print_several_pages_per_flat(client, estate, committee):
    content = make_consultation(estate, "content_vote", actor=committee, scope_type="stairwell",
                                scope_id=flats_of(estate.id)[0].stairwell_id)
    flat = flats_of(estate.id)[0]
    layout = client.get(f"{A}/consultations/{content.id}/paper-ballots/layout.json",
                        headers=auth(committee)).json
    per_flat = [p for p in layout["pages"] if p["flat_id"] == flat.id]
    assert len(per_flat) > 1 and [p["sheet_page"] for p in per_flat] == list(range(1, len(per_flat) + 1))
    items = [b["item"] for p in per_flat for b in p["boxes"]]
    assert len(set(items)) == len(content.questions[0]["items"]) == 41
    code = per_flat[1]["boxes"][0]["item"]
    read = upload(client, committee, content, sheet_photo(content, flat.id, {("items", code): "oppose"},
                                                          page=2))
    assert read.status_code == 201, read.json
    assert read.json["page"] == 2 and read.json["pages"] == len(per_flat)
    assert read.json["answers"] == {"items": {code: "oppose"}}


def test_only_the_committee_prints_reads_and_confirms(client, vote, committee, estate):
    flat = flats_of(estate.id)[5]
    owner = make_owner(flat)
    outsider = make_user(roles=[("committee", make_estate(name="别的小区").id)])
    photo = sheet_photo(vote, flat.id, {("install", None): "agree"})
    for user, status in ((owner, 403), (outsider, 404)):
        assert client.get(f"{A}/consultations/{vote.id}/paper-ballots.pdf",
                          headers=auth(user)).status_code == status
        assert upload(client, user, vote, photo).status_code == status
    read = upload(client, committee, vote, photo)
    for user, status in ((owner, 403), (outsider, 404)):
        assert client.get(f"{A}/paper-ballot-scans/{read.json['id']}/image",
                          headers=auth(user)).status_code == status
        assert client.post(f"{A}/paper-ballot-scans/{read.json['id']}/confirm", headers=auth(user),
                           json={"answers": {"install": "agree"}, "witness_phone": "13912345678"}
                           ).status_code == status
    assert client.get(f"{A}/media/{db.session.get(PaperBallotScan, read.json['id']).image_key}",
                      headers=auth(owner)).status_code == 404  # never through the public media route


def test_a_read_failing_after_its_photos_were_stored_leaves_no_files(app, client, vote, committee, estate,
                                                                     monkeypatch):
    """The audit write fails after both JPEGs are written: the read fails, and the files are
    gone with the scan that was not kept."""
    from pathlib import Path

    from app.paperballots.api import services as scans

    def broken(*args, **kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(scans, "record", broken)
    root = Path(app.config["MEDIA_ROOT"])
    before = set(root.glob("estate-*/paper-ballots/*.jpg"))
    flat = flats_of(estate.id)[2]
    with pytest.raises(RuntimeError):
        scans.read_scan(vote, committee.id, sheet_photo(vote, flat.id, {("install", None): "agree"}))
    assert set(root.glob("estate-*/paper-ballots/*.jpg")) == before
    assert db.session.scalar(select(PaperBallotScan.id)) is None
