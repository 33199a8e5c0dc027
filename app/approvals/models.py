"""A renovation project's approvals (审批): one row per kind, changed as the file moves."""
import enum
from datetime import date, datetime

from sqlalchemy import Date, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class ApprovalKind(str, enum.Enum):
    project_approval = "project_approval"  # 立项
    land_use = "land_use"  # 用地
    planning = "planning"  # 规划许可
    construction_permit = "construction_permit"  # 施工许可
    joint_review = "joint_review"  # 联合审查 (a city's merged review of the above)


class ApprovalStatus(str, enum.Enum):
    not_started = "not_started"  # 未申报
    submitted = "submitted"  # 已申报, waiting for the department
    returned = "returned"  # 退回补正: the department asked for more
    approved = "approved"  # 已批准 (with its document number)
    not_needed = "not_needed"  # 无需办理 (with the reason)


#: the states in which a project no longer waits on the approval
SETTLED = (ApprovalStatus.approved, ApprovalStatus.not_needed)


class ProjectApproval(db.Model):
    """Where one approval of a project stands."""

    __tablename__ = "project_approvals"
    #: one row per project and kind: the database keeps "only one"
    __table_args__ = (UniqueConstraint("project_id", "kind", name="uq_project_approvals_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    kind: Mapped[ApprovalKind] = mapped_column(Enum(ApprovalKind, native_enum=False, length=30))
    status: Mapped[ApprovalStatus] = mapped_column(
        Enum(ApprovalStatus, native_enum=False, length=20), default=ApprovalStatus.not_started)
    #: the department that decides (e.g. 区住建委)
    department: Mapped[str] = mapped_column(String(100), default="")
    #: when the file was handed in (Beijing date)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    #: when the department approved or returned it
    decided_on: Mapped[date | None] = mapped_column(Date)
    #: the approval's document number (批复文号)
    document_no: Mapped[str] = mapped_column(String(100), default="")
    #: a photo of the document, in the media store
    document_key: Mapped[str | None] = mapped_column(String(200))
    #: the committee's note (why not needed, what was returned); committee and staff only
    note: Mapped[str] = mapped_column(String(500), default="")
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<ProjectApproval {self.project_id} {self.kind.value} {self.status.value}>"
