"""共管 records: rating rounds, the public income ledger, 片区 with their surveys and spare
resources, and notices with who read them."""
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Hundredths, UTCDateTime, utcnow
from app.extensions import db


class RatingRound(db.Model):
    """One period's property service rating (物业服务评价) of an estate: a residents' survey."""

    __tablename__ = "service_rating_rounds"
    __table_args__ = (UniqueConstraint("estate_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the period rated, e.g. 2026Q4 (one round per estate and period)
    period: Mapped[str] = mapped_column(String(7))
    #: the survey residents answer
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<RatingRound {self.id} estate={self.estate_id} {self.period}>"


class PublicIncomeEntry(db.Model):
    """A line of the public income ledger (公共收益): income earned from common parts, or a
    spending of it under the owners' decision that allowed it."""

    __tablename__ = "public_income_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: income | spending
    kind: Mapped[str] = mapped_column(String(10))
    #: income: parking, advertising, venue, other; spending: repairs, facilities, services, other
    category: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    occurred_on: Mapped[date] = mapped_column(Date)
    memo: Mapped[str] = mapped_column(String(200))
    #: the passed decision a spending follows (None for income)
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<PublicIncomeEntry {self.id} estate={self.estate_id} {self.kind} {self.amount_cents}>"


class Neighbourhood(db.Model):
    """A 片区: neighbouring estates of one street planned together."""

    __tablename__ = "neighbourhoods"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(50))
    street: Mapped[str] = mapped_column(String(50))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<Neighbourhood {self.id} {self.name!r}>"


class NeighbourhoodEstate(db.Model):
    """An estate of a 片区; an estate belongs to one 片区 at most (the unique estate_id)."""

    __tablename__ = "neighbourhood_estates"

    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhoods.id"), primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), primary_key=True, unique=True)


class NeighbourhoodSurvey(db.Model):
    """A survey of a whole 片区: one consultation per estate, counted together."""

    __tablename__ = "neighbourhood_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhoods.id"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    template_key: Mapped[str] = mapped_column(String(48))
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NeighbourhoodSurveyPart(db.Model):
    """One estate's consultation of a 片区 survey."""

    __tablename__ = "neighbourhood_survey_parts"

    survey_id: Mapped[int] = mapped_column(ForeignKey("neighbourhood_surveys.id"), primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)


class SpareResource(db.Model):
    """Spare premises or land (存量资源) of a 片区 that could be put to community use."""

    __tablename__ = "spare_resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhoods.id"), index=True)
    #: premises | land
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    location: Mapped[str] = mapped_column(String(200))
    area_m2: Mapped[Decimal] = mapped_column(Hundredths)
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ResourceProposal(db.Model):
    """A proposed community use of a spare resource (e.g. 养老驿站, 共享停车)."""

    __tablename__ = "resource_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("spare_resources.id"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ResourceComment(db.Model):
    """A resident's comment on a spare resource and its proposed uses."""

    __tablename__ = "resource_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("spare_resources.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ResourceVote(db.Model):
    """A resident's vote for one proposed use of a resource: one per resident and resource
    (the unique constraint), changeable."""

    __tablename__ = "resource_votes"
    __table_args__ = (UniqueConstraint("resource_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("spare_resources.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    proposal_id: Mapped[int] = mapped_column(ForeignKey("resource_proposals.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notice(db.Model):
    """A notice (通知公告) or policy explainer (政策解读) to an estate, a building or a 片区."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the estate (estate and building scopes; None for a 片区 notice)
    estate_id: Mapped[int | None] = mapped_column(ForeignKey("estates.id"), index=True)
    #: estate | building | neighbourhood
    scope_type: Mapped[str] = mapped_column(String(15))
    #: the estate, building or 片区 id
    scope_id: Mapped[int]
    #: notice | explainer
    kind: Mapped[str] = mapped_column(String(10))
    #: the consultation an explainer belongs to
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<Notice {self.id} {self.scope_type}:{self.scope_id} {self.title!r}>"


class NoticeRead(db.Model):
    """Who read a notice, once each."""

    __tablename__ = "notice_reads"

    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
