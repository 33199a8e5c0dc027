"""The jobs of one app: a name, a function of `now` and how often it runs."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Job:
    #: unique, dotted by domain: "consultations.close_due"
    name: str
    #: called with the current aware UTC time inside an app context; returns a short summary
    func: Callable[[datetime], object]
    #: seconds between two runs
    every_s: int
    #: what it does, in Chinese, from the domain's messages.py (the street's 运行状况 page)
    label: str | None = None


def jobs_of(app) -> dict[str, Job]:
    return app.extensions.setdefault("jobs", {})


def register_job(app, name: str, func: Callable[[datetime], object], *, every_s: int,
                 label: str | None = None) -> Job:
    """Add a job to the app's scheduler (call it from the domain's init_app)."""
    jobs = jobs_of(app)
    if name in jobs:
        raise RuntimeError(f"job {name!r} is registered twice")
    jobs[name] = Job(name, func, every_s, label)
    return jobs[name]
