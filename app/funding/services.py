"""The rules of a project's public money: record a commitment, an arrival or a spend (never
beyond what arrived), and read the table by source with exact totals in fen."""
from collections import defaultdict

from sqlalchemy import select

from app.audit.api import record
from app.db import insert_or_ignore, lock_row
from app.display import china_today, yuan
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.funding import messages
from app.funding.models import FundingEntry, FundingLedger, Stage
from app.unit_of_work import unit
from app.utilities.api import stored_photo

STAGES = [stage.value for stage in Stage]


def _refuse(field: str, message: str):
    raise InvalidInput(message, fields={field: message})


def _entries(project_id: int, source: str | None = None) -> list[FundingEntry]:
    query = select(FundingEntry).where(FundingEntry.project_id == project_id)
    if source is not None:
        query = query.where(FundingEntry.source == source)
    return list(db.session.scalars(query.order_by(FundingEntry.dated_on, FundingEntry.id)))


def _sums(entries: list[dict]) -> dict:
    return {stage + "_cents": sum(e["amount_cents"] for e in entries if e["stage"] == stage) for stage in STAGES}


def entry_view(entry: FundingEntry) -> dict:
    return {"id": entry.id, "source": entry.source, "source_label": messages.SOURCES.get(entry.source, entry.source),
            "stage": entry.stage.value, "stage_label": messages.STAGE_LABELS[entry.stage.value],
            "amount_cents": entry.amount_cents, "dated_on": entry.dated_on, "party": entry.party,
            "document_no": entry.document_no, "note": entry.note, "from_utilities": False,
            "evidence_url": f"/api/v1/media/{entry.evidence_key}" if entry.evidence_key else None}


def residents_money(project_id: int, recorded: list[FundingEntry] | None = None) -> dict:
    """The residents' row of the table: the one place that says what residents committed, paid
    in and had spent: the entries recorded here (e.g. money collected before the platform)
    and, as one line, the payments recorded by 居民出资 (app.contributions; never who paid)."""
    from app.contributions.api import payments_in_total

    recorded = _entries(project_id, "residents") if recorded is None else recorded
    entries = [entry_view(e) for e in recorded]
    paid = payments_in_total(project_id)
    if paid["count"]:
        entries.append({"id": None, "source": "residents", "source_label": messages.SOURCES["residents"],
                        "stage": Stage.received.value, "stage_label": messages.STAGE_LABELS[Stage.received.value],
                        "amount_cents": paid["amount_cents"], "dated_on": paid["last_paid_on"],
                        "party": messages.RECORDED_PAYMENTS.format(count=paid["count"]),
                        "document_no": None, "note": None, "from_utilities": False, "evidence_url": None})
    return {**_sums(entries), "entries": entries}


def _utilities_money(project_id: int, recorded: list[FundingEntry]) -> dict:
    """The utilities' row: committed and received as recorded with their works
    (app.utilities, never entered twice), spent as recorded here."""
    from app.utilities.api import money_of

    theirs = money_of(project_id)
    spends = [entry_view(e) for e in recorded]
    arrivals = [{"id": None, "source": "utilities", "source_label": messages.SOURCES["utilities"],
                 "stage": row["stage"], "stage_label": messages.STAGE_LABELS[row["stage"]],
                 "amount_cents": row["amount_cents"], "dated_on": row["dated_on"],
                 "party": row["utility_label"], "document_no": row["document_no"], "note": row["note"],
                 "from_utilities": True, "evidence_url": None} for row in theirs["entries"]]
    return {"committed_cents": theirs["committed_cents"], "received_cents": theirs["received_cents"],
            "spent_cents": _sums(spends)["spent_cents"], "entries": arrivals + spends}


