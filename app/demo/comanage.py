"""The demo's co-management (共管): the maintenance fund collected per flat, a notice
some have read, property ratings (last quarter's closed, this quarter's open) and a parking
income entry, through the services."""
from app.db import utcnow
from app.display import china_today
from app.extensions import db

KEYS = ("cleaning", "order", "greening", "repairs", "openness", "overall")


def periods(now) -> tuple[str, str]:
    """(last quarter, this quarter), e.g. ("2026Q3", "2026Q4")."""
    quarter = (now.month - 1) // 3 + 1
    last = f"{now.year}Q{quarter - 1}" if quarter > 1 else f"{now.year - 1}Q4"
    return last, f"{now.year}Q{quarter}"


def ratings(people, now) -> None:
    """Last quarter's round answered by four and closed (the index the street sees); this
    quarter's round open with two answers so far."""
    from datetime import timedelta

    from app.comanage.api import start_round
    from app.consultations.api import cast_ballot, close_consultation, get_consultation

    last, this = periods(now)
    answered = [(4, 4, 3, 3, 4, 4), (5, 4, 4, 2, 3, 4), (3, 3, 4, 3, 2, 3), (4, 3, 4, 4, 3, 4)]
    voters = [(resident, owned.id) for resident, owned in people.owners[:3]] + [(people.tenant, None)]
    for period, rows in ((last, answered), (this, answered[1:3])):
        rating = start_round(people.estate_id, period, now + timedelta(days=10), people.committee.id)
        c = get_consultation(rating.consultation_id)
        for (resident, flat_id), row in zip(voters, rows):
            cast_ballot(c, resident, flat_id, dict(zip(KEYS, row)))
        if period == last:
            close_consultation(c, people.committee.id)


def load(people) -> None:
    from app.comanage.api import add_entry
    from app.comanage.api import mark_read, post_notice
    from app.projects.api import add_fund_entry
    from app.projects.api import FundEntryKind

    now, estate_id, committee = utcnow(), people.estate_id, people.committee
    add_fund_entry(estate_id, FundEntryKind.collected, 9_600_000, china_today(),
                   "首期住宅专项维修资金归集（按面积分摊到户）", people.staff.id)
    notice = post_notice(committee, scope_type="estate", scope_id=estate_id, estate_id=estate_id,
                         title="本周六停水通知",
                         body="因更换供水立管，本周六 8:00—12:00 全小区停水，请提前储水。")
    for resident, _flat in people.owners[:3]:
        mark_read(notice, resident)
    ratings(people, now)
    add_entry(estate_id, "income", "parking", 1_260_000, china_today(), f"地面停车位 {now.month} 月收入", committee.id)
    db.session.commit()
