"""后台任务 on the console: the estate's heavy jobs (sunlight analyses, scan reads, ledger
imports), an interrupted one with its 重新运行 button (a form post, as POST
/api/v1/heavy-jobs/<id>/rerun), through app/heavyjobs' services."""
from flask import flash, redirect, url_for

from app.auth.api import require_committee
from app.errors import Conflict
from app.heavyjobs.api import messages, services
from app.web.console import bp, committee_page
from app.web.forms import check_csrf

bp.add_app_template_global(messages, "jobs_m")


@bp.app_template_global("interrupted_jobs")
def interrupted_jobs(estate_id: int, kind_prefix: str) -> int:
    """For the hint on the sunlight, ledger and paper pages (web/console/_jobs_hint.html)."""
    return services.interrupted_count(estate_id, kind_prefix)


@bp.get("/estates/<int:estate_id>/jobs")
@committee_page("jobs")
def heavy_jobs(estate):
    """The estate's jobs, newest first: what each made, why one failed, which can run again."""
    return "web/console/jobs.html", {"jobs": [services.view(job) for job in services.jobs_of(estate.id)]}


@bp.post("/heavy-jobs/<int:job_id>/rerun")
def rerun_job(job_id):
    """Run an interrupted job again with its input; back to the list, saying how it ended."""
    job = services.get_job(job_id)
    user = require_committee(job.estate_id)
    check_csrf()
    try:
        ended = services.view(services.rerun(job, user.id))
        flash(messages.RERUN_DONE.format(state=ended["state_label"]))
    except Conflict as refused:
        flash(refused.message)
    return redirect(url_for("console.heavy_jobs", estate_id=job.estate_id), code=303)
