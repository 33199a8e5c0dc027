"""Joint meetings (联席会议) and their responsibility list (责任清单)."""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, Date, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class TaskStatus(str, enum.Enum):
    open = "open"  # 未开始
    in_progress = "in_progress"  # 办理中
    done = "done"  # 已完成 (with its evidence)


class JointMeeting(db.Model):
    """One joint meeting: who came (by organisation), the agenda and what was decided."""

    __tablename__ = "joint_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the renovation project it was about, if one
    project_id: Mapped[int | None] = mapped_column(ForeignKey("renovation_projects.id"))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100))
    agenda: Mapped[str] = mapped_column(String(1000))
    #: the organisations that came (keys of messages.ORGS)
    attending_orgs: Mapped[list] = mapped_column(JSON, default=list)
    #: what was decided, one sentence each; residents read them
    decisions: Mapped[list] = mapped_column(JSON, default=list)
    #: the meeting's internal notes: committee and staff only
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<JointMeeting {self.id} {self.held_on}>"


class ResponsibilityTask(db.Model):
    """One line of the responsibility list: the task, who answers for it, by when."""

    __tablename__ = "responsibility_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("joint_meetings.id"), index=True)
    task: Mapped[str] = mapped_column(String(300))
    #: the responsible organisation (a key of ORGS)
    org: Mapped[str] = mapped_column(String(30))
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[TaskStatus] = mapped_column(Enum(TaskStatus, native_enum=False, length=20),
                                               default=TaskStatus.open)
    #: what shows it done (a document, a photo's place, a date); residents read it
    evidence: Mapped[str] = mapped_column(String(500), default="")
    done_on: Mapped[date | None] = mapped_column(Date)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<ResponsibilityTask {self.id} {self.org} {self.status.value}>"
