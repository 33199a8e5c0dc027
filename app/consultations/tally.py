"""Counting: a consultation's ballots into its `Outcome`, in a fixed number of queries.

Never loads ballots into Python: the number of queries is the same for 10 or 3,000
ballots. Reads only: nothing here locks, writes or commits, and the status it reports
is the derived one (an open consultation past `closes_at` counts as closed).
"""
from decimal import Decimal

from sqlalchemy import String, case, distinct, func, literal, select, union_all

from app.consultations.access import head_of, scope_condition
from app.consultations.means import Means, within_means
from app.consultations.models import Ballot, BallotAnswer, Channel, Consultation, Status
from app.consultations.outcome import Approval, ItemOutcome, Outcome, QuestionOutcome
from app.consultations.question_types import Counted, type_of
from app.consultations.templates import APPROVE
from app.estates.models import Flat, FlatLink, LinkStatus
from app.extensions import db
from app.rules import engine, get_rule
from app.rules.engine import Tally

ZERO = Decimal("0.00")


def _tally(owners, area) -> Tally:
    return Tally(int(owners or 0), Decimal(area or ZERO))


def _scope_tally(c: Consultation) -> tuple[Tally, int]:
    owners, unowned, area, flats = db.session.execute(select(
        func.count(distinct(Flat.owner_id)),
        func.coalesce(func.sum(case((Flat.owner_id.is_(None), 1), else_=0)), 0),
        func.sum(Flat.area_m2), func.count(Flat.id)).where(scope_condition(c))).one()
    return _tally(owners + unowned, area), flats


def _voted_flats(c: Consultation):
    """Per ballot of a flat in scope: its head, its area and the voted area of that head.

    A window function gives each row its head's voted area, so the per-option query
    below joins rows by ballot id (indexed) and never joins aggregates on a computed
    key: PostgreSQL keeps a good plan even before it has statistics for a new vote.
    """
    return (select(Ballot.id.label("ballot_id"), head_of().label("head"),
                   Flat.area_m2.label("area"),
                   func.sum(Flat.area_m2).over(partition_by=head_of()).label("head_area"),
                   func.count().over(partition_by=head_of()).label("head_flats"))
            .select_from(Ballot).join(Flat, Ballot.flat_id == Flat.id)
            .where(Ballot.consultation_id == c.id, scope_condition(c)).cte("voted"))


def _participants_and_heads(c: Consultation, voted) -> tuple[Tally, dict]:
    """The participants (distinct heads, voted area) and, per question/item/option, the
    area that chose it and the heads whose majority did.

    One query: `voted` is a CTE used twice, so PostgreSQL computes the join and its
    window once (see app.rules.engine for the split-vote rule applied here).
    """
    single = func.coalesce(func.sum(case((voted.c.head_flats == 1, 1), else_=0)), 0)
    several = func.count(distinct(case((voted.c.head_flats > 1, voted.c.head), else_=None)))
    participants = select(literal(None, String).label("question"), literal(None, String),
                          literal(None, String), single + several, func.sum(voted.c.area))
    # A head that voted for one flat has that flat's choice as its majority: those rows
    # are counted together (key NULL), so only heads with several voted flats are grouped
    # one by one (a street of 30,000 flats: a few thousand groups, not 30,000).
    key = case((voted.c.head_flats == 1, None), else_=voted.c.head)
    per_head = (select(key.label("head"), BallotAnswer.question_key.label("question"),
                       BallotAnswer.item_key.label("item"), BallotAnswer.option_key.label("option"),
                       func.sum(voted.c.area).label("area"),
                       func.sum(case((voted.c.area > 0, 1), else_=0)).label("rows"),
                       func.max(voted.c.head_area).label("head_area"))
                .select_from(BallotAnswer).join(voted, voted.c.ballot_id == BallotAnswer.ballot_id)
                .where(BallotAnswer.consultation_id == c.id, BallotAnswer.option_key.is_not(None))
                .group_by(key, BallotAnswer.question_key, BallotAnswer.item_key,
                          BallotAnswer.option_key).subquery())
    majority = case((per_head.c.head.is_(None), per_head.c.rows),
                    (per_head.c.area + per_head.c.area > per_head.c.head_area, 1), else_=0)
    options = (select(per_head.c.question, per_head.c.item, per_head.c.option,
                      func.sum(majority), func.sum(per_head.c.area))
               .group_by(per_head.c.question, per_head.c.item, per_head.c.option))
    rows = db.session.execute(union_all(participants, options)).all()
    heads = {(q, item, option): _tally(n, area) for q, item, option, n, area in rows if q is not None}
    total = next(((n, area) for q, _, _, n, area in rows if q is None), (0, 0))
    return _tally(*total), heads


