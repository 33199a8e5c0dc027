"""`flask demo load --activity`: every capability in use on 和平里小区, through the services.

After the base estate (app/demo/cli.py), each step is small: an open willingness survey with
ballots, consents in 2号楼 1单元's elevator round, a 一事一议 case with posts and a meeting, a
renovation project with progress, a supervision report and a complaint, a finished project's
published evaluation, the residents' application with support, a plan version with an
answered comment, a maintenance fund collection, a notice with reads, a property rating
round with answers and a public income entry; who pays for 1号楼 1单元 (its elevator's shares at
协议签署, the owners' 300 元 a flat, the lights from the maintenance fund) with payments; the
utilities' pipeline works (one place dug twice, flagged), a handover, and the renovation's money
by source in the open. Loading again changes nothing.
"""
from app.db import utcnow
from app.demo.people import DAY, flat, People, photo
from app.display import china_today
from app.extensions import db

ROOF = "basic.roof_repair"
WALLS = "basic.exterior_wall_repair"
PIPES = "basic.water_supply"


def load(estate_id: int) -> None:
    """Put every capability in use, once: nothing happens when the application is there."""
    from app.applications.api import applications_of

    if applications_of(estate_id):
        return
    people = People(estate_id)
    survey = willingness_vote(people)
    from app.demo import reach

    reach.load(people, survey)  # the vote announced to every owner, by SMS and in the app
    elevator_consents(people)
    neighbours_case(people)
    project = renovation(people)
    approvals(people, project)
    green_community(people)
    joint_meeting(people, project)
    from app.demo import money

    money.utilities_and_money(people, project)
    supervision_and_complaint(people, project)
    finished_and_evaluated(people)
    application(people)
    plan(people)
    from app.demo import comanage

    comanage.load(people)
    money.contributions(people, project)


def items(*codes: str) -> list[dict]:
    from app.consultations.api import catalogue_items

    known = catalogue_items()
    return [{"code": code, "label": known[code]["label"], "category": known[code]["category"]}
            for code in codes]


def willingness_vote(people: People):
    """An open 改造意愿征询 over the estate: four owners have answered."""
    from app.consultations.api import cast_ballot, create_consultation, open_consultation

    c = create_consultation(people.estate_id, template_key="willingness_survey",
                            closes_at=utcnow() + 14 * DAY, actor_id=people.committee.id)
    open_consultation(c, people.committee.id)
    answers = [{"willing": "agree", "contribute": "willing", "join": ["meetings"]},
               {"willing": "agree", "contribute": "unsure"},
               {"willing": "oppose", "oppose_reason": "担心施工期间出行不便"},
               {"willing": "agree", "contribute": "willing", "join": ["supervision", "volunteer"]}]
    for (owner, owned), answer in zip(people.owners[:2] + people.owners[3:5], answers):
        cast_ballot(c, owner, owned.id, answer)
    return c


def elevator_consents(people: People) -> None:
    """2号楼 1单元's elevator is in its consent round: 陈桂英 agreed on her phone, two paper
    ballots were entered by the committee."""
    from app.consultations.api import cast_assisted_ballot, cast_ballot, get_consultation
    from app.demo.sunlight import BUILDING, STAIRWELL
    from app.elevators.api import projects_of

    stairwell_id = flat(people.estate_id, BUILDING, STAIRWELL, "101").stairwell_id
    project = projects_of(stairwell_id)[0]
    c = get_consultation(project.consultation_id)
    owner, owned = people.owners[3]  # 陈桂英, 2号楼 1单元 201
    cast_ballot(c, owner, owned.id, {"install": "agree"})
    for room, answer in (("501", {"install": "agree"}),
                         ("102", {"install": "oppose", "concerns": ["light", "cost"]})):
        cast_assisted_ballot(c, people.committee, flat(people.estate_id, BUILDING, STAIRWELL, room).id,
                             answer, channel="paper", evidence=f"纸质表决票 {BUILDING}{STAIRWELL}{room}")


