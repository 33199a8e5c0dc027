"""The property service rating (物业服务评价): a residents' survey per period, and its index.

The index of a round is the sum of every score given over the most it could be (5 per
answer), across the rated items: exact (a Fraction), shown as a percentage. A round with
no answers has no index. Over time: one point per period, oldest first.
"""
import math
import re
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.comanage import messages
from app.comanage.models import RatingRound
from app.consultations.api import services as consultations
from app.consultations.api import SCALE_MAX
from app.errors import Conflict, InvalidInput
from app.extensions import db

TEMPLATE = "property_rating"
PERIOD = re.compile(r"^(19|20|21)\d\dQ[1-4]$")


def percent(value: Fraction | None) -> str | None:
    """66.7% from an exact fraction (rounded half up to one place, for reading only)."""
    if value is None:
        return None
    tenths = math.floor(value * 1000 + Fraction(1, 2))
    return f"{tenths // 10}.{tenths % 10}%"


def scale_index(outcome, keys=None) -> tuple[Fraction | None, int]:
    """(sum of scores / (5 × answers), answers) over the outcome's scale questions."""
    given = most = 0
    for question in outcome.questions:
        if question.type != "scale" or (keys is not None and question.key not in keys):
            continue
        for option in question.options:
            given += int(option.key) * option.ballots
            most += SCALE_MAX * option.ballots
    return (Fraction(given, most) if most else None), most // SCALE_MAX


def start_round(estate_id: int, period: str, closes_at: datetime, actor_id: int) -> RatingRound:
    if not PERIOD.match(period or ""):
        raise InvalidInput(fields={"period": "格式如 2026Q4"})
    taken = db.session.scalar(select(RatingRound.id).where(
        RatingRound.estate_id == estate_id, RatingRound.period == period))
    if taken:
        raise Conflict(messages.PERIOD_TAKEN.format(period=period), code="period_taken")
    template = consultations.get_template(TEMPLATE)
    consultation = consultations.create_consultation(
        estate_id, template_key=TEMPLATE, closes_at=closes_at, actor_id=actor_id,
        title=f"{template.title}（{period}）", commit=False)
    rating = RatingRound(estate_id=estate_id, period=period, consultation_id=consultation.id)
    db.session.add(rating)
    try:
        db.session.commit()  # the unique (estate, period) refuses a second round made at once
    except IntegrityError:
        db.session.rollback()
        raise Conflict(messages.PERIOD_TAKEN.format(period=period), code="period_taken") from None
    consultations.open_consultation(consultation, actor_id)
    return rating


@dataclass(frozen=True)
class RoundIndex:
    id: int
    period: str
    consultation_id: int
    status: str
    index: Fraction | None
    respondents: int
    items: list[dict]

    @property
    def index_percent(self) -> str | None:
        return percent(self.index)


def round_index(rating: RatingRound) -> RoundIndex:
    c = consultations.get_consultation(rating.consultation_id)
    outcome = consultations.results(c)
    index, _ = scale_index(outcome)
    items = []
    for question in outcome.questions:
        if question.type == "scale":
            item_index, answers = scale_index(outcome, {question.key})
            items.append({"key": question.key, "title": question.title, "answers": answers,
                          "index": item_index, "index_percent": percent(item_index)})
    return RoundIndex(rating.id, rating.period, c.id, outcome.status, index, outcome.ballots, items)


def rounds_of(estate_id: int) -> list[RatingRound]:
    return list(db.session.scalars(select(RatingRound).where(RatingRound.estate_id == estate_id)
                                   .order_by(RatingRound.period)))


def index_over_time(estate_id: int) -> list[RoundIndex]:
    return [round_index(rating) for rating in rounds_of(estate_id)]


def latest_index(estate_id: int) -> RoundIndex | None:
    """The latest finished round with answers (what the street sees)."""
    for point in reversed(index_over_time(estate_id)):
        if point.status in ("closed", "published") and point.index is not None:
            return point
    return None


def rating_text(point: RoundIndex | None) -> str:
    if point is None:
        return messages.NO_ROUNDS
    return f"{point.period}：{point.index_percent}（{point.respondents} 人评价）"


# -- what the street reads: the renovation's satisfaction and the service index ----------------

EVALUATION_TEMPLATE, SATISFIED = "evaluation", ("4", "5")


def satisfaction(estate_id: int) -> dict:
    """满意率 of the latest finished renovation evaluation: answers of 4 or 5 to its overall
    question over every answer to it (exact), and the latest property service index."""
    from app.consultations.api import Consultation, Status

    latest = db.session.scalar(
        select(Consultation).where(Consultation.estate_id == estate_id,
                                   Consultation.template_key == EVALUATION_TEMPLATE,
                                   Consultation.status.in_([Status.closed, Status.published]))
        .order_by(Consultation.closed_at.desc(), Consultation.id.desc()).limit(1))
    share, satisfied, answers = None, 0, 0
    if latest is not None:
        overall = consultations.results(latest).question("overall")
        if overall is not None:
            answers = sum(o.ballots for o in overall.options)
            satisfied = sum(o.ballots for o in overall.options if o.key in SATISFIED)
            share = Fraction(satisfied, answers) if answers else None
    point = latest_index(estate_id)
    return {"satisfaction": share, "satisfaction_percent": percent(share),
            "satisfaction_text": (messages.SATISFACTION.format(satisfied=satisfied, answers=answers,
                                                               percent=percent(share))
                                  if share is not None else messages.NO_EVALUATION),
            "evaluation_id": latest.id if latest is not None else None,
            "service_index": point.index if point else None,
            "service_index_percent": point.index_percent if point else None,
            "service_index_text": rating_text(point)}
