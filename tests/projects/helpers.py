"""Helpers shared by the tests of this folder, so no test module imports another."""
from datetime import date, timedelta
from app.consultations.api import Consultation
from app.db import utcnow
from app.extensions import db
from app.projects.api import register_guard, unregister_guard
from app.projects.api import Phase
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
import io
from PIL import Image
from app.projects.api import fund
from app.projects.api import FundAccount, FundEntryKind, FundPosting


ROOF, WALL, LIGHTING, GREENING, PARKING = (
    "basic.roof_repair", "basic.exterior_wall_repair", "improvement.lighting",
    "improvement.greening", "improvement.parking")


#: agreeing owners out of 12 per item; 9 and 9 tie (equal areas): catalogue order decides
AGREE = {ROOF: 10, WALL: 9, LIGHTING: 9, GREENING: 7, PARKING: 5}


CAP_CENTS = 2_300_000_00


class Walk:
    """An estate with an owner per flat and its committee (or those of an estate already walked
    from its application to its plan: tests/applications/test_journey.py)."""

    def __init__(self, client, estate=None, owners=None, committee=None):
        self.client = client
        self.estate = estate or make_estate()
        self.flats = flats_of(self.estate.id)
        self.owners = owners or [make_owner(flat) for flat in self.flats]
        self.committee = committee or make_user(roles=[("committee", self.estate.id)])

    def call(self, method, path, user=None, **kwargs):
        return getattr(self.client, method)(f"/api/v1{path}", headers=auth(user or self.committee),
                                            **kwargs)

    def show_plan(self) -> int:
        """The committee posts the plan and starts its publicity; the version's id."""
        posted = self.call("post", f"/estates/{self.estate.id}/plan-versions", json={
            "title": "改造方案", "sections": [{"title": "屋面", "body": "屋面防水翻新"}],
            "item_codes": []})
        assert posted.status_code == 201, posted.json
        started = self.call("post", f"/plan-versions/{posted.json['id']}/publicity")
        assert started.status_code == 200, started.json
        return posted.json["id"]

    @staticmethod
    def end_publicity(version_id: int) -> None:
        from app.plans.api import PlanVersion

        version = db.session.get(PlanVersion, version_id)
        version.publicity_started_at -= timedelta(days=version.publicity_days + 1)
        db.session.commit()

    def advance(self, project_id, to, **extra):
        return self.call("post", f"/projects/{project_id}/advance", json={"to": to, **extra})


def refused(response, *words):
    assert response.status_code == 409, response.json
    message = response.json["error"]["message"]
    assert all(word in message for word in words), message
    return message