def neighbours_case(people: People) -> None:
    """一事一议: the bicycle shed of 1号楼, discussed by three and a meeting in three days."""
    from app.cases.api import schedule_meeting
    from app.cases.api import create_case, create_post

    (first, first_flat), (second, second_flat) = people.owners[0], people.owners[1]
    case = create_case(people.estate_id, title="1号楼北侧自行车棚漏雨",
                       description="车棚顶棚破了，下雨时电动车淋湿，充电有危险。",
                       affected_flat_ids=[first_flat.id, second_flat.id], actor_id=first.id)
    opening = create_post(case, first, "车棚顶棚破了好几块，建议换成阳光板，顺便装充电桩。")
    create_post(case, second, "同意换顶棚。充电桩要按户收费，别用公共电。", parent_id=opening.id)
    create_post(case, people.committee, "居委会已联系物业看现场，周六开会商量方案和费用。")
    schedule_meeting(case, people.committee.id, held_at=utcnow() + 3 * DAY, place="社区活动室",
                     agenda="车棚顶棚更换方案、充电桩收费办法")


def into_co_build(project, actor_id: int):
    """The demo's projects were planned before the estate used the platform: their 共谋 (the
    content vote, the plan's publicity) is loaded as history, a phase change into 共建, as a
    ledger is imported. Every later phase is entered through its guards (app.projects.phases)."""
    from app.projects.api import Phase, PhaseChange

    project.phase = Phase.co_build
    db.session.add(PhaseChange(project_id=project.id, estate_id=project.estate_id,
                               phase=Phase.co_build, actor_id=actor_id))
    db.session.commit()
    return project


def renovation(people: People):
    """The 2026 renovation under way in 共建: three items, one half done, a progress post with a
    photo."""
    from app.projects.api import ItemStatus
    from app.projects.api import create_project, post_progress, set_items
    from app.projects.api import update_item

    actor = people.committee.id
    project = create_project(people.estate_id, "2026年和平里小区综合整治", 380_000_000, actor)
    project = into_co_build(set_items(project, items(ROOF, WALLS, PIPES), actor), actor)
    roof = next(item for item in project.items if item.code == ROOF)
    update_item(project, roof.id, ItemStatus.in_progress, 50, "1号楼屋面防水完成一半", actor)
    post_progress(project, actor, "committee", "1号楼屋面搭好脚手架，旧防水层已铲除，本周铺新卷材。",
                  [photo()])
    return project


def approvals(people: People, project) -> None:
    """The renovation's approvals, all settled before building began (the city's default list)."""
    from app.approvals.api import set_approval

    today = china_today()
    for kind, status, department, days, number in [
            ("project_approval", "approved", "东城区发展改革委", 90, "东发改〔2026〕41号"),
            ("land_use", "not_needed", "", 0, ""),
            ("planning", "approved", "东城区规划和自然资源分局", 60, "东规建〔2026〕17号"),
            ("construction_permit", "approved", "东城区住房城市建设委", 30, "东建施〔2026〕88号")]:
        set_approval(project, kind, {"status": status, "department": department, "document_no": number,
                                     "submitted_on": today - (days + 20) * DAY if days else None,
                                     "decided_on": today - days * DAY if days else None,
                                     "note": "原址改造，不新增用地" if status == "not_needed" else ""},
                     people.committee.id)


def joint_meeting(people: People, project) -> None:
    """The joint meeting before building began, its decisions and responsibility list: one
    task done, one under way, one past its deadline (the street sees it flagged)."""
    from app.coordination.api import add_task, move_task, record_meeting

    today, actor = china_today(), people.committee.id
    meeting = record_meeting(people.estate_id, {
        "held_on": today - 35 * DAY, "place": "和平里社区党群服务中心", "project_id": project.id,
        "agenda": "综合整治开工协调：管线迁改、停水安排、施工时间",
        "attending_orgs": ["party", "residents_committee", "owners_committee", "property", "street", "water"],
        "decisions": ["供水立管与屋面防水同期施工", "停水提前三天在公示栏和平台公告", "施工时间为 8:00–18:00"],
        "notes": "燃气单位未到会，会后电话通知"}, actor)
    for task, org, days, status, evidence in [
            ("出具供水立管迁改方案", "water", -20, "done", "迁改方案已交居委会存档"),
            ("张贴停水公告", "property", 5, "in_progress", ""),
            ("核实燃气管线走向", "gas", -3, "open", "")]:
        row = add_task(meeting, task, org, today + days * DAY, actor)
        if status != "open":
            move_task(row, status, evidence, actor)


def green_community(people: People) -> None:
    """Where the estate stands on the green-community criteria: what the platform and the
    renovation already show."""
    from app.green.api import set_check

    for criterion, status, evidence in [
            ("co_creation", "met", "居民在平台上表决改造内容，方案公示期间的意见都有答复"),
            ("utilities", "in_progress", "2026年综合整治：屋面防水、外墙和供水立管改造进行中"),
            ("service_platform", "met", "共治平台：表决、公示、进度和投诉都能在网上办"),
            ("publicity", "in_progress", "改造方案和收支在公示栏和平台上公开")]:
        set_check(people.estate_id, criterion, status, evidence, people.committee.id)


