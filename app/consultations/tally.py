"""Counting: a consultation's ballots into its `Outcome`, in one SQL statement.

Never loads ballots into Python: one statement whether 10 or 30,000 ballots. Reads
only: nothing here locks, writes or commits, and the status it reports is the derived
one (an open consultation past `closes_at` counts as closed).
"""
from decimal import Decimal

from sqlalchemy import (Integer, String, and_, bindparam, case, cast, distinct, func, literal,
                        select, type_coerce, union_all)

from app.consultations.access import head_of, scope_of
from app.consultations.electorate import residents_now
from app.consultations.means import Means, within_means
from app.consultations.models import VOID, Ballot, BallotAnswer, Channel, Consultation, Status
from app.consultations.models import ConsultationElectorate as Electorate
from app.consultations.outcome import Approval, ItemOutcome, Outcome, QuestionOutcome
from app.consultations.question_types import Counted, type_of
from app.consultations.readers import fill
from app.consultations.templates import APPROVE
from app.db import Hundredths
from app.estates.api import Flat, FlatLink, LinkStatus
from app.extensions import db
from app.rules.api import engine, get_rule
from app.rules.api import Tally

ZERO = Decimal("0.00")

#: a ballot voided after an upheld objection (询异) is kept, not counted
COUNTED = Ballot.slot.not_like(VOID + "%")


def _tally(owners, area) -> Tally:
    return Tally(int(owners or 0), Decimal(area or ZERO))


# Rows of the counting statement: (kind, question, item, option, ballots, heads, area).
SCOPE, VOTED, CHANNEL, ANSWERS, OPTION, RESIDENTS = (
    "scope", "voted", "channel", "answers", "option", "residents")


class _Params:
    """The bind parameters and flats of one counting statement. A draft counts its scope in
    the ledger as it is; an opened consultation (`frozen`) counts its electorate, the flats,
    areas and heads taken from the ledger when it opened, whatever the ledger says now."""

    def __init__(self, scope_type: str, frozen: bool):
        self.consultation = bindparam("consultation_id", type_=Integer)
        self.estate = bindparam("estate_id", type_=Integer)
        if frozen:
            self.flat_id, self.head, self.area = Electorate.flat_id, Electorate.head, Electorate.area_m2
            self.in_scope = Electorate.consultation_id == self.consultation
            self.joined = and_(Electorate.consultation_id == Ballot.consultation_id,
                               Electorate.flat_id == Ballot.flat_id)
            self.heads, self.flats = func.count(distinct(Electorate.head)), Electorate
        else:
            self.flat_id, self.head, self.area = Flat.id, head_of(), Flat.area_m2
            self.in_scope = scope_of(scope_type, self.estate, bindparam("scope_id", type_=Integer),
                                     self.consultation)
            self.joined = Ballot.flat_id == Flat.id
            # a flat without owner is a head of its own
            self.heads = func.count(distinct(Flat.owner_id)) + func.coalesce(
                func.sum(case((Flat.owner_id.is_(None), 1), else_=0)), 0)
            self.flats = Flat

    def scope_figures(self) -> dict:
        """The scope's flats (in the `ballots` column), heads and area, as `_row` takes them."""
        return {"ballots": func.count(self.flat_id), "heads": self.heads,
                "area": func.sum(self.area)}


def _voted_flats(p: _Params):
    """Per ballot of a flat in scope: its head, its area, the voted area and number of voted
    flats of that head, and `nth` (1 on exactly one row of each head).

    One sort by head serves the three windows; `nth` counts the heads that took part
    without a DISTINCT (a second sort), and `head_flats` lets the per-option rows below
    group only the heads with several voted flats one by one.
    """
    head = p.head
    return (select(Ballot.id.label("ballot_id"), head.label("head"), p.area.label("area"),
                   func.sum(p.area).over(partition_by=head).label("head_area"),
                   func.count().over(partition_by=head).label("head_flats"),
                   func.row_number().over(partition_by=head).label("nth"))
            .select_from(Ballot).join(p.flats, p.joined)
            .where(Ballot.consultation_id == p.consultation, p.in_scope).cte("voted"))


def _row(kind: str, question=None, item=None, option=None, ballots=None, heads=None, area=None,
         key=None):
    """One select of the counting statement, its columns in the common order and types
    (led by the consultation's id, `key`, when several consultations are counted at once)."""
    def text(value):
        return literal(value, String) if value is None or isinstance(value, str) else value
    return select(*([key.label("consultation")] if key is not None else []),
                  literal(kind, String).label("kind"), text(question).label("question"),
                  text(item).label("item"), text(option).label("option"),
                  (ballots if ballots is not None else literal(None, Integer)).label("ballots"),
                  (heads if heads is not None else literal(None, Integer)).label("heads"),
                  type_coerce(area if area is not None else literal(None, Integer),
                              Hundredths).label("area"))


