"""The front door of app.jobs: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.jobs.models import JobRun
from app.jobs.registry import jobs_of, register_job
from app.jobs.runner import overview, run_due

__all__ = [
    "JobRun", "jobs_of", "overview", "register_job", "run_due",
]
