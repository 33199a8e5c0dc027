"""The plan (改造方案, 一区一策): versions with sections, comments on a quoted passage and
their answers, the publicity period (方案公示, the city's `renovation_plan` days in rules/periods/) before the content vote,
and a section-level diff between versions.

For the phase guards of other packages: `plan_publicity_ended(estate_id, now)` and
`heritage_review_pending(estate_id)`.
"""
import re
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.audit.api import record
from app.consultations.api import catalogue_items
from app.db import lock_row, utcnow
from app.display import china_time
from app.errors import Conflict, InvalidInput, NotFound
from app.estates.api import Estate
from app.extensions import db
from app.notifications.api import notify
from app.plans import messages
from app.plans.heritage import (  # noqa: F401 - the guards' entry points live here
    buildings_words, heritage_buildings, heritage_review_pending, latest_version)
from app.plans.models import PlanComment, PlanSection, PlanVersion
from app.rules.api import publicity_days


def _invalid(message: str, field: str) -> InvalidInput:
    return InvalidInput(message, fields={field: message})


def _section_key(section: dict, position: int) -> str:
    return section.get("key") or re.sub(r"\s+", "-", section["title"].strip())[:40] or f"s{position}"


def create_version(estate_id: int, title: str, sections: list[dict], item_codes: list[str],
                   actor_id: int) -> PlanVersion:
    """A new version of the estate's plan; sections keep their keys from version to version."""
    known = catalogue_items()
    for code in item_codes:
        if code not in known:
            raise _invalid(messages.UNKNOWN_ITEM.format(code=code), "item_codes")
    keys = [_section_key(section, i) for i, section in enumerate(sections, start=1)]
    for key in keys:
        if keys.count(key) > 1:
            raise _invalid(messages.SECTION_KEYS_TWICE.format(key=key), "sections")
    lock_row(db.session, Estate, estate_id)  # numbers are given one at a time
    number = (db.session.scalar(select(func.max(PlanVersion.number)).where(
        PlanVersion.estate_id == estate_id)) or 0) + 1
    version = PlanVersion(estate_id=estate_id, number=number, title=title,
                          item_codes=list(dict.fromkeys(item_codes)), author_id=actor_id)
    db.session.add(version)
    db.session.flush()
    for position, (key, section) in enumerate(zip(keys, sections), start=1):
        db.session.add(PlanSection(estate_id=estate_id, version_id=version.id, key=key,
                                   position=position, title=section["title"], body=section["body"]))
    record("plan.version_created", estate_id=estate_id, actor_id=actor_id, subject_type="plan_version",
           subject_id=version.id, data={"number": number, "title": title})
    db.session.commit()
    return version


def versions_of(estate_id: int) -> list[PlanVersion]:
    return list(db.session.scalars(select(PlanVersion).where(PlanVersion.estate_id == estate_id)
                                   .order_by(PlanVersion.number.desc())))


def get_section(section_id: int) -> PlanSection:
    section = db.session.get(PlanSection, section_id)
    if section is None:
        raise NotFound()
    return section


def publicity_ends_at(version: PlanVersion) -> datetime | None:
    if version.publicity_started_at is None:
        return None
    return version.publicity_started_at + timedelta(days=version.publicity_days)


def publicity_state(version: PlanVersion, now: datetime) -> tuple[str, str]:
    """('none' | 'running' | 'ended', the words); time decides, nothing is written."""
    ends = publicity_ends_at(version)
    if ends is None:
        return "none", messages.NO_PUBLICITY.format(number=version.number)
    words = {"number": version.number, "ends": china_time(ends)}
    if now < ends:
        return "running", messages.PUBLICITY_RUNNING.format(**words)
    return "ended", messages.PUBLICITY_ENDED.format(**words)


def plan_publicity_ended(estate_id: int, now: datetime | None = None) -> tuple[bool, str]:
    """Whether the latest version of the estate's plan has finished its publicity period, and
    why (or why not) in Chinese. A new version after publicity needs its own publicity."""
    version = latest_version(estate_id)
    if version is None:
        return False, messages.NO_PLAN
    state, words = publicity_state(version, now or utcnow())
    return state == "ended", words


def start_publicity(version: PlanVersion, actor_id: int) -> PlanVersion:
    """Show the latest version to residents for the city's 公示 days (`renovation_plan`); facade items in an estate
    with historic buildings must have passed their heritage review first."""
    lock_row(db.session, PlanVersion, version.id)
    db.session.refresh(version)
    latest = latest_version(version.estate_id)
    if latest.id != version.id:
        raise Conflict(messages.NOT_LATEST.format(number=latest.number), code="not_latest")
    if version.publicity_started_at is not None:
        raise Conflict(messages.PUBLICITY_STARTED, code="publicity_started")
    pending = heritage_review_pending(version.estate_id, version.item_codes)
    if pending:
        raise Conflict(messages.PUBLICITY_BLOCKED.format(reasons="；".join(pending)),
                       code="heritage_review_pending")
    version.publicity_started_at = utcnow()
    version.publicity_days = publicity_days("renovation_plan")
    record("plan.publicity_started", estate_id=version.estate_id, actor_id=actor_id,
           subject_type="plan_version", subject_id=version.id, data={"days": version.publicity_days})
    db.session.commit()
    return version


