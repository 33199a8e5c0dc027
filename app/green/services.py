"""The green-community checklist: where an estate stands, and recording a change."""
from flask import current_app
from sqlalchemy import select

from app.audit.api import record
from app.db import insert_or_update, utcnow
from app.errors import InvalidInput, NotFound
from app.extensions import db
from app.green import messages
from app.green.criteria import criteria, item_keys
from app.green.models import GreenCheck, GreenStatus


def _criteria_file() -> str:
    return current_app.config["GREEN_CRITERIA_FILE"]


def checklist(estate_id: int) -> dict:
    """Every area with its items, each item's status and evidence; how many are met."""
    rows = {row.criterion: row for row in db.session.scalars(
        select(GreenCheck).where(GreenCheck.estate_id == estate_id))}
    areas = [{"key": area["key"], "title": area["title"],
              "items": [_item(item, rows.get(item["key"])) for item in area["items"]]}
             for area in criteria(_criteria_file())]
    items = [item for area in areas for item in area["items"]]
    met = sum(1 for item in items if item["status"] == GreenStatus.met.value)
    return {"estate_id": estate_id, "met": met, "total": len(items), "areas": areas,
            "summary": messages.SUMMARY.format(met=met, total=len(items))}


def _item(item: dict, row: GreenCheck | None) -> dict:
    status = row.status.value if row else GreenStatus.not_started.value
    return {"key": item["key"], "text": item["text"], "status": status,
            "status_label": messages.STATUS_LABELS[status], "evidence": row.evidence if row else "",
            "updated_at": row.updated_at if row else None}


def set_check(estate_id: int, criterion: str, status: str, evidence: str, actor_id: int) -> dict:
    """Record where the estate stands on one criterion (audited); 已达标 needs its evidence."""
    if criterion not in item_keys(_criteria_file()):
        raise NotFound(messages.UNKNOWN_CRITERION)
    evidence = "\n".join(line.strip() for line in evidence.splitlines() if line.strip())  # no blank rows
    if status == GreenStatus.met.value and not evidence:
        raise InvalidInput(messages.EVIDENCE_REQUIRED, fields={"evidence": messages.EVIDENCE_REQUIRED})
    values = {"status": GreenStatus(status), "evidence": evidence, "updated_by_id": actor_id,
              "updated_at": utcnow()}
    insert_or_update(db.session, GreenCheck, {"estate_id": estate_id, "criterion": criterion}, values)
    record("green.check_set", estate_id=estate_id, actor_id=actor_id, subject_type="estate",
           subject_id=estate_id, data={"criterion": criterion, "status": status})
    db.session.commit()
    return checklist(estate_id)

