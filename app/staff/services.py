"""The street office's view: estates ranked by the policy's own criteria, phases and flags.

The policy (国办发〔2020〕23号) says to renovate estates built before the end of 2000,
and to put first "居民改造意愿强、参与积极性高的小区". So the ranking has three
factors, each shown with its figures and points: build year, willingness (the
share of owners who agreed in the latest finished willingness survey) and
participation (the share of owners who took part in it). Points are exact
fractions of the configured weights. Beside the score (not in it): the renovation's
satisfaction (满意率 of the latest evaluation) and the property service index, the policy's
measures of success (app.comanage.rating).
"""
from dataclasses import dataclass
from fractions import Fraction

from flask import current_app
from sqlalchemy import func, select

from app.display import percent
from app.comanage.api import satisfaction
from app.db import utcnow
from app.elevators.api import ElevatorProject
from app.elevators.api import Stage
from app.estates.api import Building, Estate, Stairwell
from app.extensions import db
from app.projects.api import PHASE_LABELS
from app.projects.api import Complaint, ComplaintStatus, RenovationProject
from app.rules.api import ranking_weights
from app.staff import messages

WILLINGNESS_TEMPLATE = "willingness_survey"
WILLING_OPTION = ("willing", "agree")
LAST_ELIGIBLE_YEAR = 2000


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    text: str
    points: Fraction
    max_points: int


def _points(weight: int, share: Fraction) -> Fraction:
    return weight * share


def age_factor(estate: Estate, weight: int) -> Factor:
    eligible = estate.built_year <= LAST_ELIGIBLE_YEAR
    text = (messages.BUILT_BEFORE_2001 if eligible else messages.BUILT_AFTER_2000).format(
        year=estate.built_year)
    return Factor("age", messages.FACTOR_AGE, text, Fraction(weight if eligible else 0), weight)


def latest_willingness(estate_id: int):
    """The estate's latest closed or published willingness survey, or None."""
    from app.consultations.api import latest_finished

    return latest_finished(estate_id, WILLINGNESS_TEMPLATE)


def applied_willingness(estate_id: int, weight: int) -> Factor:
    """Before a willingness survey, the support of the estate's submitted application
    (居民自愿申报) is the willingness the street ranks by; with neither, no points."""
    from app.applications.api import Application, ApplicationStatus

    application = db.session.scalar(select(Application).where(
        Application.estate_id == estate_id, Application.status == ApplicationStatus.submitted))
    if application is None or not application.submitted_support:
        return Factor("willingness", messages.FACTOR_WILLINGNESS, messages.NO_SURVEY, Fraction(0), weight)
    share = Fraction(application.submitted_support)
    return Factor("willingness", messages.FACTOR_WILLINGNESS,
                  messages.APPLIED.format(share=application.submitted_support, percent=percent(share)),
                  _points(weight, share), weight)


def willingness_factors(estate_id: int, weights: dict) -> tuple[Factor, Factor, int | None]:
    from app.consultations.api import results

    survey = latest_willingness(estate_id)
    if survey is None:
        return (applied_willingness(estate_id, weights["willingness"]),
                Factor("participation", messages.FACTOR_PARTICIPATION, messages.NO_SURVEY,
                       Fraction(0), weights["participation"]), None)
    outcome = results(survey)
    total, voted = outcome.scope.owners, outcome.participants.owners
    agree = outcome.question(WILLING_OPTION[0]).option(WILLING_OPTION[1]).tally.owners
    willing_share = Fraction(agree, voted) if voted else Fraction(0)
    turnout = Fraction(voted, total) if total else Fraction(0)
    return (Factor("willingness", messages.FACTOR_WILLINGNESS,
                   messages.WILLING.format(agree=agree, voted=voted, percent=percent(willing_share)),
                   _points(weights["willingness"], willing_share), weights["willingness"]),
            Factor("participation", messages.FACTOR_PARTICIPATION,
                   messages.PARTICIPATION.format(voted=voted, total=total, percent=percent(turnout)),
                   _points(weights["participation"], turnout), weights["participation"]),
            survey.id)


def select_estates(district: str | None = None, street: str | None = None) -> list[Estate]:
    """The estates of a district and/or street (all when neither is given), in id order."""
    statement = select(Estate).order_by(Estate.id)
    if district:
        statement = statement.where(Estate.district == district)
    if street:
        statement = statement.where(Estate.street == street)
    return list(db.session.scalars(statement))


def _points_text(points: Fraction) -> str:
    return f"{float(points):.1f}"


