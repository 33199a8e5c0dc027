"""A heavy job's durable record: what was asked, by whom, and how it ended."""
import enum
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Enum, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class JobState(str, enum.Enum):
    queued = "queued"  # recorded, not taken yet
    running = "running"  # taken by a process (runner) until lease_until
    done = "done"  # the work's result committed with this state
    failed = "failed"  # refused or broken; nothing of the work kept


class HeavyJob(db.Model):
    """One run (and re-runs) of a long piece of work a person started."""

    __tablename__ = "heavy_jobs"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        # an ended job says when; a running one says who runs it and until when
        CheckConstraint("state NOT IN ('done', 'failed') OR finished_at IS NOT NULL", name="ended_has_time"),
        CheckConstraint("state != 'running' OR (runner IS NOT NULL AND lease_until IS NOT NULL)",
                        name="running_has_lease"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the registered kind (sunlight.create, paperballots.scan, estates.ledger_import, …)
    kind: Mapped[str] = mapped_column(String(40))
    state: Mapped[JobState] = mapped_column(Enum(JobState, native_enum=False, length=10),
                                            default=JobState.queued)
    #: the plain input the kind's runner needs (JSON)
    payload: Mapped[dict] = mapped_column(JSON)
    #: the uploaded file, kept only until the job ends (a re-run reads it again)
    upload: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    #: the uploaded file's name, as the person's device named it
    upload_name: Mapped[str | None] = mapped_column(String(200))
    #: what the job made (an analysis, a scan), once done
    subject_id: Mapped[int | None] = mapped_column(Integer)
    #: how many times a process has taken it
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: the process running it, "host:pid"
    runner: Mapped[str | None] = mapped_column(String(120))
    #: after this, a job whose runner is gone counts as interrupted
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: why it failed, in Chinese
    error: Mapped[str | None] = mapped_column(String(500))

    def __repr__(self):
        return f"<HeavyJob {self.id} estate={self.estate_id} {self.kind} {self.state.value}>"
