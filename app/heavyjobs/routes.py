"""Heavy-job routes: an estate's jobs for its committee, and re-running an interrupted one."""
from flask.views import MethodView
from flask_smorest import Blueprint

from app.auth.api import require_committee
from app.heavyjobs import services
from app.heavyjobs.schemas import HeavyJobSchema

blp = Blueprint("heavyjobs", __name__, url_prefix="/api/v1", description="后台任务")


def managed_job(job_id: int):
    """(job, user) for the job's estate committee (404 to outsiders, 403 to residents)."""
    job = services.get_job(job_id)
    return job, require_committee(job.estate_id)


@blp.route("/estates/<int:estate_id>/heavy-jobs")
class EstateJobs(MethodView):
    @blp.response(200, HeavyJobSchema(many=True))
    def get(self, estate_id):
        """The estate's jobs, newest first; an interrupted one says so (committee)."""
        require_committee(estate_id)
        return [services.view(job) for job in services.jobs_of(estate_id)]


@blp.route("/heavy-jobs/<int:job_id>")
class JobDetail(MethodView):
    @blp.response(200, HeavyJobSchema)
    def get(self, job_id):
        """One job (committee)."""
        job, _ = managed_job(job_id)
        return services.view(job)


@blp.route("/heavy-jobs/<int:job_id>/rerun")
class Rerun(MethodView):
    @blp.response(200, HeavyJobSchema)
    @blp.alt_response(409, description="the job is not interrupted, or is being re-run")
    def post(self, job_id):
        """Run an interrupted job again with the same input; the job as it ended (committee)."""
        job, user = managed_job(job_id)
        return services.view(services.rerun(job, user.id))
