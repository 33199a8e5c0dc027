"""共评: evaluate every renovated item and the whole, and follow up low scores.

The evaluation consultation comes from the `evaluation` template; the project adds
one 1–5 scale question per renovated item (`item:<code>`), so residents rate each
item as well as the whole. A satisfaction index of 0–100 maps the overall average:
1 → 0, 5 → 100.
"""
from decimal import Decimal
from fractions import Fraction

from flask import current_app
from sqlalchemy import select

from app.db import lock_row
from app.errors import Conflict, NotFound
from app.extensions import db
from app.projects import messages
from app.projects.guards import require_phase
from app.projects.models import FollowUpItem, Phase, RenovationProject
from app.unit_of_work import unit

OVERALL = "overall"
ITEM_PREFIX = "item:"
EVALUATION_TEMPLATE = "evaluation"


def item_questions(project: RenovationProject, prototype: dict) -> list[dict]:
    """One optional scale question per item, shaped like the template's own scale question."""
    return [{**prototype, "key": f"{ITEM_PREFIX}{item.code}", "required": False, "when": None,
             "title": messages.ITEM_QUESTION.format(label=item.label)}
            for item in project.items]


def only_what_was_done(project: RenovationProject, questions) -> list[dict]:
    """The template's questions, a choice among catalogue items narrowed to the items this
    project renovated (a roof-only project is not asked about 41 kinds of work); a choice left
    with fewer than two items is dropped (its one item has its own question)."""
    from app.consultations.api import catalogue_items

    catalogue, codes = catalogue_items(), {item.code for item in project.items}
    kept = []
    for question in questions:
        options = question.get("options") or []
        if question["type"] == "multiple" and options and all(o["key"] in catalogue for o in options):
            options = [o for o in options if o["key"] in codes]
            if len(options) < 2:
                continue
            question = {**question, "options": options,
                        "max_choices": min(question["max_choices"], len(options))}
        kept.append(question)
    return kept


def start_evaluation(project: RenovationProject, closes_at, actor_id: int):
    """A draft evaluation of this project, with a question per renovated item."""
    from app.consultations.api import create_consultation, get_template

    template = get_template(EVALUATION_TEMPLATE)
    prototype = next(q for q in template.questions if q["type"] == "scale" and q["key"] != OVERALL)
    return create_consultation(
        project.estate_id, template_key=EVALUATION_TEMPLATE, closes_at=closes_at, actor_id=actor_id,
        title=messages.EVALUATION_TITLE.format(project=project.title),
        named_questions=only_what_was_done(project, template.questions),
        extra_questions=item_questions(project, prototype))


@unit
def start_project_evaluation(project: RenovationProject, closes_at, actor_id: int):
    """The committee starts the project's one evaluation by hand (entering 共评 normally opens
    it): only in 共评, only when the project has none yet; the project keeps it."""
    lock_row(db.session, RenovationProject, project.id)
    db.session.refresh(project)
    require_phase(project, messages.ACTION_EVALUATION, Phase.co_evaluate)
    if project.evaluation_id is not None:
        raise Conflict(messages.EVALUATION_EXISTS, code="evaluation_exists")
    evaluation = start_evaluation(project, closes_at, actor_id)
    project.evaluation_id = evaluation.id
    return evaluation


def evaluation_of(project: RenovationProject):
    """The project's own evaluation (a Consultation), or None before 共评."""
    from app.consultations.api import Consultation

    return db.session.get(Consultation, project.evaluation_id) if project.evaluation_id else None


def project_evaluation(project: RenovationProject, consultation_id: int):
    """The project's own evaluation, or 404: never another project's, nor another vote."""
    from app.consultations.api import Consultation

    evaluation = db.session.get(Consultation, consultation_id)
    if evaluation is None or evaluation.estate_id != project.estate_id:
        raise NotFound()
    if evaluation.id != project.evaluation_id:
        raise NotFound(messages.EVALUATION_NOT_THIS_PROJECT,
                       fields={"consultation_id": messages.EVALUATION_NOT_THIS_PROJECT})
    return evaluation


def averages(evaluation) -> dict[str, Decimal]:
    """Average score per scale question that has answers (read by the consultations domain)."""
    from app.consultations.api import results

    figures = results(evaluation).satisfaction
    return dict(figures.averages) if figures is not None else {}


def satisfaction_index(average: Decimal | None) -> Decimal | None:
    """The overall average on 0–100 (the consultations domain's one formula)."""
    from app.consultations.api import index_0_100

    return index_0_100(average)


def _check_evaluation(project: RenovationProject, evaluation) -> None:
    require_phase(project, messages.ACTION_FOLLOW_UP, Phase.co_evaluate, Phase.co_share)
    if evaluation.status.value not in ("closed", "published"):
        raise Conflict(messages.EVALUATION_NOT_FINISHED, code="evaluation_open")


def follow_up_low_scores(project: RenovationProject, evaluation) -> list[FollowUpItem]:
    """Turn every question averaging below the threshold into a follow-up item (once)."""
    _check_evaluation(project, evaluation)
    threshold = Fraction(current_app.config["FOLLOW_UP_BELOW_SCORE"])
    titles = {q["key"]: q["title"] for q in evaluation.questions}
    existing = set(db.session.scalars(select(FollowUpItem.question_key).where(
        FollowUpItem.evaluation_id == evaluation.id)))
    for key, average in averages(evaluation).items():
        if Fraction(average) < threshold and key not in existing:
            db.session.add(FollowUpItem(
                estate_id=project.estate_id, project_id=project.id, evaluation_id=evaluation.id,
                question_key=key, average_score=str(average),
                title=messages.FOLLOW_UP_TITLE.format(title=titles.get(key, key), average=average)))
    db.session.commit()
    return list(db.session.scalars(select(FollowUpItem).where(
        FollowUpItem.evaluation_id == evaluation.id).order_by(FollowUpItem.id)))


def evaluation_summary(evaluation) -> dict:
    scores = averages(evaluation)
    titles = {q["key"]: q["title"] for q in evaluation.questions}
    return {"evaluation_id": evaluation.id, "overall_average": scores.get(OVERALL),
            "satisfaction_index": satisfaction_index(scores.get(OVERALL)),
            "questions": [{"key": key, "title": titles.get(key, key), "average": value}
                          for key, value in scores.items()]}