def supervision_and_complaint(people: People, project) -> None:
    """李玉兰 reported what she saw on site and was answered; 王秀英's complaint is being handled."""
    from app.projects.api import ComplaintStatus
    from app.projects.api import file_complaint, move_complaint, report_supervision
    from app.projects.api import answer_report

    reporter = people.owners[2][0]
    report = report_supervision(project, reporter.id, "屋面卷材搭接处看着不够宽，请监理核实。")
    answer_report(report, people.committee.id, "监理已复核，搭接宽度 10 厘米，符合要求。")
    complaint = file_complaint(people.estate_id, people.owners[1][0].id, "施工噪音太早",
                               "早上六点半就开始切割，老人休息不好。", False, project.id)
    move_complaint(complaint, ComplaintStatus.handling, people.committee.id)


def finished_and_evaluated(people: People) -> None:
    """Last year's 2号楼 roof, now in 共享: every item completed, the joint acceptance signed,
    its evaluation (opened on entering 共评) answered, closed, and published on entering 共享."""
    from app.consultations.api import cast_ballot, close_consultation, get_consultation
    from app.projects.api import ItemStatus, Phase
    from app.projects.api import advance
    from app.projects.api import create_project, set_items
    from app.projects.api import record_acceptance, update_item

    actor = people.committee.id
    project = create_project(people.estate_id, "2025年2号楼屋面防水", 42_000_000, actor)
    project = into_co_build(set_items(project, items(ROOF), actor), actor)
    update_item(project, project.items[0].id, ItemStatus.completed, 100, "已完工，验收合格", actor)
    record_acceptance(project, china_today(), "街道、设计单位、施工单位、监理单位", "合格",
                      [{"flat_id": owned.id, "name": owner.name or "居民代表"}
                       for owner, owned in people.owners[2:4]], actor)
    advance(project, Phase.co_manage, actor)
    advance(project, Phase.co_evaluate, actor, evaluation_closes_at=utcnow() + 7 * DAY)
    evaluation = get_consultation(project.evaluation_id)
    scores = [(5, 4, 4, "楼顶不漏了"), (4, 4, 3, ""), (5, 5, 4, "工人很守时")]
    key = f"item:{ROOF}"
    for (resident, owned), (overall, quality, process, words) in zip(people.owners[2:], scores):
        answers = {"overall": overall, "quality": quality, "process": process, key: overall}
        if words:
            answers["suggestions"] = words
        cast_ballot(evaluation, resident, owned.id, answers)
    close_consultation(evaluation, actor)
    advance(project, Phase.co_share, actor)


def application(people: People) -> None:
    """The residents' application for renovation, supported by six flats online so far and
    one on paper (an elderly owner signed the sheet; the committee entered it with its photo)."""
    from app.applications.api import add_support, paper, start_application

    starter = people.owners[0][0]
    application_ = start_application(people.estate_id, "管线老化，屋面漏水，楼道没有照明。", starter.id)
    for owner, owned in people.owners + [(people.owners[-1][0], people.second_flat)]:
        add_support(application_, owned.id, owner.id)
    paper.enter_paper_support(application_, flat(people.estate_id, "1号楼", "1单元", "102").id,
                              people.committee.id, photo((60, 60, 160)))


SECTIONS = [{"key": "roof", "title": "屋面", "body": "三栋楼屋面重做防水，更换落水管。"},
            {"key": "walls", "title": "外墙", "body": "外墙涂料翻新，颜色保持原样。"},
            {"key": "pipes", "title": "供水管线", "body": "更换楼内老化的铸铁供水立管。"}]


def plan(people: People) -> None:
    """The plan's first version; 王秀英 commented on the walls and was answered."""
    from app.plans.api import add_comment, answer_comment, create_version

    version = create_version(people.estate_id, "和平里小区改造方案（征求意见稿）", SECTIONS,
                             [ROOF, WALLS, PIPES], people.committee.id)
    walls = next(section for section in version.sections if section.key == "walls")
    comment = add_comment(walls, "颜色保持原样", "希望保留原来的青砖，不要刷涂料。", people.owners[1][0].id)
    answer_comment(comment, "青砖部分只清洗不涂料，设计师已改进下一稿。", people.committee.id)
