"""The demo's money side: the utilities' pipeline works and the renovation's public money
by source (公开资金), and who pays (居民出资) for 1号楼 1单元, through the services."""
from sqlalchemy import select

from app.db import utcnow
from app.demo.people import DAY, flat, People, photo
from app.display import china_today
from app.estates.api import Flat, Stairwell
from app.extensions import db


def utilities_and_money(people: People, project) -> None:
    """The utilities' pipeline works beside the renovation: the water company finished and
    handed over 1号楼 1单元's risers; the gas company and the renovation's own road repair
    will dig 小区主路 again soon after (the console and the street flag it). The project's
    money by source in the open: subsidies, the former employer, the 公房 unit, the water
    company's money (recorded with its works), residents' money collected before the platform,
    and the contractor's payments, all within what arrived."""
    from app.funding.api import attach_evidence, record_entry
    from app.utilities.api import add_work, record_contribution, record_handover

    today, actor = china_today(), people.committee.id
    stairwell_id = flat(people.estate_id, "1号楼", "1单元", "101").stairwell_id
    works = {}
    for party, title, road, stairwell, start, end, status in [
            ("water", "更换供水立管和入户水表", "小区主路", stairwell_id, -40, -10, "done"),
            ("gas", "燃气庭院管道改造", "小区主路", None, 15, 35, "planned"),
            ("renovation", "小区主路路面翻修", "小区主路", None, 40, 55, "planned"),
            ("power", "架空线入地", "3号楼北侧路", None, 70, 90, "planned")]:
        works[party] = add_work(project, {"party": party, "title": title, "road": road, "stairwell_id": stairwell,
                                          "starts_on": today + start * DAY, "ends_on": today + end * DAY,
                                          "status": status}, actor)
    record_handover(project, {"work_id": works["water"].id, "facilities": "DN100 供水管 320 米、立管 6 根、水表 12 块",
                              "receiver": "北京市自来水集团东城分公司", "handed_on": today - 8 * DAY},
                    photo((60, 60, 60)), photo((30, 90, 160)), actor)
    for stage, amount, days, number in [("committed", 80_000_000, 100, "京水协〔2026〕7号"),
                                        ("received", 50_000_000, 45, "水汇 2026-0042")]:
        record_contribution(project, {"utility": "water", "stage": stage, "amount_cents": amount,
                                      "dated_on": today - days * DAY, "document_no": number}, actor)
    entries = [
        ("central_subsidy", "committed", 150_000_000, 120, "国家发展改革委", "发改投资〔2026〕311号"),
        ("central_subsidy", "received", 150_000_000, 90, "东城区财政局", "东财建〔2026〕52号"),
        ("city_subsidy", "committed", 80_000_000, 110, "北京市住房城乡建设委", "京建发〔2026〕88号"),
        ("city_subsidy", "received", 40_000_000, 60, "东城区财政局", "东财建〔2026〕67号"),
        ("district_subsidy", "committed", 30_000_000, 100, "东城区人民政府", "东政办〔2026〕19号"),
        ("district_subsidy", "received", 30_000_000, 50, "东城区财政局", "东财建〔2026〕71号"),
        ("former_employer", "committed", 20_000_000, 95, "北京第一机床厂", "出资承诺书"),
        ("former_employer", "received", 20_000_000, 40, "北京第一机床厂", "银行回单 0316"),
        ("public_housing", "received", 10_000_000, 35, "东城区房屋管理中心", "银行回单 0402"),
        ("residents", "received", 12_800_000, 30, "业主自筹（平台上线前线下收取）", "收据 001–128"),
        ("central_subsidy", "spent", 150_000_000, 25, "北京城建某公司（施工单位）", "工程进度款第1期 发票 00871"),
        ("city_subsidy", "spent", 30_000_000, 5, "北京城建某公司（施工单位）", "工程进度款第2期 发票 00932"),
    ]
    for source, stage, amount, days, party, number in entries:
        entry = record_entry(project, {"source": source, "stage": stage, "amount_cents": amount,
                                       "dated_on": today - days * DAY, "party": party, "document_no": number}, actor)
        if number == "东财建〔2026〕52号":
            attach_evidence(entry, photo((180, 180, 180)), actor)


def decided_on_paper(people: People, template: str, title: str, answers: dict, stairwell_id: int,
                     decision=None):
    """A decision of one stairwell's owners (or `decision`, already open), every flat agreeing
    on a paper ballot the committee entered, closed."""
    from app.consultations.api import cast_assisted_ballot, close_consultation, create_consultation
    from app.consultations.api import open_consultation

    if decision is None:
        decision = create_consultation(people.estate_id, template_key=template, actor_id=people.committee.id,
                                       title=title, closes_at=utcnow() + 7 * DAY, scope_type="stairwell",
                                       scope_id=stairwell_id)
        open_consultation(decision, people.committee.id)
    for row in db.session.scalars(select(Flat).where(Flat.stairwell_id == stairwell_id).order_by(Flat.id)):
        cast_assisted_ballot(decision, people.committee, row.id, answers, channel="paper",
                             evidence=f"纸质表决票 {row.room}")
    return close_consultation(decision, people.committee.id)