def within_means_to_sharing(w: Walk) -> None:
    """The content vote with a cap, its objections, the project from it, items and progress,
    the plan's publicity, acceptance, evaluation and sharing, with every guard's refusal."""
    # 共谋: the content vote under a rule with a 7-day preliminary result, with a cap
    created = w.call("post", f"/estates/{w.estate.id}/consultations", json={
        "template": "content_vote", "rule": "civil_code_278_ordinary_objections",
        "closes_at": (utcnow() + timedelta(days=7)).isoformat()})
    assert created.status_code == 201, created.json
    vote = created.json["id"]
    capped = w.call("put", f"/consultations/{vote}/budget-cap", json={"budget_cap_cents": CAP_CENTS})
    assert capped.status_code == 200 and capped.json["budget_cap_cents"] == CAP_CENTS
    detail = w.call("get", f"/consultations/{vote}").json
    roof = next(i for i in detail["questions"][0]["items"] if i["code"] == ROOF)
    assert roof["estimated_cost_cents"] == 90_000_000 and roof["flat_contribution_cents"] == 25_000
    assert w.call("post", f"/consultations/{vote}/open").status_code == 200
    refused(w.call("put", f"/consultations/{vote}/budget-cap", json={"budget_cap_cents": 1}), "草稿")
    for index, owner in enumerate(w.owners):
        answers = {code: "agree" if index < count else "oppose" for code, count in AGREE.items()}
        cast = w.call("put", f"/consultations/{vote}/ballots/mine", owner, json={"answers": {"items": answers}})
        assert cast.status_code == 200, cast.json
    early = w.call("post", f"/consultations/{vote}/project", json={"title": "和平里综合改造"})
    refused(early, "还没有截止")
    assert w.call("post", f"/consultations/{vote}/close").status_code == 200

    # the outcome lists the approved items that fit the cap, in order of approval
    results = w.call("get", f"/consultations/{vote}/results", w.owners[0]).json
    means = results["within_means"]
    assert [(i["code"], i["verdict"]) for i in means["items"]] == [
        (ROOF, "included"), (WALL, "included"), (LIGHTING, "included"), (GREENING, "over_cap")]
    assert means["total_cents"] == 225_000_000 and means["flat_total_cents"] == 58_000
    assert "预算上限 2,300,000.00 元" in results["explanation"]
    assert "“绿化”虽已通过，但估算 300,000.00 元，超过剩余预算 50,000.00 元，本次不纳入" in results["explanation"]
    assert "每户出资合计 580.00 元" in results["explanation"]

    # the project from the vote: its items within means, the budget their total
    made = w.call("post", f"/consultations/{vote}/project", json={"title": "和平里综合改造"})
    assert made.status_code == 201, made.json
    project = made.json
    assert [i["code"] for i in project["items"]] == [ROOF, WALL, LIGHTING]
    assert project["budget_cents"] == 225_000_000 and project["content_vote_id"] == vote
    refused(w.call("post", f"/consultations/{vote}/project", json={"title": "再来一次"}), "已经创建过")
    pid = project["id"]
    items = {i["code"]: i["id"] for i in project["items"]}

    # 询异: the preliminary result; the final 公示 waits for the period and the objections
    refused(w.advance(pid, "co_build"), "共建", "正式公示")
    refused(w.call("post", f"/consultations/{vote}/publish"), "询异公示期")
    mine, theirs = w.flats[0], w.flats[1]
    other = w.call("post", f"/consultations/{vote}/objections", w.owners[0],
                   json={"flat_id": theirs.id, "reason": "这不是我家的票"})
    assert other.status_code == 403
    objection = w.call("post", f"/consultations/{vote}/objections", w.owners[0],
                       json={"flat_id": mine.id, "reason": "我家投的是纸质票，屋面一项记错了"})
    assert objection.status_code == 201, objection.json
    assert objection.json["case_id"] and objection.json["status"] == "open"
    again = w.call("post", f"/consultations/{vote}/objections", w.owners[0],
                   json={"flat_id": mine.id, "reason": "再提一次"})
    refused(again, "提出过异议")
    seen = w.call("get", f"/consultations/{vote}/objections", w.owners[0]).json
    assert seen["in_period"] and seen["objection_days"] == 7
    assert seen["my_flats"][0]["recorded"] and seen["my_flats"][0]["objection_id"] == objection.json["id"]
    assert w.call("get", f"/consultations/{vote}/objections", w.owners[1]).json["objections"] == []
    # the period ends (seven days after the close)
    consultation = db.session.get(Consultation, vote)
    consultation.closed_at = utcnow() - timedelta(days=8)
    db.session.commit()
    late = w.call("post", f"/consultations/{vote}/objections", w.owners[1],
                  json={"flat_id": theirs.id, "reason": "太晚了"})
    refused(late, "已经结束")
    refused(w.call("post", f"/consultations/{vote}/publish"), "1 件", mine.room)
    assert w.call("post", f"/result-objections/{objection.json['id']}/resolve", w.owners[0],
                  json={"resolution": "核对纸质票，记录无误"}).status_code == 403
    resolved = w.call("post", f"/result-objections/{objection.json['id']}/resolve",
                      json={"resolution": "街道调解：核对纸质票原件，记录无误，业主认可"})
    assert resolved.status_code == 200 and resolved.json["status"] == "resolved"
    case = w.call("get", f"/cases/{objection.json['case_id']}", w.owners[0]).json
    assert case["status"] == "closed"
    assert w.call("post", f"/consultations/{vote}/publish").status_code == 200

    # co_build: the plan (app.plans) must have ended its publicity
    refused(w.advance(pid, "co_build"), "改造方案")
    shown = w.show_plan()
    refused(w.advance(pid, "co_build"), "正在公示")
    w.end_publicity(shown)
    # and a guard another domain registers holds it too
    def extra(project, now):
        return "另一项条件还没有满足"

    register_guard(Phase.co_build, extra)
    try:
        refused(w.advance(pid, "co_build"), "另一项条件还没有满足")
    finally:
        unregister_guard(Phase.co_build, extra)
    assert w.advance(pid, "co_build").status_code == 200

    # items: status, progress, timeline; the project's progress weighted by cost, exactly
    def update(code, status, progress, note=""):
        return w.call("post", f"/projects/{pid}/items/{items[code]}/updates",
                      json={"status": status, "progress_percent": progress, "note": note})

    assert update(LIGHTING, "in_progress", 50, "路灯基础完成").status_code == 201
    shown = w.call("get", f"/projects/{pid}", w.owners[3]).json
    assert shown["progress"]["fraction"] == "1/30" and shown["progress"]["percent"] == "3.3"
    assert update(ROOF, "completed", 100).status_code == 201
    shown = w.call("get", f"/projects/{pid}", w.owners[3]).json
    assert shown["progress"]["fraction"] == "13/30" and shown["progress"]["percent"] == "43.3"
    light = next(i for i in shown["items"] if i["code"] == LIGHTING)
    assert [(e["status"], e["progress_percent"], e["note"]) for e in light["timeline"]] == [
        ("in_progress", 50, "路灯基础完成")]
    assert update(LIGHTING, "in_progress", 40).status_code == 422
    assert update(LIGHTING, "completed", 90).status_code == 422
    refused(update(ROOF, "in_progress", 100), "已完工")
    assert w.call("post", f"/projects/{pid}/items/{items[ROOF]}/updates", w.owners[0],
                  json={"status": "in_progress", "progress_percent": 60}).status_code == 403

    # co_manage: every item done and the joint acceptance signed by resident representatives
    refused(w.advance(pid, "co_manage"), "共管", "外墙维修", "照明", "联合验收")
    assert update(WALL, "completed", 100).status_code == 201
    assert update(LIGHTING, "completed", 100).status_code == 201
    assert w.call("get", f"/projects/{pid}", w.owners[3]).json["progress"]["fraction"] == "1/1"
    acceptance = {"held_on": date.today().isoformat(), "units": "街道、设计单位、施工单位、监理单位",
                  "conclusion": "屋面、外墙、照明三项合格"}
    few = w.call("post", f"/projects/{pid}/acceptance", json={
        **acceptance, "representatives": [{"flat_id": w.flats[2].id, "name": "张建国"}]})
    assert few.status_code == 422 and "至少要有 2 位居民代表" in few.json["error"]["message"]
    signed = w.call("post", f"/projects/{pid}/acceptance", json={**acceptance, "representatives": [
        {"flat_id": w.flats[2].id, "name": "张建国"}, {"flat_id": w.flats[5].id, "name": "李秀兰"}]})
    assert signed.status_code == 201, signed.json
    assert [s["name_masked"] for s in signed.json["signatures"]] == ["张**", "李**"]
    refused(w.call("post", f"/projects/{pid}/acceptance", json={**acceptance, "representatives": [
        {"flat_id": w.flats[2].id, "name": "张建国"}, {"flat_id": w.flats[5].id, "name": "李秀兰"}]}),
        "已经记录过")
    assert w.advance(pid, "co_manage").status_code == 200

    # co_evaluate opens the evaluation; co_share waits for it to end, then publishes it
    refused(w.advance(pid, "co_evaluate"), "评价截止时间")
    closes = (utcnow() + timedelta(days=10)).isoformat()
    moved = w.advance(pid, "co_evaluate", evaluation_closes_at=closes)
    assert moved.status_code == 200, moved.json
    evaluation = moved.json["evaluation_id"]
    assert w.call("get", f"/consultations/{evaluation}", w.owners[0]).json["status"] == "open"
    refused(w.advance(pid, "co_share"), "效果评价还在进行")
    assert w.call("post", f"/consultations/{evaluation}/close").status_code == 200
    shared = w.advance(pid, "co_share")
    assert shared.status_code == 200 and shared.json["shared_at"]
    assert w.call("get", f"/consultations/{evaluation}", w.owners[0]).json["status"] == "published"
    timeline = w.call("get", f"/projects/{pid}", w.owners[0]).json["timeline"]
    assert [entry["label"] for entry in timeline] == ["共谋", "共建", "共管", "共评", "共享"]
    refused(w.advance(pid, "co_share"), "最后一个阶段")


