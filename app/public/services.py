"""共享: an estate's outcomes and figures for anyone, with no personal data.

Only published (公示) consultations appear; complaints show as counts; the fund
ledger as totals. The same dictionary feeds the page, the JSON and the CSV.
"""
from decimal import Decimal

from sqlalchemy import func, select

from app.estates.api import Estate
from app.estates.api import estate_counts, get_or_404
from app.extensions import db
from app.funding.api import PublicMoneySchema, public_money
from app.projects.api import COMPLAINT_STATUS_LABELS, PHASE_LABELS, SOURCE_LABELS
from app.projects.api import Complaint, FundEntry, FundEntryKind, RenovationProject
from app.public import messages


def _published(estate_id: int):
    from app.consultations.api import Consultation, Status

    return list(db.session.scalars(select(Consultation).where(
        Consultation.estate_id == estate_id, Consultation.status == Status.published)
        .order_by(Consultation.closed_at, Consultation.id)))


def _consultation_row(consultation) -> dict:
    from app.consultations.api import results

    outcome = results(consultation)
    participation = outcome.as_dict()["participation"]
    return {"id": consultation.id, "title": consultation.title, "kind": consultation.kind,
            "closed_at": consultation.closed_at.isoformat() if consultation.closed_at else None,
            "rule": outcome.rule.key, "decision": outcome.decision,
            "decision_label": messages.DECISION_LABELS.get(outcome.decision, ""),
            "participation_owners": participation.get("owners") or participation.get("residents"),
            "participation_decimal": participation.get("owners_decimal"),
            "explanation": outcome.explanation,
            "scores": {q.key: str(q.average) for q in outcome.questions
                       if q.type == "scale" and q.average is not None},
            "titles": {q.key: q.title for q in outcome.questions}}


def _projects(estate_id: int) -> list[dict]:
    projects = db.session.scalars(select(RenovationProject).where(
        RenovationProject.estate_id == estate_id).order_by(RenovationProject.id))
    return [{"id": p.id, "title": p.title, "phase": p.phase.value,
             "phase_label": PHASE_LABELS[p.phase.value], "budget_cents": p.budget_cents,
             "timeline": [{"phase": c.phase.value, "label": PHASE_LABELS[c.phase.value],
                           "began_at": c.began_at.isoformat()} for c in p.phases],
             "items": [{"code": i.code, "label": i.label, "category": i.category} for i in p.items],
             "funding": [{"source": s.source.value, "label": SOURCE_LABELS[s.source.value],
                          "amount_cents": s.amount_cents} for s in p.funding],
             "money": PublicMoneySchema().dump(public_money(p.id))}
            for p in projects]


def _complaint_counts(estate_id: int) -> dict:
    rows = dict(db.session.execute(select(Complaint.status, func.count(Complaint.id))
                                   .where(Complaint.estate_id == estate_id)
                                   .group_by(Complaint.status)).all())
    return {status.value if hasattr(status, "value") else status: count
            for status, count in rows.items()}


def _fund_totals(estate_id: int) -> dict:
    rows = dict(db.session.execute(select(FundEntry.kind, func.sum(FundEntry.amount_cents))
                                   .where(FundEntry.estate_id == estate_id)
                                   .group_by(FundEntry.kind)).all())
    totals = {kind.value: int(rows.get(kind, 0) or 0) for kind in FundEntryKind}
    totals["balance"] = totals["collected"] + totals["topped_up"] - totals["used"]
    return totals


def public_figures(estate_id: int) -> dict:
    estate = get_or_404(Estate, estate_id)
    consultations = [_consultation_row(c) for c in _published(estate_id)]
    evaluations = [c for c in consultations if c["kind"] == "evaluation" and c["scores"]]
    latest = evaluations[-1] if evaluations else None
    overall = Decimal(latest["scores"]["overall"]) if latest and "overall" in latest["scores"] else None
    from app.projects.api import satisfaction_index

    return {
        "estate": {"id": estate.id, "name": estate.name, "district": estate.district,
                   "street": estate.street, "built_year": estate.built_year,
                   **estate_counts(estate.id)},
        "projects": _projects(estate_id),
        "consultations": [{k: v for k, v in c.items() if k not in ("scores", "titles")}
                          for c in consultations],
        "satisfaction": {
            "evaluation_id": latest["id"] if latest else None,
            "overall_average": str(overall) if overall is not None else None,
            "index": str(satisfaction_index(overall)) if overall is not None else None,
            "by_question": [{"key": key, "title": latest["titles"].get(key, key), "average": value}
                            for key, value in latest["scores"].items()] if latest else []},
        "complaints": {"by_status": {COMPLAINT_STATUS_LABELS[s]: n
                                     for s, n in _complaint_counts(estate_id).items()}},
        "fund_cents": _fund_totals(estate_id),
    }


def figures_csv_rows(figures: dict) -> list[list]:
    """The same figures as rows of (section, name, value, unit)."""
    estate = figures["estate"]
    rows = [["estate", "name", estate["name"], ""], ["estate", "district", estate["district"], ""],
            ["estate", "street", estate["street"], ""], ["estate", "built_year", estate["built_year"], "year"],
            ["estate", "flat_count", estate["flat_count"], "flats"]]
    for project in figures["projects"]:
        rows.append(["project", project["title"], project["phase_label"], "phase"])
        rows.append(["project", f"{project['title']}.budget", project["budget_cents"], "cents"])
        rows += [["funding", f"{project['title']}.{s['label']}", s["amount_cents"], "cents"]
                 for s in project["funding"]]
        rows += [["item", f"{project['title']}.{i['code']}", i["label"], i["category"]]
                 for i in project["items"]]
        rows += [["money", f"{project['title']}.{s['label']}.{stage}", s[f"{stage}_cents"], "cents"]
                 for s in project["money"]["sources"] for stage in ("committed", "received", "spent")
                 if s["committed_cents"] or s["received_cents"] or s["spent_cents"]]
    for c in figures["consultations"]:
        rows.append(["consultation", c["title"], c["decision_label"], c["participation_owners"] or ""])
    for q in figures["satisfaction"]["by_question"]:
        rows.append(["satisfaction", q["title"], q["average"], "score 1-5"])
    if figures["satisfaction"]["index"] is not None:
        rows.append(["satisfaction", "index", figures["satisfaction"]["index"], "0-100"])
    rows += [["complaints", status, count, "complaints"]
             for status, count in figures["complaints"]["by_status"].items()]
    rows += [["fund", kind, cents, "cents"] for kind, cents in figures["fund_cents"].items()]
    return rows
