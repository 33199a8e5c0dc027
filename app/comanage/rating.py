"""The property service rating (物业服务评价): a residents' survey per period, and its index.

The index of a round is the sum of every score given over the most it could be (5 per
answer), across the rated items: exact (a Fraction), shown as a percentage. A round with
no answers has no index. Over time: one point per period, oldest first.
"""
import re
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from sqlalchemy import select

from app.comanage import messages
from app.comanage.models import RatingRound
from app.db import add_once
from app.consultations.api import services as consultations
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.unit_of_work import unit

TEMPLATE = "property_rating"
PERIOD = re.compile(r"^(19|20|21)\d\dQ[1-4]$")


percent = consultations.percent


@unit
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
        title=f"{template.title}（{period}）")
    rating = RatingRound(estate_id=estate_id, period=period, consultation_id=consultation.id)
    # the unique (estate, period) refuses a second round made at once
    add_once(db.session, rating, Conflict(messages.PERIOD_TAKEN.format(period=period),
                                          code="period_taken"))
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
    figures = outcome.satisfaction
    items = [{"key": item.key, "title": item.title, "answers": item.answers, "index": item.index,
              "index_percent": percent(item.index)} for item in figures.items]
    return RoundIndex(rating.id, rating.period, c.id, outcome.status, figures.index, outcome.ballots,
                      items)


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

#: the renovation's evaluation: the template the street's satisfaction is read from
EVALUATION_TEMPLATE = "evaluation"


def satisfaction(estate_id: int) -> dict:
    """满意率 of the latest finished renovation evaluation (its overall question's satisfied
    answers over every answer to it, exact; read by the consultations domain), and the
    latest property service index."""
    latest = consultations.latest_finished(estate_id, EVALUATION_TEMPLATE)
    share, satisfied, answers = None, 0, 0
    if latest is not None:
        figures = consultations.results(latest).satisfaction
        if figures is not None and figures.question is not None:
            share, satisfied, answers = figures.share, figures.satisfied, figures.overall_answers
    point = latest_index(estate_id)
    return {"satisfaction": share, "satisfaction_percent": percent(share),
            "satisfaction_text": (messages.SATISFACTION.format(satisfied=satisfied, answers=answers,
                                                               percent=percent(share))
                                  if share is not None else messages.NO_EVALUATION),
            "evaluation_id": latest.id if latest is not None else None,
            "service_index": point.index if point else None,
            "service_index_percent": point.index_percent if point else None,
            "service_index_text": rating_text(point)}