def _heads_rows(p: _Params) -> list:
    """The participants (distinct heads, voted area) and, per question/item/option, the
    area that chose it and the heads whose majority did (the split-vote rule of
    app.rules.engine). `voted` is used twice, so PostgreSQL computes it once."""
    voted = _voted_flats(p)
    one = case((voted.c.nth == 1, 1), else_=0)
    participants = _row(VOTED, heads=func.coalesce(func.sum(one), 0), area=func.sum(voted.c.area))
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
                .where(BallotAnswer.consultation_id == p.consultation,
                       BallotAnswer.option_key.is_not(None))
                .group_by(key, BallotAnswer.question_key, BallotAnswer.item_key,
                          BallotAnswer.option_key).subquery())
    majority = case((per_head.c.head.is_(None), per_head.c.rows),
                    (per_head.c.area + per_head.c.area > per_head.c.head_area, 1), else_=0)
    options = (_row(OPTION, per_head.c.question, per_head.c.item, per_head.c.option,
                    heads=func.sum(majority), area=func.sum(per_head.c.area))
               .group_by(per_head.c.question, per_head.c.item, per_head.c.option))
    return [participants, options]


def _residents(consultation_id):
    """A residents' survey's residents: kept at its 公示, counted afresh until then."""
    return func.coalesce(Consultation.electorate_residents, residents_now(consultation_id))


def _counting_statement(scope_type: str, per_resident: bool, frozen: bool):
    """Everything `results` counts, in one statement (one round trip): the scope (flats,
    heads, area), ballots per channel, answers per question/item/option, and either the
    heads and areas (per-flat votes) or the verified residents in scope (per-resident;
    once opened, as many as there were then)."""
    p = _Params(scope_type, frozen)
    scope = _row(SCOPE, **p.scope_figures()).where(p.in_scope)
    channels = (_row(CHANNEL, option=cast(Ballot.channel, String), ballots=func.count(Ballot.id))
                .where(Ballot.consultation_id == p.consultation, COUNTED).group_by(Ballot.channel))
    answers = (_row(ANSWERS, BallotAnswer.question_key, BallotAnswer.item_key,
                    BallotAnswer.option_key, ballots=func.count(BallotAnswer.id))
               .where(BallotAnswer.consultation_id == p.consultation)
               .group_by(BallotAnswer.question_key, BallotAnswer.item_key, BallotAnswer.option_key))
    if per_resident and frozen:
        rest = [_row(RESIDENTS, ballots=_residents(Consultation.id))
                .where(Consultation.id == p.consultation)]
    elif per_resident:
        rest = [_row(RESIDENTS, ballots=func.count(distinct(FlatLink.user_id)))
                .select_from(FlatLink).join(Flat, FlatLink.flat_id == Flat.id)
                .where(p.in_scope, FlatLink.status == LinkStatus.verified)]
    else:
        rest = _heads_rows(p)
    return union_all(scope, channels, answers, *rest)


#: one counting statement per (scope type, per resident) of drafts, per (per resident) of
#: opened consultations (their electorate), and "grouped" for several opened
#: per-resident consultations at once, built on first use and run with parameters:
#: building and keying it costs more than running it for a small estate.
#: Only the SQL is kept; every call counts the ballots afresh.
_STATEMENTS: dict = {}


def _grouped_statement():
    """`_counting_statement` of opened per-resident consultations for several at once, each
    row led by its consultation's id: the same figures, grouped by consultation, from each
    one's electorate."""
    ids = bindparam("consultation_ids", expanding=True)
    scope = (_row(SCOPE, ballots=func.count(Electorate.flat_id),
                  heads=func.count(distinct(Electorate.head)), area=func.sum(Electorate.area_m2),
                  key=Electorate.consultation_id)
             .where(Electorate.consultation_id.in_(ids)).group_by(Electorate.consultation_id))
    channels = (_row(CHANNEL, option=cast(Ballot.channel, String), ballots=func.count(Ballot.id),
                     key=Ballot.consultation_id)
                .where(Ballot.consultation_id.in_(ids), COUNTED)
                .group_by(Ballot.consultation_id, Ballot.channel))
    answers = (_row(ANSWERS, BallotAnswer.question_key, BallotAnswer.item_key,
                    BallotAnswer.option_key, ballots=func.count(BallotAnswer.id),
                    key=BallotAnswer.consultation_id)
               .where(BallotAnswer.consultation_id.in_(ids))
               .group_by(BallotAnswer.consultation_id, BallotAnswer.question_key,
                         BallotAnswer.item_key, BallotAnswer.option_key))
    residents = (_row(RESIDENTS, ballots=_residents(Consultation.id), key=Consultation.id)
                 .where(Consultation.id.in_(ids)))
    return union_all(scope, channels, answers, residents)