def _ballot_counts(c: Consultation) -> dict:
    rows = db.session.execute(
        select(BallotAnswer.question_key, BallotAnswer.item_key, BallotAnswer.option_key,
               func.count(BallotAnswer.id))
        .where(BallotAnswer.consultation_id == c.id)
        .group_by(BallotAnswer.question_key, BallotAnswer.item_key, BallotAnswer.option_key)).all()
    return {(q, item, option): count for q, item, option, count in rows}


def _channels(c: Consultation) -> dict:
    rows = db.session.execute(select(Ballot.channel, func.count(Ballot.id))
                              .where(Ballot.consultation_id == c.id).group_by(Ballot.channel)).all()
    counts = {channel.value: 0 for channel in Channel}
    counts.update({channel.value: count for channel, count in rows})
    return counts


def _residents_in_scope(c: Consultation) -> int:
    return db.session.scalar(select(func.count(distinct(FlatLink.user_id)))
                             .join(Flat, FlatLink.flat_id == Flat.id)
                             .where(scope_condition(c), FlatLink.status == LinkStatus.verified))


class _Judge:
    """Applies the rule to one deciding question or item."""

    def __init__(self, rule, scope: Tally, participants: Tally, heads: dict, final: bool):
        self.rule, self.scope, self.participants = rule, scope, participants
        self.heads, self.final = heads, final

    def __call__(self, question_key: str, item: str = "") -> Approval | None:
        if not self.rule.decides:
            return None
        approving = self.heads.get((question_key, item, APPROVE), Tally())
        evaluation = engine.evaluate(self.rule, self.scope, self.participants, approving,
                                     final=self.final)
        return Approval(approving, evaluation.approval_passed, evaluation.decision)


def _question(question: dict, counted: Counted, judge: _Judge, hidden: bool) -> QuestionOutcome:
    summary = type_of(question).summarise(question, counted)
    if hidden and summary.type != "text":
        return QuestionOutcome(summary.key, summary.type, summary.title)
    decides = question["decides"]
    items = tuple(ItemOutcome(i.code, i.label, i.category, i.options,
                              judge(question["key"], i.code) if decides else None)
                  for i in summary.items)
    return QuestionOutcome(summary.key, summary.type, summary.title, options=summary.options,
                           items=items, answers=summary.answers, average=summary.average,
                           approval=judge(question["key"]) if decides and not items else None)


def _overall(rule, final: bool, hidden: bool, participation: bool | None,
             questions: tuple[QuestionOutcome, ...]) -> str | None:
    if not rule.decides:
        return None
    if not final or hidden:
        return engine.PENDING
    deciding = [q.approval.decision for q in questions if q.approval is not None]
    if deciding:
        return engine.PASSED if all(d == engine.PASSED for d in deciding) else engine.FAILED
    return engine.PASSED if participation else engine.FAILED


def _means(c: Consultation, questions: tuple[QuestionOutcome, ...], final: bool,
           hidden: bool) -> Means | None:
    """The approved items within the budget cap, for a final vote with a deciding items question."""
    if not final or hidden:
        return None
    for snapshot, outcome in zip(c.questions, questions):
        if snapshot["type"] == "items" and snapshot.get("decides") and outcome.items:
            return within_means(c.budget_cap_cents, snapshot, outcome.items)
    return None


def results(c: Consultation) -> Outcome:
    """The outcome under the consultation's rule; tallies hidden while open when it says so."""
    rule = get_rule(c.rule_key)
    status = c.status
    final = status in (Status.closed, Status.published)
    hidden = c.hide_results_until_closed and not final
    scope, flat_count = _scope_tally(c)
    channels = _channels(c)
    counts = _ballot_counts(c)
    if c.per_resident:
        participants, heads = Tally(), {}
    else:
        participants, heads = _participants_and_heads(c, _voted_flats(c))
    participation = engine.threshold_holds(rule.participation, participants, scope) \
        if rule.decides else None
    judge = _Judge(rule, scope, participants, heads, final)
    counted = Counted(counts, heads, c.per_resident)
    questions = tuple(_question(q, counted, judge, hidden) for q in c.questions)
    return Outcome(
        consultation_id=c.id, rule=rule, status=status.value, voters=c.voters, hidden=hidden,
        scope_type=c.scope_type, scope_id=c.scope_id, flat_count=flat_count, scope=scope,
        residents=_residents_in_scope(c) if c.per_resident else None,
        participants=participants, ballots=sum(channels.values()), channels=channels,
        participation_passed=participation, questions=questions,
        decision=_overall(rule, final, hidden, participation, questions),
        missing=engine.missing(rule.participation, participants, scope) if rule.decides else Tally(),
        means=_means(c, questions, final, hidden) if rule.decides else None)