def money_table(project_id: int) -> dict:
    """Every source's committed, received and spent money (exact fen), the totals, what is
    left to spend, and every movement in date order. The project's entries are read once,
    not once a source."""
    recorded = defaultdict(list)
    for entry in _entries(project_id):
        recorded[entry.source].append(entry)
    rows = []
    for source, label in messages.SOURCES.items():
        if source == "residents":
            money = residents_money(project_id, recorded["residents"])
        elif source == "utilities":
            money = _utilities_money(project_id, recorded["utilities"])
        else:
            entries = [entry_view(e) for e in recorded[source]]
            money = {**_sums(entries), "entries": entries}
        rows.append({"source": source, "label": label, **money})
    totals = {key: sum(row[key] for row in rows) for key in ("committed_cents", "received_cents", "spent_cents")}
    entries = sorted((e for row in rows for e in row.pop("entries")),
                     key=lambda e: (e["dated_on"], e["id"] or 0))
    left = totals["received_cents"] - totals["spent_cents"]
    return {"project_id": project_id, "sources": rows, "totals": totals, "left_cents": left,
            "left_text": messages.LEFT.format(amount=yuan(left)), "entries": entries}


def public_money(project_id: int) -> dict:
    """The table for anyone: the same figures; the committee's notes and the photos (kept for
    members) left out."""
    table = money_table(project_id)
    table["entries"] = [{k: v for k, v in e.items() if k not in ("note", "evidence_url")} | {
        "has_evidence": e["evidence_url"] is not None} for e in table["entries"]]
    table["has_money"] = any(row["committed_cents"] or row["received_cents"] or row["spent_cents"]
                             for row in table["sources"])
    return table


def _lock_ledger(project) -> FundingLedger:
    """The project's ledger row, made on first use, held until the transaction ends."""
    insert_or_ignore(db.session, FundingLedger,
                     {"estate_id": project.estate_id, "project_id": project.id, "spent_cents": 0})
    ledger_id = db.session.scalar(select(FundingLedger.id).where(FundingLedger.project_id == project.id))
    lock_row(db.session, FundingLedger, ledger_id)
    return db.session.scalar(select(FundingLedger).where(FundingLedger.id == ledger_id)
                             .execution_options(populate_existing=True))


@unit
def record_entry(project, data: dict, actor_id: int) -> FundingEntry:
    """A commitment, an arrival or a spend of the project's money (audited).

    A spend is checked against the money its source has received and not yet spent (a
    subsidy spent beyond its arrival would read as misuse on the public table), under the
    project's ledger lock: two spends at once are decided one after the other, and the
    second is refused when the first took what it needed. Utilities' commitments and
    arrivals are recorded with their works, not here."""
    if data["dated_on"] > china_today():
        _refuse("dated_on", messages.DATE_IN_FUTURE)
    stage = Stage(data["stage"])
    if data["source"] == "utilities" and stage != Stage.spent:
        _refuse("source", messages.UTILITIES_FROM_THEIR_PAGE)
    if stage == Stage.spent:
        ledger = _lock_ledger(project)
        row = next(row for row in money_table(project.id)["sources"] if row["source"] == data["source"])
        if row["spent_cents"] + data["amount_cents"] > row["received_cents"]:
            left = max(row["received_cents"] - row["spent_cents"], 0)
            message = messages.SPEND_BEYOND_RECEIVED.format(
                amount=yuan(data["amount_cents"]), source=messages.SOURCES[data["source"]],
                received=yuan(row["received_cents"]), spent=yuan(row["spent_cents"]), left=yuan(left))
            raise Conflict(message, code="spend_beyond_received", fields={"amount_cents": message})
        ledger.spent_cents += data["amount_cents"]
    entry = FundingEntry(estate_id=project.estate_id, project_id=project.id, source=data["source"], stage=stage,
                         amount_cents=data["amount_cents"], dated_on=data["dated_on"],
                         party=(data.get("party") or "").strip(), document_no=(data.get("document_no") or "").strip(),
                         note=(data.get("note") or "").strip(), created_by_id=actor_id)
    db.session.add(entry)
    db.session.flush()
    record("funding.entry", estate_id=project.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=project.id, data={"id": entry.id, "source": entry.source, "stage": stage.value,
                                        "amount_cents": entry.amount_cents, "dated_on": entry.dated_on.isoformat()})
    return entry


@unit
def attach_evidence(entry: FundingEntry, photo: bytes, actor_id: int) -> FundingEntry:
    """A photo of the entry's document (拨款文件, 到账凭证, 发票), kept beside its number."""
    entry.evidence_key = stored_photo(entry.estate_id, photo, "photo", messages.EVIDENCE_REQUIRED)
    record("funding.evidence", estate_id=entry.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=entry.project_id, data={"id": entry.id})
    return entry