def rank_estates(estates: list[Estate]) -> list[dict]:
    """Estates with their factors and score, best first (ties: older first, then id)."""
    weights = ranking_weights()
    rows = []
    for estate in estates:
        willingness, participation, survey_id = willingness_factors(estate.id, weights)
        factors = [age_factor(estate, weights["age"]), willingness, participation]
        score = sum((f.points for f in factors), Fraction(0))
        parts = "；".join(f"{f.label}（{_points_text(f.points)}/{f.max_points}）{f.text}"
                         for f in factors)
        rows.append({"estate": estate, "score": score, "factors": factors,
                     "willingness_survey_id": survey_id, **satisfaction(estate.id),
                     "explanation": messages.EXPLANATION.format(score=_points_text(score), parts=parts)})
    rows.sort(key=lambda row: (-row["score"], row["estate"].built_year, row["estate"].id))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def current_phases(estate_ids: list[int]) -> dict[int, RenovationProject]:
    """Each estate's latest renovation project."""
    latest = (select(func.max(RenovationProject.id))
              .where(RenovationProject.estate_id.in_(estate_ids))
              .group_by(RenovationProject.estate_id))
    projects = db.session.scalars(select(RenovationProject).where(RenovationProject.id.in_(latest)))
    return {project.estate_id: project for project in projects}


def overdue_counts(estate_ids: list[int]) -> dict[int, int]:
    rows = db.session.execute(
        select(Complaint.estate_id, func.count(Complaint.id))
        .where(Complaint.estate_id.in_(estate_ids), Complaint.due_at < utcnow(),
               Complaint.status.in_([ComplaintStatus.received, ComplaintStatus.handling]))
        .group_by(Complaint.estate_id)).all()
    return dict(rows)


def long_publicity(estate_ids: list[int]) -> dict[int, list[str]]:
    """Per estate, a flag for each elevator plan still in publicity (方案公示) more than
    LONG_PUBLICITY_GRACE_DAYS after its own publicity period should have ended."""
    grace_days = current_app.config["LONG_PUBLICITY_GRACE_DAYS"]
    now = utcnow()
    rows = db.session.execute(
        select(ElevatorProject, Building.name, Stairwell.name)
        .join(Stairwell, ElevatorProject.stairwell_id == Stairwell.id)
        .join(Building, Stairwell.building_id == Building.id)
        .where(ElevatorProject.estate_id.in_(estate_ids),
               ElevatorProject.stage == Stage.publicity)
        .order_by(ElevatorProject.id)).all()
    flags: dict[int, list[str]] = {}
    for project, building_name, stairwell_name in rows:
        started = project.publicity_started_at or project.stage_changed_at
        days = (now - started).days
        if days > project.publicity_days + grace_days:
            flags.setdefault(project.estate_id, []).append(messages.FLAG_LONG_PUBLICITY.format(
                stairwell=f"{building_name}{stairwell_name}", days=days,
                limit=project.publicity_days))
    return flags


def estate_overview(estates: list[Estate], phase: str | None = None) -> list[dict]:
    """Estates with their project phase and flags, optionally only those in one phase."""
    ids = [estate.id for estate in estates]
    projects, overdue = current_phases(ids), overdue_counts(ids)
    publicity = long_publicity(ids)
    rows = []
    for estate in estates:
        project = projects.get(estate.id)
        estate_phase = project.phase.value if project else None
        if phase and estate_phase != phase:
            continue
        flags = []
        if overdue.get(estate.id):
            flags.append(messages.FLAG_OVERDUE.format(count=overdue[estate.id]))
        flags.extend(publicity.get(estate.id, []))
        rows.append({"estate": estate, "phase": estate_phase,
                     "phase_label": PHASE_LABELS[estate_phase] if estate_phase else messages.NO_PROJECT,
                     "project_id": project.id if project else None,
                     "overdue_complaints": overdue.get(estate.id, 0), "flags": flags,
                     **satisfaction(estate.id)})
    return rows


def ranked_reserve(district: str | None = None) -> list[dict]:
    """The reserve (项目储备库) in the order of the priority ranking, each estate with its
    estimate, whether and in which year it is planned, and why it ranks where it does."""
    from app.applications.api import reserve_entries

    found = [row for row in reserve_entries() if not district or row[1].district == district]
    entries = {estate.id: (entry, planned) for entry, estate, planned in found}
    estates = [estate for _, estate, _ in found]
    rows = []
    for row in rank_estates(estates):
        entry, planned = entries[row["estate"].id]
        rows.append({**row, "estimated_cost_cents": entry.estimated_cost_cents, "note": entry.note,
                     "planned_plan_id": planned.plan_id if planned else None})
    return rows
