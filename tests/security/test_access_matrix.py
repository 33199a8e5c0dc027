"""Access control as a table: every API route × every role, with the outcome expected.

Roles (columns, in this order):
  anon   nobody signed in
  o_res  a verified owner of the *other* estate (B)
  o_com  the committee of the other estate (B)
  unver  a resident of A whose claim is still pending
  tenant a verified tenant of A (stairwell 1)
  owner  a verified owner of two flats of A (stairwell 1)
  mod    a moderator of A
  com    a committee member of A
  staff  street staff (every estate)

Outcomes: 2xx (allowed, and the request succeeds), 401, 403, 404. Objects of an estate
one does not belong to answer 404, never 403: an outsider learns nothing, not even that
the object exists. Every request aims at estate A's objects (tests/security/world.py).

A route of the app that the table does not list fails `test_every_route_is_in_the_table`:
a new route needs its row here.
"""
import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import pytest

from app import create_app
from app.config import TestConfig
from app.db import utcnow
from app.elevators.api import Stage
from app.personal.api import NOTICE_VERSION
from app.projects.api import Phase
from tests.factories import auth, next_phone, sign_in_cookie
from tests.security import coplan
from tests.security import coplan_objects as work
from tests.security import comanage_world as cw
from tests.security import reach_objects as reach
from tests.security.world import ROLES, elevator_body, photo_jpeg, world_app

PUBLIC = "2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx"
USER = "401 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx"
MEMBER = "401 404 404 404 2xx 2xx 2xx 2xx 2xx"
MODERATOR = "401 404 404 404 403 403 2xx 2xx 2xx"
COMMITTEE = "401 404 404 404 403 403 403 2xx 2xx"
OWNER_ONLY = "401 404 404 404 403 2xx 403 403 403"
OWNER_OR_COMMITTEE = "401 404 404 404 403 2xx 403 2xx 2xx"
STAFF = "401 403 403 403 403 403 403 403 2xx"
#: a 片区's staff-only operations: its estates' members are refused (403), others learn nothing
AREA_STAFF = "401 404 404 404 403 403 403 403 2xx"


def later(days=7) -> str:
    return (utcnow() + timedelta(days=days)).isoformat()


@dataclass
class Row:
    method: str
    rule: str
    expect: str
    #: world -> path; called once per role, so it may make a fresh object for that role
    path: Callable
    json: Callable | None = None
    #: multipart form (world -> dict); files as (BytesIO, name)
    data: Callable | None = None
    #: the request changes who the person is (deletes them, makes them an owner):
    #: a new set of people acts for this row
    fresh_people: bool = False

    def outcomes(self) -> dict:
        values = self.expect.split()
        assert len(values) == len(ROLES), f"{self.method} {self.rule}: {len(values)} outcomes"
        return dict(zip(ROLES, values))


def scheduled_meeting(w) -> int:
    """A meeting scheduled for a time now past, its minutes not yet recorded."""
    from app.cases.api import Meeting
    from app.extensions import db

    case_id = w.fresh_case()
    meeting = Meeting(estate_id=w.a.estate.id, case_id=case_id, held_at=utcnow() - timedelta(hours=1),
                      place="居委会", agenda="噪音", attendees=[], minutes=None)
    db.session.add(meeting)
    db.session.commit()
    return meeting.id


def supervision_report(w) -> int:
    from app.extensions import db
    from app.projects.api import services as projects
    from app.projects.api import RenovationProject

    return projects.report_supervision(db.session.get(RenovationProject, w.a.project_id),
                                       w.owner.id, "围挡倒了").id


def recorded_approval(w) -> int:
    """Estate A's project with its planning approval handed in (a photo needs one first)."""
    from app.approvals.api import set_approval
    from app.display import china_today
    from app.extensions import db
    from app.projects.api import RenovationProject

    project = db.session.get(RenovationProject, w.a.project_id)
    set_approval(project, "planning", {"status": "submitted", "submitted_on": china_today()}, w.committee.id)
    return project.id


def joint_meeting(w) -> int:
    """A joint meeting of estate A, recorded by its committee."""
    from app.coordination.api import record_meeting
    from app.display import china_today

    return record_meeting(w.a.estate.id, {"held_on": china_today(), "place": "居委会", "agenda": "协调",
                                          "attending_orgs": ["street"], "decisions": []}, w.committee.id).id


def responsibility_task(w) -> int:
    from app.coordination.api import JointMeeting
    from app.coordination.api import add_task
    from app.display import china_today
    from app.extensions import db

    meeting = db.session.get(JointMeeting, joint_meeting(w))
    return add_task(meeting, "交资料", "street", china_today(), w.committee.id).id


def contribution_charge(w) -> int:
    """A's project's charge for A's elevator, every floor paying its share (the coefficients
    and the stage are put directly: tests/elevators test the guards); made once."""
    if getattr(w, "contribution_charge_id", None):
        return w.contribution_charge_id
    from app.contributions.api import add_charge
    from app.elevators.api import ElevatorProject
    from app.extensions import db
    from app.projects.api import RenovationProject

    elevator = db.session.get(ElevatorProject, w.a.elevator_id)
    elevator.floor_coefficients, stage = {"1": "1", "2": "1"}, elevator.stage
    elevator.stage = Stage.signing
    db.session.commit()
    w.contribution_charge_id = add_charge(db.session.get(RenovationProject, w.a.project_id), {
        "kind": "elevator", "title": "加装电梯", "elevator_project_id": elevator.id}, w.committee.id).id
    w.elevator_at(stage)  # where the other rows expect it
    return w.contribution_charge_id


def contribution_payment(w) -> int:
    """A payment (one fen, in cash) for the owner's flat on that charge."""
    from app.contributions.api import Charge, record_payment
    from app.extensions import db

    charge = db.session.get(Charge, contribution_charge(w))
    return record_payment(charge, {"flat_id": w.a.flats[0].id, "amount_cents": 1, "method": "cash",
                                   "reference": next_phone(), "paid_on": utcnow().date() - timedelta(days=1)},
                          w.committee.id).id


def fresh_project(w) -> int:
    from app.projects.api import create_project

    return create_project(w.a.estate.id, "楼道改造", 1_000_000, w.committee.id).id


def utility_work(w, party="water") -> int:
    """A pipeline work of estate A's project, finished yesterday (ready to be handed over)."""
    from app.display import china_today
    from app.extensions import db
    from app.projects.api import RenovationProject
    from app.utilities.api import add_work

    project = db.session.get(RenovationProject, w.a.project_id)
    today = china_today()
    return add_work(project, {"party": party, "title": "供水管", "road": "主路", "starts_on": today - timedelta(days=9),
                              "ends_on": today - timedelta(days=1)}, w.committee.id).id


def money_entry(w) -> int:
    """An arrival of money in estate A's project."""
    from app.display import china_today
    from app.extensions import db
    from app.funding.api import record_entry
    from app.projects.api import RenovationProject

    project = db.session.get(RenovationProject, w.a.project_id)
    return record_entry(project, {"source": "district_subsidy", "stage": "received", "amount_cents": 100_00,
                                  "dated_on": china_today()}, w.committee.id).id


def sms_login(client, phone=None) -> dict:
    phone = phone or next_phone()
    client.post("/api/v1/auth/sms-codes", json={"phone": phone})
    code = client.get(f"/api/v1/dev/sms-outbox?phone={phone}").json[0]["code"]
    return {"phone": phone, "code": code}


def flat_code(w) -> str:
    from app.estates.api import issue_flat_codes

    text = issue_flat_codes(w.a.estate.id, w.committee, [w.a.flats[6].id])
    return next(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))["code"]


def registered_owner(w) -> dict:
    """An estate of its own (so no other row's counts change) whose one flat's ledger row
    names an owner with an ID number and a certificate number; a new one for each role."""
    from decimal import Decimal

    from app.estates.api import LedgerRow
    from app.estates.api import create_estate, import_ledger
    from tests.estates.ledger_shapes import valid_id

    estate = create_estate(name="核对小区", district="东城区", street="和平里街道", built_year=1990)
    id_number = valid_id(f"11010119700101{estate.id % 1000:03d}")
    certificate = f"京(2020)不动产权第{estate.id:07d}号"
    import_ledger(estate.id, [LedgerRow(
        row=2, building="1号楼", stairwell="1单元", room="101", floor=1, area_m2=Decimal("60"),
        owner_name="核对业主", owner_phone=None, owner_id_number=id_number,
        certificate_number=certificate)])
    return {"name": "核对业主", "id_number": id_number, "certificate_number": certificate,
            "id_number_consent": True}


def refresh_token(w) -> str:
    from tests.factories import make_user, refresh_token_of

    return refresh_token_of(make_user())


def free_stairwell(w) -> int:
    """Stairwell 2 of A with no live elevator project (a failed consent round frees it)."""
    from app.consultations.api import close_consultation, get_consultation
    from app.elevators.api import projects_of

    for project in projects_of(w.a.other_stairwell_id):
        consultation = get_consultation(project.consultation_id)
        if consultation.status.value == "open":
            close_consultation(consultation, w.committee.id)
    return w.a.other_stairwell_id


def closed_evaluation(w) -> int:
    from app.consultations.api import close_consultation, get_consultation, open_consultation

    evaluation = get_consultation(w.a.evaluation_id)
    if evaluation.status.value == "draft":
        open_consultation(evaluation, w.committee.id)
        close_consultation(evaluation, w.committee.id)
    return evaluation.id


def ledger_file(w):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["building", "stairwell", "room", "floor", "area_m2", "owner_name",
                     "owner_phone", "owner_id_number"])
    writer.writerow(["9号楼", "1单元", "101", "1", "55.00", "新业主", "", ""])
    return {"file": (io.BytesIO(out.getvalue().encode()), "ledger.csv")}


