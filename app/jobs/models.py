"""What the scheduler ran last: one row per job."""
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime
from app.extensions import db


class JobRun(db.Model):
    """The last run of one job, written under the job's lock."""

    __tablename__ = "job_runs"

    #: the job's registered name
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    #: when the last run started (the next one is due `every_s` later)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: when it ended; None while it runs (or if the process died in it)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the job's summary, or the error that stopped it
    outcome: Mapped[str | None] = mapped_column(String(500))
    #: whether it ended without an error
    ok: Mapped[bool | None]
    #: how many times it has run
    runs: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<JobRun {self.name} {self.started_at:%Y-%m-%d %H:%M:%S} ok={self.ok}>"
