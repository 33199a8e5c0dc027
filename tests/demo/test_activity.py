"""`flask demo load --activity`: after the base estate, every capability is in use on it,
through the services; loading again changes nothing."""
from sqlalchemy import func, select

from app.applications.api import Application, ApplicationSupport
from app.cases.api import Case, Meeting, Post
from app.comanage.api import Notice, NoticeRead, PublicIncomeEntry, RatingRound
from app.consultations.api import Ballot, Consultation
from app.contributions.api import Charge, Payment
from app.elevators.api import ElevatorProject
from app.elevators.api import Stage
from app.estates.api import Estate
from app.extensions import db
from app.funding.api import FundingEntry
from app.media.api import media_store
from app.plans.api import PlanComment, PlanVersion
from app.utilities.api import UtilityHandover, UtilityWork
from app.projects.api import (
    Complaint, FundAccount, FundEntry, ProgressPost, RenovationProject, SupervisionReport,
)

COUNTED = (Consultation, Ballot, Case, Post, Meeting, RenovationProject, ProgressPost, SupervisionReport,
           Complaint, Application, ApplicationSupport, PlanVersion, PlanComment, FundEntry, FundAccount,
           Notice, NoticeRead, RatingRound, PublicIncomeEntry, Charge, Payment,
           UtilityWork, UtilityHandover, FundingEntry)


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def ballots_of(consultation_id: int) -> int:
    return count(Ballot, Ballot.consultation_id == consultation_id)


def load(runner) -> Estate:
    result = runner.invoke(args=["demo", "load", "--activity"])
    assert result.exit_code == 0, result.output
    return db.session.scalar(select(Estate).where(Estate.name == "和平里小区"))


