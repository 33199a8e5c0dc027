"""Residents apply (居民自愿申报): one live application per estate, one support per flat by
its verified owner, submitted by the committee once support reaches the city's threshold
(APPLICATION_SUPPORT_THRESHOLD, an exact fraction of the estate's flats or owners, as the
application's support basis says; "以上": the bound itself is enough). Every refusal says
the counts. A support and the submission take the application's row lock, so what was
accepted is counted, or refused once submitted."""
from dataclasses import dataclass
from fractions import Fraction

from flask import current_app
from sqlalchemy import func, select

from app.display import percent as display_percent
from app.applications import messages
from app.applications.models import Application, ApplicationStatus, ApplicationSupport, SupportBasis
from app.applications.slots import how_supported, open_for_support
from app.audit.api import record
from app.consultations.api import head_of
from app.db import add_once, lock_row, utcnow
from app.errors import Conflict, Forbidden, NotFound
from app.estates.api import Flat, FlatLink, LinkStatus, Relation
from app.estates.api import flat_labels, is_verified_owner
from app.extensions import db


def percent(value: Fraction) -> str:
    """66.7%: the share people read (app.display.percent; the exact fraction travels beside it)."""
    return display_percent(value)


def threshold() -> Fraction:
    return Fraction(str(current_app.config["APPLICATION_SUPPORT_THRESHOLD"]))


def basis() -> SupportBasis:
    return SupportBasis(current_app.config["APPLICATION_SUPPORT_BASIS"])