def create_project(client, estate, committee, **extra):
    response = client.post(f"/api/v1/estates/{estate.id}/projects", headers=auth(committee),
                           json={"title": "和平里综合改造", "budget_cents": 1_000_000_00, **extra})
    assert response.status_code == 201, response.json
    return response.json


def photo_bytes(fmt="PNG", size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def add(client, estate, user, **entry):
    return client.post(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(user), json=entry)


def accounts(estate_id) -> dict[int, int]:
    return dict(db.session.execute(db.select(FundAccount.flat_id, FundAccount.balance_cents)
                                   .where(FundAccount.estate_id == estate_id)).all())


def assert_consistent(estate_id):
    """Estate balance = sum of sub-accounts; each sub-account = sum of its postings, never < 0."""
    balances = accounts(estate_id)
    assert fund.fund_balance_cents(estate_id) == sum(balances.values()) == \
        fund.accounts_total_cents(estate_id)
    postings = dict(db.session.execute(
        db.select(FundPosting.flat_id, db.func.sum(FundPosting.amount_cents))
        .where(FundPosting.estate_id == estate_id).group_by(FundPosting.flat_id)).all())
    assert {f: int(c) for f, c in postings.items() if c} == {f: c for f, c in balances.items() if c}
    assert min(balances.values(), default=0) >= 0