def heavy_job(w) -> int:
    """A finished job of A (a done job is never re-run: 409 for the committee)."""
    if not hasattr(w, "_heavy_job_id"):
        from app.extensions import db
        from app.heavyjobs.api import HeavyJob, JobState

        job = HeavyJob(estate_id=w.a.estate.id, kind="sunlight.create", state=JobState.done,
                       payload={}, finished_at=utcnow(), created_by_id=w.committee.id)
        db.session.add(job)
        db.session.commit()
        w._heavy_job_id = job.id
    return w._heavy_job_id


A = "/api/v1"
ROWS = [
    # --- system, auth, me ----------------------------------------------------------------------
    Row("GET", "/api/v1/health", PUBLIC, lambda w: f"{A}/health"),
    Row("GET", "/api/v1/openapi.json", PUBLIC, lambda w: f"{A}/openapi.json"),
    # 朗读 of what a page shows: its text as spoken, for anyone (no MP3 asked here)
    Row("POST", "/api/v1/read-aloud", PUBLIC, lambda w: f"{A}/read-aloud",
        json=lambda w: {"html": "<main><p>2026年12月的通知</p></main>"}),
    Row("POST", "/api/v1/auth/sms-codes", PUBLIC, lambda w: f"{A}/auth/sms-codes",
        json=lambda w: {"phone": next_phone()}),
    Row("POST", "/api/v1/auth/tokens", PUBLIC, lambda w: f"{A}/auth/tokens",
        json=lambda w: sms_login(w.client)),
    Row("POST", "/api/v1/auth/tokens/refresh", PUBLIC, lambda w: f"{A}/auth/tokens/refresh",
        json=lambda w: {"refresh_token": refresh_token(w)}),
    Row("POST", "/api/v1/auth/tokens/revoke", PUBLIC, lambda w: f"{A}/auth/tokens/revoke",
        json=lambda w: {"refresh_token": refresh_token(w)}),
    Row("POST", "/api/v1/auth/logout-everywhere", USER, lambda w: f"{A}/auth/logout-everywhere",
        fresh_people=True),
    Row("POST", "/api/v1/auth/session", PUBLIC, lambda w: f"{A}/auth/session",
        json=lambda w: sms_login(w.client)),
    # a bearer token is not a web session: there is no CSRF token to hand out
    Row("GET", "/api/v1/auth/session", "401 401 401 401 401 401 401 401 401",
        lambda w: f"{A}/auth/session"),
    Row("DELETE", "/api/v1/auth/session", PUBLIC, lambda w: f"{A}/auth/session"),
    Row("POST", "/api/v1/auth/session/live-token", USER, lambda w: f"{A}/auth/session/live-token"),
    # WeChat sign-in is off in tests (not configured): 404 for everyone
    Row("GET", "/api/v1/auth/wechat/authorize", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/auth/wechat/authorize?next=/"),
    Row("GET", "/api/v1/auth/wechat/callback", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/auth/wechat/callback?code=x&state=y"),
    # the mini-program login is off in tests too (not configured): 404 for everyone
    Row("POST", "/api/v1/auth/wechat/mini-program", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/auth/wechat/mini-program", json=lambda w: {"code": "x"}),
    Row("POST", "/api/v1/auth/wechat/mini-program/phone", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/auth/wechat/mini-program/phone",
        json=lambda w: {"ticket": "t" * 43, "phone_code": "x"}),
    # subscribe messages belong to the mini-program: off with it (404 for everyone)
    Row("GET", "/api/v1/wechat/subscriptions", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/wechat/subscriptions"),
    Row("POST", "/api/v1/wechat/subscriptions", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/wechat/subscriptions", json=lambda w: {"template_ids": ["t"], "accepted": []}),
    Row("POST", "/api/v1/auth/web-tickets", USER, lambda w: f"{A}/auth/web-tickets",
        json=lambda w: {"next": "/"}),
    Row("GET", "/api/v1/dev/sms-outbox", PUBLIC, lambda w: f"{A}/dev/sms-outbox"),
    Row("GET", "/api/v1/me", USER, lambda w: f"{A}/me"),
    Row("DELETE", "/api/v1/me", USER, lambda w: f"{A}/me", fresh_people=True),
    Row("GET", "/api/v1/me/export", USER, lambda w: f"{A}/me/export"),
    # consents (PIPL): mine, whoever signs in; agreeing to the current rules again keeps one record
    Row("GET", "/api/v1/me/consents", USER, lambda w: f"{A}/me/consents"),
    Row("POST", "/api/v1/me/consents", USER, lambda w: f"{A}/me/consents",
        json=lambda w: {"kind": "rules", "version": NOTICE_VERSION}),
    Row("GET", "/api/v1/me/complaints", USER, lambda w: f"{A}/me/complaints"),
    Row("GET", "/api/v1/me/fund-accounts", USER, lambda w: f"{A}/me/fund-accounts"),
    Row("GET", "/api/v1/me/notifications", USER, lambda w: f"{A}/me/notifications"),
    Row("POST", "/api/v1/me/notifications/read", USER, lambda w: f"{A}/me/notifications/read",
        json=lambda w: {}),
    # --- estates, flats, claims ------------------------------------------------------------------
    Row("POST", "/api/v1/estates", STAFF, lambda w: f"{A}/estates",
        json=lambda w: {"name": "新小区", "district": "东城区", "street": "和平里街道",
                        "built_year": 1985}),
    Row("GET", "/api/v1/estates/<int:estate_id>", MEMBER, lambda w: f"{A}/estates/{w.a.estate.id}"),
    Row("GET", "/api/v1/estates/<int:estate_id>/buildings", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/buildings"),
    Row("POST", "/api/v1/estates/<int:estate_id>/flats/import", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/flats/import?id_number_consent=true", data=ledger_file),
    Row("GET", "/api/v1/stairwells/<int:stairwell_id>/flats", COMMITTEE,
        lambda w: f"{A}/stairwells/{w.a.stairwell_id}/flats"),
    # rooms and floors only, no personal data: a resident picks the flat to claim
    Row("GET", "/api/v1/stairwells/<int:stairwell_id>/rooms", USER,
        lambda w: f"{A}/stairwells/{w.a.stairwell_id}/rooms"),
    Row("POST", "/api/v1/estates/<int:estate_id>/members", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/members",
        json=lambda w: {"phone": next_phone(), "role": "moderator"}),
    # anyone signed in may claim a flat (that is how residents join); the committee decides
    Row("POST", "/api/v1/flats/claims", USER, lambda w: f"{A}/flats/claims",
        json=lambda w: {"flat_id": w.a.flats[5].id, "relation": "family"}),
    Row("POST", "/api/v1/flats/claims/by-code", USER, lambda w: f"{A}/flats/claims/by-code",
        json=lambda w: {"code": flat_code(w)}, fresh_people=True),
    # anyone signed in may verify by name, ID number and certificate against the ledger
    Row("POST", "/api/v1/flats/claims/by-identity", USER, lambda w: f"{A}/flats/claims/by-identity",
        json=registered_owner, fresh_people=True),
    Row("POST", "/api/v1/flats/<int:flat_id>/transfer", COMMITTEE,
        lambda w: f"{A}/flats/{w.a.flats[7].id}/transfer",
        data=lambda w: {"name": "新业主", "evidence": (io.BytesIO(photo_jpeg()), "证书.jpg")}),
    Row("GET", "/api/v1/estates/<int:estate_id>/claims", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/claims"),
    Row("POST", "/api/v1/claims/<int:claim_id>/approve", COMMITTEE,
        lambda w: f"{A}/claims/{w.fresh_claim()}/approve", json=lambda w: {}),
    Row("POST", "/api/v1/claims/<int:claim_id>/reject", COMMITTEE,
        lambda w: f"{A}/claims/{w.fresh_claim()}/reject", json=lambda w: {"reason": "不是本户"}),
    Row("POST", "/api/v1/estates/<int:estate_id>/flat-codes", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/flat-codes", json=lambda w: {}),
    # --- consultations -------------------------------------------------------------------------
    Row("GET", "/api/v1/consultation-templates", USER, lambda w: f"{A}/consultation-templates"),
    Row("GET", "/api/v1/decision-rules", USER, lambda w: f"{A}/decision-rules"),
    Row("POST", "/api/v1/estates/<int:estate_id>/consultations", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/consultations",
        json=lambda w: {"template": "willingness_survey", "closes_at": later()}),
    Row("GET", "/api/v1/estates/<int:estate_id>/consultations", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/consultations"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>", MEMBER,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}"),
    # a draft is invisible to residents (404); a moderator sees it but may not open it
    Row("POST", "/api/v1/consultations/<int:consultation_id>/open",
        "401 404 404 404 404 404 403 2xx 2xx",
        lambda w: f"{A}/consultations/{w.fresh_consultation(open_now=False)}/open"),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/close", COMMITTEE,
        lambda w: f"{A}/consultations/{w.fresh_consultation()}/close"),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/publish", COMMITTEE,
        lambda w: f"{A}/consultations/{w.closed_consultation()}/publish"),
    # 重新取台账: an open consultation nobody has voted in yet
    Row("POST", "/api/v1/consultations/<int:consultation_id>/electorate/rebase", COMMITTEE,
        lambda w: f"{A}/consultations/{w.fresh_consultation()}/electorate/rebase"),
    # a survey of owners: only the flat's owner votes; the committee enters paper ballots
    Row("PUT", "/api/v1/consultations/<int:consultation_id>/ballots/mine", OWNER_ONLY,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/ballots/mine",
        json=lambda w: {"flat_id": w.a.flats[0].id, "answers": {"willing": "abstain"}}),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/assisted-ballots", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/assisted-ballots",
        json=lambda w: {"flat_id": w.a.flats[3].id, "answers": {"willing": "abstain"},
                        "channel": "paper", "evidence": "纸质选票第 3 号"}),
    # --- paper ballots: printed, read and confirmed by the committee only ---------------------
    # --- notices to every owner, the SMS link, reach (issue 34) --------------------------------
    Row("POST", "/api/v1/consultations/<int:consultation_id>/notices", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/notices",
        json=lambda w: {"audience": "all", "channels": ["sms", "app"], "preview": True}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/notices", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/notices"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/reach", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/reach"),
    Row("POST", "/api/v1/notice-links/<token>/open", PUBLIC,
        lambda w: f"{A}/notice-links/{reach.link_token(w)}/open"),
    Row("POST", "/api/v1/notice-links/<token>/code", PUBLIC,
        lambda w: f"{A}/notice-links/{reach.link_token(w)}/code"),
    Row("POST", "/api/v1/notice-links/<token>/session", PUBLIC,
        lambda w: f"{A}/notice-links/{reach.login_token(w)}/session", json=lambda w: {"code": w.reach_code}),
    Row("POST", "/api/v1/estates/<int:estate_id>/sms-opt-outs", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/sms-opt-outs", json=lambda w: {"phone": next_phone()}),
    Row("GET", "/api/v1/estates/<int:estate_id>/sms-budget", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/sms-budget"),
    Row("PUT", "/api/v1/estates/<int:estate_id>/sms-budget", STAFF,
        lambda w: f"{A}/estates/{w.a.estate.id}/sms-budget", json=lambda w: {"monthly_cents": 20000}),
    Row("GET", "/api/v1/me/sms-notices", USER, lambda w: f"{A}/me/sms-notices"),
    Row("PUT", "/api/v1/me/sms-notices", USER, lambda w: f"{A}/me/sms-notices", json=lambda w: {"opted_out": False}),
    # the provider's reply callback is off without SMS_REPLY_TOKEN: 404 for everyone
    Row("POST", "/api/v1/sms/replies", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/sms/replies", json=lambda w: {"phone": next_phone(), "text": "TD"}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/paper-ballots.pdf", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/paper-ballots.pdf?stairwell_id="
                  f"{w.a.stairwell_id}"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/paper-ballots/layout.json", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/paper-ballots/layout.json"),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/paper-ballot-scans", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/paper-ballot-scans",
        data=lambda w: {"file": (io.BytesIO(w.paper_sheet()), "sheet.jpg")}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/paper-ballot-scans", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/paper-ballot-scans"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/paper-ballot-counts", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/paper-ballot-counts"),
    *[Row("GET", f"/api/v1/paper-ballot-scans/<int:scan_id>{suffix}", COMMITTEE,
          (lambda suffix: lambda w: f"{A}/paper-ballot-scans/{w.paper_scan_id()}{suffix}")(suffix))
      for suffix in ("", "/image", "/aligned.jpg")],
    Row("POST", "/api/v1/paper-ballot-scans/<int:scan_id>/confirm", COMMITTEE,
        lambda w: f"{A}/paper-ballot-scans/{w.fresh_paper_scan()}/confirm",
        json=lambda w: {"answers": {"willing": "agree", "contribute": "unsure"},
                        "witness_phone": "13812344444"}),
    Row("POST", "/api/v1/paper-ballot-scans/<int:scan_id>/reject", COMMITTEE,
        lambda w: f"{A}/paper-ballot-scans/{w.fresh_paper_scan()}/reject",
        json=lambda w: {"reason": "重复交票"}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/results", MEMBER,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/results"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/receipts", MEMBER,
        lambda w: f"{A}/consultations/{w.a.published_consultation_id}/receipts"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/export.<any(csv, pdf):fmt>", MEMBER,
        lambda w: f"{A}/consultations/{w.a.published_consultation_id}/export.csv"),
    Row("GET", "/api/v1/flats/<int:flat_id>/proxies", OWNER_OR_COMMITTEE,
        lambda w: f"{A}/flats/{w.a.flats[0].id}/proxies"),
    Row("POST", "/api/v1/flats/<int:flat_id>/proxies", OWNER_ONLY,
        lambda w: f"{A}/flats/{w.a.flats[0].id}/proxies", json=lambda w: {"phone": next_phone()}),
    Row("POST", "/api/v1/proxies/<int:proxy_id>/revoke", OWNER_OR_COMMITTEE,
        lambda w: f"{A}/proxies/{w.fresh_proxy()}/revoke"),
    # --- elevators (the project is in stairwell 1, where the tenant and the owner live) ------
    Row("GET", "/api/v1/stairwells/<int:stairwell_id>/elevator-projects", MEMBER,
        lambda w: f"{A}/stairwells/{w.a.stairwell_id}/elevator-projects"),
    Row("POST", "/api/v1/stairwells/<int:stairwell_id>/elevator-projects", COMMITTEE,
        lambda w: f"{A}/stairwells/{free_stairwell(w)}/elevator-projects",
        json=lambda w: elevator_body()),
    Row("GET", "/api/v1/elevator-projects/<int:project_id>", MEMBER,
        lambda w: f"{A}/elevator-projects/{w.a.elevator_id}"),
    Row("GET", "/api/v1/elevator-projects/<int:project_id>/cost-shares", MEMBER,
        lambda w: f"{A}/elevator-projects/{w.a.elevator_id}/cost-shares"),
    Row("POST", "/api/v1/elevator-projects/<int:project_id>/cost-shares/what-if", MEMBER,
        lambda w: f"{A}/elevator-projects/{w.a.elevator_id}/cost-shares/what-if",
        json=lambda w: {"subsidy_cents": 20_000_000}),
    Row("POST", "/api/v1/elevator-projects/<int:project_id>/objections", OWNER_ONLY,
        lambda w: f"{A}/elevator-projects/{w.elevator_at(Stage.publicity)}/objections",
        json=lambda w: {"flat_id": w.a.flats[1].id, "reason": "影响采光"}),
    Row("POST", "/api/v1/elevator-objections/<int:objection_id>/withdraw", OWNER_ONLY,
        lambda w: f"{A}/elevator-objections/{w.a.objection_id}/withdraw"),
    Row("POST", "/api/v1/elevator-projects/<int:project_id>/signatures", OWNER_ONLY,
        lambda w: f"{A}/elevator-projects/{w.elevator_at(Stage.signing)}/signatures",
        json=lambda w: {"flat_id": w.a.flats[1].id}),
    Row("POST", "/api/v1/elevator-projects/<int:project_id>/advance", COMMITTEE,
        lambda w: f"{A}/elevator-projects/{w.elevator_at(Stage.permit)}/advance",
        json=lambda w: {"to": "construction"}),
    # the statement is the flat's own: others in scope are told it is not there
    Row("GET", "/api/v1/elevator-projects/<int:project_id>/flats/<int:flat_id>/statement.pdf",
        "401 404 404 404 404 2xx 404 2xx 2xx",
        lambda w: f"{A}/elevator-projects/{w.a.elevator_id}/flats/{w.a.flats[0].id}/statement.pdf"),
    # --- cases (一事一议) --------------------------------------------------------------------
    Row("GET", "/api/v1/estates/<int:estate_id>/cases", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/cases"),
    Row("POST", "/api/v1/estates/<int:estate_id>/cases", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/cases",
        json=lambda w: {"title": "停车", "description": "车位不够",
                        "affected_flat_ids": [w.a.flats[2].id]}),
    Row("GET", "/api/v1/cases/<int:case_id>", MEMBER, lambda w: f"{A}/cases/{w.a.case_id}"),
    Row("GET", "/api/v1/cases/<int:case_id>/posts", MEMBER,
        lambda w: f"{A}/cases/{w.a.case_id}/posts"),
    Row("POST", "/api/v1/cases/<int:case_id>/posts", MEMBER,
        lambda w: f"{A}/cases/{w.a.case_id}/posts", json=lambda w: {"body": "同意楼上"}),
    Row("GET", "/api/v1/cases/<int:case_id>/moderation", MEMBER,
        lambda w: f"{A}/cases/{w.a.case_id}/moderation"),
    Row("GET", "/api/v1/cases/<int:case_id>/meetings", MEMBER,
        lambda w: f"{A}/cases/{w.a.case_id}/meetings"),
    Row("POST", "/api/v1/cases/<int:case_id>/meetings", COMMITTEE,
        lambda w: f"{A}/cases/{w.fresh_case()}/meetings",
        json=lambda w: {"held_at": utcnow().isoformat(), "place": "居委会", "minutes": "双方同意"}),
    Row("POST", "/api/v1/cases/<int:case_id>/scheduled-meetings", COMMITTEE,
        lambda w: f"{A}/cases/{w.fresh_case()}/scheduled-meetings",
        json=lambda w: {"held_at": later(2), "place": "居委会", "agenda": "噪音怎么办"}),
    Row("POST", "/api/v1/case-meetings/<int:meeting_id>/minutes", COMMITTEE,
        lambda w: f"{A}/case-meetings/{scheduled_meeting(w)}/minutes",
        json=lambda w: {"minutes": "双方同意", "attendees": ["王主任"]}),
    Row("GET", "/api/v1/case-meetings/<int:meeting_id>/sign-ins", MEMBER,
        lambda w: f"{A}/case-meetings/{scheduled_meeting(w)}/sign-ins"),
    Row("POST", "/api/v1/case-meetings/<int:meeting_id>/sign-ins", COMMITTEE,
        lambda w: f"{A}/case-meetings/{scheduled_meeting(w)}/sign-ins",
        data=lambda w: {"flat_ids": [str(w.a.flats[0].id), str(w.a.flats[1].id)],
                        "photo": (io.BytesIO(photo_jpeg()), "签到表.jpg")}),
    Row("GET", "/api/v1/cases/<int:case_id>/reports", MODERATOR,
        lambda w: f"{A}/cases/{w.a.case_id}/reports"),
    Row("POST", "/api/v1/cases/<int:case_id>/lock", MODERATOR,
        lambda w: f"{A}/cases/{w.fresh_case()}/lock", json=lambda w: {}),
    Row("POST", "/api/v1/cases/<int:case_id>/unlock", MODERATOR,
        lambda w: f"{A}/cases/{w.locked_case()}/unlock", json=lambda w: {}),
    Row("POST", "/api/v1/cases/<int:case_id>/resolution", COMMITTEE,
        lambda w: f"{A}/cases/{w.fresh_case()}/resolution",
        json=lambda w: {"closes_at": later(), "proposal": "东侧空地划 6 个车位"}),
    Row("POST", "/api/v1/cases/<int:case_id>/close", COMMITTEE,
        lambda w: f"{A}/cases/{w.fresh_case()}/close", json=lambda w: {"outcome": "已调解"}),
    Row("GET", "/api/v1/posts/<int:post_id>", MEMBER, lambda w: f"{A}/posts/{w.a.post_id}"),
    # only the author edits (the owner wrote this post)
    Row("PATCH", "/api/v1/posts/<int:post_id>", OWNER_ONLY,
        lambda w: f"{A}/posts/{w.fresh_post()}", json=lambda w: {"body": "改一下措辞"}),
    Row("GET", "/api/v1/posts/<int:post_id>/revisions", MEMBER,
        lambda w: f"{A}/posts/{w.a.post_id}/revisions"),
    Row("POST", "/api/v1/posts/<int:post_id>/reports", MEMBER,
        lambda w: f"{A}/posts/{w.fresh_post()}/reports", json=lambda w: {"reason": "广告"}),
    Row("POST", "/api/v1/posts/<int:post_id>/hide", MODERATOR,
        lambda w: f"{A}/posts/{w.fresh_post()}/hide", json=lambda w: {"reason": "人身攻击"}),
    Row("POST", "/api/v1/posts/<int:post_id>/unhide", MODERATOR,
        lambda w: f"{A}/posts/{w.hidden_post()}/unhide", json=lambda w: {"reason": "复核无问题"}),
    # --- renovation projects, complaints, the fund -------------------------------------------
    Row("GET", "/api/v1/estates/<int:estate_id>/projects", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/projects"),
    Row("POST", "/api/v1/estates/<int:estate_id>/projects", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/projects", json=lambda w: {"title": "雨污分流"}),
    Row("GET", "/api/v1/projects/<int:project_id>", MEMBER, lambda w: f"{A}/projects/{w.a.project_id}"),
    # a project without a passed content vote reaches the guard, which refuses (409): who may
    # ask is what this row checks; tests/projects/test_coplan_walk.py walks the guards
    Row("POST", "/api/v1/projects/<int:project_id>/advance", "401 404 404 404 403 403 403 409 409",
        lambda w: f"{A}/projects/{w.fresh_project()}/advance", json=lambda w: {"to": "co_build"}),
    Row("PUT", "/api/v1/projects/<int:project_id>/funding", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/funding",
        json=lambda w: {"shares": {"central": 60_000_00, "residents": 40_000_00}}),
    Row("PUT", "/api/v1/projects/<int:project_id>/items", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/items",
        json=lambda w: {"items": [{"code": "roof", "label": "屋面", "category": "basic"}]}),
    Row("GET", "/api/v1/projects/<int:project_id>/progress", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/progress"),
    Row("POST", "/api/v1/projects/<int:project_id>/progress", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/progress",
        data=lambda w: {"body": "外墙完工", "photos": [(io.BytesIO(photo_jpeg()), "a.jpg")]}),
    Row("GET", "/api/v1/projects/<int:project_id>/approvals", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/approvals"),
    Row("PUT", "/api/v1/projects/<int:project_id>/approvals/<kind>", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/approvals/land_use",
        json=lambda w: {"status": "not_needed", "note": "原址改造"}),
    Row("POST", "/api/v1/projects/<int:project_id>/approvals/<kind>/document", COMMITTEE,
        lambda w: f"{A}/projects/{recorded_approval(w)}/approvals/planning/document",
        data=lambda w: {"photo": (io.BytesIO(photo_jpeg()), "a.jpg")}),
    # 居民出资: members read (arrears counted per stairwell), the committee charges and records, an owner pays
    Row("GET", "/api/v1/projects/<int:project_id>/contributions", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/contributions"),
    # how the flats pay without the app is the committee's to write
    Row("PUT", "/api/v1/projects/<int:project_id>/paying-instructions", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/paying-instructions",
        json=lambda w: {"text": "每周一上午到居委会交现金"}),
    Row("POST", "/api/v1/projects/<int:project_id>/contribution-charges", COMMITTEE,
        lambda w: f"{A}/projects/{fresh_project(w)}/contribution-charges",
        json=lambda w: {"kind": "elevator", "title": "加装电梯", "elevator_project_id": (
            contribution_charge(w) and w.elevator_at(Stage.signing))}),
    Row("GET", "/api/v1/contribution-charges/<int:charge_id>", COMMITTEE,
        lambda w: f"{A}/contribution-charges/{contribution_charge(w)}"),
    Row("POST", "/api/v1/contribution-charges/<int:charge_id>/payments", COMMITTEE,
        lambda w: f"{A}/contribution-charges/{contribution_charge(w)}/payments",
        json=lambda w: {"flat_id": w.a.flats[0].id, "amount_cents": 1, "method": "transfer",
                        "paid_on": str(utcnow().date() - timedelta(days=1)), "reference": next_phone()}),
    # WeChat Pay is off in tests unless configured: the owner of the flat is told so (409)
    Row("POST", "/api/v1/contribution-charges/<int:charge_id>/wechat-orders", "401 404 404 404 403 409 403 403 403",
        lambda w: f"{A}/contribution-charges/{contribution_charge(w)}/wechat-orders",
        json=lambda w: {"flat_id": w.a.flats[0].id, "channel": "h5"}),
    Row("POST", "/api/v1/wechat-pay/notify", "404 404 404 404 404 404 404 404 404",
        lambda w: f"{A}/wechat-pay/notify", json=lambda w: {"id": "x"}),
    # a wrong payment is voided by the committee, with its reason (a fresh payment each time)
    Row("POST", "/api/v1/contribution-payments/<int:payment_id>/void", COMMITTEE,
        lambda w: f"{A}/contribution-payments/{contribution_payment(w)}/void", json=lambda w: {"reason": "户号登记错了"}),
    Row("GET", "/api/v1/contribution-payments/<int:payment_id>/receipt.pdf", OWNER_OR_COMMITTEE,
        lambda w: f"{A}/contribution-payments/{contribution_payment(w)}/receipt.pdf"),
    Row("GET", "/api/v1/contribution-charges/<int:charge_id>/flats/<int:flat_id>/provident-fund-certificate.pdf",
        OWNER_OR_COMMITTEE,
        lambda w: f"{A}/contribution-charges/{contribution_charge(w)}/flats/{w.a.flats[0].id}/provident-fund-certificate.pdf"),
    Row("GET", "/api/v1/projects/<int:project_id>/supervision-reports", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/supervision-reports"),
    Row("POST", "/api/v1/projects/<int:project_id>/supervision-reports", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/supervision-reports",
        json=lambda w: {"body": "材料堆放在消防通道"}),
    Row("POST", "/api/v1/supervision-reports/<int:report_id>/answer", COMMITTEE,
        lambda w: f"{A}/supervision-reports/{supervision_report(w)}/answer",
        json=lambda w: {"answer": "已让施工方扶起"}),
    Row("POST", "/api/v1/projects/<int:project_id>/evaluations", COMMITTEE,
        lambda w: f"{A}/projects/{w.fresh_project(Phase.co_evaluate)}/evaluations",
        json=lambda w: {"closes_at": later()}),
    Row("GET", "/api/v1/projects/<int:project_id>/evaluations/<int:consultation_id>/summary",
        MEMBER, lambda w: f"{A}/projects/{w.a.project_id}/evaluations/{w.a.evaluation_id}/summary"),
    Row("POST", "/api/v1/projects/<int:project_id>/evaluations/<int:consultation_id>/follow-ups",
        COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/evaluations/{closed_evaluation(w)}/follow-ups"),
    Row("GET", "/api/v1/projects/<int:project_id>/follow-ups", MEMBER,
        lambda w: f"{A}/projects/{w.a.project_id}/follow-ups"),
    Row("GET", "/api/v1/estates/<int:estate_id>/complaints", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/complaints"),
    Row("POST", "/api/v1/estates/<int:estate_id>/complaints", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/complaints",
        json=lambda w: {"title": "垃圾", "body": "垃圾未清运", "anonymous": True}),
    Row("POST", "/api/v1/complaints/<int:complaint_id>/status", COMMITTEE,
        lambda w: f"{A}/complaints/{w.fresh_complaint()}/status", json=lambda w: {"to": "handling"}),
    Row("GET", "/api/v1/estates/<int:estate_id>/fund-ledger", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger"),
    Row("POST", "/api/v1/estates/<int:estate_id>/fund-ledger", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger",
        json=lambda w: {"kind": "collected", "amount_cents": 100_00, "memo": "续交"}),
    # --- issue 19 (b): content votes within means, items, acceptance, objections (询异) -------
    # set on a draft, which residents do not see (404)
    Row("PUT", "/api/v1/consultations/<int:consultation_id>/budget-cap",
        "401 404 404 404 404 404 403 2xx 2xx",
        lambda w: f"{A}/consultations/{work.draft_content_vote(w)}/budget-cap",
        json=lambda w: {"budget_cap_cents": 1_000_000_00}),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/project", COMMITTEE,
        lambda w: f"{A}/consultations/{work.passed_content_vote(w)}/project",
        json=lambda w: {"title": "屋面维修"}),
    Row("POST", "/api/v1/projects/<int:project_id>/items/<int:item_id>/updates", COMMITTEE,
        lambda w: (lambda p: f"{A}/projects/{p}/items/{work.item_of(p)}/updates")(
            work.project_from_vote(w, Phase.co_build)),
        json=lambda w: {"status": "in_progress", "progress_percent": 10, "note": "进场"}),
    Row("POST", "/api/v1/projects/<int:project_id>/acceptance", COMMITTEE,
        lambda w: f"{A}/projects/{work.project_from_vote(w, Phase.co_build)}/acceptance",
        json=lambda w: {"held_on": "2026-11-20", "units": "街道、施工单位", "conclusion": "合格",
                        "representatives": [{"flat_id": w.a.flats[0].id, "name": "张三丰"},
                                            {"flat_id": w.a.flats[5].id, "name": "李大伟"}]}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/objections", MEMBER,
        lambda w: f"{A}/consultations/{w.a.published_consultation_id}/objections"),
    # only the flat's verified owner objects; nobody may object on another's behalf
    Row("POST", "/api/v1/consultations/<int:consultation_id>/objections", OWNER_ONLY,
        lambda w: f"{A}/consultations/{work.preliminary_vote(w)}/objections",
        json=lambda w: {"flat_id": w.a.flats[0].id, "reason": "纸质票记错了"}),
    Row("POST", "/api/v1/result-objections/<int:objection_id>/resolve", COMMITTEE,
        lambda w: f"{A}/result-objections/{work.fresh_objection(w)}/resolve",
        json=lambda w: {"resolution": "核对原件，记录无误"}),
    Row("POST", "/api/v1/estates/<int:estate_id>/fund-ledger/preview", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger/preview",
        json=lambda w: {"kind": "used", "amount_cents": 100_00, "scope_type": "stairwells",
                        "scope_ids": [w.a.stairwell_id]}),
    Row("GET", "/api/v1/estates/<int:estate_id>/fund-accounts", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/fund-accounts"),
    # --- QR codes and posters ----------------------------------------------------------------
    *[Row(method, f"/api/v1/{kind}s/<int:place_id>/{suffix}", COMMITTEE,
          (lambda kind, suffix: lambda w: f"{A}/{kind}s/{w.a.place_id(kind)}/{suffix}")(kind, suffix))
      for kind in ("stairwell", "building")
      for method, suffix in (("GET", "qr"), ("GET", "qr.svg"), ("GET", "qr.png"),
                             ("POST", "qr/rotate"))],
    Row("GET", "/api/v1/estates/<int:estate_id>/qr-posters.pdf", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/qr-posters.pdf"),
    Row("GET", "/api/v1/estates/<int:estate_id>/qr-scans", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/qr-scans"),
    # --- the printed kit (打印材料) ----------------------------------------------------------------
    Row("GET", "/api/v1/consultations/<int:consultation_id>/print/notice.pdf", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/print/notice.pdf"),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/print/door-to-door.pdf", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/print/door-to-door.pdf"),
    Row("POST", "/api/v1/consultations/<int:consultation_id>/print/letters.pdf", COMMITTEE,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/print/letters.pdf", json=lambda w: {}),
    Row("GET", "/api/v1/case-meetings/<int:meeting_id>/sign-in.pdf", COMMITTEE,
        lambda w: f"{A}/case-meetings/{scheduled_meeting(w)}/sign-in.pdf"),
    # what a printed code names is public: the place and the titles of what is open there
    Row("GET", "/api/v1/qr/<token>", PUBLIC, lambda w: f"{A}/qr/{w.qr_token()}"),
    # --- audit, media, open data, staff -------------------------------------------------------
    Row("GET", "/api/v1/estates/<int:estate_id>/audit/head", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/audit/head"),
    Row("GET", "/api/v1/estates/<int:estate_id>/audit/head/check", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/audit/head/check?seq=0&hash={'0' * 64}"),
    Row("GET", "/api/v1/media/<path:key>", MEMBER, lambda w: f"{A}/media/{w.a.media_key}"),
    # open data: figures without personal data, for anyone
    Row("GET", "/api/v1/estates/<int:estate_id>/open-data.json", PUBLIC,
        lambda w: f"{A}/estates/{w.a.estate.id}/open-data.json"),
    Row("GET", "/api/v1/estates/<int:estate_id>/open-data.csv", PUBLIC,
        lambda w: f"{A}/estates/{w.a.estate.id}/open-data.csv"),
    # --- 共管 (issue 20): decisions, rating, public income, notices, 片区 -------------------------
    Row("GET", "/api/v1/estates/<int:estate_id>/comanage-decisions", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/comanage-decisions"),
    Row("POST", "/api/v1/estates/<int:estate_id>/comanage-decisions", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/comanage-decisions",
        json=lambda w: {"matter": "management_model", "closes_at": later()}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/choice", MEMBER,
        lambda w: f"{A}/consultations/{cw.choice_id(w)}/choice"),
    Row("GET", "/api/v1/estates/<int:estate_id>/service-ratings", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/service-ratings"),
    Row("POST", "/api/v1/estates/<int:estate_id>/service-ratings", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/service-ratings",
        json=lambda w: {"period": cw.period(w), "closes_at": later()}),
    Row("GET", "/api/v1/estates/<int:estate_id>/public-income", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/public-income"),
    Row("POST", "/api/v1/estates/<int:estate_id>/public-income", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/public-income",
        json=lambda w: {"kind": "income", "category": "parking", "amount_cents": 100,
                        "occurred_on": "2026-11-01", "memo": "停车费"}),
    Row("GET", "/api/v1/estates/<int:estate_id>/notices", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/notices"),
    Row("POST", "/api/v1/estates/<int:estate_id>/notices", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/notices",
        json=lambda w: {"title": "停水", "body": "周六停水"}),
    Row("GET", "/api/v1/me/notices", USER, lambda w: f"{A}/me/notices"),
    Row("POST", "/api/v1/notices/<int:notice_id>/read", MEMBER,
        lambda w: f"{A}/notices/{cw.notice_id(w)}/read", json=lambda w: {}),
    Row("GET", "/api/v1/consultations/<int:consultation_id>/explainers", MEMBER,
        lambda w: f"{A}/consultations/{w.a.open_consultation_id}/explainers"),
    Row("GET", "/api/v1/neighbourhoods", USER, lambda w: f"{A}/neighbourhoods"),
    Row("POST", "/api/v1/neighbourhoods", STAFF, lambda w: f"{A}/neighbourhoods",
        json=cw.new_area_body),
    Row("GET", "/api/v1/neighbourhoods/<int:neighbourhood_id>", MEMBER,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}"),
    Row("GET", "/api/v1/neighbourhoods/<int:neighbourhood_id>/surveys", MEMBER,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/surveys"),
    Row("POST", "/api/v1/neighbourhoods/<int:neighbourhood_id>/surveys", AREA_STAFF,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/surveys", json=lambda w: {"closes_at": later()}),
    Row("GET", "/api/v1/neighbourhood-surveys/<int:survey_id>/results", MEMBER,
        lambda w: f"{A}/neighbourhood-surveys/{cw.survey_id(w)}/results"),
    Row("GET", "/api/v1/neighbourhoods/<int:neighbourhood_id>/resources", MEMBER,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/resources"),
    Row("POST", "/api/v1/neighbourhoods/<int:neighbourhood_id>/resources", AREA_STAFF,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/resources",
        json=lambda w: {"kind": "land", "name": "空地", "location": "南门", "area_m2": "12.00"}),
    Row("GET", "/api/v1/spare-resources/<int:resource_id>", MEMBER,
        lambda w: f"{A}/spare-resources/{cw.resource_id(w)}"),
    # residents of the 片区 and staff propose uses; only residents vote
    Row("POST", "/api/v1/spare-resources/<int:resource_id>/proposals",
        "401 404 404 404 2xx 2xx 403 403 2xx", lambda w: f"{A}/spare-resources/{cw.resource_id(w)}/proposals",
        json=lambda w: {"title": "共享书屋"}),
    Row("POST", "/api/v1/spare-resources/<int:resource_id>/comments", MEMBER,
        lambda w: f"{A}/spare-resources/{cw.resource_id(w)}/comments", json=lambda w: {"body": "好"}),
    Row("PUT", "/api/v1/spare-resources/<int:resource_id>/votes", "401 404 404 404 2xx 2xx 403 403 403",
        lambda w: f"{A}/spare-resources/{cw.resource_id(w)}/votes",
        json=lambda w: {"proposal_id": cw.proposal_id(w)}),
    Row("GET", "/api/v1/neighbourhoods/<int:neighbourhood_id>/notices", AREA_STAFF,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/notices"),
    Row("POST", "/api/v1/neighbourhoods/<int:neighbourhood_id>/notices", AREA_STAFF,
        lambda w: f"{A}/neighbourhoods/{cw.area_id(w)}/notices",
        json=lambda w: {"title": "片区通知", "body": "内容"}),
    Row("GET", "/api/v1/staff/ranking", STAFF, lambda w: f"{A}/staff/ranking"),
    Row("GET", "/api/v1/staff/estates", STAFF, lambda w: f"{A}/staff/estates"),
    Row("GET", "/api/v1/staff/approvals", STAFF, lambda w: f"{A}/staff/approvals"),
    Row("GET", "/api/v1/staff/overdue-tasks", STAFF, lambda w: f"{A}/staff/overdue-tasks"),
    # 专业经营单位 and 公开资金 (the committee records; anyone reads the public money)
    Row("GET", "/api/v1/projects/<int:project_id>/utilities", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/utilities"),
    Row("POST", "/api/v1/projects/<int:project_id>/utility-works", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/utility-works",
        json=lambda w: {"party": "gas", "title": "燃气管", "road": "主路", "starts_on": "2027-01-05",
                        "ends_on": "2027-01-20"}),
    Row("PUT", "/api/v1/utility-works/<int:work_id>", COMMITTEE, lambda w: f"{A}/utility-works/{utility_work(w)}",
        json=lambda w: {"starts_on": "2026-01-05", "ends_on": "2026-01-20", "status": "done"}),
    Row("POST", "/api/v1/projects/<int:project_id>/utility-contributions", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/utility-contributions",
        json=lambda w: {"utility": "water", "stage": "committed", "amount_cents": 100_00, "dated_on": "2026-01-05"}),
    Row("POST", "/api/v1/projects/<int:project_id>/utility-handovers", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/utility-handovers",
        data=lambda w: {"work_id": str(utility_work(w)), "facilities": "供水管 30 米", "receiver": "自来水公司",
                        "handed_on": str(utcnow().date() - timedelta(days=1)),
                        "record": (io.BytesIO(photo_jpeg()), "r.jpg"), "photo": (io.BytesIO(photo_jpeg()), "p.jpg")}),
    Row("GET", "/api/v1/staff/utility-clashes", STAFF, lambda w: f"{A}/staff/utility-clashes"),
    Row("GET", "/api/v1/projects/<int:project_id>/public-money", PUBLIC,
        lambda w: f"{A}/projects/{w.a.project_id}/public-money"),
    Row("GET", "/api/v1/projects/<int:project_id>/money", COMMITTEE, lambda w: f"{A}/projects/{w.a.project_id}/money"),
    Row("POST", "/api/v1/projects/<int:project_id>/money-entries", COMMITTEE,
        lambda w: f"{A}/projects/{w.a.project_id}/money-entries",
        json=lambda w: {"source": "city_subsidy", "stage": "committed", "amount_cents": 100_00, "dated_on": "2026-01-05"}),
    Row("POST", "/api/v1/money-entries/<int:entry_id>/evidence", COMMITTEE,
        lambda w: f"{A}/money-entries/{money_entry(w)}/evidence",
        data=lambda w: {"photo": (io.BytesIO(photo_jpeg()), "a.jpg")}),
    Row("GET", "/api/v1/estates/<int:estate_id>/joint-meetings", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/joint-meetings"),
    Row("POST", "/api/v1/estates/<int:estate_id>/joint-meetings", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/joint-meetings",
        json=lambda w: {"held_on": "2026-01-05", "place": "居委会", "agenda": "协调", "attending_orgs": ["street"]}),
    Row("POST", "/api/v1/joint-meetings/<int:meeting_id>/tasks", COMMITTEE,
        lambda w: f"{A}/joint-meetings/{joint_meeting(w)}/tasks",
        json=lambda w: {"task": "交资料", "org": "street", "deadline": "2027-01-05"}),
    Row("PUT", "/api/v1/responsibility-tasks/<int:task_id>", COMMITTEE,
        lambda w: f"{A}/responsibility-tasks/{responsibility_task(w)}",
        json=lambda w: {"status": "in_progress"}),
    Row("GET", "/api/v1/estates/<int:estate_id>/green-community", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/green-community"),
    Row("PUT", "/api/v1/estates/<int:estate_id>/green-community/<criterion>", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/green-community/greening",
        json=lambda w: {"status": "in_progress", "evidence": "中心绿地补种"}),
    # --- co-planning (issue 19): applications, reserve, annual plans, the plan, heritage ------
    Row("GET", "/api/v1/estates/<int:estate_id>/applications", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/applications"),
    # one live application per estate: the committee's own already stands, so every member is told
    Row("POST", "/api/v1/estates/<int:estate_id>/applications", "401 404 404 404 409 409 409 409 409",
        lambda w: f"{A}/estates/{coplan.live_application(w).estate_id}/applications",
        json=lambda w: {"reason": "再申请一次"}),
    Row("GET", "/api/v1/applications/<int:application_id>", MEMBER,
        lambda w: f"{A}/applications/{coplan.live_application(w).id}"),
    Row("POST", "/api/v1/applications/<int:application_id>/supports", OWNER_ONLY,
        lambda w: f"{A}/applications/{coplan.supportable(w)}/supports",
        json=lambda w: {"flat_id": w.a.flats[0].id}),
    Row("POST", "/api/v1/applications/<int:application_id>/paper-supports", COMMITTEE,
        lambda w: f"{A}/applications/{coplan.paper_supportable(w)}/paper-supports",
        data=lambda w: {"flat_id": str(w.a.flats[1].id), "photo": (io.BytesIO(photo_jpeg()), "签名表.jpg")}),
    Row("POST", "/api/v1/applications/<int:application_id>/submit", COMMITTEE,
        lambda w: f"{A}/applications/{coplan.submittable(w)}/submit"),
    Row("POST", "/api/v1/applications/<int:application_id>/reserve", STAFF,
        lambda w: f"{A}/applications/{coplan.submitted_elsewhere(w)}/reserve",
        json=lambda w: {"estimated_cost_cents": 100}),
    Row("GET", "/api/v1/staff/reserve", STAFF, lambda w: f"{A}/staff/reserve"),
    Row("GET", "/api/v1/annual-plans", STAFF, lambda w: f"{A}/annual-plans"),
    Row("POST", "/api/v1/annual-plans", STAFF, lambda w: f"{A}/annual-plans", json=coplan.plan_body),
    Row("GET", "/api/v1/annual-plans/<int:plan_id>", STAFF,
        lambda w: f"{A}/annual-plans/{coplan.annual_plan(w)}"),
    Row("POST", "/api/v1/annual-plans/<int:plan_id>/entries", STAFF,
        lambda w: f"{A}/annual-plans/{coplan.annual_plan(w)}/entries", json=coplan.plan_entry),
    Row("GET", "/api/v1/estates/<int:estate_id>/plan-versions", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/plan-versions"),
    Row("POST", "/api/v1/estates/<int:estate_id>/plan-versions", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/plan-versions", json=coplan.version_body),
    Row("GET", "/api/v1/plan-versions/<int:version_id>", MEMBER,
        lambda w: f"{A}/plan-versions/{coplan.version(w)}"),
    Row("POST", "/api/v1/plan-versions/<int:version_id>/publicity", COMMITTEE,
        lambda w: f"{A}/plan-versions/{coplan.fresh_version(w)}/publicity"),
    Row("POST", "/api/v1/plan-sections/<int:section_id>/comments", MEMBER,
        lambda w: f"{A}/plan-sections/{coplan.section(w)}/comments",
        json=lambda w: {"quote": "重做防水", "body": "几月开工？"}),
    Row("POST", "/api/v1/plan-comments/<int:comment_id>/answer", COMMITTEE,
        lambda w: f"{A}/plan-comments/{coplan.fresh_comment(w)}/answer",
        json=lambda w: {"answer": "三月"}),
    Row("PUT", "/api/v1/buildings/<int:building_id>/heritage", STAFF,
        lambda w: f"{A}/buildings/{w.a.building_id}/heritage", json=lambda w: {"heritage": "townscape"}),
    Row("GET", "/api/v1/estates/<int:estate_id>/heritage", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/heritage"),
    Row("POST", "/api/v1/estates/<int:estate_id>/heritage-reviews", STAFF,
        lambda w: f"{A}/estates/{coplan.heritage_estate(w)}/heritage-reviews", json=coplan.unused_review),
    # sunlight (日照): members read an analysis of their estate's case; editors compute
    # 后台任务: the committee sees the estate's heavy jobs and re-runs an interrupted one
    Row("GET", "/api/v1/estates/<int:estate_id>/heavy-jobs", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/heavy-jobs"),
    Row("GET", "/api/v1/heavy-jobs/<int:job_id>", COMMITTEE, lambda w: f"{A}/heavy-jobs/{heavy_job(w)}"),
    Row("POST", "/api/v1/heavy-jobs/<int:job_id>/rerun", "401 404 404 404 403 403 403 409 409",
        lambda w: f"{A}/heavy-jobs/{heavy_job(w)}/rerun"),
    Row("GET", "/api/v1/estates/<int:estate_id>/sunlight-analyses", MEMBER,
        lambda w: f"{A}/estates/{w.a.estate.id}/sunlight-analyses"),
    Row("POST", "/api/v1/estates/<int:estate_id>/sunlight-analyses", COMMITTEE,
        lambda w: f"{A}/estates/{w.a.estate.id}/sunlight-analyses", json=lambda w: w.sunlight_body()),
    Row("GET", "/api/v1/sunlight-analyses/<int:analysis_id>", MEMBER,
        lambda w: f"{A}/sunlight-analyses/{w.sunlight_id()}"),
    Row("PUT", "/api/v1/sunlight-analyses/<int:analysis_id>", COMMITTEE,
        lambda w: f"{A}/sunlight-analyses/{w.sunlight_id()}", json=lambda w: w.sunlight_body()),
    Row("GET", "/api/v1/sunlight-analyses/<int:analysis_id>/chart.png", MEMBER,
        lambda w: f"{A}/sunlight-analyses/{w.sunlight_id()}/chart.png"),
    Row("GET", "/api/v1/sunlight-analyses/<int:analysis_id>/statement.pdf", COMMITTEE,
        lambda w: f"{A}/sunlight-analyses/{w.sunlight_id()}/statement.pdf"),
]
TABLE = {(row.method, row.rule): row for row in ROWS}


def api_routes(app) -> set[tuple[str, str]]:
    return {(method, rule.rule) for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api/") for method in rule.methods - {"HEAD", "OPTIONS"}}


def test_every_route_is_in_the_table():
    assert len(TABLE) == len(ROWS), "a route is listed twice"
    routes = api_routes(create_app(TestConfig))
    assert routes - set(TABLE) == set(), "routes without a row in the access table"
    assert set(TABLE) - routes == set(), "rows for routes that no longer exist"


def status_class(status: int) -> str:
    return "2xx" if 200 <= status < 300 else str(status)


@pytest.fixture(scope="module")
def app(backend, databases):
    """One app and one world per module and database (the hundred rows would take minutes
    to build it each); rows that change shared objects make their own, so no row depends on
    another having run. Every role posts within one minute: the posting limit is tested in
    tests/cases."""
    yield from world_app(backend, databases, CASE_POST_LIMIT=1000)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.method} {r.rule}" for r in ROWS])
def test_route_answers_each_role_as_the_table_says(app, client, row):
    world = app.world
    world.client = client
    people = world.new_people() if row.fresh_people else world.people
    wrong = {}
    for role, expected in row.outcomes().items():
        user = people[role]
        headers = auth(user) if user is not None else {}
        path = row.path(world)
        kwargs = {}
        if row.json is not None:
            kwargs["json"] = row.json(world)
        if row.data is not None:
            kwargs["data"] = row.data(world)
            kwargs["content_type"] = "multipart/form-data"
        # a client of its own per role: a session cookie must not carry into the next role
        response = app.test_client().open(path, method=row.method, headers=headers, **kwargs)
        got = status_class(response.status_code)
        if got != expected:
            body = response.get_json(silent=True)
            wrong[role] = (expected, response.status_code, body and body.get("error"))
    assert wrong == {}


# Ids of estate B inside requests to estate A's objects, by A's own committee or owner:
# refused, and nothing of B is touched. (method, path, body, who, expected status)
FOREIGN_IDS = [
    ("PUT", lambda w: f"{A}/consultations/{w.a.open_consultation_id}/ballots/mine",
     lambda w: {"flat_id": w.b.flats[0].id, "answers": {"willing": "agree"}}, "owner", 422),
    ("POST", lambda w: f"{A}/consultations/{w.a.open_consultation_id}/assisted-ballots",
     lambda w: {"flat_id": w.b.flats[1].id, "answers": {"willing": "agree"}, "channel": "paper",
                "evidence": "纸质选票"}, "committee", 422),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/cases",
     lambda w: {"title": "越界", "description": "别的小区的户",
                "affected_flat_ids": [w.b.flats[0].id]}, "committee", 422),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/complaints",
     lambda w: {"title": "越界", "body": "别的小区的项目", "project_id": w.b.project_id},
     "owner", 404),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger",
     lambda w: {"kind": "used", "amount_cents": 100, "memo": "越界",
                "consultation_id": w.b.published_consultation_id}, "committee", 409),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger",
     lambda w: {"kind": "collected", "amount_cents": 100, "memo": "越界", "scope_type": "flats",
                "scope_ids": [w.a.flats[0].id, w.b.flats[0].id]}, "committee", 422),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/fund-ledger/preview",
     lambda w: {"kind": "collected", "amount_cents": 100, "scope_type": "stairwells",
                "scope_ids": [w.b.stairwell_id]}, "committee", 422),
    ("POST", lambda w: f"{A}/estates/{w.a.estate.id}/consultations",
     lambda w: {"template": "willingness_survey", "closes_at": later(),
                "scope": {"type": "stairwell", "id": w.b.stairwell_id}}, "committee", 422),
    ("POST", lambda w: f"{A}/elevator-projects/{w.elevator_at(Stage.publicity)}/objections",
     lambda w: {"flat_id": w.b.flats[1].id, "reason": "越界"}, "owner", 422),
    ("POST", lambda w: f"{A}/cases/{w.a.case_id}/posts",
     lambda w: {"body": "回复别处", "parent_id": w.b.post_id}, "owner", 422),
    ("GET", lambda w: f"{A}/projects/{w.a.project_id}/evaluations/{w.b.evaluation_id}/summary",
     None, "committee", 404),
    ("GET", lambda w: f"{A}/elevator-projects/{w.a.elevator_id}/flats/{w.b.flats[0].id}/statement.pdf",
     None, "committee", 422),
]


@pytest.mark.parametrize("method,path,body,role,expected", FOREIGN_IDS,
                         ids=[f"{i}-{m}" for i, (m, *_rest) in enumerate(FOREIGN_IDS)])
def test_ids_of_another_estate_inside_a_request_are_refused(app, method, path, body, role,
                                                            expected):
    from app.audit.api import AuditEntry
    from app.extensions import db

    world = app.world
    url = path(world)
    kwargs = {"json": body(world)} if body else {}
    b_entries = db.session.query(AuditEntry).filter_by(estate_id=world.b.estate.id).count()
    response = app.test_client().open(url, method=method, headers=auth(world.people[role]),
                                      **kwargs)
    assert response.status_code == expected, response.get_json()
    assert db.session.query(AuditEntry).filter_by(estate_id=world.b.estate.id).count() == b_entries


def test_flat_codes_leave_out_flats_of_another_estate(app):
    world = app.world
    response = app.test_client().post(
        f"{A}/estates/{world.a.estate.id}/flat-codes", headers=auth(world.committee),
        json={"flat_ids": [world.a.flats[7].id, world.b.flats[7].id]})
    assert response.status_code == 201
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [int(row["flat_id"]) for row in rows] == [world.a.flats[7].id]


def test_marking_read_leaves_other_peoples_notifications_alone(app):
    from app.extensions import db
    from app.notifications.api import notify

    world = app.world
    theirs = notify(world.owner.id, estate_id=world.a.estate.id, kind="test", title="通知",
                    body="只给业主")
    db.session.commit()
    response = app.test_client().post(f"{A}/me/notifications/read", json={"ids": [theirs.id]},
                                      headers=auth(world.other_resident))
    assert response.status_code == 200 and response.json == {"marked": 0}
    db.session.refresh(theirs)
    assert theirs.read_at is None


# The server-rendered pages: the same rules as the API behind them (a person signed in
# with the cookie session is the same person as with a token). Anonymous visitors of a
# page that needs a login are sent to it (302).
SIGNED_IN_PAGE = "302 2xx 2xx 2xx 2xx 2xx 2xx 2xx 2xx"
COMMITTEE_PAGE = "302 404 404 404 403 403 403 2xx 2xx"
MEMBER_PAGE = "302 404 404 404 2xx 2xx 2xx 2xx 2xx"
STREET_PAGE = "302 403 403 403 403 403 403 403 2xx"
#: a console page the estate's moderators open too (a case's moderation)
MODERATOR_PAGE = "302 404 404 404 403 403 2xx 2xx 2xx"
WEB_ROWS = [
    Row("GET", "/", PUBLIC, lambda w: "/"),
    Row("GET", "/privacy", PUBLIC, lambda w: "/privacy"),
    # someone already signed in goes on to where they were headed
    Row("GET", "/login", "2xx 302 302 302 302 302 302 302 302", lambda w: "/login"),
    Row("GET", "/claim", SIGNED_IN_PAGE, lambda w: f"/claim?stairwell={w.a.stairwell_id}"),
    Row("GET", "/cases/<int:case_id>", "302 404 404 404 2xx 2xx 2xx 2xx 2xx",
        lambda w: f"/cases/{w.a.case_id}"),
    Row("GET", "/q/<token>", PUBLIC, lambda w: f"/q/{w.qr_token()}"),
    # a one-time link into the pages: a forged (or used, or late) one is refused alike
    Row("GET", "/enter/<ticket>", "410 410 410 410 410 410 410 410 410", lambda w: "/enter/" + "t" * 43),
    # its "switch accounts?" answer: only with the session's CSRF token (nobody signed in has none)
    Row("POST", "/enter/<ticket>", "403 410 410 410 410 410 410 410 410", lambda w: "/enter/" + "t" * 43,
        data=lambda w: {}),
    # read-aloud speaks what the page shows the person, and nothing where it shows nothing
    Row("GET", "/read-aloud/", PUBLIC, lambda w: "/read-aloud/"),
    # an MP3 made for POST /api/v1/read-aloud, by its key: an unknown key is no page for anyone
    Row("GET", "/read-aloud/audio/<key>.mp3", "404 404 404 404 404 404 404 404 404",
        lambda w: "/read-aloud/audio/" + "0" * 64 + ".mp3"),
    Row("GET", "/read-aloud/<path:page>", "404 404 404 404 2xx 2xx 2xx 2xx 2xx",
        lambda w: f"/read-aloud/cases/{w.a.case_id}"),
    Row("GET", "/estates/<int:estate_id>/public", PUBLIC, lambda w: f"/estates/{w.a.estate.id}/public"),
    Row("GET", "/console/", SIGNED_IN_PAGE, lambda w: "/console/"),
    *[Row("GET", f"/console/estates/<int:estate_id>{suffix}", COMMITTEE_PAGE,
          (lambda suffix: lambda w: f"/console/estates/{w.a.estate.id}{suffix}")(suffix))
      for suffix in ("", "/claims", "/ledger", "/flat-codes", "/cases", "/posters",
                     "/consultations", "/elevators", "/application", "/plan", "/heritage",
                     "/cases/new", "/complaints", "/fund", "/members", "/projects", "/comanage",
                     "/public-income", "/notices", "/jobs", "/print")],
    # 重新运行 a job that did not stop: nothing to do, back to the list with a word why
    Row("POST", "/console/heavy-jobs/<int:job_id>/rerun", "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/heavy-jobs/{heavy_job(w)}/rerun", data=lambda w: {}),
    Row("GET", "/console/cases/<int:case_id>", MODERATOR_PAGE, lambda w: f"/console/cases/{w.a.case_id}"),
    Row("GET", "/console/estates/<int:estate_id>/coordination", COMMITTEE_PAGE,
        lambda w: f"/console/estates/{w.a.estate.id}/coordination"),
    Row("GET", "/console/estates/<int:estate_id>/green", COMMITTEE_PAGE,
        lambda w: f"/console/estates/{w.a.estate.id}/green"),
    Row("GET", "/console/projects/<int:project_id>", COMMITTEE_PAGE,
        lambda w: f"/console/projects/{w.a.project_id}"),
    Row("GET", "/console/projects/<int:project_id>/utilities", COMMITTEE_PAGE,
        lambda w: f"/console/projects/{w.a.project_id}/utilities"),
    Row("GET", "/console/projects/<int:project_id>/money", COMMITTEE_PAGE,
        lambda w: f"/console/projects/{w.a.project_id}/money"),
    # the street office: staff only (signed-in others are refused, never sent to log in)
    Row("GET", "/street/", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/"),
    Row("GET", "/street/estates", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/estates"),
    Row("GET", "/street/operations", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/operations"),
    Row("GET", "/street/approvals", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/approvals"),
    Row("GET", "/projects/<int:project_id>/contributions", MEMBER_PAGE,
        lambda w: f"/projects/{w.a.project_id}/contributions"),
    Row("GET", "/console/projects/<int:project_id>/contributions", COMMITTEE_PAGE,
        lambda w: f"/console/projects/{w.a.project_id}/contributions"),
    Row("GET", "/street/tasks", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/tasks"),
    Row("GET", "/street/utility-clashes", STREET_PAGE, lambda w: "/street/utility-clashes"),
    # 共管 (issue 20): the resident pages, and the street's 片区 pages
    Row("GET", "/estates/<int:estate_id>/comanage", MEMBER_PAGE, lambda w: f"/estates/{w.a.estate.id}/comanage"),
    Row("GET", "/estates/<int:estate_id>/green", MEMBER_PAGE, lambda w: f"/estates/{w.a.estate.id}/green"),
    Row("GET", "/estates/<int:estate_id>/coordination", MEMBER_PAGE,
        lambda w: f"/estates/{w.a.estate.id}/coordination"),
    Row("GET", "/estates/<int:estate_id>/public-income", MEMBER_PAGE,
        lambda w: f"/estates/{w.a.estate.id}/public-income"),
    Row("GET", "/notices", SIGNED_IN_PAGE, lambda w: "/notices"),
    Row("GET", "/areas/<int:neighbourhood_id>", MEMBER_PAGE, lambda w: f"/areas/{cw.area_id(w)}"),
    Row("GET", "/street/areas", STREET_PAGE, lambda w: "/street/areas"),
    Row("GET", "/street/areas/<int:neighbourhood_id>", "302 404 404 404 403 403 403 403 2xx",
        lambda w: f"/street/areas/{cw.area_id(w)}"),
    Row("GET", "/console/estates/<int:estate_id>/elevators/<int:project_id>", COMMITTEE_PAGE,
        lambda w: f"/console/estates/{w.a.estate.id}/elevators/{w.a.elevator_id}"),
    Row("GET", "/console/consultations/<int:consultation_id>", COMMITTEE_PAGE,
        lambda w: f"/console/consultations/{w.a.open_consultation_id}"),
    Row("GET", "/console/consultations/<int:consultation_id>/reach", COMMITTEE_PAGE,
        lambda w: f"/console/consultations/{w.a.open_consultation_id}/reach"),
    Row("GET", "/street/reach", STREET_PAGE, lambda w: "/street/reach"),
    # the SMS link's landing page: anyone (it checks the token with a POST)
    Row("GET", "/n/<token>", PUBLIC, lambda w: "/n/0000001abcdefgh"),
    Row("GET", "/console/consultations/<int:consultation_id>/paper", COMMITTEE_PAGE,
        lambda w: f"/console/consultations/{w.a.open_consultation_id}/paper"),
    Row("GET", "/consultations/<int:consultation_id>", MEMBER_PAGE,
        lambda w: f"/consultations/{w.a.open_consultation_id}"),
    Row("GET", "/estates/<int:estate_id>/application", MEMBER_PAGE,
        lambda w: f"/estates/{w.a.estate.id}/application"),
    Row("GET", "/estates/<int:estate_id>/plan", MEMBER_PAGE, lambda w: f"/estates/{w.a.estate.id}/plan"),
    Row("GET", "/street/reserve", "302 403 403 403 403 403 403 403 2xx", lambda w: "/street/reserve"),
    Row("GET", "/elevators/<int:project_id>", MEMBER_PAGE,
        lambda w: f"/elevators/{w.a.elevator_id}"),
    Row("GET", "/elevators/<int:project_id>/progress", MEMBER_PAGE,
        lambda w: f"/elevators/{w.a.elevator_id}/progress"),
    # sunlight in the console: the committee (and staff) compute and read analyses
    *[Row("GET", f"/console/estates/<int:estate_id>/{suffix}", COMMITTEE_PAGE,
          (lambda suffix: lambda w: f"/console/estates/{w.a.estate.id}/{suffix}")(suffix))
      for suffix in ("sunlight", "sunlight/new")],
    Row("GET", "/console/estates/<int:estate_id>/sunlight/<int:analysis_id>", COMMITTEE_PAGE,
        lambda w: f"/console/estates/{w.a.estate.id}/sunlight/{w.sunlight_id()}"),
    # the resident pages of issue 17: mine whoever signs in; the estate's for its members
    *[Row("GET", rule, SIGNED_IN_PAGE, (lambda rule: lambda w: rule)(rule))
      for rule in ("/notifications", "/proxies", "/account", "/account/data", "/account/data.pdf")],
    # the consent page: everyone here has agreed, so it goes on to the page they were headed to
    Row("GET", "/consent", "302 302 302 302 302 302 302 302 302", lambda w: "/consent"),
    Row("POST", "/consent", "302 302 302 302 302 302 302 302 302", lambda w: "/consent",
        data=lambda w: {"answer": "agree", "version": NOTICE_VERSION}),
    *[Row("GET", f"/estates/<int:estate_id>{suffix}", MEMBER_PAGE,
          (lambda suffix: lambda w: f"/estates/{w.a.estate.id}{suffix}")(suffix))
      for suffix in ("/projects", "/complaints", "/cases/new", "/sunlight")],
    Row("GET", "/projects/<int:project_id>", MEMBER_PAGE, lambda w: f"/projects/{w.a.project_id}"),
    Row("GET", "/sunlight/<int:analysis_id>", MEMBER_PAGE, lambda w: f"/sunlight/{w.sunlight_id()}"),
    Row("GET", "/me/fund", SIGNED_IN_PAGE, lambda w: "/me/fund"),
    # form posts, sent with the role's cookie session and its CSRF token
    # (as PUT …/ballots/mine: only the owner votes; done, the page moves on to the receipt)
    Row("POST", "/consultations/<int:consultation_id>/ballot",
        "302 404 404 404 403 303 403 403 403",
        lambda w: f"/consultations/{w.a.open_consultation_id}/ballot",
        data=lambda w: {"flat_id": str(w.a.flats[0].id), "q.willing": "abstain"}),
    Row("POST", "/console/consultations/<int:consultation_id>/assisted-ballots",
        "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/consultations/{w.a.open_consultation_id}/assisted-ballots",
        data=lambda w: {"flat_id": str(w.a.flats[3].id), "q.willing": "abstain",
                        "channel": "paper", "evidence": "纸质表决票第3号"}),
    Row("POST", "/console/consultations/<int:consultation_id>/paper/scans",
        "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/consultations/{w.a.open_consultation_id}/paper/scans",
        data=lambda w: {"file": (io.BytesIO(w.paper_sheet()), "sheet.jpg")}),
    Row("POST", "/console/paper-ballot-scans/<int:scan_id>/confirm",
        "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/paper-ballot-scans/{w.fresh_paper_scan()}/confirm",
        data=lambda w: {"q.willing": "agree", "q.contribute": "unsure", "witness_phone": "13812344444"}),
    # 更正: an upheld objection's ballot corrected on the console (a fresh objection each time)
    Row("GET", "/console/result-objections/<int:objection_id>/correct", COMMITTEE_PAGE,
        lambda w: f"/console/result-objections/{work.fresh_objection(w)}/correct"),
    Row("POST", "/console/result-objections/<int:objection_id>/correct",
        "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/result-objections/{work.fresh_objection(w)}/correct",
        data=lambda w: {"resolution": "核对原件，记录无误"}),
    Row("POST", "/console/paper-ballot-scans/<int:scan_id>/reject",
        "302 404 404 404 403 403 403 303 303",
        lambda w: f"/console/paper-ballot-scans/{w.fresh_paper_scan()}/reject",
        data=lambda w: {"reason": "重复交票"}),
]
ASSETS = {"/static/<path:filename>", "/assets/<path:filename>"}


def test_every_page_is_in_the_table():
    app = create_app(TestConfig)
    pages = {(method, rule.rule) for rule in app.url_map.iter_rules()
             if not rule.rule.startswith("/api/") and rule.rule not in ASSETS
             for method in rule.methods - {"HEAD", "OPTIONS"}}
    listed = [(row.method, row.rule) for row in WEB_ROWS]
    assert len(set(listed)) == len(listed), "a page is listed twice"
    assert pages == set(listed)


def post_form_as(app, user, path: str, form: dict):
    """A form post from a page: the person's cookie session and the token in its form."""
    client = app.test_client()
    if user is not None:
        sign_in_cookie(client, user, csrf="matrix-csrf")
    return client.post(path, data={**form, "csrf_token": "matrix-csrf"},
                       headers={"Accept": "text/html"})


@pytest.mark.parametrize("row", WEB_ROWS, ids=[f"{r.method} {r.rule}" for r in WEB_ROWS])
def test_page_answers_each_role_as_the_table_says(app, row):
    world = app.world
    wrong = {}
    for role, expected in row.outcomes().items():
        user = world.people[role]
        if row.method == "POST":
            response = post_form_as(app, user, row.path(world), row.data(world))
        else:
            headers = {"Accept": "text/html", **(auth(user) if user is not None else {})}
            response = app.test_client().get(row.path(world), headers=headers)
        got = status_class(response.status_code)
        if got != expected:
            wrong[role] = (expected, response.status_code)
    assert wrong == {}