@dataclass(frozen=True)
class Support:
    """Where an application stands: supporting flats (or owners) against the estate's."""
    supported: int
    total: int
    threshold: Fraction
    basis: SupportBasis = SupportBasis.flats

    @property
    def share(self) -> Fraction:
        return Fraction(self.supported, self.total) if self.total else Fraction(0)

    @property
    def reached(self) -> bool:
        return self.total > 0 and self.share >= self.threshold

    @property
    def missing(self) -> int:
        """Flats still needed: the least n with (supported + n) / total >= threshold."""
        needed = -((-self.threshold.numerator * self.total) // self.threshold.denominator)
        return max(needed - self.supported, 0)

    def words(self, template: str = messages.SUPPORT_PROGRESS) -> str:
        return template.format(supported=self.supported, total=self.total,
                               unit=messages.SUPPORT_UNITS[self.basis.value],
                               percent=percent(self.share), threshold=str(self.threshold),
                               threshold_percent=percent(self.threshold), missing=self.missing)

    @property
    def explanation(self) -> str:
        if self.reached:
            return self.words(messages.SUPPORT_REACHED)
        return self.words() + "，" + self.words(messages.SUPPORT_MISSING)

    def as_dict(self) -> dict:
        return {"supported": self.supported, "total": self.total,
                "share": f"{self.supported}/{self.total}", "percent": percent(self.share),
                "threshold": str(self.threshold), "threshold_percent": percent(self.threshold),
                "reached": self.reached, "missing": self.missing, "explanation": self.explanation,
                "basis": self.basis.value, "basis_label": messages.SUPPORT_BASIS_LABELS[self.basis.value]}


def support_of(application: Application) -> Support:
    """Supporting flats of all the estate's flats; by owners, heads (head_of: an owner of
    several flats once, a flat without a registered owner a head of its own)."""
    counted = func.count(Flat.id) if application.support_basis == SupportBasis.flats \
        else func.count(head_of().distinct())
    supported = db.session.scalar(select(counted).join(
        ApplicationSupport, ApplicationSupport.flat_id == Flat.id).where(
        ApplicationSupport.application_id == application.id))
    total = db.session.scalar(select(counted).where(Flat.estate_id == application.estate_id))
    return Support(supported, total, threshold(), application.support_basis)


def live_application(estate_id: int) -> Application | None:
    return db.session.scalar(select(Application).where(
        Application.estate_id == estate_id,
        Application.status.in_([ApplicationStatus.collecting, ApplicationStatus.submitted])))


def applications_of(estate_id: int) -> list[Application]:
    return list(db.session.scalars(select(Application).where(Application.estate_id == estate_id)
                                   .order_by(Application.id.desc())))


def start_application(estate_id: int, reason: str, actor_id: int) -> Application:
    """A resident starts the estate's application; a second live one is refused (and the
    database keeps it to one however many arrive at once)."""
    if live_application(estate_id) is not None:
        raise Conflict(messages.APPLICATION_EXISTS, code="application_exists")
    application = Application(estate_id=estate_id, reason=reason, started_by_id=actor_id,
                              status=ApplicationStatus.collecting, support_basis=basis())
    add_once(db.session, application, Conflict(messages.APPLICATION_EXISTS, code="application_exists"))
    record("application.started", estate_id=estate_id, actor_id=actor_id,
           subject_type="application", subject_id=application.id, data={"reason": reason})
    db.session.commit()
    return application


def add_support(application: Application, flat_id: int, user_id: int) -> ApplicationSupport:
    """The flat's verified owner supports the application; one support per flat."""
    flat = db.session.get(Flat, flat_id)
    if flat is not None and flat.estate_id == application.estate_id \
            and not is_verified_owner(user_id, flat_id):
        raise Forbidden(messages.NOT_OWNER)
    open_for_support(application, flat_id)
    support = ApplicationSupport(estate_id=application.estate_id, application_id=application.id,
                                 flat_id=flat_id, user_id=user_id)
    add_once(db.session, support, Conflict(messages.ALREADY_SUPPORTED, code="already_supported"))
    record("application.supported", estate_id=application.estate_id, actor_id=user_id,
           subject_type="application", subject_id=application.id, data={"flat_id": flat_id})
    db.session.commit()
    return support


def submit_application(application: Application, actor_id: int) -> Application:
    """The committee submits once support is at the threshold; below it, the counts say why."""
    lock_row(db.session, Application, application.id)
    db.session.refresh(application)
    if application.status != ApplicationStatus.collecting:
        raise Conflict(messages.NOT_COLLECTING, code="not_collecting")
    support = support_of(application)
    if not support.reached:
        raise Conflict(support.words(messages.BELOW_THRESHOLD), code="support_below_threshold",
                       fields={"support": support.as_dict()["share"]})
    application.status = ApplicationStatus.submitted
    application.submitted_at = utcnow()
    application.submitted_by_id = actor_id
    application.submitted_support = support.as_dict()["share"]
    record("application.submitted", estate_id=application.estate_id, actor_id=actor_id,
           subject_type="application", subject_id=application.id,
           data={"support": application.submitted_support, "threshold": str(support.threshold)})
    db.session.commit()
    return application


def get_application(application_id: int) -> Application:
    application = db.session.get(Application, application_id)
    if application is None:
        raise NotFound()
    return application


def my_flats(application: Application, user_id: int) -> list[dict]:
    """The person's owned flats in the estate, each with whether it supports already."""
    owned = list(db.session.scalars(select(FlatLink.flat_id).where(
        FlatLink.user_id == user_id, FlatLink.estate_id == application.estate_id,
        FlatLink.relation == Relation.owner, FlatLink.status == LinkStatus.verified)))
    supporting = {s.flat_id: s for s in db.session.scalars(select(ApplicationSupport).where(
        ApplicationSupport.application_id == application.id,
        ApplicationSupport.flat_id.in_(owned)))} if owned else {}
    labels = flat_labels(owned)
    return [{"flat_id": flat_id, "label": labels[flat_id], "supported": flat_id in supporting,
             "channel": supporting[flat_id].channel.value if flat_id in supporting else None,
             "how": how_supported(supporting[flat_id]) if flat_id in supporting else None}
            for flat_id in sorted(owned)]


def application_view(application: Application, user_id: int) -> dict:
    """The application as its page and the API show it: status, support, my flats."""
    return {"id": application.id, "estate_id": application.estate_id,
            "reason": application.reason, "status": application.status.value,
            "status_label": messages.STATUS_LABELS[application.status.value],
            "created_at": application.created_at, "submitted_at": application.submitted_at,
            "support": support_of(application).as_dict(),
            "my_flats": my_flats(application, user_id)}