def add_comment(section: PlanSection, quote: str, body: str, author_id: int) -> PlanComment:
    """A comment on a passage quoted from the section as it stands (CONSUL's annotations),
    or on the whole section when nothing is quoted."""
    if quote.strip() and quote.strip() not in section.body:
        raise _invalid(messages.QUOTE_NOT_IN_SECTION, "quote")
    comment = PlanComment(estate_id=section.estate_id, section_id=section.id, author_id=author_id,
                          quote=quote.strip(), body=body)
    db.session.add(comment)
    db.session.commit()
    return comment


def answer_comment(comment: PlanComment, answer: str, actor_id: int) -> PlanComment:
    lock_row(db.session, PlanComment, comment.id)
    db.session.refresh(comment)
    if comment.answer is not None:
        raise Conflict(messages.ALREADY_ANSWERED, code="already_answered")
    comment.answer, comment.answered_by_id, comment.answered_at = answer, actor_id, utcnow()
    notify(comment.author_id, estate_id=comment.estate_id, kind="plan_comment_answered",
           title=messages.ANSWERED_TITLE, body=messages.ANSWERED_BODY.format(
               quote=comment.quote or db.session.get(PlanSection, comment.section_id).title),
           link=f"/estates/{comment.estate_id}/plan")
    record("plan.comment_answered", estate_id=comment.estate_id, actor_id=actor_id,
           subject_type="plan_comment", subject_id=comment.id, data={})
    db.session.commit()
    return comment


def get_comment(comment_id: int) -> PlanComment:
    comment = db.session.get(PlanComment, comment_id)
    if comment is None:
        raise NotFound()
    return comment


def comments_of(version: PlanVersion) -> dict[int, list[PlanComment]]:
    by_section: dict[int, list[PlanComment]] = {section.id: [] for section in version.sections}
    for comment in db.session.scalars(select(PlanComment).where(
            PlanComment.section_id.in_(list(by_section))).order_by(PlanComment.id)):
        by_section[comment.section_id].append(comment)
    return by_section


def diff_versions(old: PlanVersion | None, new: PlanVersion) -> list[dict]:
    """Section by section (by key): added, removed, changed (title or text) or unchanged."""
    before = {s.key: s for s in old.sections} if old else {}
    rows = []
    for section in new.sections:
        was = before.pop(section.key, None)
        change = ("added" if was is None else
                  "unchanged" if (was.title, was.body) == (section.title, section.body) else "changed")
        rows.append({"key": section.key, "title": section.title, "change": change,
                     "change_label": messages.CHANGE_LABELS[change],
                     "before": was.body if was is not None and change == "changed" else None,
                     "after": section.body if change != "unchanged" else None})
    for was in before.values():
        rows.append({"key": was.key, "title": was.title, "change": "removed",
                     "change_label": messages.CHANGE_LABELS["removed"], "before": was.body,
                     "after": None})
    return rows


def previous_version(version: PlanVersion) -> PlanVersion | None:
    return db.session.scalar(select(PlanVersion).where(
        PlanVersion.estate_id == version.estate_id, PlanVersion.number < version.number)
        .order_by(PlanVersion.number.desc()).limit(1))


def items_view(version: PlanVersion) -> list[dict]:
    """The plan's items; a facade item in an estate with historic buildings carries the warning."""
    items, buildings = catalogue_items(), heritage_buildings(version.estate_id)
    rows = []
    for code in version.item_codes:
        item = items.get(code, {"label": code, "category": "", "alters_facade": False})
        warning = (messages.FACADE_WARNING.format(label=item["label"], buildings=buildings_words(buildings))
                   if item["alters_facade"] and buildings else None)
        rows.append({"code": code, "label": item["label"], "category": item["category"],
                     "alters_facade": item["alters_facade"], "warning": warning})
    return rows


def version_view(version: PlanVersion, now: datetime | None = None) -> dict:
    """A version as its pages and the API show it: sections with their comments, items with
    warnings, the publicity, and what changed since the version before."""
    state, words = publicity_state(version, now or utcnow())
    comments = comments_of(version)
    return {"id": version.id, "estate_id": version.estate_id, "number": version.number,
            "title": version.title, "created_at": version.created_at,
            "publicity": {"state": state, "text": words, "started_at": version.publicity_started_at,
                          "ends_at": publicity_ends_at(version), "days": version.publicity_days},
            "items": items_view(version),
            "sections": [{"id": s.id, "key": s.key, "title": s.title, "body": s.body,
                          "comments": comments[s.id]} for s in version.sections],
            "changes": diff_versions(previous_version(version), version)}