def contributions(people: People, project) -> None:
    """居民出资 of 1号楼 1单元 for the renovation: its elevator's shares (agreed on paper, now at
    协议签署), the owners' 300 元 a flat for the stairwell, and the stairwell's lights paid from
    the maintenance fund; 李玉兰 paid her elevator share from her 公积金, 王秀英 part of hers by
    transfer, a neighbour the 300 元 in cash; a receipt entered for the wrong flat was voided
    (作废) with its reason, so the pages show one. The committee wrote how to pay without the app."""
    from app.consultations.api import get_consultation
    from app.contributions.api import add_charge, lines, record_payment, set_paying_instructions, void_payment
    from app.elevators.api import services as elevators
    from app.projects.api import FundEntryKind, add_fund_entry

    committee, today = people.committee, china_today()
    set_paying_instructions(project, "现金：每周一、三、五上午 9:00-11:30 到居委会（和平里社区服务站一楼）交，当场开收据。"
                                     "转账：户名 和平里小区业主委员会，开户行 工商银行和平里支行，账号 0200 0012 3400 5678 901，"
                                     "附言写楼号房号。有问题请打居委会电话 010-6421 0000。", committee.id)
    stairwell = db.session.get(Stairwell, flat(people.estate_id, "1号楼", "1单元", "101").stairwell_id)
    elevator = elevators.create_project(
        stairwell, total_cost_cents=68_000_000, subsidy_cents=24_000_000,
        floor_coefficients={"1": "0", "2": "0.5", "3": "0.8", "4": "1.1", "5": "1.4", "6": "1.6"},
        publicity_days=10, closes_at=utcnow() + 14 * DAY, actor_id=committee.id)
    decided_on_paper(people, "", "", {"install": "agree"}, stairwell.id,
                     decision=get_consultation(elevator.consultation_id))
    elevators.advance(elevator, "publicity", committee.id)
    elevator.publicity_started_at -= elevator.publicity_days * DAY  # the publicity has run its course
    db.session.commit()
    elevators.advance(elevator, "signing", committee.id)
    lift = add_charge(project, {"kind": "elevator", "title": "1号楼1单元加装电梯",
                                "elevator_project_id": elevator.id}, committee.id)
    owed = {line.flat.room: line.owed_cents for line in lines(lift)}
    for room, method, amount, reference, payer in [
            ("501", "provident_fund", owed["501"], "京公积金提〔2026〕0315号", "李玉兰"),
            ("302", "transfer", 2_000_000, "6222 0200 1234 5678 流水 20261128001", "王秀英之子")]:
        record_payment(lift, {"flat_id": flat(people.estate_id, "1号楼", "1单元", room).id, "amount_cents": amount,
                              "method": method, "paid_on": today - 5 * DAY, "reference": reference,
                              "payer_name": payer}, committee.id)

    raise_vote = decided_on_paper(people, "fund_raise", "1号楼1单元楼道改造居民自筹：每户 300 元",
                                  {"raise": "agree"}, stairwell.id)
    agreed = add_charge(project, {"kind": "agreed", "title": "楼道改造自筹", "consultation_id": raise_vote.id,
                                  "per_flat_cents": 30_000}, committee.id)
    record_payment(agreed, {"flat_id": flat(people.estate_id, "1号楼", "1单元", "101").id, "amount_cents": 30_000,
                            "method": "cash", "paid_on": today - 3 * DAY, "reference": "收据 No.0000318",
                            "payer_name": "张建国"}, committee.id)
    mistaken = record_payment(agreed, {"flat_id": flat(people.estate_id, "1号楼", "1单元", "102").id,
                                       "amount_cents": 30_000, "method": "cash", "paid_on": today - 2 * DAY,
                                       "reference": "收据 No.0000319", "payer_name": ""}, committee.id)
    void_payment(mistaken, "登记错了户：这张收据是2单元102室的", committee.id)

    use_vote = decided_on_paper(people, "fund_use", "1号楼1单元楼道照明更换使用维修资金", {"use": "agree"},
                                stairwell.id)
    use = add_fund_entry(people.estate_id, FundEntryKind.used, 480_000, today - DAY, "1号楼1单元楼道照明更换",
                         committee.id, use_vote.id, "stairwells", [stairwell.id])
    add_charge(project, {"kind": "fund_use", "title": "楼道照明（维修资金）", "fund_entry_id": use.id}, committee.id)