def test_every_capability_is_in_use(runner):
    from app.applications.api import live_application, support_of
    from app.comanage.api import latest_index
    from app.consultations.api import results
    from app.contributions.api import paid_by_project, project_contributions
    from app.projects.api import fund_balance_cents
    from app.projects.api import progress_view

    estate = load(runner)
    of_estate = Consultation.estate_id == estate.id
    votes = db.session.scalars(select(Consultation).where(of_estate)).all()
    by_template = {c.template_key: c for c in votes}
    survey = by_template["willingness_survey"]
    assert survey.status.value == "open" and ballots_of(survey.id) == 4
    assert results(survey).as_dict()["participation"]
    from app.reach.api import reach_of

    reach = reach_of(survey.id)["total"]  # announced to every owner: SMS from the ledger, in-app
    assert reach["notified"] == reach["flats"] - 23 and reach["opened"] >= 7
    elevator, lift = db.session.scalars(select(ElevatorProject).where(ElevatorProject.estate_id == estate.id)
                                        .order_by(ElevatorProject.id)).all()
    assert elevator.stage == Stage.consent and ballots_of(elevator.consultation_id) == 3
    assert lift.stage == Stage.signing and ballots_of(lift.consultation_id) == 12  # 1号楼 1单元, who pays
    case = db.session.scalar(select(Case).where(Case.estate_id == estate.id))
    assert count(Post, Post.case_id == case.id) == 3 and count(Post, Post.parent_id.is_not(None)) == 1
    assert count(Meeting, Meeting.case_id == case.id) == 1
    projects = {p.title: p for p in db.session.scalars(
        select(RenovationProject).where(RenovationProject.estate_id == estate.id))}
    building = projects["2026年和平里小区综合整治"]
    assert count(ProgressPost, ProgressPost.project_id == building.id) == 1
    assert progress_view(building)["fraction"] != "0/1" and 50 in [i.progress_percent for i in building.items]
    report = db.session.scalar(select(SupervisionReport).where(SupervisionReport.project_id == building.id))
    assert report.answer
    complaint = db.session.scalar(select(Complaint).where(Complaint.estate_id == estate.id))
    assert complaint.status.value == "handling"
    evaluation = by_template["evaluation"]
    assert evaluation.status.value == "published" and ballots_of(evaluation.id) == 3
    # each project says one thing (issue 30, item 6): work under way is in 共建; the finished,
    # evaluated and published one is in 共享, with its own evaluation and every phase behind it
    assert building.phase.value == "co_build"
    finished = projects["2025年2号楼屋面防水"]
    assert finished.phase.value == "co_share" and finished.evaluation_id == evaluation.id
    assert [c.phase.value for c in finished.phases] == [
        "co_plan", "co_build", "co_manage", "co_evaluate", "co_share"]
    application = live_application(estate.id)
    assert support_of(application).supported == 7  # six online, one signed sheet on paper
    [on_paper] = db.session.scalars(select(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id, ApplicationSupport.channel == "paper")).all()
    assert on_paper.entered_by_id is not None and media_store().get(on_paper.evidence)
    comment = db.session.scalar(select(PlanComment).where(PlanComment.estate_id == estate.id))
    assert comment.answer
    assert count(FundEntry, FundEntry.estate_id == estate.id) == 2  # collected, and the stairwell lights
    assert fund_balance_cents(estate.id) == 9_600_000 - 480_000 and count(FundAccount) == 96
    # 居民出资: the elevator's shares, the owners' 300 元 a flat, the lights from the fund
    charges = {c["kind"]: c for c in project_contributions(building, full=True)}
    assert charges["elevator"]["owed_cents"] == 44_000_000 and charges["elevator"]["paid_cents"] > 2_000_000
    assert charges["agreed"]["owed_cents"] == 12 * 30_000 and charges["agreed"]["paid_cents"] == 30_000
    assert charges["fund_use"]["from_fund_cents"] == 480_000 and charges["fund_use"]["due_cents"] == 0
    assert paid_by_project(building.id) == charges["elevator"]["paid_cents"] + 30_000
    voided = [p for row in charges["agreed"]["flats"] for p in row["payments"] if p["voided"]]
    assert [p["voided_text"] for p in voided] == ["已作废（原因：登记错了户：这张收据是2单元102室的）"]
    notice = db.session.scalar(select(Notice).where(Notice.estate_id == estate.id))
    assert count(NoticeRead, NoticeRead.notice_id == notice.id) == 3
    assert latest_index(estate.id).respondents == 4  # last quarter's, closed
    current = db.session.scalars(select(RatingRound).where(RatingRound.estate_id == estate.id)
                                 .order_by(RatingRound.period)).all()[-1]
    assert db.session.get(Consultation, current.consultation_id).status.value == "open"
    assert ballots_of(current.consultation_id) == 2
    assert count(PublicIncomeEntry, PublicIncomeEntry.estate_id == estate.id) == 1
    # 专业经营单位: one place to be dug twice soon (flagged), the water company's handover and
    # money; 公开资金: every source in use, spent within what arrived
    from app.funding.api import money_table
    from app.utilities.api import overview

    utilities = overview(building)
    assert [c["place"] for c in utilities["clashes"]] == ["小区主路", "小区主路"]
    assert [h["receiver"] for h in utilities["handovers"]] == ["北京市自来水集团东城分公司"]
    assert media_store().get(utilities["handovers"][0]["record_url"].removeprefix("/api/v1/media/"))
    money = money_table(building.id)
    assert all(row["received_cents"] for row in money["sources"] if row["source"] not in (
        "provincial_subsidy", "other"))
    assert money["totals"]["spent_cents"] <= money["totals"]["received_cents"]
    # residents' money: collected before the platform, and the payments recorded for who pays
    assert money["totals"] == {"committed_cents": 360_000_000,
                               "received_cents": 312_800_000 + paid_by_project(building.id),
                               "spent_cents": 180_000_000}
    # residents were told what the joint meeting decided and which approvals were granted
    from app.auth.api import SmsOutboxMessage
    from app.notifications.api import Notification

    assert count(Notification, Notification.kind == "joint_meeting") >= 1
    assert count(Notification, Notification.kind == "approval_decided") >= 3
    # the paper support reached its owner known only by the ledger's number, by SMS
    assert count(SmsOutboxMessage, SmsOutboxMessage.kind == "support_entered") >= 1


def test_loading_with_activity_twice_changes_nothing(runner):
    load(runner)
    counts = [count(model) for model in COUNTED]
    load(runner)
    assert [count(model) for model in COUNTED] == counts


def test_plain_load_stays_plain_and_activity_can_follow(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert count(RenovationProject) == 0 and count(Application) == 0
    estate = load(runner)
    assert count(Application, Application.estate_id == estate.id) == 1