class _Counts:
    """The rows of the counting statement, sorted into what `results` needs."""

    def __init__(self, rows):
        self.scope, self.flat_count, self.participants, self.residents = Tally(), 0, Tally(), 0
        self.channels = {channel.value: 0 for channel in Channel}
        self.ballots, self.heads = {}, {}
        for kind, question, item, option, ballots, heads, area in rows:
            if kind == SCOPE:
                self.scope, self.flat_count = _tally(heads, area), int(ballots)
            elif kind == CHANNEL:
                self.channels[option] = int(ballots)
            elif kind == ANSWERS:
                self.ballots[(question, item, option)] = int(ballots)
            elif kind == VOTED:
                self.participants = _tally(heads, area)
            elif kind == OPTION:
                self.heads[(question, item, option)] = _tally(heads, area)
            else:
                self.residents = int(ballots)


def _count(c: Consultation) -> _Counts:
    frozen = c.electorate_at is not None
    shape = (None if frozen else c.scope_type, bool(c.per_resident), frozen)
    if shape not in _STATEMENTS:
        _STATEMENTS[shape] = _counting_statement(*shape)
    return _Counts(db.session.execute(_STATEMENTS[shape], {
        "consultation_id": c.id, "estate_id": c.estate_id, "scope_id": c.scope_id}).all())


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


def _count_together(consultations: list[Consultation]) -> dict[int, _Counts]:
    """The counts of several per-resident consultations from one statement, by id (a
    consultation without flats or ballots has no rows: nothing counted, as `_count` says)."""
    if "grouped" not in _STATEMENTS:
        _STATEMENTS["grouped"] = _grouped_statement()
    rows: dict[int, list] = {c.id: [] for c in consultations}
    for consultation_id, *row in db.session.execute(
            _STATEMENTS["grouped"], {"consultation_ids": list(rows)}).all():
        rows[consultation_id].append(row)
    return {consultation_id: _Counts(found) for consultation_id, found in rows.items()}


def results(c: Consultation) -> Outcome:
    """The outcome under the consultation's rule; tallies hidden while open when it says so."""
    return _outcome(c, _count(c))


def results_of(consultations: list[Consultation]) -> dict[int, Outcome]:
    """`results` of several consultations, by id: the opened per-resident ones (a 片区
    survey's parts) counted together in one statement, whatever their number; any other
    counted one by one. The same figures as `results` of each, afresh on every call."""
    together = [c for c in consultations if c.per_resident and c.electorate_at is not None]
    counted = _count_together(together) if together else {}
    return {c.id: _outcome(c, counted[c.id] if c.id in counted else _count(c))
            for c in consultations}


def _outcome(c: Consultation, counted: _Counts) -> Outcome:
    rule = get_rule(c.rule_key)
    status = c.status
    final = status in (Status.closed, Status.published)
    hidden = c.hide_results_until_closed and not final
    scope, participants, heads = counted.scope, counted.participants, counted.heads
    participation = engine.threshold_holds(rule.participation, participants, scope) \
        if rule.decides else None
    judge = _Judge(rule, scope, participants, heads, final)
    questions = tuple(_question(q, Counted(counted.ballots, heads, c.per_resident), judge, hidden)
                      for q in c.questions)
    return fill(c, Outcome(
        consultation_id=c.id, rule=rule, status=status.value, voters=c.voters, hidden=hidden,
        scope_type=c.scope_type, scope_id=c.scope_id, flat_count=counted.flat_count, scope=scope,
        residents=counted.residents if c.per_resident else None,
        participants=participants, ballots=sum(counted.channels.values()), channels=counted.channels,
        participation_passed=participation, questions=questions,
        decision=_overall(rule, final, hidden, participation, questions),
        missing=engine.missing(rule.participation, participants, scope) if rule.decides else Tally(),
        means=_means(c, questions, final, hidden) if rule.decides else None))
