"""Owners' consultations of several estates counted as one (a 片区's owner-voted survey).

Each estate's part keeps its own electorate and results; counted together, an owner is
one person across the 片区: heads are the ledger's keyed hash of the owner (the same
person has the same hash in every estate), a flat without an owner is a head of its own,
and areas add up flat by flat. Counted from the frozen electorates, in three statements
whatever the number of estates and ballots.
"""
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, and_, cast, distinct, func, literal, select

from app.consultations.models import Ballot, BallotAnswer
from app.consultations.models import ConsultationElectorate as Electorate
from app.consultations.tally import COUNTED
from app.estates.api import Owner
from app.extensions import db
from app.rules.api import Tally

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Across:
    #: heads (people) and area of every part's electorate
    scope: Tally
    #: heads and area of the flats that answered
    participants: Tally
    #: (question, option) -> heads and area of the flats that chose it
    options: dict[tuple[str, str], Tally]


def _person():
    return func.coalesce(Owner.key_hash, literal("flat:") + cast(Electorate.flat_id, String))


def _tally(row) -> Tally:
    return Tally(int(row[0] or 0), Decimal(row[1] or ZERO))


def count_across(consultation_ids: list[int]) -> Across:
    """The parts' electorates and ballots counted as one consultation, people once."""
    person = _person()
    base = (select(func.count(distinct(person)), func.sum(Electorate.area_m2))
            .select_from(Electorate).outerjoin(Owner, Owner.id == Electorate.owner_id)
            .where(Electorate.consultation_id.in_(consultation_ids)))
    voted = base.join(Ballot, and_(Ballot.consultation_id == Electorate.consultation_id,
                                   Ballot.flat_id == Electorate.flat_id, COUNTED))
    options = (select(BallotAnswer.question_key, BallotAnswer.option_key,
                      func.count(distinct(person)), func.sum(Electorate.area_m2))
               .select_from(Electorate).outerjoin(Owner, Owner.id == Electorate.owner_id)
               .join(Ballot, and_(Ballot.consultation_id == Electorate.consultation_id,
                                  Ballot.flat_id == Electorate.flat_id, COUNTED))
               .join(BallotAnswer, BallotAnswer.ballot_id == Ballot.id)
               .where(Electorate.consultation_id.in_(consultation_ids), BallotAnswer.item_key == "",
                      BallotAnswer.option_key.is_not(None))
               .group_by(BallotAnswer.question_key, BallotAnswer.option_key))
    return Across(_tally(db.session.execute(base).one()), _tally(db.session.execute(voted).one()),
                  {(q, o): _tally((heads, area)) for q, o, heads, area in db.session.execute(options)})
